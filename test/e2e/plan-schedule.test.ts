/**
 * The yearly Schedule that starts next year's plan, on the shared dev server (the Java time-skipping server has
 * no Schedules). Created twice (the second time is a no-op), triggered by hand: it starts `plan/hd/<next year>`
 * with that year's plan data; for an organisation with no data for that year it fails with a Vietnamese message.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureNextYearPlanSchedule } from '../../client/lib/plan-schedule.js';
import { planForYear } from '../../domain/plan-year/plan-run.js';
import { HAI_DUONG_2025 } from '../../domain/plans/hai-duong-2025.js';
import type { Plan } from '../../domain/plan.js';
import { planStateQuery, planWorkflowId } from '../../workflows/plan/messages.js';
import { compactId } from '../../workflows/compact/messages.js';
import { registrationId } from '../../workflows/registration/messages.js';
import { connectToDevServer, uniqueId } from '../harness/temporal.js';
import { waitFor } from '../harness/wait.js';
import { createCaseWorld, type CaseWorld } from '../support/case-world.js';

let env: TestWorkflowEnvironment;
let world: CaseWorld;
// The year a trigger today prepares, worked out here: the one whose 15/01 comes next in Vietnam (UTC+7).
const vnToday = new Date(Date.now() + 7 * 3600_000);
const NEXT_YEAR = vnToday.getUTCFullYear() + (vnToday.getUTCMonth() === 11 ? 1 : 0);
// Next year's data: the 2025 calendar moved on, one cluster only to keep the dev server light.
const nextPlan: Plan = { ...planForYear(HAI_DUONG_2025, NEXT_YEAR), clusterIds: ['hd-cum3'] };
const started: string[] = [];
const schedules: string[] = [];

beforeAll(async () => {
  env = await connectToDevServer();
  world = await createCaseWorld(env, { plans: [nextPlan] });
  await world.db.query(
    `INSERT INTO cluster_heads (cluster_id, year, seat, unit_id) SELECT cluster_id, $1, seat, unit_id FROM cluster_heads WHERE year = 2025`,
    [NEXT_YEAR],
  );
});
afterAll(async () => {
  for (const id of schedules)
    await env.client.schedule
      .getHandle(id)
      .delete()
      .catch(() => undefined);
  for (const id of started)
    await env.client.workflow
      .getHandle(id)
      .terminate('end of the schedule test')
      .catch(() => undefined);
  await world?.close();
  await env?.teardown();
});

/** The workflow the schedule's latest action started. */
async function latestStarted(scheduleId: string): Promise<string> {
  let id = '';
  await waitFor(async () => {
    const { info } = await env.client.schedule.getHandle(scheduleId).describe();
    const last = info.recentActions.at(-1)?.action;
    expect(last?.type).toBe('startWorkflow');
    id = last!.workflow.workflowId;
  });
  return id;
}

describe("the Schedule that starts next year's plan (dev server)", () => {
  it('is created once, and a trigger starts next year’s plan from next year’s data', async () => {
    const scheduleId = uniqueId('plan-next-year-hd');
    schedules.push(scheduleId);
    const options = { orgUnitId: 'hd', taskQueue: world.taskQueue, scheduleId };
    const first = await ensureNextYearPlanSchedule(env.client, options);
    const second = await ensureNextYearPlanSchedule(env.client, options);
    expect([first.created, second.created]).toEqual([true, false]);
    const described = await second.handle.describe();
    expect(described.spec.timezone).toBe('Asia/Ho_Chi_Minh');
    const once = <T>(v: T) => [{ start: v, end: v, step: 1 }];
    expect(described.spec.calendars?.[0]).toMatchObject({
      month: once('DECEMBER'),
      dayOfMonth: once(1),
      hour: once(0),
    });
    // The next natural run is 00:00 on 01/12 in Vietnam, i.e. 17:00 UTC on 30/11.
    const next = described.info.nextActionTimes[0]!;
    expect([next.getUTCMonth() + 1, next.getUTCDate(), next.getUTCHours()]).toEqual([11, 30, 17]);

    const planId = planWorkflowId('hd', NEXT_YEAR);
    started.push(
      planId,
      compactId('hd-cum3', NEXT_YEAR),
      ...['kv9', 'kv10', 'kv11', 'kv12'].map((u) => registrationId(`hd-${u}`, NEXT_YEAR)),
    );
    await first.handle.trigger();
    const starter = await latestStarted(scheduleId);
    started.push(starter);
    expect(starter.startsWith('plan-starter/hd')).toBe(true);
    const result = (await env.client.workflow.getHandle(starter).result()) as {
      year: number;
      planId: string;
      planWorkflowId: string;
    };
    expect(result).toEqual({
      year: NEXT_YEAR,
      planId: `hd-${NEXT_YEAR}`,
      planWorkflowId: planId,
      alreadyRunning: false,
    });
    await waitFor(async () => {
      const state = await env.client.workflow.getHandle(planId).query(planStateQuery);
      expect(state.plan.year).toBe(NEXT_YEAR);
      expect(state.plan.deadlines.find((d) => d.id === 'registration')?.date).toEqual({
        day: 15,
        month: 1,
        year: NEXT_YEAR,
      });
      expect(state.childrenStarted).toBe(true);
    });
  }, 120_000);

  it('fails with a clear Vietnamese message when that year has no plan data', async () => {
    const scheduleId = uniqueId('plan-next-year-kv1');
    schedules.push(scheduleId);
    const { handle } = await ensureNextYearPlanSchedule(env.client, {
      orgUnitId: 'hd-kv1',
      taskQueue: world.taskQueue,
      scheduleId,
    });
    await handle.trigger();
    const starter = await latestStarted(scheduleId);
    started.push(starter);
    const failure = await env.client.workflow
      .getHandle(starter)
      .result()
      .then(
        () => null,
        (e: unknown) => e as { cause?: { message?: string; type?: string } },
      );
    expect(failure?.cause?.type).toBe('NoPlanData');
    expect(failure?.cause?.message).toBe(
      `Chưa có dữ liệu kế hoạch thi đua, khen thưởng năm ${NEXT_YEAR} của đơn vị hd-kv1: hãy nhập kế hoạch rồi chạy lại lịch.`,
    );
  }, 60_000);
});
