/**
 * What the yearly Schedule starts (`plan-starter/<org>`): the plan of the coming year (the year whose 15/01 comes
 * next in Vietnam: the next one on 01/12, the current one in January), or of `year` when run by hand, from the
 * issued version of that year's plan in the database (read by the planDataFor activity, so the workflow holds no
 * plan of its own), as the usual `plan/<org>/<year>` workflow. Starting a plan that already runs is not an error;
 * a year with no issued plan fails the run with a Vietnamese message, so the Schedule's recent actions show what
 * is missing.
 */
import { ApplicationFailure } from '@temporalio/workflow';
import { planWorkflowId, upcomingPlanYear } from '../../domain/plan-year/plan-run.js';
import type { PlanStartInput } from '../../domain/plan-year/plan-run.js';
import { nowIso } from '../shared/clock.js';
import { yearActivities } from './shell.js';

export interface NextYearPlanInput {
  orgUnitId: string;
  /** A manual run's plan year; the Schedule leaves it out. */
  year?: number;
}

export interface NextYearPlanResult {
  year: number;
  planId: string;
  planWorkflowId: string;
  alreadyRunning: boolean;
}

export async function nextYearPlan(input: NextYearPlanInput): Promise<NextYearPlanResult> {
  if (input.year !== undefined && !(Number.isInteger(input.year) && input.year >= 2000 && input.year <= 2100)) {
    throw ApplicationFailure.nonRetryable(
      `Năm kế hoạch không hợp lệ: ${String(input.year)} (phải là năm từ 2000 đến 2100).`,
      'InvalidInput',
      { en: `invalid plan year ${String(input.year)}` },
    );
  }
  const year = input.year ?? upcomingPlanYear(nowIso());
  const data = await yearActivities.planDataFor({ orgUnitId: input.orgUnitId, year });
  if (!data) {
    throw ApplicationFailure.nonRetryable(
      `Chưa có kế hoạch thi đua, khen thưởng năm ${year} đã ban hành của đơn vị ${input.orgUnitId}: hãy ban hành kế hoạch rồi chạy lại lịch.`,
      'NoPlanData',
      { en: `no issued plan for ${input.orgUnitId} in ${year}` },
    );
  }
  const workflowId = planWorkflowId(input.orgUnitId, year);
  const start: PlanStartInput = { plan: data, startedBy: null };
  const { existing } = await yearActivities.startYearCases({
    cases: [{ workflowType: 'plan', workflowId, input: start }],
  });
  return { year, planId: data.id, planWorkflowId: workflowId, alreadyRunning: existing.length > 0 };
}
