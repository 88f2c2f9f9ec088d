/**
 * What the year's workflows (plan, registration, compact, advanced models, complaint) share: the audit and
 * notice records, who the standing body is, role/unit checks with Vietnamese refusals, and the bookkeeping of
 * reminders whose deadline can move. Pure and JSON-only: it runs inside workflows and in unit tests.
 */
import {
  formatDateTimeVN,
  instantMs,
  reminderInstants,
  vnDateKey,
  type ReminderInstant,
  type ReminderSchedule,
} from '../calendar.js';
import { noticeInstants } from '../nomination/reminders.js';
import { ROLE_LABELS } from '../i18n.js';
import { refuse } from '../nomination/refusal.js';
import type { Recipient } from '../nomination/types.js';
import type { Actor, Role } from '../org.js';

export { Refusal, refuse } from '../nomination/refusal.js';
export type { Recipient } from '../nomination/types.js';

/** The council whose standing body follows the year: its unit and the unit of its secretariat (the office). */
export interface CouncilRef {
  unitId: string;
  secretariatUnitId: string | null;
}

/** One line of an audit trail: who did what, when, why. */
export interface YearAuditEntry {
  at: string;
  action: string;
  actor: Actor | null;
  reason: string | null;
  details: Record<string, string | number | boolean | null>;
}

/** A reminder or escalation that went out (or was skipped because a later one superseded it). */
export interface YearNotice {
  key: string;
  at: string;
  kind: 'reminder' | 'due' | 'escalation';
  dueAt: string;
  /** The unit the notice is about (a member that has not signed, a unit that has not registered). */
  aboutUnitId: string | null;
  to: Recipient[];
  skipped: boolean;
}

/** A mail a workflow asks an activity to send: Vietnamese headline and facts, recipients as roles. */
export interface NoticeDraft {
  event: string;
  /** Stable per workflow: the Message-ID is derived from the workflow id and this key. */
  key: string;
  to: Recipient[];
  /** Units whose own address in the directory receives it too (e.g. the higher level a result is sent on to). */
  toUnits?: string[];
  headline: string;
  facts: [string, string][];
}

/** The standing body (Thường trực Hội đồng) as mail recipients: its secretaries in the council's unit and office. */
export function standingBody(council: CouncilRef): Recipient[] {
  const out: Recipient[] = [{ role: 'council_secretary', unitId: council.unitId }];
  if (council.secretariatUnitId && council.secretariatUnitId !== council.unitId) {
    out.push({ role: 'council_secretary', unitId: council.secretariatUnitId });
  }
  return out;
}

export function councilLeadership(council: CouncilRef): Recipient[] {
  return [{ role: 'leadership', unitId: council.unitId }];
}

export function unitStaff(unitId: string): Recipient[] {
  return [
    { role: 'unit_clerk', unitId },
    { role: 'unit_head', unitId },
  ];
}

/** Signing on behalf is recorded, never a way to gain a role. */
export function checkActingFor(actor: Actor): void {
  if (actor.actingFor && actor.actingFor.role !== actor.role) {
    refuse(
      'acting-for-role',
      'Chỉ được ký thay người có cùng vai trò.',
      'acting-for must be for a principal of the same role',
    );
  }
}

export function requireRole(actor: Actor, roles: readonly Role[], what: string): void {
  if (!roles.includes(actor.role)) {
    refuse(
      'wrong-role',
      `Vai trò “${ROLE_LABELS[actor.role]}” không được ${what}.`,
      `role ${actor.role} may not ${what}; allowed: ${roles.join(', ')}`,
    );
  }
}

/** The standing body acts from the council's unit or its secretariat (the general office). */
export function isStandingBodyActor(actor: Actor, council: CouncilRef): boolean {
  return (
    actor.role === 'council_secretary' &&
    (actor.unitId === council.unitId || actor.unitId === council.secretariatUnitId)
  );
}

export function isCouncilLeadership(actor: Actor, council: CouncilRef): boolean {
  return actor.role === 'leadership' && actor.unitId === council.unitId;
}

/** Council secretary, leadership of the council's unit, or an administrator: who may amend a plan. */
export function requirePlanAuthority(actor: Actor, council: CouncilRef, what: string): void {
  checkActingFor(actor);
  requireRole(actor, ['council_secretary', 'leadership', 'admin'], what);
  if (actor.role === 'admin') return;
  if (!isStandingBodyActor(actor, council) && !isCouncilLeadership(actor, council)) {
    refuse(
      'wrong-unit',
      'Bạn không thuộc Thường trực Hội đồng hoặc Lãnh đạo đơn vị ban hành kế hoạch.',
      `unit ${actor.unitId} is not the council's (${council.unitId})`,
    );
  }
}

export function isPast(nowIso: string, instant: string): boolean {
  return instantMs(nowIso) > instantMs(instant);
}

// -----------------------------------------------------------------------------------------------------------
// Reminders whose deadline can move

/** The key of a reminder: the due date it belongs to and its offset, so a moved deadline re-arms a fresh set. */
export function noticeKey(dueAt: string, r: ReminderInstant, aboutUnitId: string | null = null): string {
  return `${vnDateKey(dueAt)}.${r.key.replace(/[^a-z0-9-]+/gi, '')}${aboutUnitId ? `.${aboutUnitId}` : ''}`;
}

/**
 * A reminder's (or escalation's) mail and the record the case keeps of it, from the words the case chooses. The
 * series names the events (`<series>_reminder`, `<series>_escalation`); the record's key is the one
 * pendingReminders looks for, with `keyUnitId` for a per-unit series. The mail ends with what the reminder is and
 * when it fired.
 */
export function reminderNotice(input: {
  series: string;
  /** Prefix of the mail key (and so of its Message-ID), e.g. `advanced-model`. */
  keyPrefix: string;
  dueAt: string;
  r: ReminderInstant;
  to: Recipient[];
  /** The unit of a per-unit series, named in the key. */
  keyUnitId: string | null;
  /** The unit the record is about: a registration's series is its unit's, though its key names none. */
  aboutUnitId: string | null;
  headline: string;
  facts: [string, string][];
}): NoticeDraft & { notice: Omit<YearNotice, 'at'> } {
  const { r, to, dueAt } = input;
  const sentKey = noticeKey(dueAt, r, input.keyUnitId);
  return {
    event: `${input.series}_${r.kind === 'escalation' ? 'escalation' : 'reminder'}`,
    key: `${input.keyPrefix}.${sentKey}`,
    to,
    headline: input.headline,
    facts: [...input.facts, ['Nội dung nhắc', r.label], ['Thời điểm nhắc', formatDateTimeVN(r.at)]],
    notice: { key: sentKey, kind: r.kind, dueAt, aboutUnitId: input.aboutUnitId, to, skipped: false },
  };
}

/** Part of every year case's state that has reminders. */
export interface ReminderRounding {
  /**
   * True in cases created since reminders are rounded up to the whole second ("-15 hours" before 23:59:59.999 is
   * 09:00:00, as for nominations). Absent in older cases: their reminders stay at 08:59:59.999.
   */
  wholeSecondReminders?: boolean;
}

/** What a case of the year keeps about its deadline: when it is due, its reminders, when it was set, what it sent. */
export interface DeadlineClock extends ReminderRounding {
  dueAt: string;
  schedule: ReminderSchedule;
  armedAt: string;
  notices: readonly YearNotice[];
}

/**
 * The reminders still to fire for a case's deadline: those after `armedAt` (when the deadline was set or moved: a
 * reminder whose instant had already passed then is never sent late) and not yet recorded. `aboutUnitId` names
 * the unit of a per-unit series (see pendingRemindersAbout).
 */
export function pendingReminders(
  clock: DeadlineClock,
  options: { aboutUnitId?: string | null; kinds?: readonly ReminderInstant['kind'][] } = {},
): ReminderInstant[] {
  const sent = new Set(clock.notices.map((n) => n.key));
  const armed = instantMs(clock.armedAt);
  const instants = clock.wholeSecondReminders ? noticeInstants : reminderInstants;
  return instants(clock.dueAt, clock.schedule).filter(
    (r) =>
      instantMs(r.at) > armed &&
      !sent.has(noticeKey(clock.dueAt, r, options.aboutUnitId ?? null)) &&
      (!options.kinds || options.kinds.includes(r.kind)),
  );
}

/** A reminder of a per-unit series: the case reminds each unit that has not acted yet, on its own key. */
export interface UnitReminder {
  r: ReminderInstant;
  aboutUnitId: string;
}

/** The reminders still to fire about each of the units, earliest first (units in the given order at a tie). */
export function pendingRemindersAbout(clock: DeadlineClock, unitIds: readonly string[]): UnitReminder[] {
  return unitIds
    .flatMap((unitId) => pendingReminders(clock, { aboutUnitId: unitId }).map((r) => ({ r, aboutUnitId: unitId })))
    .sort((a, b) => instantMs(a.r.at) - instantMs(b.r.at));
}

/** Milliseconds from now until the earliest instant, or undefined when there is none. */
export function msUntilEarliest(nowIso: string, instants: (string | null | undefined)[]): number | undefined {
  const now = instantMs(nowIso);
  const times = instants.filter((x): x is string => !!x).map((x) => instantMs(x) - now);
  if (times.length === 0) return undefined;
  return Math.max(0, Math.min(...times));
}
