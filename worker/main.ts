/**
 * The standalone worker process (docker-compose `worker` service, `npm run worker`): connects to
 * Temporal, polls the task queue, and stops cleanly on SIGINT/SIGTERM (finishing tasks in flight).
 */
import { NativeConnection } from '@temporalio/worker';
import { parseConfig } from '../domain/config.js';
import { prebuiltBundle } from './bundle.js';
import { connectPatiently } from '../client/lib/connect-patiently.js';
import { createWorker } from './create-worker.js';
import { openActivityDeps } from './dependencies.js';
import { ensurePlanScheduleAtStartup } from './plan-schedule-at-startup.js';

const config = parseConfig(process.env);
const opened = await openActivityDeps(config);
const connection = await connectPatiently(`Temporal at ${config.TEMPORAL_ADDRESS}`, () =>
  NativeConnection.connect({ address: config.TEMPORAL_ADDRESS }),
);
const worker = await createWorker({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  deps: opened.deps,
  maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
  ...(config.WORKFLOW_BUNDLE ? { workflowBundle: prebuiltBundle(config.WORKFLOW_BUNDLE) } : {}),
});
// The worker, not the web UI, owns the next-year Schedule (see plan-schedule-at-startup.ts); never fatal.
await ensurePlanScheduleAtStartup(opened.client, {
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  db: opened.db,
  orgUnitId: config.PLAN_ORG_UNIT_ID,
});
console.log(`worker: polling task queue "${config.TEMPORAL_TASK_QUEUE}" on ${config.TEMPORAL_ADDRESS}`);
// The SDK's runtime turns SIGINT/SIGTERM into worker.shutdown(); run() resolves once tasks in flight are done.
await worker.run();
await connection.close();
await opened.close();
