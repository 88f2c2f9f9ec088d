/**
 * `nextYearPlan` on the time-skipping server, run in January as the NoPlanData message asks after a missed
 * 01/12: it prepares the year that has just begun (not the one after), and a manual run may name the year.
 * The Schedule that fires it on 01/12 is tested on the dev server (test/e2e/plan-schedule.test.ts).
 */
import { WorkflowClient, WorkflowFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planForYear } from '../../domain/plan-year/plan-run.js';
import { HAI_DUONG_2025 } from '../../domain/plans/hai-duong-2025.js';
import type { Plan } from '../../domain/plan.js';
import { nextYearPlan } from '../../workflows/index.js';
import { planStateQuery, planWorkflowId } from '../../workflows/plan/messages.js';
import { startTimeSkippingServer, uniqueId } from '../harness/temporal.js';
import { untilInstant, waitFor } from '../harness/wait.js';
import { createCaseWorld, type CaseWorld } from '../support/case-world.js';

const HOUR = 3600_000;
let env: TestWorkflowEnvironment;
let world: CaseWorld;
/** The January the test moves to: the first one after today in Vietnam (UTC+7), worked out here. */
let JANUARY_YEAR: number;

beforeAll(async () => {
  env = await startTimeSkippingServer();
  JANUARY_YEAR = new Date((await env.currentTimeMs()) + 7 * HOUR).getUTCFullYear() + 1;
  // Only that year's data (one cluster, to keep the run light): the year after it has none.
  const data: Plan = { ...planForYear(HAI_DUONG_2025, JANUARY_YEAR), clusterIds: ['hd-cum3'] };
  world = await createCaseWorld(env, { plans: [data] });
  await world.db.query(
    `INSERT INTO cluster_heads (cluster_id, year, seat, unit_id) SELECT cluster_id, $1, seat, unit_id FROM cluster_heads WHERE year = 2025`,
    [JANUARY_YEAR],
  );
  // 09:00 on 05/01 in Vietnam.
  await untilInstant(env, new Date(Date.UTC(JANUARY_YEAR, 0, 5, 9) - 7 * HOUR).toISOString());
});
afterAll(async () => {
  await world?.close();
  await env?.teardown();
});

/**
 * Runs it through a plain client: the environment's own client lets the server skip time while it awaits a result,
 * and with nothing else pending the clock would leap years ahead past the January under test.
 */
const run = (input: { orgUnitId: string; year?: number }) =>
  new WorkflowClient({ connection: env.connection, namespace: env.namespace }).execute(nextYearPlan, {
    taskQueue: world.taskQueue,
    workflowId: uniqueId('plan-starter-hd'),
    args: [input],
  });

async function failureOf(p: Promise<unknown>): Promise<{ type?: string; message?: string }> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowFailedError);
  return (error as WorkflowFailedError).cause as { type?: string; message?: string };
}

describe('nextYearPlan run by hand in January', () => {
  it('refuses a year that is not a plausible plan year, in Vietnamese', async () => {
    const cause = await failureOf(run({ orgUnitId: 'hd', year: 1999 }));
    expect(cause.type).toBe('InvalidInput');
    expect(cause.message).toBe('Năm kế hoạch không hợp lệ: 1999 (phải là năm từ 2000 đến 2100).');
  });

  it('takes the year it is given: the year after has no data yet', async () => {
    const cause = await failureOf(run({ orgUnitId: 'hd', year: JANUARY_YEAR + 1 }));
    expect(cause.type).toBe('NoPlanData');
    expect(cause.message).toContain(`năm ${JANUARY_YEAR + 1}`);
  });

  it('with no year, starts the plan of the year that has just begun', async () => {
    const result = await run({ orgUnitId: 'hd' });
    expect(result).toEqual({
      year: JANUARY_YEAR,
      planId: `hd-${JANUARY_YEAR}`,
      planWorkflowId: planWorkflowId('hd', JANUARY_YEAR),
      alreadyRunning: false,
    });
    // The plan's first workflow task registers its queries a moment after the start.
    await waitFor(async () => {
      const state = await env.client.workflow.getHandle(result.planWorkflowId).query(planStateQuery);
      expect(state.plan.deadlines.find((d) => d.id === 'registration')?.date).toEqual({
        day: 15,
        month: 1,
        year: JANUARY_YEAR,
      });
    });
  });
});
