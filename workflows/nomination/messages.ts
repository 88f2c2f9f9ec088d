/**
 * The messages of a nomination case: one Update per staff action (input = the action's fields plus the
 * actor), the `state` query, and the result. Shared by the workflow, the worker, the CLI and the web UI.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ActionName, ActionRequest } from '../../domain/nomination/actions.js';
import type { NominationState } from '../../domain/nomination/types.js';
import type { NominationStage } from '../../domain/stages.js';

/** What every accepted action answers: where the case is now. */
export interface ActionResult {
  caseId: string;
  stage: NominationStage;
  dueAt: string | null;
}

type ActionUpdates = { [A in ActionName]: ReturnType<typeof defineUpdate<ActionResult, [ActionRequest<A>]>> };

export const actionUpdates: ActionUpdates = {
  edit: defineUpdate('edit'),
  submit: defineUpdate('submit'),
  endorse: defineUpdate('endorse'),
  verify: defineUpdate('verify'),
  vote: defineUpdate('vote'),
  close_vote: defineUpdate('close_vote'),
  cluster_vote: defineUpdate('cluster_vote'),
  close_cluster_vote: defineUpdate('close_cluster_vote'),
  approve: defineUpdate('approve'),
  return: defineUpdate('return'),
  reject: defineUpdate('reject'),
  withdraw: defineUpdate('withdraw'),
  hold: defineUpdate('hold'),
  resume: defineUpdate('resume'),
  revoke: defineUpdate('revoke'),
  extend: defineUpdate('extend'),
  reassign: defineUpdate('reassign'),
  comment: defineUpdate('comment'),
  record_external_decision: defineUpdate('record_external_decision'),
};

export const nominationStateQuery = defineQuery<NominationState>('state');

/**
 * Answers once the case has loaded its context and takes actions. Sent with the start (Update-with-Start), it lets
 * the client create a case and know it is ready in one round trip, and a retried start attaches to the same case.
 */
export const caseOpenedUpdate = defineUpdate<ActionResult>('opened');

export interface NominationOutcome {
  caseId: string;
  stage: NominationStage;
  bookEntryKey: string | null;
}

/** Workflow ids are business keys: `nomination/<campaign>/<unit>/<n>`. */
export function nominationId(campaignId: string, unitId: string, n: string): string {
  return `nomination/${campaignId}/${unitId}/${n}`;
}
