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
 * tried again for up to two minutes; callers run this beside the worker, not before it. A namespace registered just
 * before start-up (a fresh cluster's set-up job) can be unknown to the frontend until its cache refreshes: it is
 * tried again the same way. A caller that shuts down meanwhile aborts the signal, and the step stops quietly.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { NamespaceNotFoundError } from '@temporalio/common';
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
  /** How long an unavailable server or a namespace not known yet is tried again; default two minutes. */
  retryForMs?: number;
  /** Aborted when the process shuts down: no further try, nothing logged as a failure. */
  signal?: AbortSignal;
}

// gRPC status codes are fixed by the protocol (the SDK's @grpc/grpc-js is not a dependency of ours).
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_NOT_FOUND = 5;
const GRPC_UNAVAILABLE = 14;

type Transient = 'unavailable' | 'namespace';

/**
 * Worth trying again, unlike a refusal: the server is starting, restarting or not yet joined up ('unavailable'),
 * or it does not know the namespace yet ('namespace'; a NOT_FOUND about anything else is an answer).
 */
function transientKind(error: unknown): Transient | null {
  const cause = error instanceof Error ? error.cause : undefined;
  if (error instanceof NamespaceNotFoundError || cause instanceof NamespaceNotFoundError) return 'namespace';
  const grpc = isGrpcServiceError(error) ? error : cause;
  if (!isGrpcServiceError(grpc)) return null;
  const code: number = grpc.code;
  if (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED) return 'unavailable';
  if (code === GRPC_NOT_FOUND && /namespace/i.test(grpc.details || grpc.message)) return 'namespace';
  return null;
}

/** Resolves to whether the schedule exists afterwards; never rejects. */
export async function ensurePlanScheduleAtStartup(
  client: Client,
  options: PlanScheduleStartup,
  log: ScheduleLog = { info: (m) => console.log(m), error: (m) => console.error(m) },
): Promise<boolean> {
  const { signal } = options;
  const giveUpAt = Date.now() + (options.retryForMs ?? 120_000);
  for (let delay = 1000; ; delay = Math.min(delay * 2, 10_000)) {
    if (signal?.aborted) return false;
    const outcome = await ensureOnce(client, options, log, Date.now() + delay < giveUpAt);
    if (typeof outcome === 'boolean') return outcome;
    if (signal?.aborted) return false;
    log.info(
      outcome === 'namespace'
        ? `schedule: Temporal does not know namespace "${client.options.namespace}" yet; trying again in ${delay / 1000} s`
        : `schedule: Temporal is not available yet; trying again in ${delay / 1000} s`,
    );
    // unref: a worker that is told to stop meanwhile exits without waiting for this pause; an abort ends it at once.
    await sleep(delay, undefined, { ref: false, ...(signal ? { signal } : {}) }).catch(() => undefined);
  }
}

async function ensureOnce(
  client: Client,
  options: PlanScheduleStartup,
  log: ScheduleLog,
  mayRetry: boolean,
): Promise<boolean | Transient> {
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
    const transient = transientKind(error);
    if (transient && (mayRetry || options.signal?.aborted)) return transient;
    // Shutting down: whatever failed on the way (a closed connection) is not worth an error line.
    if (options.signal?.aborted) return false;
    const reason = error instanceof Error ? error.message : String(error);
    log.error(`schedule: could not create "${scheduleId}"; next year's plan will not start by itself: ${reason}`);
    return false;
  }
}
