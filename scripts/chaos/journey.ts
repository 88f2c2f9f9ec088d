/**
 * One whole nomination, from its start to the award, through the product's CasesClient, as the demo users take it
 * (test/support/journey.ts has the same steps for the workflow tests): the unit head submits, the cluster head
 * endorses, the secretariat verifies, every council seat votes, the chair approves. Each step has its own request id
 * and is re-sent under it until it is answered.
 */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { ActionRefusedError, waitUntilReady, type CasesClient } from '../../client/lib/cases.js';
import { vnDateKey } from '../../domain/calendar.js';
import type { ActionName } from '../../domain/nomination/actions.js';
import type { NominationDraft } from '../../domain/nomination/types.js';
import type { Actor } from '../../domain/org.js';
import { nominationId, nominationStateQuery } from '../../workflows/nomination/messages.js';
import { sleep } from './free-port.js';
import { untilAnswered, type RetryCounts } from './retry.js';
import { COUNCIL_VOTERS } from '../../test/support/journey.js';

/** Every seat of the demo council: the one list the journey tests use too. */
export { COUNCIL_VOTERS as COUNCIL_SEATS } from '../../test/support/journey.js';

export interface JourneyPlan {
  index: number;
  campaignId: string;
  unitId: string;
  /** The unit head who submits and the cluster head who endorses. */
  head: string;
  clusterHead: string;
  draft: NominationDraft;
  createdBy: Actor;
  /**
   * Also sends a second submit under a NEW request id while the first may still wait for the quota ledger (another
   * tab, a form sent again after a reload): the shape that left cases stuck in issue #14. Exactly one may apply.
   */
  rival: boolean;
}

export interface JourneyContext {
  client: Client;
  cases: CasesClient;
  taskQueue: string;
  runId: string;
  actor(username: string): Actor;
  retries: RetryCounts;
  /** A retry refused although its first attempt had been applied: the request id did not attach (a finding). */
  refusedRetries: string[];
  /** Submits the case answered "try again later" (the quota ledger did not answer), sent again by the journey. */
  laterTries: string[];
  /** How long one step may go unanswered before the journey gives up. */
  stepBudgetMs: number;
  /** What each rival submit got: 'applied' or the refusal's code. */
  rivals: Map<string, number>;
  /** How long each step took to be answered, re-sends included, by action (ms): what a person waited. */
  waits: Map<string, number[]>;
}

export interface JourneyResult {
  caseId: string;
  ok: boolean;
  error?: string;
  stage?: string;
}

interface Step {
  action: ActionName;
  by: string;
  fields: Record<string, unknown>;
}

function stepsOf(plan: JourneyPlan): Step[] {
  return [
    { action: 'submit', by: plan.head, fields: {} },
    { action: 'endorse', by: plan.clusterHead, fields: { rank: 1 } },
    { action: 'verify', by: 'thuongtruc', fields: { complete: true, missingItems: [] } },
    ...COUNCIL_VOTERS.map((seat): Step => ({ action: 'vote', by: seat, fields: { choice: 'yes' } })),
    // Decision dates are Vietnam calendar dates; fixed once, so every retry sends the same request.
    { action: 'approve', by: 'vientruong', fields: { decisionNumber: '45/QĐ-VKS', decisionDate: '' } },
  ];
}

async function startCase(ctx: JourneyContext, plan: JourneyPlan, caseId: string, n: string): Promise<void> {
  await untilAnswered(
    `${caseId} start`,
    async () => {
      try {
        await ctx.cases.startNomination(
          {
            campaignId: plan.campaignId,
            year: 2025,
            track: 'regular',
            unitId: plan.unitId,
            draft: plan.draft,
            createdBy: plan.createdBy,
          },
          n,
        );
      } catch (error) {
        // An earlier attempt started it but its answer was lost: the business key makes the retry find it.
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        ctx.retries.set('start:already-started', (ctx.retries.get('start:already-started') ?? 0) + 1);
        await waitUntilReady(ctx.client.workflow.getHandle(caseId));
      }
    },
    ctx.retries,
    ctx.stepBudgetMs,
  );
}

/** The rival submit (JourneyPlan.rival), a moment after the journey's own; resolves to whether it applied. */
async function rivalSubmit(ctx: JourneyContext, caseId: string, input: never, requestId: string): Promise<boolean> {
  await sleep(Math.random() * 1500);
  let outcome: string;
  try {
    await untilAnswered(
      `${caseId} rival submit`,
      () => ctx.cases.act(caseId, 'submit', input, { requestId }),
      ctx.retries,
      ctx.stepBudgetMs,
    );
    outcome = 'applied';
  } catch (error) {
    if (!(error instanceof ActionRefusedError)) throw error;
    outcome = error.code;
  }
  ctx.rivals.set(outcome, (ctx.rivals.get(outcome) ?? 0) + 1);
  return outcome === 'applied';
}

/** Whether the case's audit already holds this step by this person (a retry refused because it was applied). */
async function alreadyApplied(ctx: JourneyContext, caseId: string, step: Step): Promise<boolean> {
  const state = await ctx.client.workflow.getHandle(caseId).query(nominationStateQuery);
  const userId = ctx.actor(step.by).userId;
  return state.audit.some((entry) => entry.action === step.action && entry.actor?.userId === userId);
}

/** The case's workflow id: its business key, known before it starts (so a lost start answer is found again). */
export function caseIdOf(ctx: Pick<JourneyContext, 'runId'>, plan: JourneyPlan): string {
  return nominationId(plan.campaignId, plan.unitId, `${ctx.runId}-${plan.index}`);
}

/** How often, and after how long, a journey sends again a submit the case answered "try again later". */
const MAX_LATER_TRIES = 5;
const LATER_TRY_PAUSE_MS = 5_000;

export async function runJourney(ctx: JourneyContext, plan: JourneyPlan): Promise<JourneyResult> {
  const n = `${ctx.runId}-${plan.index}`;
  const caseId = caseIdOf(ctx, plan);
  try {
    await startCase(ctx, plan, caseId, n);
    let stage = 'draft';
    const steps = stepsOf(plan);
    let laterTries = 0;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      // A person told "thử lại sau ít phút" sends the form again later: a new request, so a new id.
      const requestId = `${ctx.runId}-${plan.index}-${i}${laterTries > 0 ? `-again${laterTries}` : ''}`;
      const fields =
        step.action === 'approve' ? { ...step.fields, decisionDate: vnDateKey(new Date().toISOString()) } : step.fields;
      const input = { actor: ctx.actor(step.by), ...fields } as never;
      const rival =
        plan.rival && step.action === 'submit' ? rivalSubmit(ctx, caseId, input, `${requestId}-rival`) : null;
      // Whichever of the two submits the case takes first, the other is refused; the journey goes on either way.
      const rivalApplied = async () => (rival ? await rival : false);
      void rival?.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
      let attempts = 0;
      const sentAt = Date.now();
      try {
        const result = await untilAnswered(
          `${caseId} ${step.action} by ${step.by}`,
          () => {
            attempts += 1;
            return ctx.cases.act(caseId, step.action, input, { requestId });
          },
          ctx.retries,
          ctx.stepBudgetMs,
        );
        stage = result.stage;
        const waits = ctx.waits.get(step.action) ?? [];
        waits.push(Date.now() - sentAt);
        ctx.waits.set(step.action, waits);
        await rival;
      } catch (error) {
        if (!(error instanceof ActionRefusedError)) throw error;
        if (await rivalApplied()) continue;
        // The quota ledger did not answer in time (it lives on the killed workers too): the case stays a draft
        // and says to try again in a few minutes, which is what a person would do.
        if (error.code === 'quota-unavailable' && laterTries < MAX_LATER_TRIES) {
          laterTries += 1;
          ctx.laterTries.push(`${caseId} ${step.action}: ${error.en}`);
          await new Promise((resolve) => setTimeout(resolve, LATER_TRY_PAUSE_MS));
          i -= 1;
          continue;
        }
        // The first answer may have been lost and the retry refused by a validator that sees the step done:
        // the request id did not attach. The journey can go on, but the run reports it.
        if (attempts > 1 && (await alreadyApplied(ctx, caseId, step))) {
          ctx.refusedRetries.push(`${caseId} ${step.action} by ${step.by}: ${error.code} (${error.en})`);
          continue;
        }
        throw new Error(`${step.action} by ${step.by} refused: ${error.code}: ${error.en}`);
      }
    }
    return { caseId, ok: true, stage };
  } catch (error) {
    return { caseId, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
