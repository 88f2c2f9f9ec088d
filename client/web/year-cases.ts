/**
 * The web layer's reads and writes of the year's cases (plan, registration, compact), through the messages the
 * workflows export. A case that is not running yet (the plan has not started it) reads as null, so a page can
 * say so in Vietnamese instead of failing; a refusal from the workflow comes back as ActionRefusedError.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import type { CompactActionName, CompactActionSchemas, CompactState } from '../../domain/plan-year/compact.js';
import type { PlanRunState } from '../../domain/plan-year/plan-run.js';
import type {
  RegistrationActionName,
  RegistrationActionSchemas,
  RegistrationState,
} from '../../domain/plan-year/registration.js';
import { compactId, compactStateQuery, compactUpdates } from '../../workflows/compact/messages.js';
import { planStateQuery, planWorkflowId } from '../../workflows/plan/messages.js';
import { registrationId, registrationStateQuery, registrationUpdates } from '../../workflows/registration/messages.js';
import type {
  AdvancedModelActionName,
  AdvancedModelActionSchemas,
  AdvancedModelState,
} from '../../domain/plan-year/advanced-model.js';
import {
  advancedModelId,
  advancedModelStateQuery,
  advancedModelUpdates,
} from '../../workflows/plan/advanced-model-messages.js';
import { Refusal } from '../../domain/nomination/refusal.js';
import { ActionRefusedError, toActionRefused } from '../lib/cases.js';

function isNotFound(error: unknown): boolean {
  return error instanceof WorkflowNotFoundError || (error as { name?: string }).name === 'WorkflowNotFoundError';
}

/** Queries a workflow's state; null when it does not exist (never started for that year). */
export async function stateOf<T>(client: Client, workflowId: string, query: QueryDefinition<T, []>): Promise<T | null> {
  try {
    return await client.workflow.getHandle(workflowId).query(query);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

export function loadPlanState(client: Client, orgUnitId: string, year: number): Promise<PlanRunState | null> {
  return stateOf<PlanRunState>(client, planWorkflowId(orgUnitId, year), planStateQuery);
}

export function loadRegistration(client: Client, unitId: string, year: number): Promise<RegistrationState | null> {
  return stateOf<RegistrationState>(client, registrationId(unitId, year), registrationStateQuery);
}

export function loadCompact(client: Client, clusterId: string, year: number): Promise<CompactState | null> {
  return stateOf<CompactState>(client, compactId(clusterId, year), compactStateQuery);
}

export function loadAdvancedModels(
  client: Client,
  orgUnitId: string,
  year: number,
): Promise<AdvancedModelState | null> {
  return stateOf<AdvancedModelState>(client, advancedModelId(orgUnitId, year), advancedModelStateQuery);
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

/** Runs an Update of a year case; the workflow's Vietnamese refusal is rethrown as ActionRefusedError. */
async function update<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    throw toActionRefused(error) ?? error;
  }
}

export type RegistrationUpdateName = RegistrationActionName;
export type CompactUpdateName = CompactActionName;

export function actOnRegistration<N extends RegistrationActionName>(
  client: Client,
  state: Pick<RegistrationState, 'unitId' | 'year'>,
  name: N,
  input: z.input<(typeof RegistrationActionSchemas)[N]>,
) {
  const handle = client.workflow.getHandle(registrationId(state.unitId, state.year));
  const definition = registrationUpdates[name] as UpdateDefinition<unknown, [typeof input]>;
  return update(() => handle.executeUpdate(definition, { args: [input] }));
}

export function actOnCompact<N extends CompactActionName>(
  client: Client,
  state: Pick<CompactState, 'clusterId' | 'year'>,
  name: N,
  input: z.input<(typeof CompactActionSchemas)[N]>,
) {
  const handle = client.workflow.getHandle(compactId(state.clusterId, state.year));
  const definition = compactUpdates[name] as UpdateDefinition<unknown, [typeof input]>;
  return update(() => handle.executeUpdate(definition, { args: [input] }));
}

export function actOnAdvancedModels<N extends AdvancedModelActionName>(
  client: Client,
  state: Pick<AdvancedModelState, 'orgUnitId' | 'year'>,
  name: N,
  input: z.input<(typeof AdvancedModelActionSchemas)[N]>,
) {
  const handle = client.workflow.getHandle(advancedModelId(state.orgUnitId, state.year));
  const definition = advancedModelUpdates[name] as UpdateDefinition<unknown, [typeof input]>;
  return update(() => handle.executeUpdate(definition, { args: [input] }));
}
