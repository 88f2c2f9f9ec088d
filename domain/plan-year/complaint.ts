/**
 * A complaint about a commendation (khiếu nại, tố cáo): filed against a running nomination or a row of the
 * commendation book, due within the time the rule set gives ('complaint.resolveDays'). Seed 003 (III.6): "Thường
 * trực Hội đồng thi đua VKSND tỉnh tham mưu Viện trưởng VKSND tỉnh giải quyết kịp thời các đơn thư khiếu nại": the
 * standing body examines it (it may hold the nomination meanwhile) and records its findings and a proposed
 * conclusion (`propose`); the leadership (Viện trưởng, or a Phó Viện trưởng signing for them) concludes
 * (`resolve`). Upheld, a held nomination stays held (the standing body then returns or rejects it) and the
 * leadership may revoke the award; dismissed, the hold is released.
 *
 * Complaints filed before that rule (procedure 'standing-body-resolves', no `complaint-leader-concludes` marker in
 * their history) keep the rule they were filed under: the standing body or the leadership concludes at once and the
 * hold is released either way.
 */
import { z } from 'zod';
import {
  addDays,
  deadlineInstant,
  formatDateVN,
  vnCalendarDate,
  type ReminderInstant,
  type ReminderSchedule,
} from '../calendar.js';
import type { Actor } from '../org.js';
import { ruleValue, type RuleSet } from '../rules/index.js';
import { ActorSchema, ReasonSchema } from '../nomination/actions.js';
import {
  checkActingFor,
  councilLeadership,
  isCouncilLeadership,
  isStandingBodyActor,
  pendingReminders,
  refuse,
  reminderNotice,
  requireRole,
  standingBody,
  type NoticeDraft,
  type YearAuditEntry,
  type YearNotice,
  type ReminderRounding,
} from './common.js';

export type ComplaintTarget = { kind: 'nomination'; caseId: string } | { kind: 'book'; caseKey: string };

export const ComplaintStartSchema = z.lazy(() =>
  z.object({
    complaintId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'Mã đơn khiếu nại không hợp lệ' }),
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('nomination'), caseId: z.string().min(3).max(200) }),
      z.object({ kind: z.literal('book'), caseKey: z.string().min(3).max(300) }),
    ]),
    filedBy: ActorSchema,
    summary: z.string().trim().min(10, { error: 'Nội dung khiếu nại quá ngắn' }).max(20000),
    council: z.object({ unitId: z.string().min(1), secretariatUnitId: z.string().min(1).nullable() }),
  }),
);
export type ComplaintStartInput = z.infer<typeof ComplaintStartSchema>;

/** Built when a schema is (never at module load: the workflow sandbox loads modules once per case). */
const outcomeSchema = () => z.enum(['upheld', 'dismissed'], { error: 'Kết luận phải là có cơ sở hoặc không có cơ sở' });

export const ComplaintActionSchemas = {
  hold_case: z.lazy(() => z.object({ actor: ActorSchema, reason: ReasonSchema })),
  /** Tham mưu: the standing body's findings and the conclusion it proposes to the leadership. */
  propose: z.lazy(() =>
    z.object({
      actor: ActorSchema,
      findings: z
        .string({ error: 'Kết quả xác minh là bắt buộc' })
        .trim()
        .min(10, { error: 'Kết quả xác minh quá ngắn (ít nhất 10 ký tự)' })
        .max(20000, { error: 'Kết quả xác minh dài quá 20000 ký tự' }),
      outcome: outcomeSchema(),
      revokeAward: z.boolean().default(false),
      reason: ReasonSchema,
    }),
  ),
  resolve: z.lazy(() =>
    z.object({
      actor: ActorSchema,
      outcome: outcomeSchema(),
      revokeAward: z.boolean().default(false),
      reason: ReasonSchema,
    }),
  ),
} as const;
export type ComplaintActionName = keyof typeof ComplaintActionSchemas;
export type ComplaintActionInput<A extends ComplaintActionName> = z.infer<(typeof ComplaintActionSchemas)[A]>;
export type ComplaintAction = {
  [A in ComplaintActionName]: { name: A; input: z.infer<(typeof ComplaintActionSchemas)[A]> };
}[ComplaintActionName];

/**
 * Who concludes: 'leader-concludes' (the standing body proposes, the leadership concludes; seed 003, III.6), or
 * 'standing-body-resolves' for complaints filed before that rule, which keep it to the end.
 */
export type ComplaintProcedure = 'leader-concludes' | 'standing-body-resolves';

export type ComplaintStage = 'received' | 'proposed' | 'resolved';

export interface ComplaintState extends ComplaintStartInput, ReminderRounding {
  /** received: the standing body examines it; proposed: it awaits the leadership's conclusion; resolved. */
  stage: ComplaintStage;
  procedure: ComplaintProcedure;
  ruleSetId: string;
  filedAt: string;
  dueAt: string;
  schedule: ReminderSchedule;
  hold: { caseId: string; by: Actor; at: string; released: boolean } | null;
  /** The standing body's findings and proposed conclusion (tham mưu); null until recorded, and in legacy cases. */
  proposal: {
    findings: string;
    outcome: 'upheld' | 'dismissed';
    revokeAward: boolean;
    reason: string;
    by: Actor;
    at: string;
  } | null;
  resolution: {
    outcome: 'upheld' | 'dismissed';
    revokeAward: boolean;
    reason: string;
    by: Actor;
    at: string;
    revoked: boolean;
  } | null;
  armedAt: string;
  audit: YearAuditEntry[];
  notices: YearNotice[];
}

export function initialComplaintState(
  input: ComplaintStartInput,
  ruleSet: RuleSet,
  now: string,
  procedure: ComplaintProcedure,
): ComplaintState {
  // Like every due date: the end of the day (Vietnam time) on which the time allowed runs out.
  const lastDay = vnCalendarDate(addDays(now, ruleValue(ruleSet, 'complaint.resolveDays')));
  const dueAt = deadlineInstant(lastDay, lastDay.year);
  return {
    ...input,
    stage: 'received',
    procedure,
    ruleSetId: ruleSet.id,
    filedAt: now,
    dueAt,
    schedule: ruleValue(ruleSet, 'reminders.default'),
    hold: null,
    proposal: null,
    resolution: null,
    armedAt: now,
    audit: [{ at: now, action: 'file', actor: input.filedBy, reason: input.summary, details: { dueAt } }],
    notices: [],
  };
}

export function checkComplaintAction(state: ComplaintState, action: ComplaintAction): void {
  const { actor } = action.input;
  checkActingFor(actor);
  if (state.stage === 'resolved') refuse('resolved', 'Đơn khiếu nại đã được giải quyết.', 'complaint resolved');
  switch (action.name) {
    case 'hold_case':
      return checkHold(state, actor);
    case 'propose':
      return checkPropose(state, action.input);
    case 'resolve':
      if (state.procedure === 'standing-body-resolves') return checkLegacyResolve(state, action.input);
      return checkConclude(state, action.input);
  }
}

function checkHold(state: ComplaintState, actor: Actor): void {
  requireStandingBody(state, actor, 'tạm dừng xét hồ sơ (chỉ Thường trực Hội đồng)');
  if (state.target.kind !== 'nomination')
    refuse('not-a-case', 'Khiếu nại về sổ khen thưởng: không có hồ sơ đang xét để tạm dừng.', 'book target');
  if (state.hold) refuse('already-held', 'Hồ sơ đã được tạm dừng theo đơn khiếu nại này.', 'already held');
}

function requireStandingBody(state: ComplaintState, actor: Actor, what: string): void {
  requireRole(actor, ['council_secretary'], what);
  if (!isStandingBodyActor(actor, state.council))
    refuse('wrong-unit', 'Bạn không thuộc Thường trực Hội đồng.', 'not the standing body');
}

function requireUpheldToRevoke(input: { outcome: 'upheld' | 'dismissed'; revokeAward: boolean }): void {
  if (input.revokeAward && input.outcome !== 'upheld')
    refuse('revoke-dismissed', 'Chỉ hủy khen thưởng khi khiếu nại có cơ sở.', 'revoke requires upheld');
}

/** Tham mưu: the standing body, once, while the complaint is before it. */
function checkPropose(state: ComplaintState, input: ComplaintActionInput<'propose'>): void {
  if (state.procedure !== 'leader-concludes')
    refuse(
      'legacy-procedure',
      'Đơn khiếu nại này được tiếp nhận theo quy trình cũ: Thường trực Hội đồng kết luận trực tiếp.',
      'complaint filed before the leadership concluded complaints: no proposal step',
    );
  requireStandingBody(state, input.actor, 'tham mưu kết luận đơn khiếu nại (chỉ Thường trực Hội đồng)');
  if (state.stage === 'proposed')
    refuse(
      'already-proposed',
      'Thường trực Hội đồng đã tham mưu kết luận; đơn đang chờ Lãnh đạo Viện kết luận.',
      'already proposed',
    );
  requireUpheldToRevoke(input);
}

/** Seed 003, III.6: the standing body advises, the Viện trưởng (or a Phó Viện trưởng) concludes. */
function checkConclude(state: ComplaintState, input: ComplaintActionInput<'resolve'>): void {
  const { actor } = input;
  if (actor.role === 'council_secretary')
    refuse(
      'advises-only',
      'Thường trực Hội đồng chỉ tham mưu; Viện trưởng hoặc Phó Viện trưởng kết luận đơn khiếu nại.',
      'the standing body advises; the leadership concludes the complaint',
    );
  requireRole(actor, ['leadership'], 'kết luận đơn khiếu nại (chỉ Viện trưởng, Phó Viện trưởng)');
  if (!isCouncilLeadership(actor, state.council))
    refuse('wrong-unit', 'Bạn không thuộc Lãnh đạo Viện chủ trì Hội đồng.', 'not the council leadership');
  if (state.stage !== 'proposed' || !state.proposal)
    refuse(
      'no-proposal',
      'Chưa có kết quả xác minh và đề xuất của Thường trực Hội đồng: chưa kết luận được.',
      'no proposal from the standing body yet',
    );
  requireUpheldToRevoke(input);
}

/** Complaints filed before the leadership concluded them: the standing body or the leadership, at once. */
function checkLegacyResolve(state: ComplaintState, input: ComplaintActionInput<'resolve'>): void {
  const { actor } = input;
  requireRole(actor, ['council_secretary', 'leadership'], 'kết luận đơn khiếu nại');
  if (!isStandingBodyActor(actor, state.council) && !isCouncilLeadership(actor, state.council)) {
    refuse('wrong-unit', 'Bạn không thuộc Thường trực Hội đồng hoặc Lãnh đạo Viện.', 'not the council');
  }
  requireUpheldToRevoke(input);
  if (input.revokeAward && actor.role !== 'leadership') {
    refuse('revoke-role', 'Chỉ Lãnh đạo Viện được quyết định hủy khen thưởng.', 'revoke requires leadership');
  }
}

/** Who must act next on a complaint: the standing body until it proposes, then the leadership; null once resolved. */
export function complaintWaitingOn(
  state: ComplaintState,
): { role: 'council_secretary' | 'leadership'; unitId: string } | null {
  if (state.stage === 'resolved') return null;
  if (state.stage === 'proposed') return { role: 'leadership', unitId: state.council.unitId };
  return { role: 'council_secretary', unitId: state.council.secretariatUnitId ?? state.council.unitId };
}

export function complaintPendingReminders(state: ComplaintState): ReminderInstant[] {
  if (state.stage === 'resolved') return [];
  return pendingReminders(state);
}

export function complaintReminderNotice(
  state: ComplaintState,
  r: ReminderInstant,
): NoticeDraft & { notice: Omit<YearNotice, 'at'> } {
  const escalation = r.kind === 'escalation';
  // Awaiting the conclusion, the reminder goes to the leadership that must conclude.
  const awaitsConclusion = state.stage === 'proposed';
  const to = escalation
    ? [...councilLeadership(state.council), ...standingBody(state.council)]
    : awaitsConclusion
      ? councilLeadership(state.council)
      : standingBody(state.council);
  return reminderNotice({
    series: 'complaint',
    keyPrefix: 'complaint',
    dueAt: state.dueAt,
    r,
    to,
    keyUnitId: null,
    aboutUnitId: null,
    headline: escalation
      ? `Báo cáo: đơn khiếu nại ${state.complaintId} quá hạn giải quyết`
      : awaitsConclusion
        ? `Nhắc việc: kết luận đơn khiếu nại ${state.complaintId}`
        : `Nhắc việc: giải quyết đơn khiếu nại ${state.complaintId}`,
    facts: complaintFacts(state),
  });
}

export function complaintFacts(state: ComplaintState): [string, string][] {
  return [
    ['Đơn khiếu nại', state.complaintId],
    [
      'Đối tượng',
      state.target.kind === 'nomination' ? `Hồ sơ ${state.target.caseId}` : `Sổ khen thưởng: ${state.target.caseKey}`,
    ],
    ['Nội dung', state.summary],
    ['Hạn giải quyết', formatDateVN(state.dueAt)],
  ];
}

export function complaintId(id: string): string {
  return `complaint/${id}`;
}
