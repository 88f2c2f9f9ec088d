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
 *
 * The SDK waits a fixed 5 s for the server's port. The wrapper that `npm run tools` writes starts the JVM
 * from a class-data archive (well under a second), but a 2-core CI machine running other servers can still
 * be slower than that now and then, so a start that timed out is tried again (the SDK kills the slow one).
 */
export async function startTimeSkippingServer(
  options: { executable?: string | null; attempts?: number } = {},
): Promise<TestWorkflowEnvironment> {
  const path = options.executable === undefined ? inject('testServerPath') : options.executable;
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      const env = await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: path ? { type: 'existing-path', path } : undefined },
      });
      await registerSearchAttributes(env);
      return env;
    } catch (error) {
      if (attempt >= attempts || !isSlowStart(error)) throw error;
      console.warn(`time-skipping server: start ${attempt} of ${attempts} timed out; trying again`);
    }
  }
}

/** The SDK's "did not start within 5s": the JVM was slow, not broken. */
export function isSlowStart(error: unknown): boolean {
  return error instanceof Error && /did not start within/.test(error.message);
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
