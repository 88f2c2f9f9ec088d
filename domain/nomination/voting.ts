/** The council's vote on a nomination: who may vote, recusal, and the tally against the rule set. */
import { awardByCode } from '../catalogue.js';
import { formatDateTimeVN } from '../calendar.js';
import { formatFraction, formatVoteRule, meetsShare, ruleValue } from '../rules/index.js';
import type { RuleSet } from '../rules/types.js';
import type { CouncilMember, NominationState, VoteTally } from './types.js';

/**
 * A member from the nominating unit, or the nominee in person, does not vote on the case (conflict of
 * interest): the member is recorded as recused and counts as present but not in favour.
 */
export function isRecused(state: NominationState, member: CouncilMember): boolean {
  return (
    member.unitId === state.unitId || (member.personId !== null && member.personId === state.draft.nominee.personId)
  );
}

export function eligibleVoters(state: NominationState): CouncilMember[] {
  return state.context.council.members.filter((m) => !isRecused(state, m));
}

export function allVotesIn(state: NominationState): boolean {
  const voted = new Set(state.votes.map((v) => v.userId));
  return eligibleVoters(state).every((m) => voted.has(m.userId));
}

export function tallyVotes(state: NominationState, ruleSet: RuleSet, closedAt: string): VoteTally {
  const members = state.context.council.members.length;
  const cast = state.votes.filter((v) => !v.recused);
  const yes = cast.filter((v) => v.choice === 'yes').length;
  const no = cast.filter((v) => v.choice === 'no').length;
  const abstain = cast.filter((v) => v.choice === 'abstain').length;
  const recused = state.context.council.members.filter((m) => isRecused(state, m)).length;
  const present = cast.length + recused;

  const quorum = ruleValue(ruleSet, 'council.quorum');
  const quorumMet = meetsShare(present, members, { share: quorum, comparison: 'at_least' });
  const rule = ruleValue(ruleSet, awardByCode(state.draft.awardCode).councilVote);
  const denominator = ruleValue(ruleSet, 'vote.denominator') === 'members_present' ? present : members;
  const passed = quorumMet && meetsShare(yes, denominator, rule);

  const minutes = [
    `Biên bản biểu quyết hồ sơ ${state.caseId} lúc ${formatDateTimeVN(closedAt)}.`,
    `Tổng số thành viên Hội đồng: ${members}; có mặt: ${present} (yêu cầu tối thiểu ${formatFraction(quorum)}).`,
    `Đồng ý: ${yes}; không đồng ý: ${no}; không biểu quyết: ${abstain}; không tham gia do liên quan: ${recused}.`,
    `Tỷ lệ yêu cầu: ${formatVoteRule(rule)} ${denominator === members ? 'tổng số thành viên' : 'thành viên có mặt'}.`,
    passed
      ? 'Kết quả: ĐẠT.'
      : quorumMet
        ? 'Kết quả: KHÔNG ĐẠT tỷ lệ phiếu đồng ý.'
        : 'Kết quả: KHÔNG ĐỦ số thành viên tham dự.',
  ].join('\n');
  return { yes, no, abstain, recused, members, quorumMet, passed, minutes, closedAt };
}
