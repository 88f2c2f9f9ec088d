/**
 * Amending an issued year plan (sửa đổi, bổ sung; issue 11): the database keeps the amendment (a new version in
 * force, the old one superseded, with who, when and why), and the year's plan workflow, when it runs, takes the
 * same change through its `amend` Update. The two must never disagree silently, so:
 *
 * - Everything that can refuse is asked first: the change itself (domain/plan-authoring amendedPlan), the clock
 *   rules the running plan also applies (checkPlanChange), the store's rules (the year, a window's order, a drive
 *   id another issued plan used).
 * - The amendment is written in a transaction that stays open while the running plan is sent the Update: if the
 *   workflow refuses it (its validator: nothing enters its history), the transaction rolls back and nothing
 *   changed anywhere. If it takes it, the transaction commits.
 * - Each Update's id is derived from the version it brings the plan to and the item it changes, so sending it
 *   again (the same form twice, a retry, "Gửi lại") attaches to the first instead of amending twice; and what is
 *   sent is always the difference between the running plan and the version in force (runningAmendment), so a
 *   change the plan already has is never sent.
 * - When the workflow does not answer in time (Temporal away, the worker busy), the amendment is kept — it is the
 *   issued document — and the outcome says "pending": the page then shows that the running plan lags behind the
 *   version in force and offers to send it again.
 * - A plan not started yet (issued for the coming year, its 01/12 Schedule not fired) changes in the database
 *   alone: the Schedule starts it from the version in force, the amended one.
 *
 * While the transaction is open the embedded database (one connection) waits for it: at most the Update's answer
 * window, AMEND_ANSWER_WITHIN_MS.
 */
import { createHash } from 'node:crypto';
import { amendedPlan, runningAmendment, type PlanChange } from '../../domain/plan-authoring/index.js';
import { Refusal } from '../../domain/nomination/refusal.js';
import type { Actor } from '../../domain/org.js';
import { checkPlanChange, type AmendPlanInput } from '../../domain/plan-year/plan-run.js';
import { DriveSchema, type Plan } from '../../domain/plan.js';
import { formatZodErrorVN } from '../../domain/zod-vi.js';
import { amendPlan, amendmentOfRequest, getPlanOfYear, PlanStoreError, type PlanVersion } from '../../store/plans.js';
import type { SqlDatabase } from '../../store/sql.js';
import { ActionPendingError, ActionRefusedError } from './cases.js';
import type { YearCasesClient } from './year-cases.js';

/** How long the amendment waits for the running plan's answer (the database transaction stays open meanwhile). */
export const AMEND_ANSWER_WITHIN_MS = 10_000;

export interface AmendYearPlanInput {
  orgUnitId: string;
  year: number;
  change: PlanChange;
  reason: string;
  actor: Actor;
  /** The amending document's own number, date (yyyy-mm-dd) and signer; absent, the are kept. */
  document: { number?: string; date?: string; signer?: string };
  /** The form's idempotency key (`_request`): the same form sent twice makes one amendment. */
  requestId?: string;
  now?: Date;
}

/** Where the running plan stands against the version in force. */
export type RunningPlanStep =
  /** It has every change of the version in force (it took this amendment now, or had it already). */
  | { run: 'in_step'; applied: boolean; notCarried: string[] }
  /** Not started yet: it will start from the version in force. */
  | { run: 'not_started' }
  /** It ran and ended: the amendment is kept for the record only. */
  | { run: 'closed' }
  /** It did not answer: it may lack these changes; sending them again is safe. */
  | { run: 'lagging'; missing: AmendPlanInput[]; notCarried: string[]; detail: string };

export interface AmendYearPlanOutcome {
  version: PlanVersion;
  /** The form had been sent before: its amendment is the one returned, none was made now. */
  repeated: boolean;
  running: RunningPlanStep;
}

function asStoreRefusal<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof Refusal) throw new PlanStoreError('invalid', error.vi);
    throw error;
  }
}

/**
 * The Update id of one change of one version: the same change towards the same version is one Update. The change
 * itself is in it (a digest), since a version number can come round again after a rolled-back amendment: another
 * change under a reused number must not attach to the earlier Update and be taken as sent.
 */
export function amendUpdateId(planId: string, version: number, update: AmendPlanInput): string {
  const item = update.moveDeadline ? `deadline:${update.moveDeadline.deadlineId}` : `drive:${update.addDrive!.id}`;
  const digest = createHash('sha256').update(JSON.stringify(update)).digest('hex').slice(0, 12);
  return `amend:${planId}:v${version}:${item}:${digest}`;
}

/**
 * Makes the amendment: refused changes throw PlanStoreError or ActionRefusedError (Vietnamese) and change nothing.
 */
export async function amendYearPlan(
  yearCases: YearCasesClient,
  db: SqlDatabase,
  input: AmendYearPlanInput,
): Promise<AmendYearPlanOutcome> {
  const now = (input.now ?? new Date()).toISOString();
  return db.transaction(async (tx) => {
    const record = await getPlanOfYear(tx, input.orgUnitId, input.year);
    if (!record?.issued)
      throw new PlanStoreError(
        'conflict',
        `Kế hoạch năm ${input.year} chưa được ban hành: hãy sửa bản dự thảo rồi ban hành, không cần sửa đổi, bổ sung`,
      );
    const earlier = input.requestId ? await amendmentOfRequest(tx, record.id, input.requestId) : null;
    let version = earlier;
    if (!version) {
      const current = record.issued.content as Plan;
      // The new drive on its own first: the clock rules below read its window, which must be one.
      if (input.change.kind === 'add_drive') {
        const drive = DriveSchema.safeParse(input.change.drive);
        if (!drive.success) throw new PlanStoreError('invalid', formatZodErrorVN(drive.error));
      }
      const content = asStoreRefusal(() => amendedPlan(current, input.change));
      asStoreRefusal(() =>
        checkPlanChange(
          current,
          input.change.kind === 'move_deadline'
            ? { moveDeadline: { deadlineId: input.change.deadlineId, date: input.change.date } }
            : { addDrive: input.change.drive },
          now,
        ),
      );
      version = await amendPlan(tx, {
        planId: record.id,
        content,
        reason: input.reason,
        by: input.actor.userId,
        ...input.document,
        ...(input.requestId ? { requestId: input.requestId } : {}),
      });
    }
    // The running plan is brought to the version in force: this amendment's, or for a form sent again the one
    // in force now (a later amendment may have replaced it; its change must not be undone).
    const inForce = earlier ? record.issued : version;
    // A refusal here throws out of the transaction: the amendment is rolled back.
    const running = await bringRunningPlanInStep(yearCases, { ...input, version: inForce });
    return { version, repeated: earlier !== null, running };
  });
}

/** Where the running plan stands against `inForce`, without changing anything (for the page). */
export async function runningPlanStep(
  yearCases: YearCasesClient,
  input: { orgUnitId: string; year: number; inForce: Plan; actor: Actor; reason: string },
): Promise<RunningPlanStep> {
  let run: 'running' | 'closed' | null;
  let state;
  try {
    run = await yearCases.planRun(input.orgUnitId, input.year);
    if (run !== 'running') return { run: run === null ? 'not_started' : 'closed' };
    state = await yearCases.planState(input.orgUnitId, input.year);
  } catch (error) {
    return { run: 'lagging', missing: [], notCarried: [], detail: String(error) };
  }
  if (!state) return { run: 'not_started' };
  const { updates, notCarried } = runningAmendment(state.plan, input.inForce, input.actor, input.reason);
  return updates.length === 0
    ? { run: 'in_step', applied: false, notCarried }
    : {
        run: 'lagging',
        missing: updates,
        notCarried,
        detail: 'the running plan lacks changes of the version in force',
      };
}

/**
 * Sends the running plan what it lacks of `version` (the version in force), one Update per change. A refusal
 * throws ActionRefusedError; no answer gives 'lagging'.
 */
export async function bringRunningPlanInStep(
  yearCases: YearCasesClient,
  input: { orgUnitId: string; year: number; version: PlanVersion; actor: Actor; reason: string },
): Promise<RunningPlanStep> {
  const { version } = input;
  const reason = version.amendment?.reason ?? input.reason;
  const step = await runningPlanStep(yearCases, { ...input, inForce: version.content as Plan, reason });
  if (step.run !== 'lagging' || step.missing.length === 0) return step;
  for (const update of step.missing) {
    try {
      await yearCases.amendPlan(input.orgUnitId, input.year, update, {
        updateId: amendUpdateId(version.planId, version.version, update),
        answerWithinMs: AMEND_ANSWER_WITHIN_MS,
      });
    } catch (error) {
      if (error instanceof ActionRefusedError && !(error instanceof ActionPendingError)) throw error;
      return { ...step, detail: error instanceof Error ? error.message : String(error) };
    }
  }
  return { run: 'in_step', applied: true, notCarried: step.notCarried };
}
