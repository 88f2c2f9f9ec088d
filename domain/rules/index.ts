/**
 * Picking the rule set in force, and reading its parameters. A case calls `ruleSetFor(startedAt)` once, stores the
 * id, and later calls `ruleSetById(id)`: a change of law in the middle of a case does not change its rules.
 */
import { addDays, addWorkingDays, instantMs, type ReminderSchedule } from '../calendar.js';
import type { JourneyStep, NominationTrack } from '../stages.js';
import { RULE_SETS } from './versions.js';
import type { Fraction, RuleParameterKey, RuleParameters, RuleSet, VoteRule } from './types.js';

export * from './types.js';
export { RULE_SETS } from './versions.js';

/** The rule set in force at an instant: the latest whose `effectiveFrom` is not after it. */
export function ruleSetFor(instantIso: string, ruleSets: readonly RuleSet[] = RULE_SETS): RuleSet {
  const t = instantMs(instantIso);
  let found: RuleSet | undefined;
  for (const rs of ruleSets) {
    if (instantMs(rs.effectiveFrom) <= t && (!found || instantMs(rs.effectiveFrom) > instantMs(found.effectiveFrom))) {
      found = rs;
    }
  }
  if (!found) throw new RangeError(`Không có bộ quy tắc nào có hiệu lực tại thời điểm ${instantIso}`);
  return found;
}

export function ruleSetById(id: string, ruleSets: readonly RuleSet[] = RULE_SETS): RuleSet {
  const found = ruleSets.find((rs) => rs.id === id);
  if (!found) {
    throw new RangeError(`Không tìm thấy bộ quy tắc "${id}". Các bộ hiện có: ${ruleSets.map((r) => r.id).join(', ')}`);
  }
  return found;
}

/** The value of a parameter. */
export function ruleValue<K extends RuleParameterKey>(ruleSet: RuleSet, key: K): RuleParameters[K]['value'] {
  return ruleSet.parameters[key].value;
}

/** Keys of the parameters an administrator should confirm against the official text. */
export function parametersNeedingConfirmation(ruleSet: RuleSet): RuleParameterKey[] {
  return (Object.keys(ruleSet.parameters) as RuleParameterKey[]).filter((k) => ruleSet.parameters[k].needsConfirmation);
}

/** Integer comparison of `count / total` against a vote rule (no floating point). */
export function meetsShare(count: number, total: number, rule: VoteRule): boolean {
  if (total <= 0) return false;
  const lhs = count * rule.share.denominator;
  const rhs = rule.share.numerator * total;
  return rule.comparison === 'at_least' ? lhs >= rhs : lhs > rhs;
}

/** "90%" or "1/4" for messages. */
export function formatFraction(f: Fraction): string {
  if (f.denominator === 100) return `${f.numerator}%`;
  return `${f.numerator}/${f.denominator}`;
}

export function formatVoteRule(rule: VoteRule): string {
  return `${rule.comparison === 'at_least' ? 'từ' : 'trên'} ${formatFraction(rule.share)}`;
}

/** Due instant of a journey step that starts at `startedAt`, from the rule set's step durations. */
export function stepDueInstant(input: {
  startedAt: string;
  step: JourneyStep;
  track: NominationTrack;
  ruleSet: RuleSet;
  /** `yyyy-mm-dd` public holidays in Vietnam (data, per year). */
  holidays: readonly string[];
}): string {
  const durations = ruleValue(input.ruleSet, input.track === 'ad_hoc' ? 'steps.adHoc' : 'steps.regular');
  const d = durations[input.step];
  return d.working ? addWorkingDays(input.startedAt, d.days, input.holidays) : addDays(input.startedAt, d.days);
}

export function defaultReminderSchedule(ruleSet: RuleSet): ReminderSchedule {
  return ruleValue(ruleSet, 'reminders.default');
}
