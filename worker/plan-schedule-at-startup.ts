/**
 * Start-up step shared by `npm start` (scripts/app.ts) and the standalone worker (worker/main.ts): make sure the
 * yearly Schedule that starts next year's plan exists. It lives with the worker because the worker is the process
 * that owns the task queue the Schedule's `nextYearPlan` runs on, and there is one worker deployment per
 * organisation, whereas the web UI could run several copies and never needs the Schedule itself.
 *
 * Creating it is idempotent (client/lib/plan-schedule.ts). A failure (Temporal briefly unreachable, a namespace
 * without Schedules) must not keep staff from working today: it is logged plainly and start-up goes on.
 */
import type { Client } from '@temporalio/client';
import { ensureNextYearPlanSchedule, nextYearPlanScheduleId } from '../client/lib/plan-schedule.js';
import { HAI_DUONG_2025 } from '../domain/plans/hai-duong-2025.js';

/** The organisation whose plans this deployment runs: the shipped plan's issuing unit (VKSND tỉnh Hải Dương). */
export const PLAN_ORG_UNIT_ID = HAI_DUONG_2025.orgUnitId;

export interface ScheduleLog {
  info(message: string): void;
  error(message: string): void;
}

/** Resolves to whether the schedule exists afterwards; never rejects. */
export async function ensurePlanScheduleAtStartup(
  client: Client,
  taskQueue: string,
  log: ScheduleLog = { info: (m) => console.log(m), error: (m) => console.error(m) },
): Promise<boolean> {
  const scheduleId = nextYearPlanScheduleId(PLAN_ORG_UNIT_ID);
  try {
    const { created } = await ensureNextYearPlanSchedule(client, { orgUnitId: PLAN_ORG_UNIT_ID, taskQueue });
    log.info(
      `schedule: "${scheduleId}" ${created ? 'created' : 'already exists'} (next year's plan, 01/12 00:00 Vietnam time)`,
    );
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.error(`schedule: could not create "${scheduleId}"; next year's plan will not start by itself: ${reason}`);
    return false;
  }
}
