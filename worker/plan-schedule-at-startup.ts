/**
 * Start-up step shared by `npm start` (scripts/app.ts) and the standalone worker (worker/main.ts): make sure the
 * yearly Schedule that starts next year's plan exists, and catch up a run it missed. It lives with the worker
 * because the worker is the process that owns the task queue the Schedule's `nextYearPlan` runs on, and there is
 * one worker deployment per organisation, whereas the web UI could run several copies and never needs the
 * Schedule itself.
 *
 * The organisation comes from configuration or the directory (store/plan-organisation.ts). Creating the Schedule is
 * idempotent (client/lib/plan-schedule.ts); the catch-up starts the year's issued plan when the Schedule was
 * created after its 01/12 run (client/lib/plan-catch-up.ts). A failure (Temporal briefly unreachable, a
 * namespace without Schedules) must not keep staff from working today: it is logged plainly and start-up goes on.
 */
import type { Client } from '@temporalio/client';
import type { SqlSession } from '../store/sql.js';
import { catchUpNextYearPlan } from '../client/lib/plan-catch-up.js';
import { ensureNextYearPlanSchedule, nextYearPlanScheduleId } from '../client/lib/plan-schedule.js';
import { planOrganisation } from '../store/plan-organisation.js';

export interface ScheduleLog {
  info(message: string): void;
  error(message: string): void;
}

export interface PlanScheduleStartup {
  taskQueue: string;
  db: SqlSession;
  /** PLAN_ORG_UNIT_ID from the configuration; absent: the directory's one council. */
  orgUnitId?: string | undefined;
  /** Tests name their own Schedule; default plan-next-year/<org>. */
  scheduleId?: string;
  now?: Date;
}

/** Resolves to whether the schedule exists afterwards; never rejects. */
export async function ensurePlanScheduleAtStartup(
  client: Client,
  options: PlanScheduleStartup,
  log: ScheduleLog = { info: (m) => console.log(m), error: (m) => console.error(m) },
): Promise<boolean> {
  let scheduleId = options.scheduleId ?? 'plan-next-year/?';
  try {
    const org = await planOrganisation(options.db, options.orgUnitId);
    if (org.orgUnitId === null) {
      log.error(`schedule: next year's plan will not start by itself: ${org.reason}`);
      return false;
    }
    scheduleId = options.scheduleId ?? nextYearPlanScheduleId(org.orgUnitId);
    const { created } = await ensureNextYearPlanSchedule(client, {
      orgUnitId: org.orgUnitId,
      taskQueue: options.taskQueue,
      scheduleId,
    });
    log.info(
      `schedule: "${scheduleId}" ${created ? 'created' : 'already exists'} for ${org.orgUnitId} (from the ${org.from}; next year's plan, 01/12 00:00 Vietnam time)`,
    );
    const caughtUp = await catchUpNextYearPlan(client, options.db, {
      orgUnitId: org.orgUnitId,
      scheduleId,
      ...(options.now ? { now: options.now } : {}),
    });
    if (caughtUp.action === 'backfilled')
      log.info(
        `schedule: "${scheduleId}" missed its run of ${caughtUp.firedAt}; backfilled it for the ${caughtUp.year} plan`,
      );
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.error(`schedule: could not create "${scheduleId}"; next year's plan will not start by itself: ${reason}`);
    return false;
  }
}
