/**
 * Committed histories of finished nomination journeys (test/fixtures/histories/product, recorded by
 * `npm run histories:record`) replay against the current workflow code: a change that would break cases
 * already running fails here, and must go behind patched(). Each replays under the workflow id it ran under.
 */
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { BUNDLES, SCENARIOS, historiesDir } from '../fixtures/scenarios.js';
import { loadHistories } from '../harness/histories.js';

describe('replay of committed product histories', () => {
  const histories = loadHistories(historiesDir('product'));

  it('has a committed history for every product scenario', () => {
    const expected = SCENARIOS.filter((s) => s.bundle === 'product').map((s) => s.name);
    expect(histories.map((h) => h.name).sort()).toEqual(expected.sort());
  });

  it('replays every one without non-determinism', async () => {
    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath: BUNDLES.product }, histories))
      results.push(result);
    expect(results).toHaveLength(histories.length);
    for (const result of results) expect(result.error, result.workflowId).toBeUndefined();
  });

  it('replays each history under the workflow id it ran under: a forwarded case names its linked case after it', async () => {
    const forwarded = histories.find((h) => h.name === 'nomination-forwarded-awarded')!;
    expect(forwarded.workflowId).toMatch(/^nomination\/.+\/hd-kv3\//);
    await expect(
      Worker.runReplayHistory({ workflowsPath: BUNDLES.product }, forwarded.history, forwarded.name),
    ).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
