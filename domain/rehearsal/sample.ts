/**
 * Scenario B's sample (issue 11: "a sample acts late"): which units act, and when. Every third unit of the
 * plan (the first, the fourth, …) acts at noon, Vietnam time, on the due day of each step: after every
 * reminder before the deadline, before the deadline itself, so it gets the reminders and no escalation. A
 * cluster's head launches its compact at noon on the day of its first reminder. Deterministic, so two
 * rehearsals of the same draft show the same calendar.
 */
import { addHours, instantMs, reminderInstants, startOfDayInstant, vnCalendarDate } from '../calendar.js';
import type { PlanYearContext } from '../plan-year/plan-run.js';
import { deadlineDueAt, scheduleFor } from '../plan-year/plan-run.js';
import type { Plan, PlanDeadlineKind } from '../plan.js';
import type { RehearsalAction } from './types.js';

export interface PlannedAction {
  at: string;
  unitId: string;
  step: RehearsalAction['step'];
  /** The cluster of a compact step. */
  clusterId: string | null;
}

/** Noon (Vietnam) of the day an instant falls on. */
export function noonOf(iso: string): string {
  const d = vnCalendarDate(iso);
  return addHours(startOfDayInstant(d, d.year), 12);
}

export function sampleUnitIds(context: PlanYearContext): string[] {
  return context.units.filter((_, i) => i % 3 === 0).map((u) => u.id);
}

export function lateSampleActions(plan: Plan, context: PlanYearContext): PlannedAction[] {
  const sample = new Set(sampleUnitIds(context));
  const out: PlannedAction[] = [];
  const dueNoon = (kind: PlanDeadlineKind) => {
    const due = deadlineDueAt(plan, kind);
    return due ? noonOf(due) : null;
  };
  const registration = dueNoon('registration');
  if (registration)
    for (const u of context.units)
      if (sample.has(u.id)) out.push({ at: registration, unitId: u.id, step: 'registration', clusterId: null });
  const compactDue = deadlineDueAt(plan, 'compact');
  if (compactDue) {
    const first = reminderInstants(compactDue, scheduleFor(plan, 'compact')).find((r) => r.kind !== 'escalation');
    const launch = noonOf(first?.at ?? compactDue);
    for (const c of context.clusters) {
      out.push({ at: launch, unitId: c.headUnitId, step: 'compact_draft', clusterId: c.id });
      for (const m of c.memberUnitIds)
        if (sample.has(m)) out.push({ at: noonOf(compactDue), unitId: m, step: 'compact_sign', clusterId: c.id });
    }
  }
  const models = dueNoon('advanced_model_registration');
  if (models)
    for (const u of context.units)
      if (sample.has(u.id)) out.push({ at: models, unitId: u.id, step: 'advanced_model', clusterId: null });
  return out.sort((a, b) => instantMs(a.at) - instantMs(b.at));
}
