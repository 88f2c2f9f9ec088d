/**
 * A measured worker process. `product`: the tdkt worker exactly as worker/main.ts builds it (createWorker with
 * the real activities and dependencies: embedded database seeded with the demo organisation, SMTP to the
 * local mail catcher). `baseline`: a bare worker that only runs bench/baseline/workflows.ts.
 *
 * Usage (by the bench): worker.ts <product|baseline> <temporal address> <namespace> <task queue> <database dir|->
 * [snapshot prefix]. The product keeps its embedded database in that directory, for the web process to read the
 * case index the cases wrote once this worker has stopped. With a snapshot prefix, the worker writes heap
 * snapshots of its workflow threads when asked to stop.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { startMailCatcher } from '../../client/mail-catcher/catcher.js';
import { parseConfig } from '../../domain/config.js';
import { createWorker } from '../../worker/create-worker.js';
import { openActivityDeps } from '../../worker/dependencies.js';
import { serveChild } from './protocol.js';
import { trackWorkflowThreads, writeWorkflowThreadSnapshots } from './workflow-threads.js';

export const BASELINE_WORKFLOWS_PATH = new URL('../baseline/workflows.ts', import.meta.url).pathname;

const [kind, address, namespace, taskQueue, dbDir, snapshotPrefix] = process.argv.slice(2);
if ((kind !== 'product' && kind !== 'baseline') || !address || !namespace || !taskQueue || !dbDir) {
  throw new Error('usage: worker.ts <product|baseline> <address> <namespace> <taskQueue> <dbDir|->');
}

Runtime.install({ logger: new DefaultLogger('WARN') });
if (snapshotPrefix) trackWorkflowThreads();

serveChild(async () => {
  const connection = await NativeConnection.connect({ address });
  const closers: (() => Promise<void>)[] = [];
  let worker: Worker;
  if (kind === 'product') {
    const outbox = mkdtempSync(path.join(tmpdir(), 'tdkt-bench-outbox-'));
    const catcher = await startMailCatcher({ host: '127.0.0.1', port: 0, dir: outbox });
    const config = parseConfig({
      TEMPORAL_ADDRESS: address,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      DATABASE_URL: dbDir === '-' ? 'pglite:' : `pglite:${dbDir}`,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(catcher.port),
      OUTBOX_DIR: outbox,
    });
    const opened = await openActivityDeps(config);
    worker = await createWorker({ connection, namespace, taskQueue, deps: opened.deps });
    closers.push(
      () => opened.close(),
      () => catcher.close(),
      async () => rmSync(outbox, { recursive: true, force: true }),
    );
  } else {
    worker = await Worker.create({ connection, namespace, taskQueue, workflowsPath: BASELINE_WORKFLOWS_PATH });
  }
  const running = worker.run();
  return {
    stop: async () => {
      // Before shutdown: the cached workflows are what a snapshot is for, and shutting down evicts them.
      if (snapshotPrefix)
        console.log(`heap snapshots: ${(await writeWorkflowThreadSnapshots(snapshotPrefix)).join(', ')}`);
      worker.shutdown();
      await running;
      await connection.close();
      for (const close of closers) await close();
    },
  };
});
