/**
 * The fast tier: the nomination workflow on the time-skipping server with typed in-memory activities
 * (test/support/fake-activities.ts) — no database, SMTP or quota ledger workflow. It checks the workflow's own
 * logic: a whole journey to the book, the quota answer, a doubled submit, the reminders' timing. The same paths
 * run end to end with the real activities in nomination-journey, nomination-paths and nomination-submit-race.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toActionRefused } from '../../client/lib/cases.js';
import { vnDateKey } from '../../domain/calendar.js';
import type { NominationStartInput } from '../../domain/nomination/types.js';
import { nomination } from '../../workflows/index.js';
import { actionUpdates, nominationStateQuery } from '../../workflows/nomination/messages.js';
import { WORKFLOWS_PATH } from '../../worker/create-worker.js';
import { bundleWorkflows, startTimeSkippingServer, uniqueId } from '../harness/temporal.js';
import { waitFor } from '../harness/wait.js';
import { createFakeActivities, fakeActor, type FakeWorld } from '../support/fake-activities.js';

let env: TestWorkflowEnvironment;
let fake: FakeWorld;
let worker: Worker;
let running: Promise<void>;
const taskQueue = uniqueId('fast');

beforeAll(async () => {
  env = await startTimeSkippingServer();
  fake = createFakeActivities({ quotaLimit: 2, brokenLedgerCampaign: 'tk-broken' });
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await bundleWorkflows(WORKFLOWS_PATH),
    activities: fake.activities,
  });
  running = worker.run();
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

const unitHead = fakeActor('truong-kv2', 'unit_head', 'u-kv2');
const clusterHead = fakeActor('truong-kv1', 'cluster_head', 'u-kv1');
const secretary = fakeActor('thuong-truc', 'council_secretary', 'u-vp');
const leader = fakeActor('chu-tich', 'leadership', 'u-tinh');
const members = [
  leader,
  fakeActor('uy-vien-1', 'council_member', 'u-tinh'),
  fakeActor('uy-vien-2', 'council_member', 'u-vp'),
];

async function startCase(campaignId = uniqueId('tk'), personId = uniqueId('p')) {
  const input: NominationStartInput = {
    campaignId,
    year: 2025,
    track: 'regular',
    unitId: 'u-kv2',
    createdBy: fakeActor('van-thu-kv2', 'unit_clerk', 'u-kv2'),
    draft: {
      awardCode: 'giay-khen',
      nominee: { subject: 'individual', personId, unitId: 'u-kv2', displayName: 'Nguyễn Văn An' },
      dossier: [
        { code: 'to-trinh', title: 'Tờ trình', reference: 'TT-1' },
        { code: 'bao-cao-thanh-tich', title: 'Báo cáo thành tích', reference: 'BC-1' },
        { code: 'bien-ban-binh-xet-don-vi', title: 'Biên bản bình xét', reference: 'BB-1' },
      ],
      achievements: 'Hoàn thành xuất sắc nhiệm vụ.',
    },
  };
  const handle = await env.client.workflow.start(nomination, {
    taskQueue,
    workflowId: `nomination/${campaignId}/u-kv2/${uniqueId('n')}`,
    args: [input],
  });
  await waitFor(() => handle.query(nominationStateQuery).then(() => undefined));
  return handle;
}

type Handle = Awaited<ReturnType<typeof startCase>>;
const act = <A extends keyof typeof actionUpdates>(handle: Handle, action: A, input: object) =>
  handle.executeUpdate(actionUpdates[action], { args: [input as never] });

async function refusalCode(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => toActionRefused(error)?.code,
  );
}

describe('nomination with in-memory activities (fast tier)', () => {
  it('goes from the unit to the book, holding one quota place', async () => {
    const handle = await startCase();
    expect((await act(handle, 'submit', { actor: unitHead })).stage).toBe('cluster_review');
    expect((await act(handle, 'endorse', { actor: clusterHead, rank: 1 })).stage).toBe('standing_body_check');
    expect((await act(handle, 'verify', { actor: secretary, complete: true, missingItems: [] })).stage).toBe(
      'council_vote',
    );
    for (const member of members) await act(handle, 'vote', { actor: member, choice: 'yes' });
    // Every seat has voted: the vote closes itself.
    expect((await handle.query(nominationStateQuery)).stage).toBe('leadership_approval');
    const today = vnDateKey(new Date(await env.currentTimeMs()).toISOString());
    await act(handle, 'approve', { actor: leader, decisionNumber: '12/QĐ-VKS', decisionDate: today });
    // The book row is written by the main loop after the answer; the case records its key once the row exists.
    await waitFor(async () =>
      expect((await handle.query(nominationStateQuery)).bookEntryKey).toBe(`${handle.workflowId}#award`),
    );
    expect(fake.book.get(handle.workflowId)).toEqual({ revoked: false });
    expect((await handle.query(nominationStateQuery)).stage).toBe('awarded');
    expect([...fake.reservations.values()].filter((held) => held.has(handle.workflowId))).toHaveLength(1);
    // The award settles its place (still counted) so the campaign's ledger may close.
    await waitFor(() =>
      expect([...fake.settled.values()].filter((done) => done.has(handle.workflowId))).toHaveLength(1),
    );
  });

  it("refuses a submit beyond the unit's quota with the ledger's Vietnamese reason, and changes nothing", async () => {
    const campaignId = uniqueId('tk-quota');
    const [a, b, c] = [await startCase(campaignId), await startCase(campaignId), await startCase(campaignId)];
    await act(a, 'submit', { actor: unitHead });
    await act(b, 'submit', { actor: unitHead });
    expect(await refusalCode(act(c, 'submit', { actor: unitHead }))).toBe('quota');
    const state = await c.query(nominationStateQuery);
    expect(state.stage).toBe('draft');
    expect(state.quotaReserved).toBe(false);
  });

  it('takes one of two submits sent together; the other is refused before it enters history', async () => {
    const handle = await startCase();
    const submit = () =>
      act(handle, 'submit', { actor: unitHead }).then(
        () => 'ok',
        (e: unknown) => toActionRefused(e)?.code,
      );
    const outcomes = await Promise.all([submit(), submit()]);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    // Refused while the first is in flight, or after it went through (wrong stage): by the validator either way.
    expect(outcomes.filter((o) => o !== 'ok')[0]).toMatch(/^(submission-pending|wrong-stage)$/);
    const events = (await handle.fetchHistory()).events ?? [];
    const acceptedSubmits = events.filter(
      (e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'submit',
    );
    expect(acceptedSubmits).toHaveLength(1);
    const state = await handle.query(nominationStateQuery);
    expect(state.audit.filter((a) => a.action === 'submit')).toHaveLength(1);
  });

  it('says in Vietnamese when the quota ledger cannot answer, and the case stays a draft that takes actions', async () => {
    const handle = await startCase(uniqueId('tk-broken'));
    expect(await refusalCode(act(handle, 'submit', { actor: unitHead }))).toBe('quota-unavailable');
    expect((await handle.query(nominationStateQuery)).stage).toBe('draft');
    // Nothing is left pending: the unit may act on the case at once.
    expect((await act(handle, 'withdraw', { actor: unitHead, reason: 'Đơn vị rút hồ sơ' })).stage).toBe('withdrawn');
  });

  it('writes its row of the case index after each change, newer versions over older, the last waiting on nobody', async () => {
    const handle = await startCase();
    const rowOf = () => fake.index.get(handle.workflowId);
    await waitFor(async () => expect(rowOf()).toMatchObject({ stage: 'draft', waitingRole: 'unit_head' }));
    const draft = rowOf()!;
    expect(draft).toMatchObject({
      kind: 'nomination',
      unitName: 'Viện kiểm sát khu vực 2',
      nomineeName: 'Nguyễn Văn An',
      nomineeFolded: 'nguyen van an',
      awardName: 'Giấy khen của Viện trưởng VKSND tỉnh',
      waitingUnit: 'u-kv2',
      status: 'open',
    });
    await act(handle, 'submit', { actor: unitHead });
    await waitFor(async () => expect(rowOf()).toMatchObject({ stage: 'cluster_review', waitingRole: 'cluster_head' }));
    expect(rowOf()!.version).toBeGreaterThan(draft.version);
    await act(handle, 'withdraw', { actor: unitHead, reason: 'Đơn vị rút hồ sơ' });
    await handle.result();
    expect(rowOf()).toMatchObject({ stage: 'withdrawn', status: 'closed', waitingRole: null, waitingUnit: null });
  });

  it('ends when it is cancelled, without a failed workflow task', async () => {
    const handle = await startCase();
    await handle.cancel();
    await expect(handle.result()).rejects.toThrow();
    expect((await handle.describe()).status.name).toBe('CANCELLED');
    const events = (await handle.fetchHistory()).events ?? [];
    expect(events.filter((e) => e.workflowTaskFailedEventAttributes)).toEqual([]);
  });

  it('reminds before the due date and escalates after it, with time skipped', async () => {
    const handle = await startCase();
    const { dueAt } = await handle.query(nominationStateQuery);
    await env.sleep(Date.parse(dueAt!) - (await env.currentTimeMs()) + 3 * 86_400_000);
    await waitFor(async () => {
      const { notices } = await handle.query(nominationStateQuery);
      expect(new Set(notices.map((n) => n.kind))).toEqual(new Set(['reminder', 'due', 'escalation']));
    });
    const { notices } = await handle.query(nominationStateQuery);
    // Reminders come before the due date, escalations after it.
    for (const n of notices) {
      if (n.kind === 'reminder') expect(Date.parse(n.at)).toBeLessThan(Date.parse(dueAt!));
      if (n.kind === 'escalation') expect(Date.parse(n.at)).toBeGreaterThan(Date.parse(dueAt!));
    }
  });
});
