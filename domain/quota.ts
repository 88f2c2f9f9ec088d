/**
 * Proposal quotas. Seed 001: "Đôi với tập thể không quá 1/4 tổng số tập thể của đơn vị mình; Đôi với cá nhân không
 * quá 10% tổng số công chức, viên chức hiện, người lao động đang công tác tại đơn vị."
 *
 * Rounding: the quota must be a whole number and "không quá" is a ceiling, so the rule sets round DOWN: a unit of 25
 * staff may propose 2 people (2.5 → 2), because 3 would be 12% and break the rule. Rounding is still a parameter
 * ('quota.rounding') and so is the "at least one" exception ('quota.minimumOne', off by default and flagged for
 * confirmation), so an administrator can change either without a code change. All arithmetic is in integers.
 */
import type { NomineeSubject } from './catalogue.js';
import { formatFraction, ruleValue } from './rules/index.js';
import type { Fraction, QuotaRounding, RuleSet } from './rules/types.js';

/** The headcounts a quota is computed from (a subset of org.ts `Unit`). */
export interface UnitFacts {
  id: string;
  /** Biên chế: staff in post (công chức, viên chức, người lao động). */
  staffCount: number;
  /** Collectives (phòng, tổ, đơn vị trực thuộc) of the unit. */
  collectiveCount: number;
}

/** `n × share`, rounded as the rule set says, in integer arithmetic. */
export function applyShare(n: number, share: Fraction, rounding: QuotaRounding): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Số lượng không hợp lệ: ${n}`);
  const scaled = n * share.numerator;
  const d = share.denominator;
  switch (rounding) {
    case 'floor':
      return Math.floor(scaled / d);
    case 'ceil':
      return Math.ceil(scaled / d);
    case 'round':
      // Half up: 2·scaled ≥ (2q+1)·d  ⇔  remainder ≥ d/2.
      return Math.floor((2 * scaled + d) / (2 * d));
  }
}

/** The largest number of collectives or individuals the unit may propose. */
export function quotaLimit(unit: UnitFacts, subject: NomineeSubject, ruleSet: RuleSet): number {
  const share = ruleValue(ruleSet, subject === 'collective' ? 'quota.collectiveShare' : 'quota.individualShare');
  const base = subject === 'collective' ? unit.collectiveCount : unit.staffCount;
  const limit = applyShare(base, share, ruleValue(ruleSet, 'quota.rounding'));
  if (limit === 0 && base > 0 && ruleValue(ruleSet, 'quota.minimumOne')) return 1;
  return limit;
}

const ROUNDING_VI: Record<QuotaRounding, string> = {
  floor: 'làm tròn xuống',
  round: 'làm tròn',
  ceil: 'làm tròn lên',
};

/**
 * Why the unit may propose no collective (or no individual) at all, in Vietnamese, or null when its quota allows
 * one. The draft form, the case page and the submission's refusal all say it, so a regional unit with 2–3
 * collectives learns that 1/4 rounds down to 0 and that the "at least one" exception is a rule value still to be
 * confirmed, instead of only being told its quota is used up.
 */
export function zeroQuotaReason(unit: UnitFacts, subject: NomineeSubject, ruleSet: RuleSet): string | null {
  if (quotaLimit(unit, subject, ruleSet) > 0) return null;
  const collective = subject === 'collective';
  const base = collective ? unit.collectiveCount : unit.staffCount;
  const share = ruleValue(ruleSet, collective ? 'quota.collectiveShare' : 'quota.individualShare');
  const headcount = collective ? `${base} tập thể` : `${base} công chức, viên chức, người lao động`;
  if (base === 0) return `Đơn vị có 0 ${collective ? 'tập thể' : 'người'}: không có chỉ tiêu đề nghị khen thưởng.`;
  const minimumOne = ruleSet.parameters['quota.minimumOne'];
  const flag = minimumOne.needsConfirmation ? ' (quy định này cần xác nhận)' : '';
  return (
    `Đơn vị có ${headcount}: chỉ tiêu ${formatFraction(share)} ${ROUNDING_VI[ruleValue(ruleSet, 'quota.rounding')]} ` +
    `là 0, và bộ quy tắc không cho đơn vị có chỉ tiêu bằng 0 được đề nghị 01${flag}, nên chưa đề nghị được ` +
    `${collective ? 'tập thể' : 'cá nhân'} cho hình thức khen thưởng tính vào chỉ tiêu.`
  );
}

export type QuotaDecision =
  { allowed: true; limit: number; remaining: number } | { allowed: false; limit: number; reason: string };

/** May the unit propose one more collective/individual, having `acceptedSoFar` already counted against its quota? */
export function checkQuota(input: {
  unit: UnitFacts;
  subject: NomineeSubject;
  acceptedSoFar: number;
  ruleSet: RuleSet;
}): QuotaDecision {
  const { unit, subject, acceptedSoFar, ruleSet } = input;
  const limit = quotaLimit(unit, subject, ruleSet);
  if (acceptedSoFar + 1 <= limit) return { allowed: true, limit, remaining: limit - acceptedSoFar - 1 };
  const none = zeroQuotaReason(unit, subject, ruleSet);
  if (none) return { allowed: false, limit, reason: none };
  const share = ruleValue(ruleSet, subject === 'collective' ? 'quota.collectiveShare' : 'quota.individualShare');
  const reason =
    subject === 'collective'
      ? `Vượt chỉ tiêu đề nghị khen thưởng tập thể: không quá ${formatFraction(share)} tổng số tập thể của đơn vị ` +
        `(${unit.collectiveCount} tập thể → tối đa ${limit}); đã đề nghị ${acceptedSoFar}.`
      : `Vượt chỉ tiêu đề nghị khen thưởng cá nhân: không quá ${formatFraction(share)} tổng số công chức, viên chức, ` +
        `người lao động của đơn vị (${unit.staffCount} người → tối đa ${limit}); đã đề nghị ${acceptedSoFar}.`;
  return { allowed: false, limit, reason };
}

/**
 * Tập thể lao động xuất sắc: at most 20% of the collectives rated Tập thể lao động tiên tiến, and 1 when that
 * rounds below one (TT 02/2024/TT-VKSTC Đ18(2)). Rounded down for the same reason as above.
 */
export function excellentCollectiveLimit(advancedCollectiveCount: number, ruleSet: RuleSet): number {
  const limit = applyShare(advancedCollectiveCount, ruleValue(ruleSet, 'quota.excellentCollectiveShare'), 'floor');
  if (limit < 1 && advancedCollectiveCount > 0 && ruleValue(ruleSet, 'quota.excellentCollectiveMinimumOne')) return 1;
  return limit;
}

/**
 * Seed 002: each unit introduces 01 collective and 02 individuals as advanced models; the sector council picks
 * 05–10 of them. Returns a Vietnamese reason when a unit's list or the council's selection breaks these numbers.
 */
export function checkAdvancedModelProposal(
  proposal: { collectives: number; individuals: number },
  ruleSet: RuleSet,
): string[] {
  const reasons: string[] = [];
  const maxCollectives = ruleValue(ruleSet, 'advancedModel.collectivesPerUnit');
  const maxIndividuals = ruleValue(ruleSet, 'advancedModel.individualsPerUnit');
  if (proposal.collectives > maxCollectives) {
    reasons.push(
      `Mỗi đơn vị chỉ giới thiệu ${maxCollectives} tập thể điển hình tiên tiến (đã giới thiệu ${proposal.collectives}).`,
    );
  }
  if (proposal.individuals > maxIndividuals) {
    reasons.push(
      `Mỗi đơn vị chỉ giới thiệu ${maxIndividuals} cá nhân điển hình tiên tiến (đã giới thiệu ${proposal.individuals}).`,
    );
  }
  return reasons;
}

export function checkAdvancedModelSelection(selectedCount: number, ruleSet: RuleSet): string[] {
  const min = ruleValue(ruleSet, 'advancedModel.selectMin');
  const max = ruleValue(ruleSet, 'advancedModel.selectMax');
  if (selectedCount < min || selectedCount > max) {
    return [`Hội đồng lựa chọn từ ${min} đến ${max} tập thể, cá nhân điển hình tiên tiến (đã chọn ${selectedCount}).`];
  }
  return [];
}
