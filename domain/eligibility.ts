/**
 * Eligibility of a nomination: catalogue prerequisites on the award history, the standards of titles, and holds.
 * Pure: returns the reasons (Vietnamese, shown to staff as they are) why the nomination is not eligible; an empty
 * list means eligible as far as the data can tell — the standing body still checks the dossier.
 *
 * Facts that were not recorded (an absent field of `personFacts`) are not held against the nominee, except where
 * the fact IS the criterion (years of service for the Kỷ niệm chương, headcounts for collective titles).
 */
import {
  awardAcceptsSubject,
  findAward,
  type AwardEntry,
  type CountRef,
  type NomineeSubject,
  type Prerequisite,
} from './catalogue.js';
import { formatVoteRule, meetsShare, ruleValue } from './rules/index.js';
import type { RuleSet } from './rules/types.js';
import type { UnitFacts } from './quota.js';

/** How an award was given: only regular (công trạng) awards count toward the ladder from NĐ 152/2025 on. */
export type AwardBasis = 'regular' | 'ad_hoc' | 'thematic';

/** What eligibility reads of one line of the commendation book (book.ts `AwardRecord` has this shape and more). */
export interface AwardHistoryEntry {
  awardCode: string;
  /** The emulation year the award is for. */
  year: number;
  revoked: boolean;
  /** Absent means regular. */
  basis?: AwardBasis;
}

export interface NominationForEligibility {
  subject: NomineeSubject;
  awardCode: string;
  year: number;
  nomineeUnitId: string;
  nomineePersonId?: string | null;
  /** Codes of DECLARED_CRITERIA the nomination claims (proved by its dossier). */
  declaredCriteria?: string[];
  /** The nominee holds a leadership or management post (seed 002: must also meet the collective standard). */
  nomineeHoldsLeadership?: boolean;
}

export interface PersonFacts {
  monthsSinceRecruitment?: number;
  /** Months of leave from work in the nomination year. */
  leaveMonthsInYear?: number;
  /** Disciplined with a reprimand (khiển trách) or heavier in the nomination year. */
  disciplinedInYear?: boolean;
  /** Continuous years of service in the procuracy, not counting periods under discipline. */
  continuousServiceYears?: number;
  /** Under discipline review, investigation, inspection, or a complaint being verified. */
  underReview?: boolean;
}

export interface CollectiveFacts {
  memberCount: number;
  /** Members rated at least "hoàn thành nhiệm vụ". */
  completedDutiesCount: number;
  /** Members with the Lao động tiên tiến title this year. */
  advancedWorkerCount: number;
  /** Members with the Chiến sĩ thi đua cơ sở title this year. */
  baseEmulationFighterCount: number;
  /** Members disciplined with a warning (cảnh cáo) or heavier. */
  membersDisciplinedWarningOrAbove: number;
  underReview?: boolean;
}

export interface EligibilityInput {
  nomination: NominationForEligibility;
  /** The nominee's awards (a person's for an individual, the collective's for a collective). */
  awardHistory: readonly AwardHistoryEntry[];
  unitFacts: UnitFacts;
  ruleSet: RuleSet;
  personFacts?: PersonFacts;
  collectiveFacts?: CollectiveFacts;
  /** The awards of the collective a leader heads (seed 002: leaders must also meet the collective standard). */
  collectiveAwardHistory?: readonly AwardHistoryEntry[];
}

function resolveCount(ref: CountRef, ruleSet: RuleSet): number {
  return typeof ref === 'number' ? ref : ruleValue(ruleSet, ref);
}

function inCodes(codes: readonly string[], code: string): boolean {
  return codes.includes(code);
}

function awardName(code: string): string {
  return findAward(code)?.name ?? code;
}

/** Awards that may serve as prerequisites for this nomination under the rule set. */
function usableHistory(history: readonly AwardHistoryEntry[], year: number, ruleSet: RuleSet): AwardHistoryEntry[] {
  const adHocCounts = ruleValue(ruleSet, 'prereq.adHocCountsTowardLadder');
  return history.filter((r) => !r.revoked && r.year <= year && (adHocCounts || (r.basis ?? 'regular') === 'regular'));
}

/** Longest run of consecutive years in `years` that ends at `end`. */
function runEndingAt(years: ReadonlySet<number>, end: number): number {
  let n = 0;
  while (years.has(end - n)) n += 1;
  return n;
}

/** Longest run of consecutive years in `years` that lies within `from`..`to`. */
function longestRunWithin(years: ReadonlySet<number>, from: number, to: number): number {
  let best = 0;
  for (let end = from; end <= to; end++) {
    let n = 0;
    while (end - n >= from && years.has(end - n)) n += 1;
    best = Math.max(best, n);
  }
  return best;
}

interface Evaluation {
  ok: boolean;
  reason: string;
}

function evaluate(
  p: Prerequisite,
  history: readonly AwardHistoryEntry[],
  nomination: NominationForEligibility,
  ruleSet: RuleSet,
): Evaluation {
  const year = nomination.year;
  switch (p.kind) {
    case 'consecutive_years': {
      const needed = resolveCount(p.years, ruleSet);
      const years = new Set(history.filter((r) => inCodes(p.awardCodes, r.awardCode)).map((r) => r.year));
      // The run may end in the nomination year or the year before: the lower title of the nomination year is often
      // decided at provincial level only weeks before the higher one is proposed.
      const rolling = Math.max(runEndingAt(years, year), runEndingAt(years, year - 1));
      const names = p.awardCodes.map(awardName).join(' hoặc ');
      // A programme that names a fixed period as its standard (seed 002: "(giai đoạn 2011-2016)" for 2017–2020)
      // counts a run inside that period in every year of the programme; a newer run still counts as well.
      const period = p.referencePeriod ? ruleValue(ruleSet, p.referencePeriod) : null;
      if (period && year >= period.programmeFromYear && year <= period.programmeToYear) {
        const within = longestRunWithin(years, period.fromYear, Math.min(period.toYear, year));
        return {
          ok: Math.max(rolling, within) >= needed,
          reason:
            `Chưa đủ ${needed} năm liên tục đạt ${names} trong giai đoạn ${period.fromYear}–${period.toYear} ` +
            `(hiện có ${within} năm liên tục) hoặc đến năm ${year} (hiện có ${rolling} năm liên tục).`,
        };
      }
      return {
        ok: rolling >= needed,
        reason: `Chưa đủ ${needed} năm liên tục đạt ${names} (hiện có ${rolling} năm liên tục).`,
      };
    }
    case 'held_any': {
      const ok = history.some((r) => inCodes(p.awardCodes, r.awardCode));
      return { ok, reason: `Chưa đáp ứng: ${p.description}.` };
    }
    case 'count_since': {
      const minYears = resolveCount(p.minYearsSince, ruleSet);
      const minCount = resolveCount(p.minCount, ruleSet);
      const bases = history
        .filter((r) => inCodes(p.sinceAwardCodes, r.awardCode) && year - r.year >= minYears)
        .map((r) => r.year);
      const countAfter = (base: number): number =>
        new Set(history.filter((r) => inCodes(p.countAwardCodes, r.awardCode) && r.year > base).map((r) => r.year))
          .size;
      const ok = bases.some((b) => countAfter(b) >= minCount);
      const sinceNames = p.sinceAwardCodes.map(awardName).join(' hoặc ');
      const countNames = p.countAwardCodes.map(awardName).join(' hoặc ');
      return {
        ok,
        reason:
          `Chưa đáp ứng: đã được ${sinceNames} từ ${minYears} năm trở lên trước năm đề nghị và sau đó có ` +
          `${minCount} lần đạt ${countNames}.`,
      };
    }
    case 'declared': {
      const ok = (nomination.declaredCriteria ?? []).includes(p.criterion);
      return { ok, reason: `Chưa đáp ứng: ${p.description}.` };
    }
    case 'any_of': {
      const ok = p.options.some((o) => evaluate(o, history, nomination, ruleSet).ok);
      return { ok, reason: `Chưa đáp ứng tiêu chuẩn nào sau đây: ${p.description}.` };
    }
  }
}

function prerequisiteReasons(
  award: AwardEntry,
  subject: NomineeSubject,
  history: readonly AwardHistoryEntry[],
  nomination: NominationForEligibility,
  ruleSet: RuleSet,
): string[] {
  const usable = usableHistory(history, nomination.year, ruleSet);
  return award.prerequisites[subject]
    .map((p) => evaluate(p, usable, nomination, ruleSet))
    .filter((e) => !e.ok)
    .map((e) => e.reason);
}

function personStandardReasons(award: AwardEntry, facts: PersonFacts | undefined, ruleSet: RuleSet): string[] {
  const reasons: string[] = [];
  if (award.standard === 'advanced_worker' && facts) {
    const minMonths = ruleValue(ruleSet, 'advancedWorker.minServiceMonths');
    if (facts.monthsSinceRecruitment !== undefined && facts.monthsSinceRecruitment < minMonths) {
      reasons.push(`Mới tuyển dụng dưới ${minMonths} tháng: không xét danh hiệu ${award.name}.`);
    }
    const leave = ruleValue(ruleSet, 'advancedWorker.excludedLeaveMonths');
    if (
      facts.leaveMonthsInYear !== undefined &&
      facts.leaveMonthsInYear >= leave.fromMonths &&
      facts.leaveMonthsInYear < leave.toMonths
    ) {
      reasons.push(
        `Nghỉ công tác từ ${leave.fromMonths} tháng đến dưới ${leave.toMonths} tháng trong năm: không xét danh hiệu ${award.name}.`,
      );
    }
    if (facts.disciplinedInYear === true) {
      reasons.push(`Bị kỷ luật từ khiển trách trở lên trong năm: không xét danh hiệu ${award.name}.`);
    }
  }
  if (award.standard === 'commemorative_medal') {
    const minYears = ruleValue(ruleSet, 'commemorativeMedal.minServiceYears');
    if (facts?.continuousServiceYears === undefined) {
      reasons.push(`Thiếu thông tin số năm công tác liên tục trong ngành để xét ${award.name}.`);
    } else if (facts.continuousServiceYears < minYears) {
      reasons.push(
        `Chưa đủ ${minYears} năm công tác liên tục trong ngành Kiểm sát (hiện có ${facts.continuousServiceYears} năm).`,
      );
    }
  }
  return reasons;
}

function collectiveStandardReasons(award: AwardEntry, facts: CollectiveFacts | undefined, ruleSet: RuleSet): string[] {
  if (award.standard !== 'advanced_collective' && award.standard !== 'excellent_collective') return [];
  if (!facts || facts.memberCount <= 0) return [`Thiếu số liệu về cá nhân của tập thể để xét danh hiệu ${award.name}.`];
  const reasons: string[] = [];
  if (award.standard === 'advanced_collective') {
    const rule = ruleValue(ruleSet, 'collective.advanced.minAdvancedWorkerShare');
    if (!meetsShare(facts.advancedWorkerCount, facts.memberCount, rule)) {
      reasons.push(
        `Tỷ lệ cá nhân đạt Lao động tiên tiến phải ${formatVoteRule(rule)} (hiện có ${facts.advancedWorkerCount}/${facts.memberCount}).`,
      );
    }
    if (facts.membersDisciplinedWarningOrAbove > 0) {
      reasons.push('Có cá nhân bị kỷ luật từ cảnh cáo trở lên.');
    }
  } else {
    const rule = ruleValue(ruleSet, 'collective.excellent.minAdvancedWorkerShare');
    if (facts.completedDutiesCount < facts.memberCount) {
      reasons.push(
        `100% cá nhân phải hoàn thành nhiệm vụ (hiện có ${facts.completedDutiesCount}/${facts.memberCount}).`,
      );
    }
    if (!meetsShare(facts.advancedWorkerCount, facts.memberCount, rule)) {
      reasons.push(
        `Tỷ lệ cá nhân đạt Lao động tiên tiến phải ${formatVoteRule(rule)} (hiện có ${facts.advancedWorkerCount}/${facts.memberCount}).`,
      );
    }
    if (facts.baseEmulationFighterCount < 1) {
      reasons.push('Phải có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở.');
    }
  }
  return reasons;
}

/** Reasons the nomination is not eligible, in Vietnamese; empty when it is. */
export function checkEligibility(input: EligibilityInput): string[] {
  const { nomination, awardHistory, unitFacts, ruleSet, personFacts, collectiveFacts } = input;
  const award = findAward(nomination.awardCode);
  if (!award) return [`Không có danh hiệu hoặc hình thức khen thưởng với mã "${nomination.awardCode}".`];

  const reasons: string[] = [];
  if (!award.nominable) reasons.push(`${award.name} không được đề nghị qua hệ thống này.`);
  if (!awardAcceptsSubject(award, nomination.subject)) {
    reasons.push(`${award.name} chỉ xét cho ${award.subject === 'individual' ? 'cá nhân' : 'tập thể'}.`);
  }
  if (nomination.subject === 'individual' && !nomination.nomineePersonId) {
    reasons.push('Chưa chọn cá nhân được đề nghị.');
  }
  if (nomination.nomineeUnitId !== unitFacts.id) {
    reasons.push(
      `Đơn vị của người/tập thể được đề nghị (${nomination.nomineeUnitId}) không khớp số liệu đơn vị (${unitFacts.id}).`,
    );
  }

  const standing = awardHistory.filter((r) => !r.revoked && r.awardCode === award.code);
  if (award.oncePerNominee && standing.length > 0) {
    reasons.push(`${award.name} chỉ tặng một lần; đã được tặng năm ${standing[0]?.year}.`);
  } else if (standing.some((r) => r.year === nomination.year)) {
    reasons.push(`Đã được ${award.name} năm ${nomination.year}.`);
  }

  const underReview = nomination.subject === 'individual' ? personFacts?.underReview : collectiveFacts?.underReview;
  if (underReview === true && ruleValue(ruleSet, 'hold.whileUnderReview')) {
    reasons.push(
      'Đang bị xem xét kỷ luật, điều tra, thanh tra, kiểm tra hoặc có đơn thư khiếu nại, tố cáo đang xác minh: chưa đề nghị khen thưởng.',
    );
  }

  reasons.push(...prerequisiteReasons(award, nomination.subject, awardHistory, nomination, ruleSet));
  if (nomination.subject === 'individual') reasons.push(...personStandardReasons(award, personFacts, ruleSet));
  else reasons.push(...collectiveStandardReasons(award, collectiveFacts, ruleSet));

  // Seed 002: "Đối với cá nhân giữ chức vụ lãnh đạo quản lý, ngoài tiêu chuẩn nêu trên còn phải gắn với tiêu chuẩn
  // điển hình tiên tiến của tập thể nêu tại Điểm b dưới đây."
  if (
    award.code === 'dien-hinh-tien-tien' &&
    nomination.subject === 'individual' &&
    nomination.nomineeHoldsLeadership === true
  ) {
    const collectiveFailures = prerequisiteReasons(
      award,
      'collective',
      input.collectiveAwardHistory ?? [],
      nomination,
      ruleSet,
    );
    if (collectiveFailures.length > 0) {
      reasons.push(
        'Cá nhân giữ chức vụ lãnh đạo, quản lý: tập thể do mình phụ trách phải đạt tiêu chuẩn điển hình tiên tiến của tập thể.',
      );
    }
  }

  return [...new Set(reasons)];
}
