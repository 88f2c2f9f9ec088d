/** The standalone web UI process (docker-compose `web` service): the database, a Temporal client, the server. */
import { Client, Connection } from '@temporalio/client';
import { seedDemoData } from '../../store/demo-data.js';
import { ensureDemoPasswords } from '../../store/demo-passwords.js';
import { openMigratedDatabase } from '../../store/open.js';
import { connectPatiently } from '../lib/connect-patiently.js';
import { parseConfig } from '../../domain/config.js';
import { CasesClient } from '../lib/cases.js';
import { buildWebServer } from './server.js';

const config = parseConfig(process.env);
const db = await openMigratedDatabase(config.DATABASE_URL);
// Demo mode: this process serves the sign-in page, so it makes sure the demo organisation is there (the worker
// may not have loaded it yet; seeding is serialised and idempotent) and that its accounts have the demo password.
if (config.SEED_DEMO_DATA) {
  await seedDemoData(db);
  await ensureDemoPasswords(db);
}
const connection = await connectPatiently(`Temporal at ${config.TEMPORAL_ADDRESS}`, () =>
  Connection.connect({ address: config.TEMPORAL_ADDRESS }),
);
const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
const web = await buildWebServer({
  config,
  db,
  temporal,
  cases: new CasesClient(temporal, config.TEMPORAL_TASK_QUEUE),
  showOutbox: false,
  orgUnitId: config.PLAN_ORG_UNIT_ID,
});
await web.listen({ host: config.WEB_HOST, port: config.WEB_PORT });
console.log(`web: listening on http://${config.WEB_HOST}:${config.WEB_PORT}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(
    signal,
    () =>
      void web
        .close()
        .then(() => connection.close())
        .then(() => db.close())
        .then(() => process.exit(0)),
  );
}
