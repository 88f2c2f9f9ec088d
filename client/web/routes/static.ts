/** Public: the stylesheet (read once at start) and the health check. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { STATIC_DIR } from '../render.js';

export const staticRoutes: FastifyPluginAsync = async (app) => {
  const css = readFileSync(path.join(STATIC_DIR, 'app.css'), 'utf8');
  app.get('/static/app.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(css),
  );
  app.get('/healthz', async () => ({ ok: true }));
};
