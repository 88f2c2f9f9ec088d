/**
 * Starts ONE real Temporal dev server (the Temporal CLI, SQLite in memory) for every test file of the
 * `temporal` project, with the project's search attributes registered, and hands its address to the
 * files through vitest's provide/inject. Also resolves the Java time-skipping test server once.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { TestProject } from 'vitest/node';
import { ALL_SEARCH_ATTRIBUTES } from '../../domain/search-attributes.js';
import { ensureTemporalCli, ensureTestServer } from '../../scripts/tools/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    temporalNamespace: string;
    /** Path of the time-skipping test server wrapper; null means "let the SDK download it". */
    testServerPath: string | null;
    /** Path of the Temporal CLI that runs the dev server; null when the SDK downloaded it. */
    temporalCliPath: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cli = ensureTemporalCli();
  const testServer = ensureTestServer();
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: cli ? { type: 'existing-path', path: cli.path } : undefined,
      searchAttributes: ALL_SEARCH_ATTRIBUTES,
      log: { format: 'pretty', level: 'error' },
    },
  });
  project.provide('temporalAddress', env.address);
  project.provide('temporalNamespace', env.namespace ?? 'default');
  project.provide('testServerPath', testServer?.path ?? null);
  project.provide('temporalCliPath', cli?.path ?? null);
  return async () => {
    await env.teardown();
  };
}
