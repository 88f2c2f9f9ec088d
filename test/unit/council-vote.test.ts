/**
 * The council's vote as production counts it (domain/nomination/voting.ts `tallyVotes`, called by the machine when
 * the vote closes): the quorum counts the members present, recused ones included, and the share is taken of the
 * denominator the rule set names (tdkt-2025-07: all members, absent ones vote in writing).
 */
import { describe, expect, it } from 'vitest';
import { awardByCode } from '../../domain/catalogue.js';
import { initialState } from '../../domain/nomination/machine.js';
import type { CaseContext, NominationState, VoteChoice } from '../../domain/nomination/types.js';
import { tallyVotes } from '../../domain/nomination/voting.js';
import { ruleSetById, ruleValue } from '../../domain/rules/index.js';

const rs = ruleSetById('tdkt-2025-07');
const NOW = '2025-11-20T02:00:00Z';

/** A council of `size` members from the provincial office (m1…mN); `recusedFromKv3` more sit for hd-kv3. */
function councilCase(awardCode: string, size: number, recusedFromKv3 = 0): NominationState {
  const members = [
    ...Array.from({ length: size - recusedFromKv3 }, (_, i) => ({
      userId: `m${i + 1}`,
      unitId: 'hd-vp',
      personId: null,
    })),
    ...Array.from({ length: recusedFromKv3 }, (_, i) => ({ userId: `kv3-${i + 1}`, unitId: 'hd-kv3', personId: null })),
  ];
  const context: CaseContext = {
    unit: { id: 'hd-kv3', name: 'VKSND khu vực 3', level: 'regional', staffCount: 20, collectiveCount: 3 },
    clusterId: null,
    clusterHeadUnitId: null,
    clusterMemberUnitIds: [],
    council: { unitId: 'hd', secretariatUnitId: 'hd-vp', chairUserId: 'm1', members },
    higherLevelUnitId: 'vkstc',
    awardHistory: [],
    holidays: [],
  };
  const subject = awardByCode(awardCode).subject === 'collective' ? 'collective' : 'individual';
  return initialState(
    'nomination/test/hd-kv3/1',
    {
      campaignId: 'test',
      year: 2025,
      track: 'regular',
      unitId: 'hd-kv3',
      draft: {
        awardCode,
        nominee: {
          subject,
          personId: subject === 'individual' ? 'tran-thi-b' : null,
          unitId: 'hd-kv3',
          displayName: 'Trần Thị B',
        },
        dossier: [],
        achievements: '',
      },
      createdBy: { userId: 'u', displayName: 'Văn thư', role: 'unit_clerk', unitId: 'hd-kv3', actingFor: null },
    },
    context,
    { now: NOW, ruleSet: rs },
  );
}

/** Casts the choices in order for m1, m2, …; recused members are recorded the way the machine records them. */
function tally(state: NominationState, choices: VoteChoice[]) {
  state.votes = [
    ...state.context.council.members
      .filter((m) => m.unitId === state.unitId)
      .map((m) => ({ userId: m.userId, choice: 'abstain' as const, at: NOW, recused: true })),
    ...choices.map((choice, i) => ({ userId: `m${i + 1}`, choice, at: NOW, recused: false })),
  ];
  return tallyVotes(state, rs, NOW);
}

const times = (n: number, choice: VoteChoice): VoteChoice[] => Array.from({ length: n }, () => choice);

describe('the council vote', () => {
  it('Chiến sĩ thi đua ngành needs 90% of all council members', () => {
    expect(ruleValue(rs, awardByCode('chien-si-thi-dua-nganh').councilVote)).toEqual({
      share: { numerator: 90, denominator: 100 },
      comparison: 'at_least',
    });
    const passed = tally(councilCase('chien-si-thi-dua-nganh', 10), [...times(9, 'yes'), 'no']);
    expect(passed).toMatchObject({ yes: 9, no: 1, members: 10, quorumMet: true, passed: true });
    expect(passed.minutes).toContain('Tỷ lệ yêu cầu: từ 90% tổng số thành viên.');
    expect(passed.minutes).toContain('Kết quả: ĐẠT.');
    // 8 yes of 9 present is 89% of those present, and only 80% of the 10 members.
    expect(tally(councilCase('chien-si-thi-dua-nganh', 10), [...times(8, 'yes'), 'no']).passed).toBe(false);
  });

  it('a vote without quorum fails', () => {
    const noQuorum = tally(councilCase('giay-khen', 10), times(6, 'yes'));
    expect(noQuorum).toMatchObject({ quorumMet: false, passed: false });
    expect(noQuorum.minutes).toContain('có mặt: 6 (yêu cầu tối thiểu 2/3)');
    expect(noQuorum.minutes).toContain('Kết quả: KHÔNG ĐỦ số thành viên tham dự.');
  });

  it('recused members count as present for the quorum, and not in favour', () => {
    // 5 ballots and 2 recused of 9: 7 present meets 2/3 (the 5 ballots alone would not); 5 yes of 9 is more than half.
    const result = tally(councilCase('giay-khen', 9, 2), times(5, 'yes'));
    expect(result).toMatchObject({ yes: 5, recused: 2, members: 9, quorumMet: true, passed: true });
    expect(result.minutes).toContain('có mặt: 7');
  });
});
