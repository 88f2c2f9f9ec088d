/**
 * The web UI server (a Temporal client). For now: a Vietnamese start page with the links a user needs,
 * the outbox of the local mail catcher ("Hộp thư đi") and a health check.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppConfig } from '../../domain/config.js';
import { readCaughtMails } from '../mail-catcher/catcher.js';
import { html, type SafeHtml } from './html.js';

export interface WebServerOptions {
  config: Pick<AppConfig, 'TEMPORAL_UI_URL' | 'OUTBOX_DIR'>;
  /** Show the local mail catcher's outbox (embedded default only). */
  showOutbox: boolean;
}

function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · tdkt-flow</title>
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`.value;
}

export function buildWebServer(options: WebServerOptions): FastifyInstance {
  const app = Fastify({ logger: { level: 'warn' } });

  app.get('/healthz', async () => ({ ok: true }));

  app.get('/', async (_request, reply) => {
    const body = html` <h1>Thi đua, khen thưởng — VKSND</h1>
      <p>Hệ thống quy trình thi đua, khen thưởng chạy trên Temporal.</p>
      <ul>
        <li><a href="${options.config.TEMPORAL_UI_URL}">Temporal Web UI (lịch sử quy trình)</a></li>
        ${options.showOutbox ? html`<li><a href="/hop-thu-di">Hộp thư đi</a></li>` : ''}
      </ul>`;
    return reply.type('text/html; charset=utf-8').send(page('Trang chủ', body));
  });

  if (options.showOutbox) {
    app.get('/hop-thu-di', async (_request, reply) => {
      const mails = await readCaughtMails(options.config.OUTBOX_DIR);
      const rows = mails.map(
        (m) =>
          html`<tr>
            <td>${m.date ?? ''}</td>
            <td>${m.to.join(', ')}</td>
            <td>${m.subject ?? ''}</td>
          </tr>`,
      );
      const body = html` <h1>Hộp thư đi</h1>
        ${
          mails.length === 0
            ? html`<p>Chưa có thư nào.</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th>Thời gian</th>
                    <th>Người nhận</th>
                    <th>Tiêu đề</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows}
                </tbody>
              </table>`
        }`;
      return reply.type('text/html; charset=utf-8').send(page('Hộp thư đi', body));
    });
  }
  return app;
}
