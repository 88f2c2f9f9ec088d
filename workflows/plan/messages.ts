/**
 * The messages of a year's plan and the signals it shares with its child cases. One exported definition per
 * message, shared by the workflows, the worker, the CLI and the UI.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ChildStatus, DriveCampaign, PlanProgressSummary, PlanRunState } from '../../domain/plan-year/plan-run.js';
import type { AmendPlanInput } from '../../domain/plan-year/plan-run.js';

export { planWorkflowId } from '../../domain/plan-year/plan-run.js';

/** Amend a running plan (move a deadline, add a drive); answered with the progress after the change. */
export const amendPlanUpdate = defineUpdate<PlanProgressSummary, [AmendPlanInput]>('amend');
export const planStateQuery = defineQuery<PlanRunState>('state');
export const planProgressQuery = defineQuery<PlanProgressSummary>('progress');
/** The nomination campaigns open now (one per closed drive, until its due date): what a unit may nominate in. */
export const planCampaignsQuery = defineQuery<DriveCampaign[]>('campaigns');

/** Plan → child: the deadline of the child's step moved (its reminders move with it). */
export interface SetDeadlineInput {
  planId: string;
  dueAt: string;
  reason: string;
}
export const setDeadlineSignal = defineSignal<[SetDeadlineInput]>('setDeadline');

/** Child → plan: where the child case is now (sent on every change; the plan keeps the latest). */
export interface ChildProgressInput {
  kind: 'registration' | 'compact' | 'advanced-model';
  /** Unit id for a registration, cluster id for a compact, org id for advanced models. */
  key: string;
  workflowId: string;
  status: ChildStatus;
  done: number;
  total: number;
}
export const childProgressSignal = defineSignal<[ChildProgressInput]>('childProgress');
