/**
 * A measured web process: the real Fastify server of the UI (client/web/server.ts) as scripts/app.ts builds
 * it, on the embedded database the product worker kept (its directory: the demo organisation and the case index
 * the cases wrote; the worker has stopped, so this process is its one owner), listening on a free loopback port.
 * The accounts the bench signs in with get the demo password.
 *
 * Usage (by the bench): web.ts <temporal address> <namespace> <task queue> <username,username,…> <database dir>
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DEMO_PASSWORD, seedDemoPasswords } from '../../store/credentials.js';
import { openMigratedDatabase, seedDemoData } from '../../store/index.js';
import { CasesClient } from '../../client/lib/cases.js';
import { buildWebServer } from '../../client/web/server.js';
import { serveChild } from './protocol.js';

const [address, namespace, taskQueue, usernames, dbDir] = process.argv.slice(2);
if (!address || !namespace || !taskQueue || !usernames || !dbDir) {
  throw new Error('usage: web.ts <address> <namespace> <taskQueue> <usernames> <dbDir>');
}

serveChild(async () => {
  const db = await openMigratedDatabase(`pglite:${dbDir}`);
  await seedDemoData(db);
  await seedDemoPasswords(db, usernames.split(','), DEMO_PASSWORD);
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, namespace });
  const outbox = mkdtempSync(path.join(tmpdir(), 'tdkt-bench-web-'));
  const app = await buildWebServer({
    config: { TEMPORAL_UI_URL: 'http://127.0.0.1:8233', OUTBOX_DIR: outbox, PUBLIC_URL: 'http://127.0.0.1' },
    db,
    temporal: client,
    cases: new CasesClient(client, taskQueue),
    showOutbox: false,
    logLevel: 'warn',
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const listening = app.server.address();
  if (!listening || typeof listening === 'string') throw new Error('the web server has no TCP address');
  return {
    port: listening.port,
    stop: async () => {
      await app.close();
      await connection.close();
      await db.close();
      rmSync(outbox, { recursive: true, force: true });
    },
  };
});
