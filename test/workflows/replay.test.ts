/**
 * Committed histories of finished nomination journeys (test/fixtures/histories/product, recorded by
 * `npm run histories:record`) replay against the current workflow code: a change that would break cases
 * already running fails here, and must go behind patched(). Each replays under the workflow id it ran under.
 */
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { BUNDLES, LEGACY_HISTORIES, SCENARIOS, historiesDir } from '../fixtures/scenarios.js';
import { loadHistories, patchIdsOf } from '../harness/histories.js';

const EventType = temporal.api.enums.v1.EventType;

describe('replay of committed product histories', () => {
  const histories = loadHistories(historiesDir('product'));

  it('has a committed history for every product scenario, and the legacy ones', () => {
    const expected = [
      ...SCENARIOS.filter((s) => s.bundle === 'product').map((s) => s.name),
      ...LEGACY_HISTORIES.product,
    ];
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

  it('keeps a legacy history unmarked: the 6a13e80 advanced models, ended at the selection, replay the old path', () => {
    const legacy = histories.find((h) => h.name === 'year-advanced-models-selected-6a13e80')!;
    expect(patchIdsOf(legacy.history)).toEqual([]);
    const types = (legacy.history.events ?? []).map((e) => e.eventType);
    // It ended at the selection: its last update (select) is followed by the result mail and completion only.
    expect(types.filter((t) => t === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED)).toHaveLength(3);
    expect(types.at(-1)).toBe(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
  });

  it('marks a new advanced-models case at its selection: it then waits for send_on', () => {
    const sentOn = histories.find((h) => h.name === 'year-advanced-models-selected-then-sent-on')!;
    expect(patchIdsOf(sentOn.history)).toEqual(['year-reminders-whole-second', 'case-index', 'advanced-model-send-on']);
  });

  it('marks year cases created now as rounding their reminders to the whole second; the legacy one does not', () => {
    const marked = (name: string) =>
      patchIdsOf(histories.find((h) => h.name === name)!.history).includes('year-reminders-whole-second');
    for (const name of [
      'year-registration-reminded-then-registered',
      'year-compact-signed-late',
      'year-complaint-proposed-then-dismissed-by-leader',
      'year-complaint-resolved-by-standing-body-22256a8',
    ])
      expect(marked(name), name).toBe(true);
    expect(marked('year-advanced-models-selected-6a13e80')).toBe(false);
  });

  it('keeps the complaint the standing body concluded alone (before complaint-leader-concludes); new ones go through the leadership', () => {
    // Each accepted Update of a history: its name and the role of its actor.
    const updates = (name: string) =>
      (histories.find((h) => h.name === name)!.history.events ?? []).flatMap((e) => {
        const input = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input;
        const data = input?.args?.payloads?.[0]?.data;
        if (!input || !data) return [];
        const arg = JSON.parse(Buffer.from(data).toString('utf8')) as { actor: { role: string } };
        return [`${input.name}:${arg.actor.role}`];
      });
    expect(updates('year-complaint-resolved-by-standing-body-22256a8')).toEqual(['resolve:council_secretary']);
    expect(updates('year-complaint-proposed-then-dismissed-by-leader')).toEqual([
      'hold_case:council_secretary',
      'propose:council_secretary',
      'resolve:leadership',
    ]);
  });
});
