/**
 * The setup most workflow test files share: a private Java time-skipping server and a case world on it for the
 * file's tests, closed after them. Kept apart from case-world.ts, which the history recorder also imports
 * outside vitest.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll } from 'vitest';
import { startTimeSkippingServer } from '../harness/temporal.js';
import { createCaseWorld, type CaseWorld, type CaseWorldOptions } from './case-world.js';

export interface TimeSkippingWorld {
  env: TestWorkflowEnvironment;
  world: CaseWorld;
}

/** Registers the file's beforeAll/afterAll; `onReady` receives the server and the world once both run. */
export function withTimeSkippingWorld(onReady: (started: TimeSkippingWorld) => void, options?: CaseWorldOptions): void {
  let env: TestWorkflowEnvironment | undefined;
  let world: CaseWorld | undefined;
  beforeAll(async () => {
    env = await startTimeSkippingServer();
    world = await createCaseWorld(env, options);
    onReady({ env, world });
  });
  afterAll(async () => {
    await world?.close();
    await env?.teardown();
  });
}
