/** Public (embedded demo only): the local mail catcher's outbox, so a visitor sees the mails the cases sent. */
import type { FastifyPluginAsync } from 'fastify';
import { readCaughtMails } from '../../mail-catcher/catcher.js';
import type { RouteOptions } from '../http/deps.js';
import { renderPage } from '../render.js';

export const outboxRoutes: FastifyPluginAsync<RouteOptions> = async (app, { deps }) => {
  app.get('/hop-thu-di', async (request, reply) => {
    const mails = await readCaughtMails(deps.config.OUTBOX_DIR);
    return renderPage(request, reply, 'outbox', { title: 'Hộp thư đi', mails });
  });
};
