/**
 * Helpers for test files that need Temporal: the shared dev server, a private time-skipping server,
 * workflow bundles built once per file, and unique ids.
 */
import { randomUUID } from 'node:crypto';
import * as testing from '@temporalio/testing';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { inject } from 'vitest';
import { isSlowStart, registerSearchAttributes, startTimeSkipping } from '../../rehearsal/time-skipping.js';

export { isSlowStart, registerSearchAttributes };

/** Connects to the dev server that global-setup started (supports visibility queries, no time skipping). */
export async function connectToDevServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createFromExistingServer({
    address: inject('temporalAddress'),
    namespace: inject('temporalNamespace'),
  });
}

/**
 * Starts a private Java time-skipping server for this file (no List/Count visibility, no Schedules), with
 * the project's search attributes registered (it refuses workflows that upsert unknown ones), tried again
 * when the JVM is slower than the SDK's fixed 5 s (rehearsal/time-skipping.ts).
 */
export async function startTimeSkippingServer(
  options: { executable?: string | null; attempts?: number } = {},
): Promise<TestWorkflowEnvironment> {
  const path = options.executable === undefined ? inject('testServerPath') : options.executable;
  return startTimeSkipping(testing, path, options.attempts);
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
