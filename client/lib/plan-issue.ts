/**
 * Issuing a year's plan launches it (issue 11): the plan is issued in the database, and then, if its year is the
 * one the 01/12 Schedule prepares now (its run for this season has passed: December for next year, or the year
 * under way), the missed run is caught up at once; a plan issued before 01/12 for the coming year is left to the
 * Schedule. What the web layer calls when the standing body presses "Ban hành".
 */
import type { Client } from '@temporalio/client';
import { issuePlan, type IssuePlanInput, type PlanVersion } from '../../store/plans.js';
import type { SqlDatabase } from '../../store/sql.js';
import { upcomingPlanYear } from '../../domain/plan-year/plan-run.js';
import type { Plan } from '../../domain/plan.js';
import { catchUpNextYearPlan, type CatchUpOutcome } from './plan-catch-up.js';

export type LaunchOutcome =
  | CatchUpOutcome
  | { action: 'left_to_schedule'; year: number }
  /** A past year's plan, or a programme or movement: kept as a record, never started by the Schedule. */
  | { action: 'not_started'; reason: 'past_year' | 'not_a_year_plan' };

export async function issueAndLaunchPlan(
  client: Client,
  db: SqlDatabase,
  input: IssuePlanInput,
  options: { scheduleId?: string; now?: Date } = {},
): Promise<{ version: PlanVersion; launch: LaunchOutcome }> {
  const version = await issuePlan(db, input);
  return { version, launch: await launchIssuedPlan(client, db, version, options) };
}

/** The launch half, for a plan issued in a transaction of the caller's own (the living demo's). */
export async function launchIssuedPlan(
  client: Client,
  db: SqlDatabase,
  version: PlanVersion,
  options: { scheduleId?: string; now?: Date } = {},
): Promise<LaunchOutcome> {
  const [row] = await db.query<{ kind: string }>('SELECT kind FROM plans WHERE id = $1', [version.planId]);
  if (row?.kind !== 'year') return { action: 'not_started', reason: 'not_a_year_plan' };
  const plan = version.content as Plan;
  const now = options.now ?? new Date();
  const upcoming = upcomingPlanYear(now.toISOString());
  if (plan.year > upcoming) return { action: 'left_to_schedule', year: plan.year };
  if (plan.year < upcoming) return { action: 'not_started', reason: 'past_year' };
  return catchUpNextYearPlan(client, db, {
    orgUnitId: plan.orgUnitId,
    ...(options.scheduleId ? { scheduleId: options.scheduleId } : {}),
    now,
  });
}
