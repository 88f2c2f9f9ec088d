/**
 * The yearly Schedule that starts next year's plan, on the shared dev server (the Java time-skipping server has
 * no Schedules). Created twice (the second time is a no-op). Created after its 01/12 run (as every test run is, or
 * a first `npm start` in December), it is caught up at start-up once that year's plan is issued in the database:
 * it starts `plan/hd/<next year>` from the issued version, once — a restart, an amendment or a run by hand later
 * starts nothing twice. For an organisation with no issued plan for that year a run fails with a Vietnamese message.
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureNextYearPlanSchedule } from '../../client/lib/plan-schedule.js';
import { amendPlan, confirmPlanDraftItem, createPlanDraft, issuePlan } from '../../store/plans.js';
import { catchUpNextYearPlan } from '../../client/lib/plan-catch-up.js';
import { issueAndLaunchPlan } from '../../client/lib/plan-issue.js';
import { draftNextYear } from '../../domain/plan-authoring/index.js';
import { ensurePlanScheduleAtStartup } from '../../worker/plan-schedule-at-startup.js';
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
const started: string[] = [];
const schedules: string[] = [];

beforeAll(async () => {
  env = await connectToDevServer();
  world = await createCaseWorld(env);
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
  it('is created once, on 01/12 at 00:00 Vietnam time', async () => {
    const scheduleId = uniqueId('plan-next-year-hd');
    schedules.push(scheduleId);
    const options = { orgUnitId: 'hd', taskQueue: world.taskQueue, scheduleId };
    const first = await ensureNextYearPlanSchedule(env.client, options);
    const second = await ensureNextYearPlanSchedule(env.client, options);
    expect([first.created, second.created]).toEqual([true, false]);
    const described = await second.handle.describe();
    expect(described.spec.timezone).toBe('Asia/Ho_Chi_Minh');
    // A server down over 01/12 still takes the run within December.
    expect(described.policies.catchupWindow).toBe(31 * 24 * 3600_000);
    const once = <T>(v: T) => [{ start: v, end: v, step: 1 }];
    expect(described.spec.calendars?.[0]).toMatchObject({
      month: once('DECEMBER'),
      dayOfMonth: once(1),
      hour: once(0),
    });
    // The next natural run is 00:00 on 01/12 in Vietnam, i.e. 17:00 UTC on 30/11.
    const next = described.info.nextActionTimes[0]!;
    expect([next.getUTCMonth() + 1, next.getUTCDate(), next.getUTCHours()]).toEqual([11, 30, 17]);
  });

  it('starts the year’s plan issued in the database, also after missing its 01/12 run; a second issue or a restart starts nothing twice', async () => {
    // Created now, after this season's 01/12 run: Temporal alone would wait a year.
    const scheduleId = uniqueId('plan-next-year-hd');
    schedules.push(scheduleId);
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), error: (m: string) => lines.push(`ERROR ${m}`) };
    const startup = () =>
      ensurePlanScheduleAtStartup(env.client, { taskQueue: world.taskQueue, db: world.db, scheduleId }, log);
    const planId = planWorkflowId('hd', NEXT_YEAR);
    started.push(
      planId,
      compactId('hd-cum3', NEXT_YEAR),
      ...['kv9', 'kv10', 'kv11', 'kv12'].map((u) => registrationId(`hd-${u}`, NEXT_YEAR)),
    );

    // Only a draft: nothing starts.
    const draft = draftNextYear(HAI_DUONG_2025, { toYear: NEXT_YEAR });
    const content: Plan = { ...draft.plan, clusterIds: ['hd-cum3'] };
    let saved = await createPlanDraft(world.db, { kind: 'year', content, review: draft.review, by: 'thuongtruc' });
    expect(await startup()).toBe(true);
    expect(lines.filter((l) => l.includes('backfilled'))).toEqual([]);
    expect((await catchUpNextYearPlan(env.client, world.db, { orgUnitId: 'hd', scheduleId })).action).toBe('none');

    // Issued (every copied item confirmed first): the next start backfills the missed run, which starts the plan.
    for (const item of draft.review)
      saved = await confirmPlanDraftItem(world.db, {
        planId: content.id,
        key: item.key,
        expectedRevision: saved.revision,
        by: 'thuongtruc',
      });
    await issuePlan(world.db, {
      planId: content.id,
      number: `01/KH-VKS-${NEXT_YEAR}`,
      date: `${NEXT_YEAR - 1}-11-25`,
      signer: 'Viện trưởng',
      by: 'vientruong',
    });
    lines.length = 0;
    expect(await startup()).toBe(true);
    expect(lines.at(-1)).toBe(
      `schedule: "${scheduleId}" missed its run of ${NEXT_YEAR - 1}-11-30T17:00:00.000Z; backfilled it for the ${NEXT_YEAR} plan`,
    );
    const starter = await latestStarted(scheduleId);
    started.push(starter);
    expect(await env.client.workflow.getHandle(starter).result()).toEqual({
      year: NEXT_YEAR,
      planId: `hd-${NEXT_YEAR}`,
      planWorkflowId: planId,
      alreadyRunning: false,
    });
    let runId = '';
    await waitFor(async () => {
      const handle = env.client.workflow.getHandle(planId);
      const state = await handle.query(planStateQuery);
      expect(state.plan).toMatchObject({ status: 'issued', documentNumber: `01/KH-VKS-${NEXT_YEAR}` });
      expect(state.plan.deadlines.find((d) => d.id === 'registration')?.date).toEqual({
        day: 15,
        month: 1,
        year: NEXT_YEAR,
      });
      expect(state.childrenStarted).toBe(true);
      runId = (await handle.describe()).runId;
    });

    // A restart, an amendment (the second issue) and a run by hand start nothing twice.
    lines.length = 0;
    expect(await startup()).toBe(true);
    expect(lines.filter((l) => l.includes('backfilled'))).toEqual([]);
    const amended = structuredClone(content);
    amended.deadlines.find((d) => d.id === 'compact')!.date = { day: 26, month: 2, year: NEXT_YEAR };
    await amendPlan(world.db, {
      planId: content.id,
      content: amended,
      reason: 'Lùi hạn ký giao ước',
      by: 'thuongtruc',
    });
    expect(await catchUpNextYearPlan(env.client, world.db, { orgUnitId: 'hd', scheduleId })).toEqual({
      action: 'none',
      year: NEXT_YEAR,
      reason: 'already_started',
    });
    await env.client.schedule.getHandle(scheduleId).trigger();
    await waitFor(async () => {
      const { info } = await env.client.schedule.getHandle(scheduleId).describe();
      expect(info.recentActions).toHaveLength(2);
    });
    const second = await latestStarted(scheduleId);
    started.push(second);
    expect(second).not.toBe(starter);
    expect(await env.client.workflow.getHandle(second).result()).toMatchObject({ alreadyRunning: true });
    const description = await env.client.workflow.getHandle(planId).describe();
    expect([description.runId, description.status.name]).toEqual([runId, 'RUNNING']);
  }, 120_000);

  it('leaves a plan issued before its season to the Schedule, and starts no past year', async () => {
    const scheduleId = uniqueId('plan-next-year-hd');
    const issueConfirmed = async (toYear: number) => {
      const made = draftNextYear(HAI_DUONG_2025, { toYear });
      let saved = await createPlanDraft(world.db, {
        kind: 'year',
        content: { ...made.plan, clusterIds: ['hd-cum3'] },
        review: made.review,
        by: 'thuongtruc',
      });
      for (const item of made.review)
        saved = await confirmPlanDraftItem(world.db, {
          planId: made.plan.id,
          key: item.key,
          expectedRevision: saved.revision,
          by: 'thuongtruc',
        });
      const input = {
        planId: made.plan.id,
        number: `02/KH-${toYear}`,
        date: `${toYear - 1}-10-01`,
        signer: 'Viện trưởng',
        by: 'vientruong',
      };
      return (await issueAndLaunchPlan(env.client, world.db, input, { scheduleId })).launch;
    };
    expect(await issueConfirmed(NEXT_YEAR + 1)).toEqual({ action: 'left_to_schedule', year: NEXT_YEAR + 1 });
    expect(await issueConfirmed(NEXT_YEAR - 1)).toEqual({
      action: 'not_started',
      reason: 'past_year',
    });
    for (const year of [NEXT_YEAR + 1, NEXT_YEAR - 1]) {
      const error = await env.client.workflow
        .getHandle(planWorkflowId('hd', year))
        .describe()
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error, String(year)).toBeInstanceOf(WorkflowNotFoundError);
    }
  });

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
      `Chưa có kế hoạch thi đua, khen thưởng năm ${NEXT_YEAR} đã ban hành của đơn vị hd-kv1: hãy ban hành kế hoạch rồi chạy lại lịch.`,
    );
  }, 60_000);
});
