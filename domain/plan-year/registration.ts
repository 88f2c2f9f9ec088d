/**
 * A unit's registration of titles for the year (đăng ký thi đua): the clerk drafts, the head registers before
 * the deadline (seed 003, III.5: "trước ngày 15/01/2025"), may amend until then, and it is locked after.
 * Reminders go only to a unit that has not registered; an overdue unit is reported to the standing body.
 */
import { z } from 'zod';
import { formatDateVN, instantMs, type ReminderInstant, type ReminderSchedule } from '../calendar.js';
import { findAward } from '../catalogue.js';
import type { Actor } from '../org.js';
import { ActorSchema } from '../nomination/actions.js';
import { RegistrationSchema, type Registration } from '../schemas.js';
import {
  checkActingFor,
  pendingReminders,
  refuse,
  reminderNotice,
  requireRole,
  standingBody,
  unitStaff,
  type CouncilRef,
  type NoticeDraft,
  type YearAuditEntry,
  type YearNotice,
  type ReminderRounding,
} from './common.js';

export interface RegistrationStartInput {
  unitId: string;
  unitName: string;
  year: number;
  planId: string;
  /** The plan's workflow, told of every change (progress); null when the case runs on its own. */
  planWorkflowId: string | null;
  clusterId: string | null;
  dueAt: string;
  schedule: ReminderSchedule;
  council: CouncilRef;
}

export type RegistrationStatus = 'not_registered' | 'registered';

export interface RegistrationState extends RegistrationStartInput, ReminderRounding {
  status: RegistrationStatus;
  draft: Registration | null;
  registration: Registration | null;
  registeredAt: string | null;
  registeredBy: Actor | null;
  amendments: number;
  /** Set once the deadline has passed: nothing can change any more. */
  locked: boolean;
  /** When the current deadline was set (reminders before it are never sent late). */
  armedAt: string;
  audit: YearAuditEntry[];
  notices: YearNotice[];
  createdAt: string;
}

export const RegistrationActionSchemas = {
  save_draft: z.lazy(() => z.object({ actor: ActorSchema, registration: RegistrationSchema })),
  register: z.lazy(() =>
    z.object({
      actor: ActorSchema,
      /** Omitted: register the saved draft. */
      registration: RegistrationSchema.optional(),
      note: z.string().trim().max(2000, { error: 'Ghi chú dài quá 2000 ký tự' }).optional(),
    }),
  ),
} as const;
export type RegistrationActionName = keyof typeof RegistrationActionSchemas;
export type RegistrationAction = {
  [A in RegistrationActionName]: { name: A; input: z.infer<(typeof RegistrationActionSchemas)[A]> };
}[RegistrationActionName];

export function initialRegistrationState(input: RegistrationStartInput, now: string): RegistrationState {
  return {
    ...input,
    status: 'not_registered',
    draft: null,
    registration: null,
    registeredAt: null,
    registeredBy: null,
    amendments: 0,
    locked: instantMs(now) > instantMs(input.dueAt),
    armedAt: now,
    audit: [{ at: now, action: 'create', actor: null, reason: null, details: { dueAt: input.dueAt } }],
    notices: [],
    createdAt: now,
  };
}

function lockedRefusal(state: RegistrationState): never {
  refuse(
    'locked',
    `Đã quá hạn đăng ký thi đua (hạn cuối ngày ${formatDateVN(state.dueAt)}): bản đăng ký đã khóa, không thể thay đổi.`,
    `registration is locked since ${state.dueAt}`,
  );
}

/** Throws a Refusal unless the action may be taken now; changes nothing. */
export function checkRegistrationAction(state: RegistrationState, action: RegistrationAction, now: string): void {
  const { actor } = action.input;
  checkActingFor(actor);
  if (action.name === 'save_draft') requireRole(actor, ['unit_clerk', 'unit_head'], 'soạn bản đăng ký thi đua');
  else requireRole(actor, ['unit_head'], 'ký đăng ký thi đua (chỉ Thủ trưởng đơn vị)');
  if (actor.unitId !== state.unitId) {
    refuse(
      'wrong-unit',
      `Bạn không thuộc đơn vị ${state.unitName}: không thể đăng ký thi đua thay đơn vị khác.`,
      `unit ${actor.unitId} may not act on the registration of ${state.unitId}`,
    );
  }
  if (state.locked || instantMs(now) > instantMs(state.dueAt)) lockedRefusal(state);
  const content = action.input.registration ?? (action.name === 'register' ? state.draft : null);
  if (!content) {
    refuse(
      'no-content',
      'Chưa có bản đăng ký: hãy nhập danh hiệu đăng ký cho tập thể và cá nhân.',
      'nothing to register',
    );
  }
  if (content.unitId !== state.unitId || content.year !== state.year) {
    refuse(
      'mismatch',
      `Bản đăng ký phải là của đơn vị ${state.unitName}, năm ${state.year}.`,
      `registration is for ${content.unitId}/${content.year}, expected ${state.unitId}/${state.year}`,
    );
  }
  if (content.collectiveTitles.length === 0 && content.individuals.length === 0) {
    refuse('empty', 'Bản đăng ký chưa có danh hiệu nào cho tập thể hoặc cá nhân.', 'registration is empty');
  }
}

export function applyRegistrationAction(state: RegistrationState, action: RegistrationAction, now: string): void {
  checkRegistrationAction(state, action, now);
  const { actor } = action.input;
  if (action.name === 'save_draft') {
    state.draft = action.input.registration;
    state.audit.push({
      at: now,
      action: 'save_draft',
      actor,
      reason: null,
      details: summarize(action.input.registration),
    });
    return;
  }
  const content = action.input.registration ?? state.draft!;
  const amending = state.status === 'registered';
  state.registration = content;
  state.draft = content;
  state.status = 'registered';
  state.registeredAt = now;
  state.registeredBy = actor;
  if (amending) state.amendments += 1;
  state.audit.push({
    at: now,
    action: amending ? 'amend' : 'register',
    actor,
    reason: action.input.note ?? null,
    details: summarize(content),
  });
}

function summarize(r: Registration): Record<string, string | number> {
  return { collectiveTitles: r.collectiveTitles.join(','), individuals: r.individuals.length };
}

/** The plan moved the deadline: re-arm reminders for the new date (and unlock if it is still ahead). */
export function moveRegistrationDeadline(state: RegistrationState, dueAt: string, reason: string, now: string): void {
  const from = state.dueAt;
  state.dueAt = dueAt;
  state.armedAt = now;
  state.locked = instantMs(now) > instantMs(dueAt);
  state.audit.push({ at: now, action: 'deadline_moved', actor: null, reason, details: { from, to: dueAt } });
}

/** Reminders (before the deadline) only while not registered; escalations (after it) only if still not registered. */
export function registrationPendingReminders(state: RegistrationState): ReminderInstant[] {
  if (state.status === 'registered') return [];
  return pendingReminders(state);
}

export function registrationNotice(
  state: RegistrationState,
  r: ReminderInstant,
): NoticeDraft & { notice: Omit<YearNotice, 'at'> } {
  const escalation = r.kind === 'escalation';
  const to = escalation ? standingBody(state.council) : unitStaff(state.unitId);
  return reminderNotice({
    series: 'registration',
    keyPrefix: 'registration',
    dueAt: state.dueAt,
    r,
    to,
    keyUnitId: null,
    aboutUnitId: state.unitId,
    headline: escalation
      ? `Báo cáo: ${state.unitName} chưa đăng ký thi đua năm ${state.year}`
      : `Nhắc việc: đăng ký thi đua năm ${state.year} — ${state.unitName}`,
    facts: [
      ['Đơn vị', state.unitName],
      ['Việc cần làm', 'Đăng ký danh hiệu thi đua cho tập thể và cá nhân'],
      ['Hạn', `23:59 ngày ${formatDateVN(state.dueAt)}`],
    ],
  });
}

/** What the compact's compilation needs from a registration. */
export interface RegistrationDigest {
  unitId: string;
  status: RegistrationStatus | 'missing';
  registeredAt: string | null;
  collectiveTitles: string[];
  individuals: number;
  /** Count of individuals per title code. */
  individualTitles: Record<string, number>;
}

export function registrationDigest(state: RegistrationState): RegistrationDigest {
  const r = state.registration;
  const individualTitles: Record<string, number> = {};
  for (const person of r?.individuals ?? []) {
    for (const title of person.titles) individualTitles[title] = (individualTitles[title] ?? 0) + 1;
  }
  return {
    unitId: state.unitId,
    status: state.status,
    registeredAt: state.registeredAt,
    collectiveTitles: r?.collectiveTitles ?? [],
    individuals: r?.individuals.length ?? 0,
    individualTitles,
  };
}

export function titleName(code: string): string {
  return findAward(code)?.name ?? code;
}

export function registrationId(unitId: string, year: number): string {
  return `registration/${unitId}/${year}`;
}
