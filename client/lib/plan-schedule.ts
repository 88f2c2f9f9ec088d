/**
 * The yearly Schedule that starts next year's plan of an organisation: every 01/12 at 00:00 Vietnam time (the
 * 2025 plan's first drive opens on 01/12/2024), it runs `nextYearPlan`, which starts `plan/<org>/<year + 1>` from
 * the issued version of that year's plan in the database. Creating it is idempotent: an existing schedule is left
 * as it is and returned. Its catch-up window covers a server that was down at 01/12; a run missed because the
 * Schedule did not exist yet, or because the plan was issued after 01/12, is caught up by plan-catch-up.ts.
 */
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleHandle } from '@temporalio/client';
import type { NextYearPlanInput } from '../../workflows/plan/next-year.js';
import { PLAN_START_DAY } from '../../domain/plan-authoring/season.js';

const MONTHS = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
] as const;

export function nextYearPlanScheduleId(orgUnitId: string): string {
  return `plan-next-year/${orgUnitId}`;
}

export async function ensureNextYearPlanSchedule(
  client: Client,
  options: { orgUnitId: string; taskQueue: string; scheduleId?: string },
): Promise<{ handle: ScheduleHandle; created: boolean }> {
  const scheduleId = options.scheduleId ?? nextYearPlanScheduleId(options.orgUnitId);
  const args: [NextYearPlanInput] = [{ orgUnitId: options.orgUnitId }];
  try {
    const handle = await client.schedule.create({
      scheduleId,
      spec: {
        calendars: [{ month: MONTHS[PLAN_START_DAY.month - 1], dayOfMonth: PLAN_START_DAY.day, hour: 0, minute: 0 }],
        timezone: 'Asia/Ho_Chi_Minh',
      },
      action: {
        type: 'startWorkflow',
        workflowType: 'nextYearPlan',
        workflowId: `plan-starter/${options.orgUnitId}`,
        taskQueue: options.taskQueue,
        args,
      },
      // One start per year is enough; a second trigger while one runs is skipped, not queued. A server that was
      // down over 01/12 still takes the run when it is back within December (a worker that restarts catches up
      // any later miss: plan-catch-up.ts).
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '31 days' },
    });
    return { handle, created: true };
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    return { handle: client.schedule.getHandle(scheduleId), created: false };
  }
}
