/**
 * Council and cluster votes: quorum, the threshold of the award being voted on, and the outcome with a Vietnamese
 * explanation that goes into the minutes and the audit trail. Integer arithmetic only.
 */
import { awardByCode } from './catalogue.js';
import { formatFraction, formatVoteRule, meetsShare, ruleValue } from './rules/index.js';
import type { RuleSet, VoteRule } from './rules/types.js';

export interface VoteTally {
  yes: number;
  no: number;
  abstain: number;
}

export interface VoteOutcome {
  quorate: boolean;
  passed: boolean;
  /** The rule applied, e.g. "từ 90%". */
  rule: string;
  /** Vietnamese explanation, e.g. "Đạt: 9/10 phiếu đồng ý (từ 90% tổng số thành viên)". */
  summary: string;
}

/** The vote rule for an award: the council's, or the cluster's where the award has a cluster vote (Cờ thi đua). */
export function voteRuleFor(awardCode: string, ruleSet: RuleSet, body: 'council' | 'cluster' = 'council'): VoteRule {
  const award = awardByCode(awardCode);
  const key = body === 'cluster' ? award.clusterVote : award.councilVote;
  if (!key) throw new RangeError(`${award.name} không có bước bỏ phiếu của cụm, khối thi đua`);
  return ruleValue(ruleSet, key);
}

/** The outcome of a vote of `totalMembers` members on an award. */
export function decideVote(input: {
  awardCode: string;
  tally: VoteTally;
  totalMembers: number;
  ruleSet: RuleSet;
  body?: 'council' | 'cluster';
}): VoteOutcome {
  const { tally, totalMembers, ruleSet } = input;
  const rule = voteRuleFor(input.awardCode, ruleSet, input.body ?? 'council');
  const cast = tally.yes + tally.no + tally.abstain;
  if (cast > totalMembers) {
    throw new RangeError(`Số phiếu (${cast}) nhiều hơn số thành viên (${totalMembers})`);
  }
  const quorum = ruleValue(ruleSet, 'council.quorum');
  const quorate = meetsShare(cast, totalMembers, { share: quorum, comparison: 'at_least' });
  const denominatorKind = ruleValue(ruleSet, 'vote.denominator');
  const denominator = denominatorKind === 'total_members' ? totalMembers : cast;
  const denominatorText = denominatorKind === 'total_members' ? 'tổng số thành viên' : 'số thành viên có mặt';
  const ruleText = formatVoteRule(rule);
  if (!quorate) {
    return {
      quorate,
      passed: false,
      rule: ruleText,
      summary: `Không đủ số thành viên tham gia biểu quyết: ${cast}/${totalMembers}, cần từ ${formatFraction(quorum)}.`,
    };
  }
  const passed = meetsShare(tally.yes, denominator, rule);
  return {
    quorate,
    passed,
    rule: ruleText,
    summary: `${passed ? 'Đạt' : 'Không đạt'}: ${tally.yes}/${denominator} phiếu đồng ý (cần ${ruleText} ${denominatorText}).`,
  };
}
