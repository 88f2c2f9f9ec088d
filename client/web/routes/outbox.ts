/**
 * The local mail catcher's outbox (the embedded demo only), so the demo's administrator sees the mails the cases
 * sent. It lists every caught mail, names and addresses included: registered only in demo mode, inside the signed-in
 * scope (server.ts), and shown to administrators alone (issue #14).
 */
import type { FastifyPluginAsync } from 'fastify';
import { readCaughtMails } from '../../mail-catcher/catcher.js';
import { requireRole } from '../http/account.js';
import type { RouteOptions } from '../http/deps.js';
import { renderPage } from '../render.js';

export const outboxRoutes: FastifyPluginAsync<RouteOptions> = async (app, { deps }) => {
  app.get('/hop-thu-di', async (request, reply) => {
    requireRole(request, ['admin']);
    const mails = await readCaughtMails(deps.config.OUTBOX_DIR);
    return renderPage(request, reply, 'outbox', { title: 'Hộp thư đi', mails });
  });
};
