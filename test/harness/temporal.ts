/**
 * Helpers for test files that need Temporal: the shared dev server, a private time-skipping server,
 * workflow bundles built once per file, and unique ids.
 */
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { inject } from 'vitest';
import { registerSearchAttributes } from '../../rehearsal/time-skipping.js';

export { registerSearchAttributes };

/** Connects to the dev server that global-setup started (supports visibility queries, no time skipping). */
export async function connectToDevServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createFromExistingServer({
    address: inject('temporalAddress'),
    namespace: inject('temporalNamespace'),
  });
}

/**
 * Starts a private Java time-skipping server for this file (no List/Count visibility, no Schedules), with
 * the project's search attributes registered (it refuses workflows that upsert unknown ones).
 */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const path = inject('testServerPath');
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: path ? { type: 'existing-path', path } : undefined },
  });
  await registerSearchAttributes(env);
  return env;
}

/** Bundles workflow code once; pass the result to every Worker.create of the file. */
export async function bundleWorkflows(workflowsPath: string): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath, logger: quietBundlerLogger });
}

const noop = (): void => undefined;
const quietBundlerLogger = {
  trace: noop,
  debug: noop,
  info: noop,
  warn: console.warn,
  error: console.error,
  log: noop,
};

/** A task queue or workflow id no other test uses. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}
