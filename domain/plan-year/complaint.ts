/**
 * A complaint about a commendation (khiếu nại, tố cáo): filed against a running nomination or a row of the
 * commendation book, handled by the council's standing body within the time the rule set gives
 * ('complaint.resolveDays'). It may hold the nomination while it is examined; if upheld, the leadership may
 * revoke the award.
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

export const ComplaintActionSchemas = {
  hold_case: z.lazy(() => z.object({ actor: ActorSchema, reason: ReasonSchema })),
  resolve: z.lazy(() =>
    z.object({
      actor: ActorSchema,
      outcome: z.enum(['upheld', 'dismissed'], { error: 'Kết luận phải là có cơ sở hoặc không có cơ sở' }),
      revokeAward: z.boolean().default(false),
      reason: ReasonSchema,
    }),
  ),
} as const;
export type ComplaintActionName = keyof typeof ComplaintActionSchemas;
export type ComplaintAction = {
  [A in ComplaintActionName]: { name: A; input: z.infer<(typeof ComplaintActionSchemas)[A]> };
}[ComplaintActionName];

export interface ComplaintState extends ComplaintStartInput, ReminderRounding {
  stage: 'received' | 'resolved';
  ruleSetId: string;
  filedAt: string;
  dueAt: string;
  schedule: ReminderSchedule;
  hold: { caseId: string; by: Actor; at: string; released: boolean } | null;
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

export function initialComplaintState(input: ComplaintStartInput, ruleSet: RuleSet, now: string): ComplaintState {
  // Like every due date: the end of the day (Vietnam time) on which the time allowed runs out.
  const lastDay = vnCalendarDate(addDays(now, ruleValue(ruleSet, 'complaint.resolveDays')));
  const dueAt = deadlineInstant(lastDay, lastDay.year);
  return {
    ...input,
    stage: 'received',
    ruleSetId: ruleSet.id,
    filedAt: now,
    dueAt,
    schedule: ruleValue(ruleSet, 'reminders.default'),
    hold: null,
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
  if (action.name === 'hold_case') {
    requireRole(actor, ['council_secretary'], 'tạm dừng xét hồ sơ (chỉ Thường trực Hội đồng)');
    if (!isStandingBodyActor(actor, state.council))
      refuse('wrong-unit', 'Bạn không thuộc Thường trực Hội đồng.', 'not the standing body');
    if (state.target.kind !== 'nomination')
      refuse('not-a-case', 'Khiếu nại về sổ khen thưởng: không có hồ sơ đang xét để tạm dừng.', 'book target');
    if (state.hold) refuse('already-held', 'Hồ sơ đã được tạm dừng theo đơn khiếu nại này.', 'already held');
    return;
  }
  requireRole(actor, ['council_secretary', 'leadership'], 'kết luận đơn khiếu nại');
  if (!isStandingBodyActor(actor, state.council) && !isCouncilLeadership(actor, state.council)) {
    refuse('wrong-unit', 'Bạn không thuộc Thường trực Hội đồng hoặc Lãnh đạo Viện.', 'not the council');
  }
  if (action.input.revokeAward && action.input.outcome !== 'upheld') {
    refuse('revoke-dismissed', 'Chỉ hủy khen thưởng khi khiếu nại có cơ sở.', 'revoke requires upheld');
  }
  if (action.input.revokeAward && actor.role !== 'leadership') {
    refuse('revoke-role', 'Chỉ Lãnh đạo Viện được quyết định hủy khen thưởng.', 'revoke requires leadership');
  }
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
  const to = escalation
    ? [...councilLeadership(state.council), ...standingBody(state.council)]
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
