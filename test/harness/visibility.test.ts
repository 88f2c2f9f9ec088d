import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SA } from '../../domain/search-attributes.js';
import { finishSignal, taggedCase } from '../fixtures/harness/workflows.js';
import { bundleWorkflows, connectToDevServer, uniqueId } from './temporal.js';
import { waitFor } from './wait.js';

let env: TestWorkflowEnvironment;
let bundle: Awaited<ReturnType<typeof bundleWorkflows>>;

beforeAll(async () => {
  env = await connectToDevServer();
  bundle = await bundleWorkflows(new URL('../fixtures/harness/workflows.ts', import.meta.url).pathname);
});
afterAll(async () => {
  await env?.teardown();
});

async function listIds(query: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const wf of env.client.workflow.list({ query })) ids.push(wf.workflowId);
  return ids.sort();
}

describe('dev server visibility', () => {
  it('lists workflows by the project custom search attributes', async () => {
    const taskQueue = uniqueId('harness-vis');
    const unit = uniqueId('unit'); // a value no other test uses, so the list is exactly ours
    const otherUnit = uniqueId('unit');
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle });

    await worker.runUntil(async () => {
      const start = (u: string) =>
        env.client.workflow.start(taggedCase, {
          taskQueue,
          workflowId: uniqueId('tagged'),
          typedSearchAttributes: [{ key: SA.unit, value: u }],
        });
      const ours = await Promise.all([start(unit), start(unit), start(unit)]);
      const theirs = await start(otherUnit);

      const expected = ours.map((h) => h.workflowId).sort();
      await waitFor(async () =>
        expect(await listIds(`TdktUnit = "${unit}" AND TdktStage = "waiting"`)).toEqual(expected),
      );
      expect(await listIds(`TdktUnit = "${otherUnit}"`)).toEqual([theirs.workflowId]);

      // The stage attribute the workflow upserts moves the case between lists.
      await ours[0].signal(finishSignal);
      await waitFor(async () =>
        expect(await listIds(`TdktUnit = "${unit}" AND TdktStage = "done"`)).toEqual([ours[0].workflowId]),
      );
      const count = await env.client.workflow.count(`TdktUnit = "${unit}" AND TdktStage = "waiting"`);
      expect(count.count).toBe(2);

      await Promise.all([...ours, theirs].map((h) => h.terminate('test finished')));
    });
  });
});
