/**
 * The application process of `npm start` (embedded default): the worker, the web UI and the local
 * SMTP catcher in one Node process, so they can share one embedded database. docker-compose runs the
 * worker and the web UI as separate services against PostgreSQL instead.
 */
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { parseConfig } from '../domain/config.js';
import { startMailCatcher } from '../client/mail-catcher/catcher.js';
import { buildWebServer } from '../client/web/server.js';
import { CasesClient } from '../client/lib/cases.js';
import { seedLivingDemoInBackground } from '../client/demo/seed.js';
import { ensureDemoPasswords } from '../store/demo-passwords.js';
import { planOrganisation } from '../store/plan-organisation.js';
import { createWorker } from '../worker/create-worker.js';
import { openActivityDeps } from '../worker/dependencies.js';
import { ensurePlanScheduleAtStartup } from '../worker/plan-schedule-at-startup.js';

// Keep the terminal readable: warnings and errors only (the bundler's INFO lines are noise here).
Runtime.install({ logger: new DefaultLogger('WARN') });
const config = parseConfig(process.env);
const catcher = await startMailCatcher({ host: config.SMTP_HOST, port: config.SMTP_PORT, dir: config.OUTBOX_DIR });
const opened = await openActivityDeps(config);
const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
const worker = await createWorker({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  deps: opened.deps,
  maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
});
// Idempotent, and never fatal: a failure is logged and the app comes up anyway.
await ensurePlanScheduleAtStartup(opened.client, {
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  db: opened.db,
  orgUnitId: config.PLAN_ORG_UNIT_ID,
});
if (config.SEED_DEMO_DATA) await ensureDemoPasswords(opened.db);
// True until the living demo is ready (started below, once the worker polls): the sign-in page says so meanwhile.
let demoPreparing = config.SEED_DEMO_DATA;
const web = await buildWebServer({
  config,
  db: opened.db,
  temporal: opened.client,
  cases: new CasesClient(opened.client, config.TEMPORAL_TASK_QUEUE),
  showOutbox: true,
  showDemoLogins: config.SEED_DEMO_DATA,
  demoPreparing: () => demoPreparing,
  orgUnitId: config.PLAN_ORG_UNIT_ID,
});
await web.listen({ host: config.WEB_HOST, port: config.WEB_PORT });
console.log(
  `app: worker polling "${config.TEMPORAL_TASK_QUEUE}", web UI on http://${config.WEB_HOST}:${config.WEB_PORT}, SMTP catcher on ${config.SMTP_HOST}:${catcher.port}`,
);

// The SDK's runtime turns SIGINT/SIGTERM into worker.shutdown(); once drained, close the rest in order.
const running = worker.run();
// The living demo (client/demo): the current year's plan, cases and inboxes, made through the workflows once the
// worker polls; in the background, because it takes a minute on a first start and the web UI is usable meanwhile.
const stopDemo = new AbortController();
// Stopped at the signal itself, not once the worker has drained: a step waiting on the stopping worker gives up now.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stopDemo.abort());
const demo = config.SEED_DEMO_DATA
  ? seedLivingDemoInBackground({
      client: opened.client,
      db: opened.db,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      orgUnitId: (await planOrganisation(opened.db, config.PLAN_ORG_UNIT_ID)).orgUnitId,
      signal: stopDemo.signal,
    }).finally(() => (demoPreparing = false))
  : Promise.resolve();
await running;
stopDemo.abort();
// The seeder checks the signal between steps and in every wait; a step in flight (an action waiting for the worker
// that just stopped) is not waited for long: it fails quietly once things close, and the next start takes it up.
await Promise.race([demo, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
await web.close();
await catcher.close();
await connection.close();
await opened.close();
console.log('app: stopped');
