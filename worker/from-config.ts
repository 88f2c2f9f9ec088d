/**
 * The product's worker as configured by the environment (domain/config.ts): its real dependencies, a connection
 * that waits for Temporal, and the worker from the prebuilt bundle when WORKFLOW_BUNDLE names one. Shared by the
 * standalone worker (worker/main.ts) and the fault suite's worker processes (scripts/chaos/worker-entry.ts), so
 * the suite kills exactly what production runs.
 */
import { NativeConnection, type Worker } from '@temporalio/worker';
import { connectPatiently } from '../client/lib/connect-patiently.js';
import type { AppConfig } from '../domain/config.js';
import { prebuiltBundle } from './bundle.js';
import { createWorker } from './create-worker.js';
import { openActivityDeps, type OpenedDeps } from './dependencies.js';

export interface ConfiguredWorker {
  worker: Worker;
  opened: OpenedDeps;
  /** Closes the connection and the dependencies, once the worker has stopped. */
  close: () => Promise<void>;
}

export async function workerFromConfig(config: AppConfig): Promise<ConfiguredWorker> {
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
  return {
    worker,
    opened,
    close: async () => {
      await connection.close();
      await opened.close();
    },
  };
}
