/**
 * The standalone worker process (docker-compose `worker` service, `npm run worker`): connects to
 * Temporal, polls the task queue, and stops cleanly on SIGINT/SIGTERM (finishing tasks in flight).
 */
import { parseConfig } from '../domain/config.js';
import { workerFromConfig } from './from-config.js';
import { ensurePlanScheduleAtStartup } from './plan-schedule-at-startup.js';

const config = parseConfig(process.env);
const { worker, opened, close } = await workerFromConfig(config);
// The worker, not the web UI, owns the next-year Schedule (see plan-schedule-at-startup.ts); never fatal. Beside the
// worker, not before it: in a cluster still joining up it may wait up to two minutes for Temporal to answer.
// Aborted once the worker has stopped, so a start-up step still waiting for Temporal ends quietly (not awaited:
// a call in flight ends when the connection closes).
const stopping = new AbortController();
void ensurePlanScheduleAtStartup(opened.client, {
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  db: opened.db,
  orgUnitId: config.PLAN_ORG_UNIT_ID,
  signal: stopping.signal,
});
console.log(`worker: polling task queue "${config.TEMPORAL_TASK_QUEUE}" on ${config.TEMPORAL_ADDRESS}`);
// The SDK's runtime turns SIGINT/SIGTERM into worker.shutdown(); run() resolves once tasks in flight are done.
await worker.run();
stopping.abort();
await close();
