/**
 * The cluster vote's arithmetic (domain/nomination/cluster-vote.ts), on a cluster of five where hd-kv3 nominates
 * itself: four units are entitled to vote, the threshold is the rule set's vote.sectorFlagCluster (từ 80%).
 */
import { describe, expect, it } from 'vitest';
import {
  clusterNonVoters,
  clusterVoteFailureReason,
  needsClusterVote,
  tallyClusterVote,
} from '../../domain/nomination/cluster-vote.js';
import { initialState } from '../../domain/nomination/machine.js';
import type { CaseContext, NominationState, VoteChoice } from '../../domain/nomination/types.js';
import { ruleSetById } from '../../domain/rules/index.js';
import type { RuleSet } from '../../domain/rules/types.js';

const ruleSet = ruleSetById('tdkt-2025-07');
const NOW = '2025-11-20T02:00:00Z';

const context: CaseContext = {
  unit: { id: 'hd-kv3', name: 'VKSND khu vực 3', level: 'regional', staffCount: 20, collectiveCount: 3 },
  clusterId: 'hd-cum1',
  clusterHeadUnitId: 'hd-kv1',
  clusterMemberUnitIds: ['hd-kv1', 'hd-kv2', 'hd-kv3', 'hd-kv4', 'hd-kv5'],
  council: { unitId: 'hd', secretariatUnitId: 'hd-vp', chairUserId: 'vientruong', members: [] },
  higherLevelUnitId: 'vkstc',
  awardHistory: [],
  holidays: [],
};

function flagCase(ballots: Record<string, VoteChoice>, enabled = true): NominationState {
  const state = initialState(
    'nomination/test/hd-kv3/1',
    {
      campaignId: 'test',
      year: 2025,
      track: 'regular',
      unitId: 'hd-kv3',
      draft: {
        awardCode: 'co-thi-dua-nganh',
        nominee: { subject: 'collective', personId: null, unitId: 'hd-kv3', displayName: 'VKSND khu vực 3' },
        dossier: [],
        achievements: '',
      },
      createdBy: { userId: 'u', displayName: 'Văn thư', role: 'unit_clerk', unitId: 'hd-kv3', actingFor: null },
    },
    context,
    { now: NOW, ruleSet },
  );
  state.stage = 'cluster_review';
  state.clusterVoteEnabled = enabled;
  state.clusterTally = null;
  state.clusterBallots = Object.entries(ballots).map(([unitId, choice]) => ({
    unitId,
    userId: unitId,
    choice,
    at: NOW,
  }));
  return state;
}

const withDenominator = (d: 'members_present' | 'total_members'): RuleSet => ({
  ...ruleSet,
  parameters: { ...ruleSet.parameters, 'vote.denominator': { ...ruleSet.parameters['vote.denominator'], value: d } },
});

describe('the cluster vote', () => {
  it('is held only for an award with a cluster vote, in a case started with it', () => {
    expect(needsClusterVote(flagCase({}))).toBe(true);
    expect(needsClusterVote(flagCase({}, false))).toBe(false);
    const giayKhen = flagCase({});
    giayKhen.draft.awardCode = 'giay-khen';
    expect(needsClusterVote(giayKhen)).toBe(false);
  });

  it('counts the units entitled to vote, the nominating unit left out', () => {
    const tally = tallyClusterVote(
      flagCase({ 'hd-kv1': 'yes', 'hd-kv2': 'yes', 'hd-kv4': 'yes', 'hd-kv5': 'yes' }),
      ruleSet,
      NOW,
    );
    expect(tally).toMatchObject({ yes: 4, members: 4, recused: 1, quorumMet: true, passed: true });
  });

  it('Cờ thi đua của ngành passes at 80%: 4 of the 5 units entitled to vote', () => {
    const state = flagCase({ 'hd-kv1': 'yes', 'hd-kv2': 'yes', 'hd-kv4': 'yes', 'hd-kv5': 'no', 'hd-kv6': 'yes' });
    state.context = { ...context, clusterMemberUnitIds: [...context.clusterMemberUnitIds!, 'hd-kv6'] };
    expect(tallyClusterVote(state, ruleSet, NOW)).toMatchObject({ yes: 4, no: 1, members: 5, passed: true });
  });

  it('fails at 3 of 4 (75% < 80%) and says so in the reason', () => {
    const tally = tallyClusterVote(
      flagCase({ 'hd-kv1': 'yes', 'hd-kv2': 'yes', 'hd-kv4': 'yes', 'hd-kv5': 'no' }),
      ruleSet,
      NOW,
    );
    expect(tally.passed).toBe(false);
    expect(clusterVoteFailureReason(tally)).toBe(
      'Cụm, khối thi đua bỏ phiếu không đạt tỷ lệ: 3 đồng ý, 1 không đồng ý, 0 không biểu quyết / 4 đơn vị có quyền bỏ phiếu',
    );
  });

  it('needs the quorum of the entitled units: 2 of 4 ballots is short of 2/3', () => {
    const tally = tallyClusterVote(flagCase({ 'hd-kv1': 'yes', 'hd-kv2': 'yes' }), ruleSet, NOW);
    expect(tally).toMatchObject({ quorumMet: false, passed: false });
    expect(tally.minutes).toContain('KHÔNG ĐỦ số đơn vị tham gia bỏ phiếu');
    expect(clusterVoteFailureReason(tally)).toMatch(/^Cụm, khối thi đua không đủ số đơn vị tham gia bỏ phiếu/);
  });

  it('divides by the ballots cast when the rule set counts members present', () => {
    const state = flagCase({ 'hd-kv1': 'yes', 'hd-kv2': 'yes', 'hd-kv4': 'yes' });
    expect(tallyClusterVote(state, withDenominator('total_members'), NOW).passed).toBe(false);
    expect(tallyClusterVote(state, withDenominator('members_present'), NOW).passed).toBe(true);
  });

  it('waits on the entitled units that have not voted', () => {
    expect(clusterNonVoters(flagCase({ 'hd-kv2': 'no' }))).toEqual(['hd-kv1', 'hd-kv4', 'hd-kv5']);
  });
});
