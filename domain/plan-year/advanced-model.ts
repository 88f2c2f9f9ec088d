/**
 * Advanced models (điển hình tiên tiến, seed 002): each unit proposes its collective and individuals (01 + 02 by
 * the rule set) by the deadline; then the council's standing body records the council's selection of 05–10, and
 * the standing body or the leadership sends the result on to the higher level.
 */
import { z } from 'zod';
import { formatDateVN, instantMs, type ReminderInstant, type ReminderSchedule } from '../calendar.js';
import type { Actor } from '../org.js';
import { checkAdvancedModelProposal, checkAdvancedModelSelection } from '../quota.js';
import type { RuleSet } from '../rules/index.js';
import { ActorSchema } from '../nomination/actions.js';
import {
  checkActingFor,
  isCouncilLeadership,
  isStandingBodyActor,
  pendingRemindersAbout,
  refuse,
  reminderNotice,
  requireRole,
  standingBody,
  unitStaff,
  type CouncilRef,
  type NoticeDraft,
  type Recipient,
  type YearAuditEntry,
  type UnitReminder,
  type YearNotice,
  type ReminderRounding,
} from './common.js';

export interface AdvancedModelStartInput {
  orgUnitId: string;
  year: number;
  planId: string;
  /** The plan's workflow, told of every change (progress); null when the case runs on its own. */
  planWorkflowId: string | null;
  units: { id: string; name: string }[];
  dueAt: string;
  schedule: ReminderSchedule;
  council: CouncilRef;
}

const candidate = z.lazy(() =>
  z.object({
    subject: z.enum(['collective', 'individual'], { error: 'Đối tượng phải là tập thể hoặc cá nhân' }),
    /** The collective's unit or the person's id in the directory. */
    refId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'Mã tập thể, cá nhân không hợp lệ' }),
    displayName: z.string().trim().min(1, { error: 'Tên là bắt buộc' }).max(200),
    achievements: z.string().trim().max(5000).default(''),
  }),
);
export type AdvancedModelCandidate = z.infer<typeof candidate>;

export const AdvancedModelActionSchemas = {
  propose: z.lazy(() =>
    z.object({
      actor: ActorSchema,
      candidates: z.array(candidate).min(1, { error: 'Chưa giới thiệu tập thể, cá nhân nào' }).max(10),
    }),
  ),
  select: z.lazy(() =>
    z.object({
      actor: ActorSchema,
      /** `<unitId>:<refId>` of the chosen candidates. */
      selected: z.array(z.string().min(3).max(130)).max(100),
      note: z.string().trim().max(2000).optional(),
    }),
  ),
  /** Send the recorded result on to the higher level (its address in the directory). */
  send_on: z.lazy(() =>
    z.object({
      actor: ActorSchema,
      note: z.string().trim().max(2000, { error: 'Ghi chú dài quá 2000 ký tự' }).optional(),
    }),
  ),
} as const;
export type AdvancedModelActionName = keyof typeof AdvancedModelActionSchemas;
export type AdvancedModelAction = {
  [A in AdvancedModelActionName]: { name: A; input: z.infer<(typeof AdvancedModelActionSchemas)[A]> };
}[AdvancedModelActionName];

export interface AdvancedModelState extends AdvancedModelStartInput, ReminderRounding {
  ruleSetId: string;
  proposals: Record<string, { candidates: AdvancedModelCandidate[]; at: string; by: Actor }>;
  selection: { keys: string[]; at: string; by: Actor; note: string | null } | null;
  /** The result sent on to the higher level: asked by `by` at `at`; `deliveredAt` once mailed. (Absent in old runs.) */
  sentOn?: {
    at: string;
    by: Actor;
    note: string | null;
    to: { unitId: string; name: string } | null;
    deliveredAt: string | null;
  } | null;
  armedAt: string;
  audit: YearAuditEntry[];
  notices: YearNotice[];
}

export function initialAdvancedModelState(
  input: AdvancedModelStartInput,
  ruleSetId: string,
  now: string,
): AdvancedModelState {
  return {
    ...input,
    ruleSetId,
    proposals: {},
    selection: null,
    sentOn: null,
    armedAt: now,
    audit: [{ at: now, action: 'create', actor: null, reason: null, details: { dueAt: input.dueAt } }],
    notices: [],
  };
}

export const candidateKey = (unitId: string, c: { refId: string }) => `${unitId}:${c.refId}`;

export function checkAdvancedModelAction(
  state: AdvancedModelState,
  action: AdvancedModelAction,
  now: string,
  ruleSet: RuleSet,
): void {
  const { actor } = action.input;
  checkActingFor(actor);
  if (action.name === 'send_on') {
    requireCouncilStanding(state, actor, 'gửi kết quả điển hình tiên tiến lên cấp trên');
    if (!state.selection)
      refuse('not-selected', 'Hội đồng chưa lựa chọn điển hình tiên tiến: chưa có kết quả để gửi.', 'no selection yet');
    if (state.sentOn)
      refuse(
        'already-sent',
        `Kết quả đã được gửi lên cấp trên ngày ${formatDateVN(state.sentOn.at)}.`,
        'result already sent on',
      );
    return;
  }
  if (state.selection)
    refuse('selected', 'Hội đồng đã lựa chọn điển hình tiên tiến: không thể thay đổi.', 'selection recorded');
  if (action.name === 'propose') {
    requireRole(actor, ['unit_head'], 'giới thiệu điển hình tiên tiến (chỉ Thủ trưởng đơn vị)');
    if (!state.units.some((u) => u.id === actor.unitId)) {
      refuse('wrong-unit', 'Đơn vị của bạn không thuộc kế hoạch này.', `unit ${actor.unitId} not in plan`);
    }
    if (instantMs(now) > instantMs(state.dueAt)) {
      refuse(
        'locked',
        `Đã quá hạn giới thiệu điển hình tiên tiến (hạn ${formatDateVN(state.dueAt)}).`,
        'proposal deadline passed',
      );
    }
    const collectives = action.input.candidates.filter((c) => c.subject === 'collective').length;
    const reasons = checkAdvancedModelProposal(
      { collectives, individuals: action.input.candidates.length - collectives },
      ruleSet,
    );
    if (reasons.length > 0) refuse('proposal-quota', reasons.join(' '), 'proposal exceeds the numbers per unit');
    return;
  }
  requireCouncilStanding(state, actor, 'ghi nhận lựa chọn của Hội đồng');
  if (!selectionAllowed(state, now)) {
    refuse(
      'too-early',
      `Chưa hết hạn giới thiệu (${formatDateVN(state.dueAt)}) và còn đơn vị chưa giới thiệu.`,
      'selection before the deadline',
    );
  }
  const known = new Set(
    Object.entries(state.proposals).flatMap(([unitId, p]) => p.candidates.map((c) => candidateKey(unitId, c))),
  );
  const unknown = action.input.selected.filter((k) => !known.has(k));
  if (unknown.length > 0)
    refuse('unknown-candidate', `Không có trong danh sách giới thiệu: ${unknown.join(', ')}.`, 'unknown candidates');
  if (new Set(action.input.selected).size !== action.input.selected.length)
    refuse('duplicate', 'Danh sách lựa chọn bị trùng.', 'duplicates');
  const reasons = checkAdvancedModelSelection(action.input.selected.length, ruleSet);
  if (reasons.length > 0) refuse('selection-count', reasons.join(' '), 'selection count out of range');
}

/**
 * Whether the council's selection may be recorded now, the count aside: once the proposal deadline has passed, or
 * earlier when every unit has proposed. The case page asks it too, to offer the form only when it would be taken.
 */
export function selectionAllowed(
  state: Pick<AdvancedModelState, 'dueAt' | 'proposals' | 'units'>,
  now: string,
): boolean {
  return instantMs(now) > instantMs(state.dueAt) || Object.keys(state.proposals).length >= state.units.length;
}

/** The standing body or the leadership of the council's unit. */
function requireCouncilStanding(state: AdvancedModelState, actor: Actor, what: string): void {
  requireRole(actor, ['council_secretary', 'leadership'], what);
  if (!isStandingBodyActor(actor, state.council) && !isCouncilLeadership(actor, state.council)) {
    refuse('wrong-unit', 'Bạn không thuộc Thường trực Hội đồng.', `unit ${actor.unitId} is not the council's`);
  }
}

export function applyAdvancedModelAction(
  state: AdvancedModelState,
  action: AdvancedModelAction,
  now: string,
  ruleSet: RuleSet,
): NoticeDraft | null {
  checkAdvancedModelAction(state, action, now, ruleSet);
  const { actor } = action.input;
  if (action.name === 'send_on') {
    state.sentOn = { at: now, by: actor, note: action.input.note ?? null, to: null, deliveredAt: null };
    state.audit.push({ at: now, action: 'send_on', actor, reason: action.input.note ?? null, details: {} });
    return null;
  }
  if (action.name === 'propose') {
    const amending = !!state.proposals[actor.unitId];
    state.proposals[actor.unitId] = { candidates: action.input.candidates, at: now, by: actor };
    state.audit.push({
      at: now,
      action: amending ? 'amend_proposal' : 'propose',
      actor,
      reason: null,
      details: { candidates: action.input.candidates.length },
    });
    return null;
  }
  state.selection = { keys: action.input.selected, at: now, by: actor, note: action.input.note ?? null };
  state.audit.push({
    at: now,
    action: 'select',
    actor,
    reason: action.input.note ?? null,
    details: { selected: action.input.selected.length },
  });
  const chosen = chosenCandidates(state);
  const unitName = (id: string) => state.units.find((u) => u.id === id)?.name ?? id;
  return {
    event: 'advanced_model_result',
    key: 'advanced-model.result',
    to: [
      ...standingBody(state.council),
      ...[...new Set(chosen.map((x) => x.unitId))].map((unitId): Recipient => ({ role: 'unit_head', unitId })),
    ],
    headline: `Kết quả lựa chọn điển hình tiên tiến năm ${state.year}`,
    facts: [
      ['Số điển hình được chọn', String(chosen.length)],
      ...chosen.map(({ unitId, c }): [string, string] => [
        unitName(unitId),
        `${c.displayName} (${c.subject === 'collective' ? 'tập thể' : 'cá nhân'})`,
      ]),
    ],
  };
}

function chosenCandidates(state: AdvancedModelState): { unitId: string; c: AdvancedModelCandidate }[] {
  const keys = state.selection?.keys ?? [];
  return Object.entries(state.proposals).flatMap(([unitId, p]) =>
    p.candidates.filter((c) => keys.includes(candidateKey(unitId, c))).map((c) => ({ unitId, c })),
  );
}

/**
 * Records where the result went and drafts the mail: to the higher level's own address (from the directory) and
 * the standing body. Null when the organisation has no higher level: the trail says so instead.
 */
export function sentOnNotice(
  state: AdvancedModelState,
  higher: { unitId: string; name: string } | null,
  orgName: string,
  now: string,
): NoticeDraft | null {
  const sent = state.sentOn!;
  sent.to = higher ? { unitId: higher.unitId, name: higher.name } : null;
  sent.deliveredAt = now;
  state.audit.push({
    at: now,
    action: higher ? 'sent_on' : 'no_higher_level',
    actor: null,
    reason: null,
    details: { to: higher?.unitId ?? null },
  });
  if (!higher) return null;
  const unitName = (id: string) => state.units.find((u) => u.id === id)?.name ?? id;
  const chosen = chosenCandidates(state);
  return {
    event: 'advanced_model_sent_on',
    key: 'advanced-model.sent-on',
    to: standingBody(state.council),
    toUnits: [higher.unitId],
    headline: `${orgName} gửi kết quả lựa chọn điển hình tiên tiến năm ${state.year}`,
    facts: [
      ['Nơi nhận', higher.name],
      ['Hội đồng lựa chọn ngày', formatDateVN(state.selection!.at)],
      ['Người gửi', sent.by.displayName],
      ['Số điển hình được chọn', String(chosen.length)],
      ...chosen.map(({ unitId, c }): [string, string] => [
        unitName(unitId),
        `${c.displayName} (${c.subject === 'collective' ? 'tập thể' : 'cá nhân'})`,
      ]),
      ...(sent.note ? ([['Ghi chú', sent.note]] as [string, string][]) : []),
    ],
  };
}

/** Reminders about each unit that has not proposed yet, until the council selects. */
export function advancedModelPendingReminders(state: AdvancedModelState): UnitReminder[] {
  if (state.selection) return [];
  return pendingRemindersAbout(
    state,
    state.units.filter((u) => !state.proposals[u.id]).map((u) => u.id),
  );
}

export function advancedModelNotice(
  state: AdvancedModelState,
  item: { r: ReminderInstant; aboutUnitId: string },
): NoticeDraft & { notice: Omit<YearNotice, 'at'> } {
  const { r, aboutUnitId } = item;
  const escalation = r.kind === 'escalation';
  const name = state.units.find((u) => u.id === aboutUnitId)?.name ?? aboutUnitId;
  const to = escalation ? standingBody(state.council) : unitStaff(aboutUnitId);
  return reminderNotice({
    series: 'advanced_model',
    keyPrefix: 'advanced-model',
    dueAt: state.dueAt,
    r,
    to,
    keyUnitId: aboutUnitId,
    aboutUnitId,
    headline: escalation
      ? `Báo cáo: ${name} chưa giới thiệu điển hình tiên tiến`
      : `Nhắc việc: giới thiệu điển hình tiên tiến năm ${state.year} — ${name}`,
    facts: [
      ['Đơn vị', name],
      ['Việc cần làm', 'Giới thiệu 01 tập thể và 02 cá nhân điển hình tiên tiến'],
      ['Hạn', `23:59 ngày ${formatDateVN(state.dueAt)}`],
    ],
  });
}

export function advancedModelId(orgUnitId: string, year: number): string {
  return `advanced-model/${orgUnitId}/${year}`;
}
