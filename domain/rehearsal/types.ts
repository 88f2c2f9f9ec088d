/**
 * A rehearsal (diễn tập) of a drafted plan: what goes in (the plan and a snapshot of the organisation it will
 * run over) and what comes out (every notice the real workflows sent, per scenario). Plain JSON: it travels
 * between the web process and the rehearsal process (rehearsal/), and is stored as the page's latest result.
 */
import type { Role } from '../org.js';
import type { PlanYearContext } from '../plan-year/plan-run.js';
import type { Plan } from '../plan.js';

/** A person who may receive the year's mail or act in a scenario, from the directory. */
export interface RehearsalPerson {
  userId: string;
  displayName: string;
  role: Role;
  unitId: string;
  email: string | null;
}

export const SCENARIOS = ['none_act', 'sample_late'] as const;
export type ScenarioId = (typeof SCENARIOS)[number];

export const SCENARIO_LABELS: Record<ScenarioId, string> = {
  none_act: 'Kịch bản A: không đơn vị nào thực hiện',
  sample_late: 'Kịch bản B: một số đơn vị thực hiện muộn (trong ngày hết hạn)',
};

export interface RehearsalInput {
  plan: Plan;
  /** The units, clusters (with the draft's heads) and council the plan will run over. */
  context: PlanYearContext;
  people: RehearsalPerson[];
  /** yyyy-mm-dd: the planned issue date (deadlines before it are conflicts). */
  issueDate: string;
  scenarios: ScenarioId[];
}

/** One mail the rehearsed workflows sent (captured, never delivered). */
export interface RehearsalNotice {
  /** The workflow's instant of sending (ISO, UTC). */
  at: string;
  workflowId: string;
  /** The mail's event, e.g. registration_reminder, compact_escalation, drive_opened. */
  event: string;
  kind: 'reminder' | 'escalation' | 'other';
  /** The step the notice is about: registration, compact, advanced_model, drive, … */
  series: string;
  headline: string;
  /** Vietnamese: what the reminder says ("Nhắc trước hạn 7 ngày", "Quá hạn 1 ngày — báo cáo cấp trên"). */
  label: string | null;
  /** yyyy-mm-dd of the deadline the notice is about (Vietnam date), when it is a reminder or escalation. */
  dueDate: string | null;
  /** The unit that has not acted (a reminder's addressee, an escalation's subject). */
  aboutUnitId: string | null;
  /** Who received it: roles in units, as the workflow addressed them, and the people they resolved to. */
  to: { role: Role; unitId: string }[];
  recipients: { userId: string; displayName: string; unitId: string }[];
}

/** What a scenario's sample did, through the real Updates, and whether the workflow took it. */
export interface RehearsalAction {
  at: string;
  unitId: string;
  step: 'registration' | 'compact_draft' | 'compact_sign' | 'advanced_model';
  ok: boolean;
  /** The workflow's Vietnamese refusal when it did not take it. */
  refusal: string | null;
}

export interface ScenarioResult {
  scenario: ScenarioId;
  startedAt: string;
  endedAt: string;
  notices: RehearsalNotice[];
  actions: RehearsalAction[];
}

export interface RehearsalResult {
  planId: string;
  year: number;
  issueDate: string;
  context: PlanYearContext;
  scenarios: ScenarioResult[];
  /** Wall-clock seconds the rehearsal took, and its parts: bundling the workflows, starting the servers, the year. */
  seconds: number;
  timings: { bundleSeconds: number; serversSeconds: number; scenariosSeconds: number };
}
