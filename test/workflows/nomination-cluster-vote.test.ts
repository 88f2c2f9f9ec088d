/**
 * The cluster's vote on Cờ thi đua ngành (catalogue `clusterVote: 'vote.sectorFlagCluster'`, 80% of the member units),
 * on the time-skipping server with the real worker: Cụm 1 is hd-kv1…hd-kv4, headed in 2025 by hd-kv1 (cumtruong.c1).
 * hd-kv3 nominates itself, so it does not vote; the other three heads do, and cumtruong.c1 closes the vote.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import { toActionRefused } from '../../client/lib/cases.js';
import { instantMs } from '../../domain/calendar.js';
import { noticeInstants } from '../../domain/nomination/reminders.js';
import { ruleSetById, ruleValue } from '../../domain/rules/index.js';
import { nominationStateQuery } from '../../workflows/nomination/messages.js';
import { waitFor } from '../harness/wait.js';
import type { CaseWorld } from '../support/case-world.js';
import { withTimeSkippingWorld } from '../support/time-skipping-world.js';
import { journey, type CaseHandle } from '../support/journey.js';

let env: TestWorkflowEnvironment;
let world: CaseWorld;

withTimeSkippingWorld((started) => ({ env, world } = started));

/** A Cờ thi đua ngành case of hd-kv3 (TTLĐXS in 2023 and 2024), submitted: in the cluster review, the vote open. */
async function submittedFlagCase(): Promise<CaseHandle> {
  const draft = await world.draftFor({ awardCode: 'co-thi-dua-nganh', unitId: 'hd-kv3', subject: 'collective' });
  const handle = await world.startNomination({ unitId: 'hd-kv3', draft });
  expect((await journey(world, handle).submit('truong.kv3')).stage).toBe('cluster_review');
  return handle;
}

async function refusalCode(promise: Promise<unknown>): Promise<{ code: string; vi: string }> {
  try {
    await promise;
  } catch (error) {
    const refusal = toActionRefused(error);
    if (refusal) return { code: refusal.code, vi: refusal.vi };
    throw error;
  }
  throw new Error('expected the action to be refused');
}

describe('the cluster vote on Cờ thi đua ngành (time skipping)', () => {
  it('passes with every entitled member in favour; the nominating unit is recused; then the head endorses', async () => {
    const handle = await submittedFlagCase();
    const j = journey(world, handle);

    // The head cannot endorse before the members have voted and the vote has passed.
    expect(await refusalCode(j.endorse())).toMatchObject({ code: 'cluster-vote-pending' });
    // The nominating unit does not vote on its own case; a unit of another cluster has no vote; a clerk is not a head.
    expect(await refusalCode(j.act('cluster_vote', 'truong.kv3', { choice: 'yes' }))).toEqual({
      code: 'recused',
      vi: 'Đơn vị đề nghị không bỏ phiếu cho hồ sơ của chính mình.',
    });
    expect(await refusalCode(j.act('cluster_vote', 'truong.kv5', { choice: 'yes' }))).toMatchObject({
      code: 'wrong-unit',
    });
    expect(await refusalCode(j.act('cluster_vote', 'vanthu.kv1', { choice: 'yes' }))).toMatchObject({
      code: 'wrong-role',
    });

    await j.act('cluster_vote', 'truong.kv1', { choice: 'yes' });
    expect(await refusalCode(j.act('cluster_vote', 'truong.kv1', { choice: 'no' }))).toMatchObject({
      code: 'already-voted',
    });
    await j.act('cluster_vote', 'truong.kv2', { choice: 'yes' });
    await j.act('cluster_vote', 'truong.kv4', { choice: 'yes' });
    // Only the cluster head unit closes it.
    expect(await refusalCode(j.act('close_cluster_vote', 'truong.kv1'))).toMatchObject({ code: 'wrong-role' });
    expect((await j.act('close_cluster_vote', 'cumtruong.c1', { minutesNote: 'Họp cụm ngày 25/11' })).stage).toBe(
      'cluster_review',
    );

    const state = await handle.query(nominationStateQuery);
    expect(state.clusterBallots?.map((b) => [b.unitId, b.choice])).toEqual([
      ['hd-kv1', 'yes'],
      ['hd-kv2', 'yes'],
      ['hd-kv4', 'yes'],
    ]);
    // 3 of the 3 units entitled to vote (hd-kv3 recused): 100% ≥ 80%.
    expect(state.clusterTally).toMatchObject({ yes: 3, no: 0, recused: 1, members: 3, quorumMet: true, passed: true });
    expect(state.clusterTally?.minutes).toContain('Kết quả: ĐẠT.');
    expect(state.clusterTally?.minutes).toContain('Ghi chú: Họp cụm ngày 25/11');
    expect(state.audit.find((a) => a.action === 'cluster-vote-closed')).toMatchObject({
      reason: null,
      details: { yes: 3, no: 0, passed: true },
    });
    expect(state.audit.filter((a) => a.action === 'cluster_vote').map((a) => a.actor?.userId)).toEqual([
      'u-truong-kv1',
      'u-truong-kv2',
      'u-truong-kv4',
    ]);
    // Closed: no more ballots.
    expect(await refusalCode(j.act('close_cluster_vote', 'cumtruong.c1'))).toMatchObject({ code: 'no-cluster-vote' });

    expect((await j.endorse()).stage).toBe('standing_body_check');
  });

  it('fails below 80% and rejects the case with the tally as the reason', async () => {
    const handle = await submittedFlagCase();
    const j = journey(world, handle);
    await j.act('cluster_vote', 'truong.kv1', { choice: 'yes' });
    await j.act('cluster_vote', 'truong.kv2', { choice: 'yes' });
    await j.act('cluster_vote', 'truong.kv4', { choice: 'no' });
    expect((await j.act('close_cluster_vote', 'cumtruong.c1')).stage).toBe('rejected');

    const state = await handle.query(nominationStateQuery);
    expect(state.clusterTally).toMatchObject({ yes: 2, no: 1, members: 3, passed: false });
    expect(state.clusterTally?.minutes).toContain('Kết quả: KHÔNG ĐẠT tỷ lệ phiếu đồng ý.');
    const closed = state.audit.find((a) => a.action === 'cluster-vote-closed');
    expect(closed).toMatchObject({ fromStage: 'cluster_review', toStage: 'rejected' });
    expect(closed?.reason).toBe(
      'Cụm, khối thi đua bỏ phiếu không đạt tỷ lệ: 2 đồng ý, 1 không đồng ý, 0 không biểu quyết / 3 đơn vị có quyền bỏ phiếu',
    );
    await handle.result();
  });

  it('reminds only the member heads that have not voted, then the cluster head once all have', async () => {
    const handle = await submittedFlagCase();
    const j = journey(world, handle);
    await j.act('cluster_vote', 'truong.kv2', { choice: 'yes' });

    const state = await handle.query(nominationStateQuery);
    const [first, second] = noticeInstants(state.dueAt!, ruleValue(ruleSetById(state.ruleSetId), 'reminders.default'));
    await env.sleep(instantMs(first!.at) + 60_000 - (await env.currentTimeMs()));
    await waitFor(async () => expect((await handle.query(nominationStateQuery)).notices).toHaveLength(1));
    expect((await handle.query(nominationStateQuery)).notices[0]!.to).toEqual([
      { role: 'unit_head', unitId: 'hd-kv1' },
      { role: 'unit_head', unitId: 'hd-kv4' },
    ]);

    await j.act('cluster_vote', 'truong.kv1', { choice: 'yes' });
    await j.act('cluster_vote', 'truong.kv4', { choice: 'abstain' });
    await env.sleep(instantMs(second!.at) + 60_000 - (await env.currentTimeMs()));
    await waitFor(async () => expect((await handle.query(nominationStateQuery)).notices).toHaveLength(2));
    expect((await handle.query(nominationStateQuery)).notices[1]!.to).toEqual([
      { role: 'cluster_head', unitId: 'hd-kv1' },
    ]);
  });

  it('needs no cluster vote for an award without one: the cluster head endorses alone', async () => {
    const draft = await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex: 3 });
    const handle = await world.startNomination({ unitId: 'hd-kv2', draft });
    const j = journey(world, handle);
    await j.submit('truong.kv2');
    expect(await refusalCode(j.act('cluster_vote', 'truong.kv1', { choice: 'yes' }))).toMatchObject({
      code: 'no-cluster-vote',
    });
    expect((await j.endorse()).stage).toBe('standing_body_check');
  });
});
