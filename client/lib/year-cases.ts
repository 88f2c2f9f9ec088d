/**
 * The typed client of the year's cases (plan, registration, compact, advanced models, movement, complaints), beside
 * CasesClient: reads and writes through the messages the workflows export. A case that is not running yet (the
 * plan has not started it) reads as null, so a page can say so in Vietnamese instead of failing; a refusal from
 * the workflow comes back as ActionRefusedError.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import type { CompactActionName, CompactActionSchemas, CompactState } from '../../domain/plan-year/compact.js';
import type { AmendPlanInput, PlanProgressSummary, PlanRunState } from '../../domain/plan-year/plan-run.js';
import type { MovementState } from '../../domain/plan-year/movement.js';
import type {
  RegistrationActionName,
  RegistrationActionSchemas,
  RegistrationState,
} from '../../domain/plan-year/registration.js';
import type {
  AdvancedModelActionName,
  AdvancedModelActionSchemas,
  AdvancedModelState,
} from '../../domain/plan-year/advanced-model.js';
import type { ComplaintActionName, ComplaintActionSchemas, ComplaintState } from '../../domain/plan-year/complaint.js';
import { Refusal } from '../../domain/nomination/refusal.js';
import { complaintId, complaintStateQuery, complaintUpdates } from '../../workflows/complaint/messages.js';
import { compactId, compactStateQuery, compactUpdates } from '../../workflows/compact/messages.js';
import { amendPlanUpdate, planStateQuery, planWorkflowId } from '../../workflows/plan/messages.js';
import { registrationId, registrationStateQuery, registrationUpdates } from '../../workflows/registration/messages.js';
import { movementStateQuery, movementWorkflowId } from '../../workflows/movement/messages.js';
import {
  advancedModelId,
  advancedModelStateQuery,
  advancedModelUpdates,
} from '../../workflows/plan/advanced-model-messages.js';
import {
  ACTION_ANSWER_TIMEOUT_MS,
  ActionRefusedError,
  CASE_READ_TIMEOUT_MS,
  toActionPending,
  toActionRefused,
} from './cases.js';

function isNotFound(error: unknown): boolean {
  return error instanceof WorkflowNotFoundError || (error as { name?: string }).name === 'WorkflowNotFoundError';
}

/**
 * Runs the domain's own check of an action (the one the workflow's validator repeats) before sending it, so a
 * refused action (a locked registration, a closed compact) is answered in Vietnamese without a round trip,
 * even when the case has already finished and could not answer an Update at all.
 */
export function checkFirst(check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof Refusal) throw new ActionRefusedError(error.vi, error.en, error.code);
    throw error;
  }
}

export class YearCasesClient {
  constructor(private readonly client: Client) {}

  /**
   * Queries a workflow's state; null when it does not exist (never started for that year). A query is answered by
   * a worker, so a case whose worker is gone would hold the page for the server's whole query timeout: it gets
   * CASE_READ_TIMEOUT_MS, then the error says so.
   */
  private async stateOf<T>(workflowId: string, query: QueryDefinition<T, []>): Promise<T | null> {
    try {
      return await this.client.withDeadline(Date.now() + CASE_READ_TIMEOUT_MS, () =>
        this.client.workflow.getHandle(workflowId).query(query),
      );
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** Runs an Update of a year case; the workflow's Vietnamese refusal is rethrown as ActionRefusedError. */
  private async update<I>(workflowId: string, definition: UpdateDefinition<unknown, [I]>, input: I): Promise<unknown> {
    try {
      return await this.client.workflow.getHandle(workflowId).executeUpdate(definition, { args: [input] });
    } catch (error) {
      throw toActionRefused(error) ?? error;
    }
  }

  planState(orgUnitId: string, year: number): Promise<PlanRunState | null> {
    return this.stateOf<PlanRunState>(planWorkflowId(orgUnitId, year), planStateQuery);
  }

  /**
   * Whether the year's plan workflow runs now: 'running', 'closed' (it ran and ended, or failed), or null when it
   * was never started (a plan issued for a coming year, its 01/12 Schedule not fired yet).
   */
  async planRun(orgUnitId: string, year: number): Promise<'running' | 'closed' | null> {
    try {
      const { status } = await this.client.withDeadline(Date.now() + CASE_READ_TIMEOUT_MS, () =>
        this.client.workflow.getHandle(planWorkflowId(orgUnitId, year)).describe(),
      );
      return status.name === 'RUNNING' ? 'running' : 'closed';
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /**
   * Sends the running plan its `amend` Update under `updateId`, so that sending it again (a retry, a second form
   * of the same amendment) attaches to the first instead of amending twice. A refusal comes back as
   * ActionRefusedError, no answer within `answerWithinMs` as ActionPendingError (it may still be applied).
   */
  async amendPlan(
    orgUnitId: string,
    year: number,
    input: AmendPlanInput,
    options: { updateId: string; answerWithinMs?: number },
  ): Promise<PlanProgressSummary> {
    const handle = this.client.workflow.getHandle(planWorkflowId(orgUnitId, year));
    try {
      return await this.client.withDeadline(Date.now() + (options.answerWithinMs ?? ACTION_ANSWER_TIMEOUT_MS), () =>
        handle.executeUpdate(amendPlanUpdate, { args: [input], updateId: options.updateId }),
      );
    } catch (error) {
      throw toActionRefused(error) ?? toActionPending(error) ?? error;
    }
  }

  registration(unitId: string, year: number): Promise<RegistrationState | null> {
    return this.stateOf<RegistrationState>(registrationId(unitId, year), registrationStateQuery);
  }

  compact(clusterId: string, year: number): Promise<CompactState | null> {
    return this.stateOf<CompactState>(compactId(clusterId, year), compactStateQuery);
  }

  advancedModels(orgUnitId: string, year: number): Promise<AdvancedModelState | null> {
    return this.stateOf<AdvancedModelState>(advancedModelId(orgUnitId, year), advancedModelStateQuery);
  }

  /** A complaint by its number (`complaint/<number>`); null when no such complaint was filed. */
  complaint(number: string): Promise<ComplaintState | null> {
    return this.stateOf<ComplaintState>(complaintId(number), complaintStateQuery);
  }

  movement(orgUnitId: string, movementId: string): Promise<MovementState | null> {
    return this.stateOf<MovementState>(movementWorkflowId(orgUnitId, movementId), movementStateQuery);
  }

  actOnRegistration<N extends RegistrationActionName>(
    state: Pick<RegistrationState, 'unitId' | 'year'>,
    name: N,
    input: z.input<(typeof RegistrationActionSchemas)[N]>,
  ): Promise<unknown> {
    const definition = registrationUpdates[name] as UpdateDefinition<unknown, [typeof input]>;
    return this.update(registrationId(state.unitId, state.year), definition, input);
  }

  actOnCompact<N extends CompactActionName>(
    state: Pick<CompactState, 'clusterId' | 'year'>,
    name: N,
    input: z.input<(typeof CompactActionSchemas)[N]>,
  ): Promise<unknown> {
    const definition = compactUpdates[name] as UpdateDefinition<unknown, [typeof input]>;
    return this.update(compactId(state.clusterId, state.year), definition, input);
  }

  actOnAdvancedModels<N extends AdvancedModelActionName>(
    state: Pick<AdvancedModelState, 'orgUnitId' | 'year'>,
    name: N,
    input: z.input<(typeof AdvancedModelActionSchemas)[N]>,
  ): Promise<unknown> {
    const definition = advancedModelUpdates[name] as UpdateDefinition<unknown, [typeof input]>;
    return this.update(advancedModelId(state.orgUnitId, state.year), definition, input);
  }

  actOnComplaint<N extends ComplaintActionName>(
    state: Pick<ComplaintState, 'complaintId'>,
    name: N,
    input: z.input<(typeof ComplaintActionSchemas)[N]>,
  ): Promise<unknown> {
    const definition = complaintUpdates[name] as UpdateDefinition<unknown, [typeof input]>;
    return this.update(complaintId(state.complaintId), definition, input);
  }
}
