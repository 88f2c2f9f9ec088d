/**
 * Versioned rule sets: every number the process depends on (quotas, votes, prerequisites, due days, reminders) is a
 * parameter of a rule set with its source and a flag saying whether it still needs confirmation against the
 * official text. A case stores the id of the rule set in force when it started and keeps it to the end.
 */
import type { DayMonth, ReminderSchedule } from '../calendar.js';
import type { JourneyStep } from '../stages.js';

/** An exact ratio: quotas and vote thresholds are computed in integers, never with floating-point shares. */
export interface Fraction {
  numerator: number;
  denominator: number;
}

/** How a quota share of a headcount becomes a whole number of nominations. */
export type QuotaRounding = 'floor' | 'round' | 'ceil';

/** A vote passes when yes-votes reach (`at_least`) or exceed (`more_than`) the share of the denominator. */
export interface VoteRule {
  share: Fraction;
  comparison: 'at_least' | 'more_than';
}

/** Which headcount a vote share is taken of. */
export type VoteDenominator = 'total_members' | 'members_present';

/** How long a journey step may take: working days (Mon–Fri minus holidays) or calendar days. */
export interface StepDuration {
  days: number;
  working: boolean;
}

export interface MonthRange {
  /** Inclusive lower bound, in months. */
  fromMonths: number;
  /** Exclusive upper bound, in months. */
  toMonths: number;
}

/**
 * A fixed span of emulation years a criterion reads, and the years of the programme it is the standard for (seed
 * 002 names the flags of 2011–2016 as the standard of its whole 2017–2020 programme).
 */
export interface ReferencePeriod {
  fromYear: number;
  toYear: number;
  programmeFromYear: number;
  programmeToYear: number;
}

export interface RuleParameter<T> {
  value: T;
  /** What the parameter means and its unit, in Vietnamese (shown in the admin screen). */
  description: string;
  /** Where the value comes from: seed file and sentence, or the legal text (with the article). */
  source: string;
  /** True when the value could not be confirmed in a primary text: an administrator should check it. */
  needsConfirmation: boolean;
}

export interface RuleParameters {
  // --- Quotas (seed 001) -------------------------------------------------------------------------------------
  'quota.collectiveShare': RuleParameter<Fraction>;
  'quota.individualShare': RuleParameter<Fraction>;
  'quota.rounding': RuleParameter<QuotaRounding>;
  /** Whether a unit whose share rounds down to 0 may still propose one. */
  'quota.minimumOne': RuleParameter<boolean>;
  /** Tập thể lao động xuất sắc: at most this share of the collectives rated Tập thể lao động tiên tiến. */
  'quota.excellentCollectiveShare': RuleParameter<Fraction>;
  'quota.excellentCollectiveMinimumOne': RuleParameter<boolean>;

  // --- Calendar -----------------------------------------------------------------------------------------------
  'movementYear.start': RuleParameter<DayMonth>;

  // --- Advanced models (seed 002) -----------------------------------------------------------------------------
  'advancedModel.collectivesPerUnit': RuleParameter<number>;
  'advancedModel.individualsPerUnit': RuleParameter<number>;
  'advancedModel.selectMin': RuleParameter<number>;
  'advancedModel.selectMax': RuleParameter<number>;
  /** "Nhiều năm liên tục được tặng Cờ thi đua": how many consecutive years "nhiều năm" means. */
  'advancedModel.flagConsecutiveYears': RuleParameter<number>;
  /** The years whose flags count for the collective standard during the programme (seed 002: 2011–2016). */
  'advancedModel.flagReferencePeriod': RuleParameter<ReferencePeriod>;

  // --- Votes and quorum ---------------------------------------------------------------------------------------
  'vote.default': RuleParameter<VoteRule>;
  'vote.baseEmulationFighter': RuleParameter<VoteRule>;
  'vote.sectorEmulationFighter': RuleParameter<VoteRule>;
  'vote.sectorFlagCluster': RuleParameter<VoteRule>;
  'vote.labourHero': RuleParameter<VoteRule>;
  'vote.denominator': RuleParameter<VoteDenominator>;
  'council.quorum': RuleParameter<Fraction>;

  // --- Prerequisites on the award history ---------------------------------------------------------------------
  'prereq.sectorFighter.consecutiveBaseFighter': RuleParameter<number>;
  'prereq.procuratorGeneralMerit.consecutiveBaseFighter': RuleParameter<number>;
  'prereq.primeMinisterMerit.yearsSinceSectorMerit': RuleParameter<number>;
  'prereq.primeMinisterMerit.baseFighterCount': RuleParameter<number>;
  'prereq.labourOrder3.yearsSincePrimeMinisterMerit': RuleParameter<number>;
  'prereq.labourOrder3.baseFighterCount': RuleParameter<number>;
  'prereq.sectorFlag.excellentCollectiveYears': RuleParameter<number>;
  /** Whether ad-hoc (đột xuất) and thematic (chuyên đề) awards count toward the prerequisites of regular awards. */
  'prereq.adHocCountsTowardLadder': RuleParameter<boolean>;

  // --- Individual and collective standards ----------------------------------------------------------------------
  'advancedWorker.minServiceMonths': RuleParameter<number>;
  'advancedWorker.excludedLeaveMonths': RuleParameter<MonthRange>;
  'commemorativeMedal.minServiceYears': RuleParameter<number>;
  'collective.advanced.minAdvancedWorkerShare': RuleParameter<VoteRule>;
  'collective.excellent.minAdvancedWorkerShare': RuleParameter<VoteRule>;
  /** Hold nominations of people/collectives under discipline review, investigation, inspection or complaint. */
  'hold.whileUnderReview': RuleParameter<boolean>;

  // --- Time limits --------------------------------------------------------------------------------------------
  'steps.regular': RuleParameter<Record<JourneyStep, StepDuration>>;
  'steps.adHoc': RuleParameter<Record<JourneyStep, StepDuration>>;
  'complaint.acceptWorkingDays': RuleParameter<number>;
  'complaint.resolveDays': RuleParameter<number>;
  'publicConsultation.workingDays': RuleParameter<number>;
  'reminders.default': RuleParameter<ReminderSchedule>;
}

export type RuleParameterKey = keyof RuleParameters;

type KeysOfValue<V> = {
  [K in RuleParameterKey]: RuleParameters[K] extends RuleParameter<V> ? K : never;
}[RuleParameterKey];

/** Parameters holding a whole number (counts, years, days): the catalogue's prerequisites refer to these. */
export type NumericParameterKey = KeysOfValue<number>;
/** Parameters holding a reference period: a prerequisite may read its run of years there. */
export type PeriodParameterKey = KeysOfValue<ReferencePeriod>;
/** Parameters holding a vote rule: the catalogue's vote thresholds refer to these. */
export type VoteParameterKey = KeysOfValue<VoteRule>;

export interface RuleSet {
  /** Stable id stored by every case at start, e.g. "tdkt-2025-07". */
  id: string;
  version: number;
  /** Start of the day it takes effect, Vietnam time, as an ISO instant with offset ("2025-07-01T00:00:00.000+07:00"). */
  effectiveFrom: string;
  /** Vietnamese name. */
  title: string;
  /** The legal texts in force for this version. */
  legalBasis: string[];
  /** What changed from the previous version, in Vietnamese. */
  changes: string[];
  parameters: RuleParameters;
}
