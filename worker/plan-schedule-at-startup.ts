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
 *
 * A cluster whose services start together can answer "unavailable" for most of a minute while they find each
 * other (seen on the production topology: 47 s); the SDK's own retries give up sooner. So an unavailable server is
 * tried again for up to two minutes; callers run this beside the worker, not before it.
 */
import { isGrpcServiceError, type Client } from '@temporalio/client';
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
  /** How long an unavailable server is tried again; default two minutes. */
  retryForMs?: number;
}

// gRPC status codes are fixed by the protocol (the SDK's @grpc/grpc-js is not a dependency of ours).
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/** The server is starting, restarting or not yet joined up: worth trying again, unlike a refusal. */
function isUnavailable(error: unknown): boolean {
  const grpc = isGrpcServiceError(error) ? error : error instanceof Error ? error.cause : undefined;
  const code: number | undefined = isGrpcServiceError(grpc) ? grpc.code : undefined;
  return code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED;
}

/** Resolves to whether the schedule exists afterwards; never rejects. */
export async function ensurePlanScheduleAtStartup(
  client: Client,
  options: PlanScheduleStartup,
  log: ScheduleLog = { info: (m) => console.log(m), error: (m) => console.error(m) },
): Promise<boolean> {
  const giveUpAt = Date.now() + (options.retryForMs ?? 120_000);
  for (let delay = 1000; ; delay = Math.min(delay * 2, 10_000)) {
    const outcome = await ensureOnce(client, options, log, Date.now() + delay < giveUpAt);
    if (outcome !== 'unavailable') return outcome;
    log.info(`schedule: Temporal is not available yet; trying again in ${delay / 1000} s`);
    // unref: a worker that is told to stop meanwhile exits without waiting for this pause.
    await new Promise((resolve) => setTimeout(resolve, delay).unref());
  }
}

async function ensureOnce(
  client: Client,
  options: PlanScheduleStartup,
  log: ScheduleLog,
  mayRetry: boolean,
): Promise<boolean | 'unavailable'> {
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
    if (mayRetry && isUnavailable(error)) return 'unavailable';
    const reason = error instanceof Error ? error.message : String(error);
    log.error(`schedule: could not create "${scheduleId}"; next year's plan will not start by itself: ${reason}`);
    return false;
  }
}
