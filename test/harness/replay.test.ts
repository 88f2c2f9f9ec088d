import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { BUNDLES, historiesDir } from '../fixtures/scenarios.js';
import { loadHistories } from './histories.js';

describe('committed history replay', () => {
  const histories = loadHistories(historiesDir('harness'));

  it('has committed harness histories to replay', () => {
    expect(histories.map((h) => h.workflowId)).toContain('harness-sleep-2-days');
  });

  it('replays every committed history against the current code without non-determinism', async () => {
    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath: BUNDLES.harness }, histories)) {
      results.push(result);
    }
    expect(results).toHaveLength(histories.length);
    for (const result of results) expect(result.error, result.workflowId).toBeUndefined();
  });

  it('fails when the workflow code changes incompatibly (the guard works)', async () => {
    const changed = new URL('../fixtures/harness/workflows-changed.ts', import.meta.url).pathname;
    const history = histories.find((h) => h.workflowId === 'harness-sleep-2-days')!;
    await expect(Worker.runReplayHistory({ workflowsPath: changed }, history.history)).rejects.toBeInstanceOf(
      DeterminismViolationError,
    );
  });
});
