/**
 * The role × action matrix, enforced inside the workflow: every action tried by every wrong role, and by
 * the right role of a foreign unit, is refused with a Vietnamese message and writes nothing to history.
 * Fuzzed payloads are all refused the same clean way.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_NAMES, type ActionName } from '../../domain/nomination/actions.js';
import type { NominationStage } from '../../domain/stages.js';
import { actionUpdates, nominationStateQuery, type ActionResult } from '../../workflows/nomination/messages.js';
import { connectToDevServer } from '../harness/temporal.js';
import { createCaseWorld, type CaseWorld } from '../support/case-world.js';
import { journey, type CaseHandle } from '../support/journey.js';

let env: TestWorkflowEnvironment;
let world: CaseWorld;
const cases = new Map<NominationStage, CaseHandle>();
/** A Cờ thi đua ngành case of hd-kv3 in the cluster review, its cluster vote open (cluster-vote.ts). */
let flagCase: CaseHandle;

/** One user per role, from the case's own units and from foreign ones. */
const USERS = [
  'vanthu.kv2',
  'truong.kv2',
  'vanthu.kv5',
  'truong.kv5',
  'cumtruong.c1',
  'cumtruong.c2',
  'thuongtruc',
  'vu16.vkstc',
  'uyvien2',
  'vientruong',
  'admin',
];

/** Where each action is legitimate, who may take it there, and a well-formed input for it. */
const MATRIX: Record<
  Exclude<ActionName, 'comment'>,
  { stage: NominationStage; allowed: string[]; input: (draft: unknown) => object; onFlagCase?: true }
> = {
  edit: { stage: 'draft', allowed: ['vanthu.kv2', 'truong.kv2'], input: (draft) => ({ draft }) },
  submit: { stage: 'draft', allowed: ['truong.kv2'], input: () => ({}) },
  withdraw: { stage: 'draft', allowed: ['truong.kv2'], input: () => ({ reason: 'Rút hồ sơ' }) },
  hold: { stage: 'draft', allowed: ['thuongtruc'], input: () => ({ reason: 'Có khiếu nại' }) },
  extend: {
    stage: 'draft',
    allowed: ['thuongtruc', 'admin'],
    input: () => ({ newDueAt: '2030-01-01T00:00:00+07:00', reason: 'Gia hạn' }),
  },
  endorse: { stage: 'cluster_review', allowed: ['cumtruong.c1'], input: () => ({ rank: 1 }) },
  return: { stage: 'cluster_review', allowed: ['cumtruong.c1'], input: () => ({ reason: 'Bổ sung', toStep: 'unit' }) },
  reject: { stage: 'cluster_review', allowed: ['cumtruong.c1'], input: () => ({ reason: 'Không đạt' }) },
  reassign: {
    stage: 'cluster_review',
    allowed: ['thuongtruc', 'admin'],
    input: () => ({ toUnitId: 'hd-kv3', reason: 'Cụm trưởng thay đổi' }),
  },
  verify: { stage: 'standing_body_check', allowed: ['thuongtruc'], input: () => ({ complete: true }) },
  vote: { stage: 'council_vote', allowed: ['thuongtruc', 'uyvien2', 'vientruong'], input: () => ({ choice: 'yes' }) },
  close_vote: { stage: 'council_vote', allowed: ['thuongtruc'], input: () => ({}) },
  // Cụm 1's member heads vote (truong.kv2 of the listed users); the head unit's cluster head closes.
  cluster_vote: {
    stage: 'cluster_review',
    allowed: ['truong.kv2'],
    input: () => ({ choice: 'yes' }),
    onFlagCase: true,
  },
  close_cluster_vote: { stage: 'cluster_review', allowed: ['cumtruong.c1'], input: () => ({}), onFlagCase: true },
  approve: {
    stage: 'leadership_approval',
    allowed: ['vientruong'],
    input: () => ({ decisionNumber: '1/QĐ', decisionDate: '2026-11-22' }),
  },
  revoke: { stage: 'awarded', allowed: ['vientruong'], input: () => ({ reason: 'Thu hồi' }) },
  record_external_decision: {
    stage: 'forwarded',
    // The standing body from paper, or the Supreme Procuracy's department (the case waits on it) itself.
    allowed: ['thuongtruc', 'vu16.vkstc'],
    input: () => ({ outcome: 'rejected', reason: 'Cấp trên không chấp thuận' }),
  },
  resume: { stage: 'on_hold', allowed: ['thuongtruc'], input: () => ({ reason: 'Giải tỏa' }) },
};

async function caseAt(stage: NominationStage, awardCode = 'giay-khen', personIndex = 0): Promise<CaseHandle> {
  const handle = await world.startNomination({
    unitId: 'hd-kv2',
    draft: await world.draftFor({ awardCode, unitId: 'hd-kv2', personIndex }),
  });
  const j = journey(world, handle);
  const path: NominationStage[] = [
    'draft',
    'cluster_review',
    'standing_body_check',
    'council_vote',
    'leadership_approval',
    'awarded',
  ];
  if (stage === 'on_hold') {
    await j.act('hold', 'thuongtruc', { reason: 'Có khiếu nại' });
    return handle;
  }
  const steps = [() => j.submit(), () => j.endorse(), () => j.verify(), () => j.voteAll('yes'), () => j.approve()];
  const target = stage === 'forwarded' ? path.length - 1 : path.indexOf(stage);
  for (const step of steps.slice(0, target)) await step();
  return handle;
}

async function refusal(promise: Promise<unknown>): Promise<ApplicationFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) return error.cause;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Any action's update, taking any payload: these tests send inputs the types would (rightly) forbid. */
const untypedUpdate = (action: ActionName) =>
  actionUpdates[action] as unknown as UpdateDefinition<ActionResult, [unknown]>;

const historyLength = async (h: CaseHandle) => (await h.fetchHistory()).events?.length ?? 0;

beforeAll(async () => {
  // The dev server, not the time-skipping one: only the real server drops the workflow task of a rejected
  // update (speculative task), which is what "writes nothing to history" means.
  env = await connectToDevServer();
  world = await createCaseWorld(env);
  for (const stage of [
    'draft',
    'cluster_review',
    'standing_body_check',
    'council_vote',
    'leadership_approval',
    'awarded',
    'on_hold',
  ] as const) {
    cases.set(stage, await caseAt(stage, 'giay-khen', cases.size));
  }
  // A forwarded case needs an award decided above the province and a nominee with the prerequisite history.
  cases.set('forwarded', await caseAtForwarded());
  flagCase = await world.startNomination({
    unitId: 'hd-kv3',
    draft: await world.draftFor({ awardCode: 'co-thi-dua-nganh', unitId: 'hd-kv3', subject: 'collective' }),
  });
  await journey(world, flagCase).submit('truong.kv3');
}, 240_000);
afterAll(async () => {
  await world?.close();
  await env?.teardown();
});

async function caseAtForwarded(): Promise<CaseHandle> {
  // Stars of the demo hold Chiến sĩ thi đua cơ sở three years running; find one in hd-kv2.
  for (let personIndex = 0; personIndex < 30; personIndex++) {
    const handle = await world.startNomination({
      unitId: 'hd-kv2',
      draft: await world.draftFor({ awardCode: 'bang-khen-vksndtc', unitId: 'hd-kv2', personIndex }),
    });
    const j = journey(world, handle);
    try {
      await j.submit();
    } catch {
      await handle.terminate('not eligible, trying the next person');
      continue;
    }
    await j.endorse();
    await j.verify();
    await j.voteAll('yes');
    await j.approve();
    return handle;
  }
  throw new Error('no eligible person for a forwarded case');
}

describe('authorization inside the workflow', () => {
  it('has a case in every stage the matrix needs', async () => {
    for (const [stage, handle] of cases) expect((await handle.query(nominationStateQuery)).stage, stage).toBe(stage);
  });

  it('refuses every action by every wrong role and by the right role of a foreign unit, writing nothing', async () => {
    const tried: string[] = [];
    for (const [action, spec] of Object.entries(MATRIX) as [
      keyof typeof MATRIX,
      (typeof MATRIX)[keyof typeof MATRIX],
    ][]) {
      const handle = spec.onFlagCase ? flagCase : cases.get(spec.stage)!;
      const state = await handle.query(nominationStateQuery);
      const before = await historyLength(handle);
      for (const username of USERS.filter((u) => !spec.allowed.includes(u))) {
        const failure = await refusal(
          handle.executeUpdate(untypedUpdate(action), {
            args: [{ actor: await world.actor(username), ...spec.input(state.draft) }],
          }),
        );
        expect(failure.type, `${action} by ${username}`).toBe('ActionRefused');
        expect(failure.message, `${action} by ${username}`).toMatch(/[ạảãáàâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/i);
        tried.push(`${action}:${username}`);
      }
      expect(await historyLength(handle), `${action}: history unchanged`).toBe(before);
      expect((await handle.query(nominationStateQuery)).stage).toBe(spec.stage);
    }
    expect(tried.length).toBeGreaterThan(120);
  });

  it('refuses the cluster vote to the nominating unit, to a second ballot, and where the award has none', async () => {
    const voteBy = async (handle: CaseHandle, username: string) =>
      refusal(
        handle.executeUpdate(actionUpdates.cluster_vote, {
          args: [{ actor: await world.actor(username), choice: 'yes' }],
        }),
      );
    expect((await voteBy(flagCase, 'truong.kv3')).message).toBe(
      'Đơn vị đề nghị không bỏ phiếu cho hồ sơ của chính mình.',
    );
    // hd-kv2's giấy khen: a member head, but the award has no cluster vote.
    expect((await voteBy(cases.get('cluster_review')!, 'truong.kv1')).message).toBe(
      'Hồ sơ này không có cuộc bỏ phiếu của cụm, khối đang mở.',
    );
    const before = await historyLength(flagCase);
    await journey(world, flagCase).act('cluster_vote', 'truong.kv4', { choice: 'yes' });
    expect((await voteBy(flagCase, 'truong.kv4')).message).toBe('Đơn vị của bạn đã bỏ phiếu cho hồ sơ này.');
    expect((await flagCase.query(nominationStateQuery)).clusterBallots).toHaveLength(1);
    expect(await historyLength(flagCase)).toBeGreaterThan(before);
  });

  it('refuses comments from units that have nothing to do with the case', async () => {
    const handle = cases.get('cluster_review')!;
    const failure = await refusal(
      handle.executeUpdate(actionUpdates.comment, {
        args: [{ actor: await world.actor('truong.kv5'), text: 'Ý kiến' }],
      }),
    );
    expect(failure.message).toBe('Bạn không liên quan đến hồ sơ này.');
  });

  it('refuses signing on behalf of someone with another role', async () => {
    const handle = cases.get('leadership_approval')!;
    const clerk = await world.actor('vanthu.kv2');
    const failure = await refusal(
      handle.executeUpdate(actionUpdates.approve, {
        args: [
          {
            actor: { ...clerk, actingFor: { mode: 'ky_thay', userId: 'u-vientruong', role: 'leadership' } },
            decisionNumber: '2/QĐ',
            decisionDate: '2026-11-22',
          },
        ],
      }),
    );
    expect(failure.message).toBe('Chỉ được ký thay người có cùng vai trò.');
  });

  it('refuses fuzzed payloads cleanly: a Vietnamese refusal, no history, the case unharmed', async () => {
    const handle = cases.get('cluster_review')!;
    const before = await historyLength(handle);
    const actor = await world.actor('cumtruong.c1');
    const payload = fc.oneof(
      fc.anything(),
      fc.dictionary(fc.string(), fc.anything()),
      // Well-formed actor with hostile fields next to it.
      fc.record({
        actor: fc.constant(actor),
        rank: fc.oneof(fc.double(), fc.string(), fc.constant(-1), fc.constant(1e9)),
        reason: fc.oneof(fc.string({ maxLength: 2 }), fc.constant(null)),
        toStep: fc.string(),
      }),
      fc.record({
        actor: fc.record({
          userId: fc.string(),
          displayName: fc.string(),
          role: fc.string(),
          unitId: fc.string(),
          actingFor: fc.anything(),
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ACTION_NAMES.filter((a) => a !== 'comment')),
        payload,
        async (action, raw) => {
          // Skip the rare generated payload that is a valid endorse/return/reject by the right person.
          const failure = await refusal(handle.executeUpdate(untypedUpdate(action), { args: [raw] })).catch(
            (e: unknown) => e,
          );
          if (!(failure instanceof ApplicationFailure))
            return (await handle.query(nominationStateQuery)).stage !== 'cluster_review'
              ? Promise.reject(new Error(`${action} accepted a fuzzed payload`))
              : undefined;
          expect(failure.type).toBe('ActionRefused');
        },
      ),
      { numRuns: 150 },
    );
    expect(await historyLength(handle)).toBe(before);
    expect((await handle.query(nominationStateQuery)).stage).toBe('cluster_review');
  });
});
