/**
 * Diễn tập (rehearsal) of a drafted plan (issue 11): the plan runs through the product's real workflows (plan,
 * registration, compact, advanced models) on a private Java time-skipping server, once per scenario, and every
 * mail they send is captured instead of delivered. The year passes in skipped time: a whole provincial year
 * takes seconds (bench/rehearsal.ts).
 *
 * The worker is the product's: the same workflow bundle (the prebuilt WORKFLOW_BUNDLE when given) and the real
 * activities, except the three that reach the organisation's database: `loadPlanYear` answers with the snapshot
 * the rehearsal was given (the draft's own clusters and heads, which the directory only gets at issue time),
 * `sendYearNotice` records the notice with the people it would reach, and `writeCaseIndex` drops the row. Anything else that would read or write
 * the database fails plainly: a rehearsal never touches the product's data. Scenario B acts through the real
 * Updates, as the units' heads, so a refusal by a workflow shows in the result.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type * as Testing from '@temporalio/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import nodemailer from 'nodemailer';
import { createActivities, type Activities } from '../activities/index.js';
import { mailMessageId } from '../activities/mail-body.js';
import { addDays, instantMs, startOfDayInstant, toUtcIso } from '../domain/calendar.js';
import { allHolidays } from '../domain/holidays.js';
import type { Actor, Role } from '../domain/org.js';
import type { NoticeDraft } from '../domain/plan-year/common.js';
import { planEndsAt, planWorkflowId, type PlanStartInput } from '../domain/plan-year/plan-run.js';
import {
  lateSampleActions,
  rehearsalNotice,
  type PlannedAction,
  type RehearsalAction,
  type RehearsalInput,
  type RehearsalNotice,
  type RehearsalResult,
  type ScenarioId,
  type ScenarioResult,
} from '../domain/rehearsal/index.js';
import type { SqlDatabase } from '../store/sql.js';
import { advancedModelId } from '../workflows/plan/advanced-model-messages.js';
import { advancedModelUpdates } from '../workflows/plan/advanced-model-messages.js';
import { compactId, compactUpdates } from '../workflows/compact/messages.js';
import { registrationId, registrationUpdates } from '../workflows/registration/messages.js';
import { prebuiltBundle } from '../worker/bundle.js';
import { cachedWorkflowBundle } from './bundle-cache.js';
import { skipTo, startTimeSkipping } from './time-skipping.js';

/** Why a rehearsal could not run, in Vietnamese for the page (and English for the log). */
export class RehearsalUnavailableError extends Error {
  constructor(
    readonly vi: string,
    en: string,
  ) {
    super(en);
    this.name = 'RehearsalUnavailableError';
  }
}

export interface RehearsalOptions {
  /** The Java test server's launcher (scripts/tools findTestServer); absent: refused, never downloaded. */
  testServerPath: string | null;
  /** A bundle already built (the bench, tests), or a file (WORKFLOW_BUNDLE); otherwise workflows/ is bundled. */
  workflowBundle?: WorkflowBundleWithSourceMap | { codePath: string };
}

const TASK_QUEUE = 'rehearsal';

/** The database a rehearsal does not have: whatever asks for it is a bug of the rehearsal, said plainly. */
const NO_DATABASE: SqlDatabase = {
  engine: 'pglite',
  query: () => Promise.reject(new Error('a rehearsal has no database: the activity must use the snapshot')),
  exec: () => Promise.reject(new Error('a rehearsal has no database')),
  transaction: () => Promise.reject(new Error('a rehearsal has no database')),
  close: () => Promise.resolve(),
};

async function startServer(path: string | null): Promise<TestWorkflowEnvironment> {
  if (!path)
    throw new RehearsalUnavailableError(
      'Máy chủ chưa cài công cụ diễn tập (máy chủ thử nghiệm Temporal chạy bằng Java): hãy chạy `npm run tools` trên máy chủ, hoặc diễn tập trên máy có Java.',
      'no Java time-skipping test server (npm run tools, or TEMPORAL_TEST_SERVER_PATH)',
    );
  let testing: typeof Testing;
  try {
    testing = await import('@temporalio/testing');
  } catch {
    throw new RehearsalUnavailableError(
      'Bản cài đặt này không có thư viện diễn tập (@temporalio/testing, chỉ có trong bản phát triển).',
      '@temporalio/testing is not installed (production install without dev dependencies)',
    );
  }
  try {
    return await startTimeSkipping(testing, path);
  } catch (error) {
    throw new RehearsalUnavailableError(
      'Không khởi động được máy chủ thử nghiệm Temporal để diễn tập (cần Java): hãy báo quản trị hệ thống.',
      `time-skipping server did not start: ${String(error)}`,
    );
  }
}

function actorOf(input: RehearsalInput, unitId: string, role: Role): Actor | null {
  const p = input.people.find((x) => x.unitId === unitId && x.role === role);
  return p ? { userId: p.userId, displayName: p.displayName, role, unitId, actingFor: null } : null;
}

/** One scenario's action through the product's Update, as the unit's head (or the cluster's head). */
async function act(env: TestWorkflowEnvironment, input: RehearsalInput, a: PlannedAction): Promise<RehearsalAction> {
  const { plan, context } = input;
  const role: Role = a.step === 'compact_draft' ? 'cluster_head' : 'unit_head';
  const actor = actorOf(input, a.unitId, role);
  const done = (ok: boolean, refusal: string | null): RehearsalAction => ({
    at: a.at,
    unitId: a.unitId,
    step: a.step,
    ok,
    refusal,
  });
  if (!actor) return done(false, `Danh bạ không có tài khoản “${role}” của đơn vị để thực hiện`);
  const handle = (id: string) => env.client.workflow.getHandle(id);
  try {
    if (a.step === 'registration')
      await handle(registrationId(a.unitId, plan.year)).executeUpdate(registrationUpdates.register, {
        args: [
          {
            actor,
            registration: {
              unitId: a.unitId,
              year: plan.year,
              collectiveTitles: ['tap-the-lao-dong-tien-tien'],
              individuals: [],
            },
          },
        ],
      });
    else if (a.step === 'compact_draft') {
      const cluster = context.clusters.find((c) => c.id === a.clusterId)!;
      await handle(compactId(cluster.id, plan.year)).executeUpdate(compactUpdates.draft, {
        args: [{ actor, content: `Giao ước thi đua năm ${plan.year} của ${cluster.name} (diễn tập)` }],
      });
    } else if (a.step === 'compact_sign')
      await handle(compactId(a.clusterId!, plan.year)).executeUpdate(compactUpdates.sign, { args: [{ actor }] });
    else {
      const name = context.units.find((u) => u.id === a.unitId)?.name ?? a.unitId;
      await handle(advancedModelId(plan.orgUnitId, plan.year)).executeUpdate(advancedModelUpdates.propose, {
        args: [{ actor, candidates: [{ subject: 'collective', refId: a.unitId, displayName: `Tập thể ${name}` }] }],
      });
    }
    return done(true, null);
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) return done(false, error.cause?.message ?? error.message);
    throw error;
  }
}

async function runScenario(
  scenario: ScenarioId,
  input: RehearsalInput,
  bundle: WorkflowBundleWithSourceMap | { codePath: string },
  env: TestWorkflowEnvironment,
): Promise<ScenarioResult> {
  const notices: RehearsalNotice[] = [];
  const actions: RehearsalAction[] = [];
  try {
    const real = createActivities({
      db: NO_DATABASE,
      mail: { transport: nodemailer.createTransport({ jsonTransport: true }), from: 'dien-tap@tdkt-flow' },
      temporal: { client: env.client, taskQueue: TASK_QUEUE },
      publicUrl: 'http://dien-tap.invalid',
      holidays: allHolidays(),
    });
    const activities: Activities = {
      ...real,
      loadPlanYear: () => Promise.resolve(input.context),
      // A rehearsed year lists nowhere: its cases' rows of the case index are dropped, not written to a database.
      writeCaseIndex: () => Promise.resolve({ written: false }),
      sendYearNotice: (captured: { workflowId: string; notice: NoticeDraft; sentAt: string }) => {
        const notice = rehearsalNotice(captured, input.people);
        notices.push(notice);
        const emails = input.people.filter((p) => notice.recipients.some((r) => r.userId === p.userId));
        return Promise.resolve({
          messageId: mailMessageId(captured.workflowId, captured.notice.key),
          recipients: emails.flatMap((p) => (p.email ? [p.email] : [])).sort(),
        });
      },
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowBundle: bundle,
      activities,
    });
    const { plan } = input;
    // The plan starts when the 01/12 Schedule would start it, or now if that has passed.
    const launch = startOfDayInstant({ day: 1, month: 12 }, plan.year - 1);
    const startedAt = toUtcIso(Math.max(instantMs(launch), await env.currentTimeMs()));
    await worker.runUntil(async () => {
      await skipTo(env, startedAt);
      const start: PlanStartInput = { plan, startedBy: null };
      const handle = await env.client.workflow.start('plan', {
        taskQueue: TASK_QUEUE,
        workflowId: planWorkflowId(plan.orgUnitId, plan.year),
        args: [start],
      });
      if (scenario === 'sample_late')
        for (const a of lateSampleActions(plan, input.context)) {
          await skipTo(env, a.at);
          actions.push(await act(env, input, a));
        }
      // A day past the plan's end: its last escalation, drive and the year's cases have all fired.
      await skipTo(env, addDays(planEndsAt(plan), 1));
      // Not handle.result(): waiting on a result lets the server skip time, through years of the cases' timers.
      const { status } = await handle.describe();
      if (status.name !== 'COMPLETED') throw new Error(`the rehearsed plan ended ${status.name}`);
    });
    return {
      scenario,
      startedAt,
      endedAt: addDays(planEndsAt(plan), 1),
      notices: notices.sort((a, b) => a.at.localeCompare(b.at) || a.workflowId.localeCompare(b.workflowId)),
      actions,
    };
  } finally {
    await env.teardown();
  }
}

export async function runRehearsal(input: RehearsalInput, options: RehearsalOptions): Promise<RehearsalResult> {
  const started = Date.now();
  // Said before anything is built: a machine that cannot rehearse answers at once.
  if (!options.testServerPath) await startServer(null);
  const bundle =
    options.workflowBundle ??
    (process.env.WORKFLOW_BUNDLE ? prebuiltBundle(process.env.WORKFLOW_BUNDLE) : await cachedWorkflowBundle());
  // Each scenario on its own server: the cases' ids are the year's (registration/<unit>/<year>), and one
  // server's clock only moves forward.
  // one server's clock only moves forward. The servers start one after the other (two JVMs starting at once on
  // a small machine miss the SDK's start-up wait), then the scenarios run side by side.
  const bundled = Date.now();
  const envs: TestWorkflowEnvironment[] = [];
  try {
    for (const _ of input.scenarios) envs.push(await startServer(options.testServerPath));
  } catch (error) {
    await Promise.all(envs.map((e) => e.teardown()));
    throw error;
  }
  const serversUp = Date.now();
  const settled = await Promise.allSettled(input.scenarios.map((s, i) => runScenario(s, input, bundle, envs[i]!)));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  const scenarios = settled.map((s) => (s as PromiseFulfilledResult<ScenarioResult>).value);
  return {
    planId: input.plan.id,
    year: input.plan.year,
    issueDate: input.issueDate,
    context: input.context,
    scenarios,
    seconds: seconds(Date.now() - started),
    timings: {
      bundleSeconds: seconds(bundled - started),
      serversSeconds: seconds(serversUp - bundled),
      scenariosSeconds: seconds(Date.now() - serversUp),
    },
  };
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;
