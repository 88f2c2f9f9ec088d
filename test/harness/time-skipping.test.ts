import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWorkflows, startTimeSkippingServer, uniqueId } from './temporal.js';
import { sleepForDays } from '../fixtures/harness/workflows.js';

const DAY_MS = 24 * 60 * 60 * 1000;
let env: TestWorkflowEnvironment;
let bundle: Awaited<ReturnType<typeof bundleWorkflows>>;

beforeAll(async () => {
  env = await startTimeSkippingServer();
  bundle = await bundleWorkflows(new URL('../fixtures/harness/workflows.ts', import.meta.url).pathname);
});
afterAll(async () => {
  await env?.teardown();
});

describe('time-skipping test server', () => {
  it('runs 30 simulated days of workflow time in a few seconds of wall time', async () => {
    expect(env.supportsTimeSkipping).toBe(true);
    const taskQueue = uniqueId('harness-ts');
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle });

    const wallStart = performance.now();
    const result = await worker.runUntil(
      env.client.workflow.execute(sleepForDays, { args: [30], taskQueue, workflowId: uniqueId('sleep-30') }),
    );
    const wallMs = performance.now() - wallStart;

    // Workflow time moved by exactly 30 days while the wall clock moved by far less.
    expect(result.wokeAtMs - result.startedAtMs).toBeGreaterThanOrEqual(30 * DAY_MS);
    expect(result.wokeAtMs - result.startedAtMs).toBeLessThan(30 * DAY_MS + 60_000);
    expect(wallMs).toBeLessThan(5_000);
  });
});
