/**
 * The demo's calendar (issue 11, "a living demo on any date"): given the Vietnam date a fresh `npm start` runs
 * on, which emulation year is current, how the demo's plan for it is made from the organisation's latest plan,
 * which campaign the demo's nominations belong to, and which cases stand at which stage. Pure: the seeder
 * (seed.ts) reads the database and acts through the clients; every choice it makes comes from here.
 *
 * The rules:
 * - The current year is the web's (client/web/http/year.ts `currentPlanYear`): the Vietnam calendar year, also in
 *   December. The demo issues and runs that year's plan; the coming year's plan is always there as a draft made
 *   from it, for the standing body to work on ("Lập kế hoạch năm …").
 * - A plan issued late keeps every date of its text except the units' own deadlines that have passed (or are
 *   too near to act on): registration, the units' plans and the compact move to after the issue date, within the
 *   year, as a standing body that issues late would have to. Year-specific text the drafting flags is settled the
 *   way the standing body would: anniversaries are counted for the new year, the yearly directives of the legal
 *   basis are the ones issued for the new year.
 * - The nominations belong to the campaign of the season: the year's review (tổng kết) from 01/11; before it the
 *   latest drive of the year whose nomination campaign has opened (open while its window runs, else its cases are
 *   still on their way); before the year's first drive closes, last year's review, which takes nominations until
 *   31/01 (domain/plan-year/plan-run.ts `yearCampaignClosesAt`, the web's rule too) and whose cases are on their way after.
 */
import {
  addDays,
  formatCalendarDateVN,
  instantMs,
  parseDateKey,
  vnCalendarDate,
  vnDateKey,
  windowInstants,
  type CalendarDate,
} from '../../domain/calendar.js';
import {
  DEFAULT_DRIVE_NOMINATION_DAYS,
  planDeadlineInstant,
  type Plan,
  type PlanDeadlineKind,
} from '../../domain/plan.js';
import { planYearInPreparation } from '../../domain/plan-authoring/index.js';
import { yearCampaignClosesAt } from '../../domain/plan-year/plan-run.js';
import type { NominationStage } from '../../domain/stages.js';

// ------------------------------------------------------------------------------------------------------- year

export interface DemoYear {
  /** Today in Vietnam, yyyy-mm-dd. */
  today: string;
  /** The emulation year under way: the demo's plan of this year is issued and running. */
  year: number;
  /** The year after: its plan is a draft made from the current one. */
  comingYear: number;
  /** Whether the standing body is in its preparation season for the coming year (from 01/11: the banner). */
  preparing: boolean;
}

export function demoYear(now: string): DemoYear {
  const today = vnCalendarDate(now);
  return {
    today: vnDateKey(now),
    year: today.year,
    comingYear: today.year + 1,
    preparing: planYearInPreparation(now) === today.year + 1,
  };
}

// ------------------------------------------------------------------------------------------------------- plan

/** The units' deadlines a late issue moves: the ones a unit must act on (the standing body's own are kept). */
const UNIT_DEADLINES: readonly PlanDeadlineKind[] = ['unit_plan', 'registration', 'compact'];
/** Days a unit gets from the issue to register (and to send its own plan); the compact follows a week later. */
const LATE_REGISTRATION_DAYS = 14;
const LATE_COMPACT_DAYS = 21;

function later(a: CalendarDate, b: CalendarDate): CalendarDate {
  const ka = a.year * 10000 + a.month * 100 + a.day;
  const kb = b.year * 10000 + b.month * 100 + b.day;
  return ka >= kb ? a : b;
}

/** The last day of the year: a plan's deadline never leaves its year. */
function withinYear(date: CalendarDate, year: number): CalendarDate {
  return date.year > year ? { day: 31, month: 12, year } : date;
}

/** "15/01/2026" and the "15/1/2026" some seeds write. */
function writtenForms(date: CalendarDate): string[] {
  const long = formatCalendarDateVN(date);
  const short = `${date.day}/${date.month}/${date.year}`;
  return [...new Set([long, short, `${String(date.day).padStart(2, '0')}/${date.month}/${date.year}`])];
}

function replaceDate(text: string, from: CalendarDate, to: CalendarDate): string {
  return writtenForms(from).reduce((t, form) => t.replaceAll(form, formatCalendarDateVN(to)), text);
}

/** The date a unit deadline moves to when the plan is issued on `issued`, or the date itself when it is far enough. */
export function lateDeadline(kind: PlanDeadlineKind, date: CalendarDate, issued: CalendarDate): CalendarDate {
  const issuedAt = planDeadlineInstant({ date: issued });
  const days = kind === 'compact' ? LATE_COMPACT_DAYS : LATE_REGISTRATION_DAYS;
  // A deadline less than a week after the issue leaves a unit no time: it moves as if it had passed.
  if (instantMs(planDeadlineInstant({ date })) > instantMs(addDays(issuedAt, 7))) return date;
  return withinYear(later(date, vnCalendarDate(addDays(issuedAt, days))), issued.year);
}

/** "65 năm ngày thành lập ngành …", "80 năm Cách mạng tháng Tám": counted again for the new year. */
const ANNIVERSARY =
  /(?<!\d)(\d{1,3})(\s+năm\s+(?:ngày\s+)?(?:thành lập|Cách mạng|chiến thắng|giải phóng|Quốc khánh|ngày sinh))/gu;

export function recountAnniversaries(text: string, byYears: number): string {
  return text.replace(ANNIVERSARY, (_all, n: string, rest: string) => `${Number(n) + byYears}${rest}`);
}

/**
 * The legal basis of the new year: a year plan rests on the directives and guidance issued for that year (dated in
 * December of the year before, or in the year), which are renewed every year, so those citations move with the
 * year; a standing regulation (a circular, a law) is cited as it is.
 */
export function renewedLegalBasis(basis: readonly string[], fromYear: number, toYear: number): string[] {
  const by = toYear - fromYear;
  return basis.map((citation) => {
    if (!/^(?:Chỉ thị|Hướng dẫn|Kế hoạch)\s/u.test(citation)) return citation;
    return citation.replace(/(?<!\d)(\d{4})(?!\d)/g, (y) =>
      Number(y) === fromYear - 1 || Number(y) === fromYear ? String(Number(y) + by) : y,
    );
  });
}

/**
 * The demo standing body's edits to the drafted plan of `plan.year` (drafted from the plan of `fromYear`)
 * before it is issued on `issued`: what the drafting flagged, settled; the units' passed deadlines moved.
 */
export function demoPlanEdits(plan: Plan, fromYear: number, issued: CalendarDate): Plan {
  const by = plan.year - fromYear;
  const deadlines = plan.deadlines.map((d) => {
    const title = recountAnniversaries(d.title, by);
    const source = recountAnniversaries(d.source, by);
    const late = UNIT_DEADLINES.includes(d.kind) && issued.year === plan.year;
    const moved = late ? lateDeadline(d.kind, d.date, issued) : d.date;
    if (moved === d.date) return { ...d, title, source };
    return { ...d, date: moved, title: replaceDate(title, d.date, moved), source: replaceDate(source, d.date, moved) };
  });
  // The compact compiles the members' registrations: never due before them.
  const registration = deadlines.find((d) => d.kind === 'registration');
  const fixed = deadlines.map((d) =>
    d.kind === 'compact' && registration && later(registration.date, d.date) !== d.date
      ? { ...d, source: replaceDate(d.source, d.date, registration.date), date: registration.date }
      : d,
  );
  return {
    ...plan,
    ...(plan.theme !== undefined ? { theme: recountAnniversaries(plan.theme, by) } : {}),
    legalBasis: renewedLegalBasis(plan.legalBasis, fromYear, plan.year),
    deadlines: fixed,
    drives: plan.drives.map((d) => ({
      ...d,
      title: recountAnniversaries(d.title, by),
      source: recountAnniversaries(d.source, by),
    })),
  };
}

/** The issue of the demo's plan of `year`: a number of the demo's register, today's date, the council's chair. */
export function demoIssue(
  year: number,
  today: string,
  signer: string,
): { number: string; date: string; signer: string } {
  return { number: `${String(year % 100).padStart(2, '0')}/KH-HĐTĐKT`, date: today, signer };
}

/**
 * The date the demo issues the plan of `year`: today in its own year. A past year's plan (issued as the record its
 * review needs) is dated as a plan is normally issued, in mid-December of the year before it.
 */
export function demoIssueDate(year: number, today: string): CalendarDate {
  const date = parseDateKey(today);
  if (date.year === year) return date;
  return date.year > year ? { day: 15, month: 12, year: year - 1 } : { day: 1, month: 1, year };
}

// -------------------------------------------------------------------------------------------------- campaign

/**
 * `closesAt`: when the campaign stops taking nominations, so its quota ledgers close: the same instant the web's
 * form gives a nomination it starts in that campaign (client/web/campaign-options.ts `closesAt`).
 */
export type DemoCampaign =
  /** A year's review: its campaign id is that year's plan id. */
  | { kind: 'year_review'; year: number; open: boolean; closesAt: string }
  /** A drive's nomination campaign (its id is the drive's), opened when the drive closed; it closes when due. */
  | { kind: 'drive'; year: number; driveId: string; open: boolean; dueAt: string; closesAt: string };

/** The campaign the demo's nominations belong to at `now`, for the running plan of the current year. */
export function demoCampaign(now: string, plan: Plan): DemoCampaign {
  const { month, year } = vnCalendarDate(now);
  if (month >= 11 && plan.year === year)
    return { kind: 'year_review', year, open: true, closesAt: yearCampaignClosesAt(year) };
  const closed = plan.drives
    .map((drive) => ({ drive, endsAt: windowInstants(drive.window).endsAt }))
    .filter(({ endsAt }) => instantMs(endsAt) < instantMs(now))
    .sort((a, b) => instantMs(b.endsAt) - instantMs(a.endsAt));
  const latest = closed[0];
  if (latest) {
    const dueAt = addDays(latest.endsAt, latest.drive.nominationDays ?? DEFAULT_DRIVE_NOMINATION_DAYS);
    return {
      kind: 'drive',
      year: plan.year,
      driveId: latest.drive.id,
      open: instantMs(now) <= instantMs(dueAt),
      dueAt,
      closesAt: dueAt,
    };
  }
  const closesAt = yearCampaignClosesAt(year - 1);
  return { kind: 'year_review', year: year - 1, open: instantMs(now) <= instantMs(closesAt), closesAt };
}

// ----------------------------------------------------------------------------------------------------- cases

/** Where a demo case is left: every stage of the journey a newcomer should find, and two decided cases. */
export type DemoTarget = Extract<
  NominationStage,
  | 'draft'
  | 'cluster_review'
  | 'standing_body_check'
  | 'council_vote'
  | 'leadership_approval'
  | 'returned'
  | 'on_hold'
  | 'awarded'
  | 'forwarded'
>;

export interface DemoCase {
  /** The last part of the case id (nomination/<campaign>/<unit>/<n>): fixed, so a restart finds the case. */
  n: string;
  unitId: string;
  awardCode: string;
  subject: 'individual' | 'collective';
  target: DemoTarget;
  /** The criteria the unit declares (its dossier proves them), where the award asks for one. */
  declaredCriteria?: string[];
}

/**
 * The demo's nominations, one per unit (each unit's quota of a campaign is small), spread over the clusters so
 * every cluster head has a case to review. They are the same on every date: only their campaign follows the
 * season. Units of the demo directory (store/demo-data.ts).
 */
export const DEMO_CASES: readonly DemoCase[] = [
  { n: 'demo-du-thao', unitId: 'hd-kv2', awardCode: 'giay-khen', subject: 'individual', target: 'draft' },
  { n: 'demo-du-thao', unitId: 'hd-p3', awardCode: 'giay-khen', subject: 'collective', target: 'draft' },
  { n: 'demo-cum', unitId: 'hd-kv3', awardCode: 'giay-khen', subject: 'individual', target: 'cluster_review' },
  { n: 'demo-cum', unitId: 'hd-kv6', awardCode: 'giay-khen', subject: 'individual', target: 'cluster_review' },
  { n: 'demo-cum', unitId: 'hd-kv10', awardCode: 'giay-khen', subject: 'individual', target: 'cluster_review' },
  { n: 'demo-khoi', unitId: 'hd-p2', awardCode: 'giay-khen', subject: 'individual', target: 'cluster_review' },
  {
    n: 'demo-thuong-truc',
    unitId: 'hd-kv4',
    awardCode: 'giay-khen',
    subject: 'individual',
    target: 'standing_body_check',
  },
  { n: 'demo-hoi-dong', unitId: 'hd-kv8', awardCode: 'giay-khen', subject: 'individual', target: 'council_vote' },
  {
    n: 'demo-trinh-ky',
    unitId: 'hd-kv11',
    awardCode: 'giay-khen',
    subject: 'individual',
    target: 'leadership_approval',
  },
  { n: 'demo-tra-lai', unitId: 'hd-kv1', awardCode: 'giay-khen', subject: 'individual', target: 'returned' },
  { n: 'demo-tam-dung', unitId: 'hd-kv12', awardCode: 'giay-khen', subject: 'individual', target: 'on_hold' },
  { n: 'demo-khen-thuong', unitId: 'hd-p1', awardCode: 'giay-khen', subject: 'individual', target: 'awarded' },
  { n: 'demo-khen-thuong', unitId: 'hd-kv5', awardCode: 'giay-khen', subject: 'individual', target: 'awarded' },
  {
    n: 'demo-cap-tren',
    unitId: 'hd-vp',
    awardCode: 'bang-khen-vksndtc',
    subject: 'individual',
    target: 'forwarded',
    declaredCriteria: ['htxsnv-2-nam-2-sang-kien'],
  },
];

/**
 * Council members who have voted on the case left in the council's vote (the others still have it to do). A member
 * who voted no longer finds the vote in "Việc cần làm": these are seats with other work there (the standing body;
 * the chair and deputy, who sign the case awaiting the leadership), so every member's inbox still has work.
 */
export const DEMO_EARLY_VOTERS: readonly string[] = ['thuongtruc', 'vientruong', 'phovientruong'];

/** The journey's order: a case moves along it until it reaches its target. */
const ORDER: readonly NominationStage[] = [
  'draft',
  'cluster_review',
  'standing_body_check',
  'council_vote',
  'leadership_approval',
  'forwarded',
  'awarded',
];

export type DemoStep = 'submit' | 'endorse' | 'verify' | 'return_incomplete' | 'vote' | 'approve' | 'hold';

/**
 * The next staff action that moves a case toward its target, or null once it is there. Returned and on-hold
 * cases leave the journey at the standing body's check: it finds the dossier incomplete, or holds it on a
 * complaint.
 */
export function nextDemoStep(target: DemoTarget, stage: NominationStage, hasClusterStep: boolean): DemoStep | null {
  if (stage === target) return null;
  if (target === 'returned' || target === 'on_hold') {
    if (stage === 'standing_body_check') return target === 'returned' ? 'return_incomplete' : 'hold';
    return stepFrom(stage, hasClusterStep);
  }
  const at = ORDER.indexOf(stage);
  const goal = ORDER.indexOf(target);
  if (at < 0 || goal < 0 || at > goal) return null; // off the journey (a person acted on it): leave it be
  return stepFrom(stage, hasClusterStep);
}

function stepFrom(stage: NominationStage, hasClusterStep: boolean): DemoStep | null {
  switch (stage) {
    case 'draft':
    case 'returned':
      return 'submit';
    case 'unit_submitted':
    case 'cluster_review':
      return hasClusterStep ? 'endorse' : null;
    case 'standing_body_check':
      return 'verify';
    case 'council_vote':
      return 'vote';
    case 'leadership_approval':
      return 'approve';
    default:
      return null;
  }
}

// ------------------------------------------------------------------------------------------ year's own cases

/**
 * Registrations and compacts in mixed states: units that registered (the ones whose own work is a nomination),
 * one that saved a draft, and the rest still to register; one cluster's compact signed by all and sent, one
 * half signed, one drafted and waiting for its first signature, one not drafted yet.
 */
export const DEMO_REGISTERED_UNITS: readonly string[] = ['hd-kv1', 'hd-kv2', 'hd-p3'];
export const DEMO_REGISTRATION_DRAFTS: readonly string[] = ['hd-kv4'];
export const DEMO_COMPACTS: readonly { clusterId: string; signedBy: 'all' | number | null }[] = [
  { clusterId: 'hd-cum1', signedBy: 'all' },
  { clusterId: 'hd-cum2', signedBy: 2 },
  { clusterId: 'hd-khoi-nv', signedBy: 0 },
  { clusterId: 'hd-cum3', signedBy: null },
];
