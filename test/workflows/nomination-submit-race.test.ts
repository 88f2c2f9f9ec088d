/**
 * A submission holds a quota place through the ledger (an activity that sends the ledger an Update). Issue #14's
 * fault probe saw two cases stuck for good with a nondeterminism error after a client re-sent a submit while the
 * first one waited for the ledger, with workers killed meanwhile. These tests put a case in that spot on the dev
 * server: the first submit is held inside the ledger activity, the workflow worker goes away, a second submit
 * arrives, and a fresh worker that keeps nothing in its cache (every task replays the history) takes over.
 * A second submit must be refused at once (it never enters history), the same Update ID must answer once, the
 * case must end with one reservation, and its history must replay.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionPendingError, CasesClient, toActionRefused } from '../../client/lib/cases.js';
import { actionUpdates, nominationStateQuery } from '../../workflows/nomination/messages.js';
import { quotaLedgerId, quotaStateQuery } from '../../workflows/quota/messages.js';
import { BUNDLES } from '../fixtures/scenarios.js';
import { connectToDevServer, uniqueId } from '../harness/temporal.js';
import { createCaseWorld, startWorkflowWorker, type CaseWorld } from '../support/case-world.js';
import type { CaseHandle } from '../support/journey.js';

const EventType = temporal.api.enums.v1.EventType;

let env: TestWorkflowEnvironment;
let world: CaseWorld;

/** Holds the reserveQuota activity after the ledger has answered, until the test lets it finish. */
const ledgerGate = {
  entered: Promise.resolve(),
  open: () => {},
  reset() {
    let entered!: () => void;
    this.entered = new Promise<void>((resolve) => (entered = resolve));
    const gate = new Promise<void>((resolve) => (this.open = resolve));
    this.wait = async () => {
      entered();
      await gate;
    };
  },
  wait: async () => {},
};

beforeAll(async () => {
  env = await connectToDevServer();
  world = await createCaseWorld(env, {
    workflowWorker: false,
    wrapActivities: (activities) => ({
      ...activities,
      reserveQuota: async (input) => {
        const result = await activities.reserveQuota(input);
        await ledgerGate.wait();
        return result;
      },
    }),
  });
});
afterAll(async () => {
  await world?.close();
  await env?.teardown();
});

async function startCase(): Promise<CaseHandle> {
  const draft = await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex: 9 });
  return world.startNomination({ unitId: 'hd-kv2', draft, campaignId: uniqueId('tk') });
}

async function submit(handle: CaseHandle, updateId?: string) {
  return handle.executeUpdate(actionUpdates.submit, {
    args: [{ actor: await world.actor('truong.kv2') }],
    ...(updateId ? { updateId } : {}),
  });
}

async function refusalCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const refusal = toActionRefused(error);
    if (refusal) return refusal.code;
    throw error;
  }
  throw new Error('expected the action to be refused');
}

/** What the history says: the submits accepted, failed workflow tasks, and whether it replays. */
async function historyOf(handle: CaseHandle) {
  const history = await handle.fetchHistory();
  const events = history.events ?? [];
  const acceptedSubmits = events.filter(
    (e) =>
      e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED &&
      e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'submit',
  );
  const failedTasks = events.filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED);
  const replay = await Worker.runReplayHistory({ workflowsPath: BUNDLES.product }, history, handle.workflowId).then(
    () => 'replays',
    (error: unknown) => String(error),
  );
  return { acceptedSubmits: acceptedSubmits.length, failedTasks: failedTasks.length, replay };
}

async function reservationsOf(handle: CaseHandle) {
  const state = await handle.query(nominationStateQuery);
  const ledger = env.client.workflow.getHandle(quotaLedgerId(state.campaignId, state.unitId));
  const { reservations } = await ledger.query(quotaStateQuery);
  return reservations.filter((r) => r.caseId === handle.workflowId).length;
}

describe('a submit re-sent while the first waits for the quota ledger', () => {
  it('is refused at once while the first holds the ledger; the same Update ID answers once, after a worker change', async () => {
    ledgerGate.reset();
    const first = await startWorkflowWorker(world);
    const handle = await startCase();
    const original = submit(handle, 'submit-key-1');
    await ledgerGate.entered;

    // The first worker goes away mid-step, as a killed process would leave the case.
    await first.stop();
    const coldWorker = await startWorkflowWorker(world, { maxCachedWorkflows: 0 });
    try {
      expect(await refusalCode(submit(handle))).toBe('submission-pending');
      const comment = handle.executeUpdate(actionUpdates.comment, {
        args: [{ actor: await world.actor('truong.kv2'), text: 'Ghi chú trong lúc trình' }],
      });
      expect(await refusalCode(comment)).toBe('submission-pending');
      const retried = submit(handle, 'submit-key-1'); // the browser's retry of the same form: the same Update
      ledgerGate.open();
      const [a, b] = await Promise.all([original, retried]);
      expect(a).toEqual(b);
      expect(a.stage).not.toBe('draft');

      expect(await reservationsOf(handle)).toBe(1);
      expect(await historyOf(handle)).toEqual({ acceptedSubmits: 1, failedTasks: 0, replay: 'replays' });
    } finally {
      await coldWorker.stop();
    }
  });

  it('is refused when it reaches a fresh worker in the same task as the ledger answer', async () => {
    ledgerGate.reset();
    const first = await startWorkflowWorker(world);
    const handle = await startCase();
    const original = submit(handle);
    await ledgerGate.entered;
    await first.stop();
    // No workflow worker: the ledger's answer and the second submit wait for the same workflow task.
    ledgerGate.open();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const second = submit(handle).then(
      () => 'accepted',
      (error: unknown) =>
        error instanceof WorkflowUpdateFailedError ? (toActionRefused(error)?.code ?? 'failed') : 'x',
    );
    const coldWorker = await startWorkflowWorker(world, { maxCachedWorkflows: 0 });
    try {
      expect((await original).stage).not.toBe('draft');
      // Updates are handled before the activity's result in a task: the second submit meets the pending one.
      expect(await second).toBe('submission-pending');
      expect(await reservationsOf(handle)).toBe(1);
      expect(await historyOf(handle)).toEqual({ acceptedSubmits: 1, failedTasks: 0, replay: 'replays' });
    } finally {
      await coldWorker.stop();
    }
  });

  it('through the product client: a slow answer says "đang xử lý", and the same request id then gets the one result', async () => {
    ledgerGate.reset();
    const worker = await startWorkflowWorker(world);
    try {
      const handle = await startCase();
      const cases = new CasesClient(env.client, world.taskQueue);
      const input = { actor: await world.actor('truong.kv2') };
      const slow = cases.act(handle.workflowId, 'submit', input, { requestId: 'form-key-123', answerWithinMs: 1_000 });
      await expect(slow).rejects.toBeInstanceOf(ActionPendingError);
      await expect(slow).rejects.toMatchObject({ code: 'pending' });
      // The person sends the same form again (same key) while the first is still waiting: it attaches to it.
      const again = cases.act(handle.workflowId, 'submit', input, { requestId: 'form-key-123' });
      ledgerGate.open();
      expect((await again).stage).not.toBe('draft');
      // A third send of the same form after it went through answers the same, and applies nothing more.
      expect(await cases.act(handle.workflowId, 'submit', input, { requestId: 'form-key-123' })).toEqual(await again);
      expect(await reservationsOf(handle)).toBe(1);
      expect(await historyOf(handle)).toEqual({ acceptedSubmits: 1, failedTasks: 0, replay: 'replays' });
    } finally {
      await worker.stop();
    }
  });
});
