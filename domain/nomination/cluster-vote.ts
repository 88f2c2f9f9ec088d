/**
 * The cluster's vote (bình xét, bỏ phiếu của cụm, khối thi đua) on awards whose catalogue entry names a
 * `clusterVote`, e.g. Cờ thi đua ngành (TT 01/2019/TT-VKSTC Đ20: từ 80% phiếu đồng ý của thành viên cụm, khối).
 *
 * Who votes: each member unit of the cluster has one vote, cast by its head (unit_head). The nominating unit, and
 * the nominee's unit when it is another member, do not vote on their own nomination (the council's
 * conflict-of-interest rule). The cluster head unit closes the vote; a pass lets it endorse (rank) the case, a
 * failure rejects the case with the tally as the reason.
 *
 * The denominator: the rule set's `vote.denominator` is applied to the units entitled to vote, recused ones left
 * out. The rule counts absent members because they vote in writing; a recused unit has no vote at all, and counting
 * it would make 80% unreachable in a cluster of four (3/4 = 75%), as in the demo's Cụm 1. The quorum is the rule
 * set's `council.quorum`, the only quorum the rules give (no separate quorum is documented for clusters).
 */
import { awardByCode } from '../catalogue.js';
import { formatDateTimeVN } from '../calendar.js';
import { formatFraction, formatVoteRule, meetsShare, ruleValue } from '../rules/index.js';
import type { RuleSet, VoteRule } from '../rules/types.js';
import { refuse } from './refusal.js';
import type { ClusterBallot, NominationState, VoteTally } from './types.js';

/** Whether this case holds a cluster vote before the cluster head's endorsement. */
export function needsClusterVote(state: NominationState): boolean {
  return (
    state.clusterVoteEnabled === true &&
    awardByCode(state.draft.awardCode).clusterVote !== null &&
    state.context.clusterHeadUnitId !== null &&
    (state.context.clusterMemberUnitIds ?? []).length > 0
  );
}

/** The member units that do not vote on this case: the nominating unit and the nominee's own unit. */
export function isRecusedUnit(state: NominationState, unitId: string): boolean {
  return unitId === state.unitId || unitId === state.draft.nominee.unitId;
}

export function clusterMembers(state: NominationState): string[] {
  return state.context.clusterMemberUnitIds ?? [];
}

export function clusterVoters(state: NominationState): string[] {
  return clusterMembers(state).filter((u) => !isRecusedUnit(state, u));
}

export function clusterBallots(state: NominationState): ClusterBallot[] {
  return state.clusterBallots ?? [];
}

/** Member units entitled to vote that have not voted yet (reminders go to their heads). */
export function clusterNonVoters(state: NominationState): string[] {
  const voted = new Set(clusterBallots(state).map((b) => b.unitId));
  return clusterVoters(state).filter((u) => !voted.has(u));
}

/** The cluster vote is open: required, and not closed yet. */
export function clusterVoteOpen(state: NominationState): boolean {
  return state.stage === 'cluster_review' && needsClusterVote(state) && !state.clusterTally;
}

/** Throws a Refusal unless the cluster vote of this case is open. */
export function checkClusterVoteOpen(state: NominationState): void {
  if (!clusterVoteOpen(state))
    refuse('no-cluster-vote', 'Hồ sơ này không có cuộc bỏ phiếu của cụm, khối đang mở.', 'no open cluster vote');
}

/** Throws a Refusal unless the unit may cast its ballot now: open vote, a member, not recused, not voted yet. */
export function checkClusterBallot(state: NominationState, unitId: string): void {
  checkClusterVoteOpen(state);
  if (!clusterMembers(state).includes(unitId))
    refuse(
      'not-a-cluster-member',
      'Đơn vị của bạn không phải thành viên cụm, khối thi đua xét hồ sơ này.',
      `unit ${unitId} is not a member of the cluster`,
    );
  if (isRecusedUnit(state, unitId))
    refuse(
      'recused',
      'Đơn vị đề nghị không bỏ phiếu cho hồ sơ của chính mình.',
      'the nominating unit does not vote on its own nomination',
    );
  if (clusterBallots(state).some((b) => b.unitId === unitId))
    refuse('already-voted', 'Đơn vị của bạn đã bỏ phiếu cho hồ sơ này.', 'member unit already voted');
}

export function clusterVoteRule(state: NominationState, ruleSet: RuleSet): VoteRule {
  const key = awardByCode(state.draft.awardCode).clusterVote;
  if (!key) throw new RangeError(`${state.draft.awardCode} has no cluster vote`);
  return ruleValue(ruleSet, key);
}

export function tallyClusterVote(state: NominationState, ruleSet: RuleSet, closedAt: string): VoteTally {
  const entitled = clusterVoters(state).length;
  const ballots = clusterBallots(state);
  const yes = ballots.filter((b) => b.choice === 'yes').length;
  const no = ballots.filter((b) => b.choice === 'no').length;
  const abstain = ballots.filter((b) => b.choice === 'abstain').length;
  const recused = clusterMembers(state).length - entitled;
  const present = ballots.length;

  const quorum = ruleValue(ruleSet, 'council.quorum');
  const quorumMet = entitled > 0 && meetsShare(present, entitled, { share: quorum, comparison: 'at_least' });
  const rule = clusterVoteRule(state, ruleSet);
  const byPresent = ruleValue(ruleSet, 'vote.denominator') === 'members_present';
  const denominator = byPresent ? present : entitled;
  const passed = quorumMet && denominator > 0 && meetsShare(yes, denominator, rule);

  const minutes = [
    `Biên bản bình xét, bỏ phiếu của cụm, khối thi đua về hồ sơ ${state.caseId} lúc ${formatDateTimeVN(closedAt)}.`,
    `Số đơn vị thành viên: ${clusterMembers(state).length}; không bỏ phiếu do là đơn vị đề nghị: ${recused}; ` +
      `có quyền bỏ phiếu: ${entitled}; đã bỏ phiếu: ${present} (yêu cầu tối thiểu ${formatFraction(quorum)}).`,
    `Đồng ý: ${yes}; không đồng ý: ${no}; không biểu quyết: ${abstain}.`,
    `Tỷ lệ yêu cầu: ${formatVoteRule(rule)} ${byPresent ? 'số đơn vị đã bỏ phiếu' : 'số đơn vị có quyền bỏ phiếu'}.`,
    passed
      ? 'Kết quả: ĐẠT.'
      : quorumMet
        ? 'Kết quả: KHÔNG ĐẠT tỷ lệ phiếu đồng ý.'
        : 'Kết quả: KHÔNG ĐỦ số đơn vị tham gia bỏ phiếu.',
  ].join('\n');
  return { yes, no, abstain, recused, members: entitled, quorumMet, passed, minutes, closedAt };
}

/** The one-line reason a failed cluster vote gives for the rejection. */
export function clusterVoteFailureReason(tally: VoteTally): string {
  const counts = `${tally.yes} đồng ý, ${tally.no} không đồng ý, ${tally.abstain} không biểu quyết / ${tally.members} đơn vị có quyền bỏ phiếu`;
  return tally.quorumMet
    ? `Cụm, khối thi đua bỏ phiếu không đạt tỷ lệ: ${counts}`
    : `Cụm, khối thi đua không đủ số đơn vị tham gia bỏ phiếu: ${counts}`;
}
