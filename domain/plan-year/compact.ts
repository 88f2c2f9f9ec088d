/**
 * A cluster's or bloc's emulation compact for the year (giao ước thi đua): the head unit's leader drafts it,
 * every member unit's head signs it (seed 003, III.4: "xong trước 15/02/2025"). When all have signed, or at the
 * deadline, the head compiles the members' registrations and titles, notifies the members and sends the
 * compilation to the council's standing body (seed 000, II.5). Members that have not signed are reminded before
 * the deadline (never one that has signed) and reported to the standing body after it.
 */
import { z } from 'zod';
import { formatDateVN, instantMs, type ReminderSchedule } from '../calendar.js';
import type { Actor } from '../org.js';
import { ActorSchema } from '../nomination/actions.js';
import {
  checkActingFor,
  pendingRemindersAbout,
  refuse,
  reminderNotice,
  requireRole,
  standingBody,
  type CouncilRef,
  type NoticeDraft,
  type Recipient,
  type YearAuditEntry,
  type UnitReminder,
  type YearNotice,
  type ReminderRounding,
} from './common.js';
import { titleName, type RegistrationDigest } from './registration.js';

export interface CompactStartInput {
  clusterId: string;
  clusterName: string;
  year: number;
  planId: string;
  /** The plan's workflow, told of every change (progress); null when the case runs on its own. */
  planWorkflowId: string | null;
  headUnitId: string;
  memberUnits: { id: string; name: string }[];
  dueAt: string;
  /** Late signatures are accepted until then (the end of the plan's year). */
  closesAt: string;
  schedule: ReminderSchedule;
  council: CouncilRef;
}

export type CompactStage = 'drafting' | 'signing' | 'sent' | 'closed';

export interface Signature {
  unitId: string;
  at: string;
  actor: Actor;
  late: boolean;
}

export interface Compilation {
  at: string;
  trigger: 'all_signed' | 'deadline';
  signedUnitIds: string[];
  unsignedUnitIds: string[];
  registrations: RegistrationDigest[];
}

export interface CompactState extends CompactStartInput, ReminderRounding {
  stage: CompactStage;
  content: string | null;
  draftedBy: Actor | null;
  signatures: Signature[];
  compilation: Compilation | null;
  armedAt: string;
  audit: YearAuditEntry[];
  notices: YearNotice[];
  createdAt: string;
}

export const CompactActionSchemas = {
  draft: z.lazy(() =>
    z.object({
      actor: ActorSchema,
      content: z
        .string({ error: 'Nội dung giao ước là bắt buộc' })
        .trim()
        .min(10, { error: 'Nội dung giao ước quá ngắn' })
        .max(50000, { error: 'Nội dung giao ước dài quá 50000 ký tự' }),
    }),
  ),
  sign: z.lazy(() => z.object({ actor: ActorSchema })),
} as const;
export type CompactActionName = keyof typeof CompactActionSchemas;
export type CompactAction = {
  [A in CompactActionName]: { name: A; input: z.infer<(typeof CompactActionSchemas)[A]> };
}[CompactActionName];

export function initialCompactState(input: CompactStartInput, now: string): CompactState {
  return {
    ...input,
    stage: 'drafting',
    content: null,
    draftedBy: null,
    signatures: [],
    compilation: null,
    armedAt: now,
    audit: [{ at: now, action: 'create', actor: null, reason: null, details: { dueAt: input.dueAt } }],
    notices: [],
    createdAt: now,
  };
}

const memberName = (state: CompactState, unitId: string): string =>
  state.memberUnits.find((m) => m.id === unitId)?.name ?? unitId;

export function unsignedMembers(state: CompactState): string[] {
  const signed = new Set(state.signatures.map((s) => s.unitId));
  return state.memberUnits.map((m) => m.id).filter((id) => !signed.has(id));
}

export function checkCompactAction(state: CompactState, action: CompactAction, now: string): void {
  const { actor } = action.input;
  checkActingFor(actor);
  if (state.stage === 'closed') {
    refuse('closed', 'Giao ước thi đua đã kết thúc: không thể thay đổi.', 'compact is closed');
  }
  if (action.name === 'draft') {
    requireRole(actor, ['cluster_head'], 'soạn giao ước thi đua (chỉ lãnh đạo đơn vị cụm trưởng, khối trưởng)');
    if (actor.unitId !== state.headUnitId) {
      refuse(
        'wrong-unit',
        `Chỉ đơn vị cụm trưởng, khối trưởng năm ${state.year} (${memberName(state, state.headUnitId)}) được soạn giao ước của ${state.clusterName}.`,
        `unit ${actor.unitId} is not the head of ${state.clusterId} in ${state.year}`,
      );
    }
    if (state.signatures.length > 0) {
      refuse('already-signed', 'Đã có đơn vị ký giao ước: không thể sửa nội dung.', 'compact already has signatures');
    }
    return;
  }
  requireRole(actor, ['unit_head'], 'ký giao ước thi đua (chỉ Thủ trưởng đơn vị thành viên)');
  if (!state.memberUnits.some((m) => m.id === actor.unitId)) {
    refuse(
      'not-member',
      `Đơn vị của bạn không phải thành viên của ${state.clusterName}: không thể ký giao ước này.`,
      `unit ${actor.unitId} is not a member of ${state.clusterId}`,
    );
  }
  if (!state.content) {
    refuse(
      'not-drafted',
      'Đơn vị cụm trưởng chưa hoàn thành dự thảo giao ước: chưa thể ký.',
      'compact not drafted yet',
    );
  }
  if (state.signatures.some((s) => s.unitId === actor.unitId)) {
    refuse('already-signed', 'Đơn vị đã ký giao ước này.', `unit ${actor.unitId} has already signed`);
  }
  if (instantMs(now) > instantMs(state.closesAt)) {
    refuse('closed', 'Giao ước thi đua đã kết thúc: không thể ký.', 'compact is closed');
  }
}

export function applyCompactAction(state: CompactState, action: CompactAction, now: string): void {
  checkCompactAction(state, action, now);
  const { actor } = action.input;
  if (action.name === 'draft') {
    state.content = action.input.content;
    state.draftedBy = actor;
    if (state.stage === 'drafting') state.stage = 'signing';
    state.audit.push({
      at: now,
      action: 'draft',
      actor,
      reason: null,
      details: { length: action.input.content.length },
    });
    return;
  }
  const late = instantMs(now) > instantMs(state.dueAt);
  state.signatures.push({ unitId: actor.unitId, at: now, actor, late });
  state.audit.push({ at: now, action: 'sign', actor, reason: null, details: { unitId: actor.unitId, late } });
}

export function moveCompactDeadline(state: CompactState, dueAt: string, reason: string, now: string): void {
  const from = state.dueAt;
  state.dueAt = dueAt;
  state.armedAt = now;
  state.audit.push({ at: now, action: 'deadline_moved', actor: null, reason, details: { from, to: dueAt } });
}

/** The compilation is due once every member has signed, or the deadline has passed. */
export function compilationDue(state: CompactState, now: string): Compilation['trigger'] | null {
  if (state.compilation || state.stage === 'closed') return null;
  if (state.content && unsignedMembers(state).length === 0) return 'all_signed';
  if (instantMs(now) > instantMs(state.dueAt)) return 'deadline';
  return null;
}

export function recordCompilation(
  state: CompactState,
  trigger: Compilation['trigger'],
  registrations: RegistrationDigest[],
  now: string,
): Compilation {
  const unsigned = unsignedMembers(state);
  const compilation: Compilation = {
    at: now,
    trigger,
    signedUnitIds: state.signatures.map((s) => s.unitId),
    unsignedUnitIds: unsigned,
    registrations,
  };
  state.compilation = compilation;
  state.stage = 'sent';
  state.audit.push({
    at: now,
    action: 'compiled',
    actor: null,
    reason: null,
    details: { trigger, unsigned: unsigned.join(',') },
  });
  return compilation;
}

/** One pending reminder per recipient group: the head while not drafted, each unsigned member otherwise. */
export function compactPendingReminders(state: CompactState): UnitReminder[] {
  if (state.stage === 'closed') return [];
  return pendingRemindersAbout(state, !state.content ? [state.headUnitId] : unsignedMembers(state));
}

export function compactReminderNotice(
  state: CompactState,
  item: UnitReminder,
): NoticeDraft & { notice: Omit<YearNotice, 'at'> } {
  const { r, aboutUnitId } = item;
  const drafting = !state.content;
  const escalation = r.kind === 'escalation';
  const who = memberName(state, aboutUnitId);
  const to: Recipient[] = escalation
    ? standingBody(state.council)
    : drafting
      ? [{ role: 'cluster_head', unitId: state.headUnitId }]
      : [{ role: 'unit_head', unitId: aboutUnitId }];
  const task = drafting ? 'Soạn và phát động ký giao ước thi đua' : 'Ký giao ước thi đua';
  return reminderNotice({
    series: 'compact',
    keyPrefix: 'compact',
    dueAt: state.dueAt,
    r,
    to,
    keyUnitId: aboutUnitId,
    aboutUnitId,
    headline: escalation
      ? `Báo cáo: ${who} chưa ${drafting ? 'phát động' : 'ký'} giao ước thi đua ${state.clusterName} năm ${state.year}`
      : `Nhắc việc: ${drafting ? 'phát động' : 'ký'} giao ước thi đua ${state.clusterName} năm ${state.year}`,
    facts: [
      ['Cụm, khối thi đua', state.clusterName],
      ['Đơn vị', who],
      ['Việc cần làm', task],
      ['Hạn', `23:59 ngày ${formatDateVN(state.dueAt)}`],
    ],
  });
}

/** The mail of the compilation: to the standing body and every member's head (seed 000, II.5). */
export function compilationNotice(state: CompactState, c: Compilation): NoticeDraft {
  const lines: [string, string][] = c.registrations.map((d) => [
    memberName(state, d.unitId),
    d.status === 'registered'
      ? `Tập thể: ${d.collectiveTitles.map(titleName).join(', ') || '—'}; cá nhân: ${
          Object.entries(d.individualTitles)
            .map(([code, n]) => `${n} ${titleName(code)}`)
            .join(', ') || '—'
        }`
      : 'Chưa đăng ký thi đua',
  ]);
  return {
    event: 'compact_compiled',
    key: 'compact.compiled',
    to: [
      ...standingBody(state.council),
      ...state.memberUnits.map((m): Recipient => ({ role: 'unit_head', unitId: m.id })),
    ],
    headline: `Tổng hợp đăng ký thi đua và giao ước ${state.clusterName} năm ${state.year}`,
    facts: [
      ['Cụm, khối thi đua', state.clusterName],
      ['Đơn vị cụm trưởng', memberName(state, state.headUnitId)],
      [
        'Tổng hợp khi',
        c.trigger === 'all_signed' ? 'Tất cả đơn vị đã ký giao ước' : `Đến hạn ${formatDateVN(state.dueAt)}`,
      ],
      ['Đã ký giao ước', c.signedUnitIds.map((id) => memberName(state, id)).join(', ') || '—'],
      ['Chưa ký giao ước', c.unsignedUnitIds.map((id) => memberName(state, id)).join(', ') || '—'],
      ...lines,
    ],
  };
}

export function compactId(clusterId: string, year: number): string {
  return `compact/${clusterId}/${year}`;
}
