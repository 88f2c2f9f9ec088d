/**
 * Makes sure the year's plan starts even when its 01/12 run was missed (issue 11). Temporal's catch-up window
 * only covers a server that was down while the Schedule existed: a Schedule created after 01/12 (a new
 * deployment, the first `npm start` in December) or a plan issued after 01/12 waits a whole year. So after
 * the Schedule is ensured, and after a plan is issued, this looks at the database and at Temporal and, when the
 * upcoming year's plan is issued but not started, backfills the missed 01/12 run of the Schedule.
 *
 * Safe to call on every start: nothing is done once the plan's workflow exists, and were two processes to
 * backfill at once, `nextYearPlan` starts `plan/<org>/<year>` once and reports the other as already running.
 */
import { ScheduleOverlapPolicy, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { issuedYearPlan } from '../../store/plans.js';
import type { SqlSession } from '../../store/sql.js';
import { planWorkflowId, upcomingPlanYear } from '../../domain/plan-year/plan-run.js';
import { nextYearPlanScheduleId } from './plan-schedule.js';
import { PLAN_START_DAY } from '../../domain/plan-authoring/season.js';

export type CatchUpOutcome =
  | { action: 'backfilled'; year: number; firedAt: string }
  | { action: 'none'; year: number; reason: 'no_issued_plan' | 'already_started' };

/** The Schedule's latest natural run at or before `now`: 01/12 00:00 Vietnam time (17:00 UTC on 30/11). */
export function lastNextYearFireTime(now: Date): Date {
  // 00:00 of the start day in Vietnam (UTC+7, no daylight saving) is 17:00 UTC the day before.
  const fireIn = (year: number) => Date.UTC(year, PLAN_START_DAY.month - 1, PLAN_START_DAY.day) - 7 * 3_600_000;
  const thisYear = fireIn(now.getUTCFullYear());
  return new Date(thisYear <= now.getTime() ? thisYear : fireIn(now.getUTCFullYear() - 1));
}

/** A workflow of that id has run and not failed: starting it again would be refused anyway. */
async function planStarted(client: Client, workflowId: string): Promise<boolean> {
  try {
    const { status } = await client.workflow.getHandle(workflowId).describe();
    // A failed or terminated plan may be started again (its reuse policy allows it): the run is worth making.
    return !['FAILED', 'TERMINATED', 'TIMED_OUT', 'CANCELLED'].includes(status.name);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

export async function catchUpNextYearPlan(
  client: Client,
  db: SqlSession,
  options: { orgUnitId: string; scheduleId?: string; now?: Date },
): Promise<CatchUpOutcome> {
  const now = options.now ?? new Date();
  // The year the Schedule's run would prepare now: the next one in December, else the year under way.
  const year = upcomingPlanYear(now.toISOString());
  if (!(await issuedYearPlan(db, options.orgUnitId, year))) return { action: 'none', year, reason: 'no_issued_plan' };
  if (await planStarted(client, planWorkflowId(options.orgUnitId, year)))
    return { action: 'none', year, reason: 'already_started' };
  const fired = lastNextYearFireTime(now);
  const handle = client.schedule.getHandle(options.scheduleId ?? nextYearPlanScheduleId(options.orgUnitId));
  // A backfill of the missed run (not a bare trigger): the Schedule's recent actions then show the 01/12 run.
  await handle.backfill({
    start: new Date(fired.getTime() - 1000),
    end: new Date(fired.getTime() + 1000),
    overlap: ScheduleOverlapPolicy.SKIP,
  });
  return { action: 'backfilled', year, firedAt: fired.toISOString() };
}
