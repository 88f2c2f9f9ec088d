/**
 * Builds the tdkt-flow worker: the product workflows (bundled from workflows/index.ts) and the
 * activities made from injected dependencies, so tests can pass their own mailer and database.
 */
import type { NativeConnection } from '@temporalio/worker';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities/index.js';

export const WORKFLOWS_PATH = new URL('../workflows/index.ts', import.meta.url).pathname;

export interface CreateWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** A prebuilt bundle (tests build one per file), or the file of one (WORKFLOW_BUNDLE, worker/bundle.ts); otherwise
   * the worker bundles workflows/index.ts. */
  workflowBundle?: WorkflowBundleWithSourceMap | { codePath: string };
  /** How many workflows stay in memory between tasks; defaults to DEFAULT_MAX_CACHED_WORKFLOWS. */
  maxCachedWorkflows?: number;
}

/**
 * Nominations wait weeks for people, so most cached workflows sit idle. The SDK sizes its cache from the heap
 * limit (about 2,300 here) and the bench showed a worker with ~2,000 open nominations running out of memory in
 * the workflow thread; an evicted case simply replays from its history on its next task.
 */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 500;

export async function createWorker(options: CreateWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities(options.deps),
    maxCachedWorkflows: options.maxCachedWorkflows ?? DEFAULT_MAX_CACHED_WORKFLOWS,
  });
}
