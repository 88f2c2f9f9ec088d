/**
 * Reassignment, a repair (issue #6): the administrator or the council's standing body hands the current step to
 * another unit when the one holding it can no longer act — the cluster head unit changed during the year, or the
 * standing body's work moved to another office. Only steps held by a unit other than the nominating one can be
 * handed on: the unit's own step is its own, council votes belong to the seats, and the leadership signs.
 *
 * The case's context says who acts now, so changing it moves everything that follows from it at once: who may
 * act (authorize), who is reminded and escalated to (recipients), and the inbox search attributes. The audit
 * trail keeps who held the step before.
 */
import type { NominationStage } from '../stages.js';
import type { NominationState } from './types.js';

/** What can be handed on: the cluster head's review, or the standing body's work (checking, the forwarded case). */
export type Assignment = 'cluster_head' | 'standing_body';

export const REASSIGNABLE_STAGES: readonly NominationStage[] = [
  'unit_submitted',
  'cluster_review',
  'standing_body_check',
  'forwarded',
];

export function assignmentOf(stage: NominationStage): Assignment | null {
  switch (stage) {
    case 'unit_submitted':
    case 'cluster_review':
      return 'cluster_head';
    case 'standing_body_check':
    case 'forwarded':
      return 'standing_body';
    default:
      return null;
  }
}

/** The unit holding the assignment now (null when the case has none, e.g. a unit outside any cluster). */
export function assignedUnit(state: NominationState, assignment: Assignment): string | null {
  return assignment === 'cluster_head' ? state.context.clusterHeadUnitId : state.context.council.secretariatUnitId;
}

export function setAssignedUnit(state: NominationState, assignment: Assignment, unitId: string): void {
  if (assignment === 'cluster_head') state.context.clusterHeadUnitId = unitId;
  else state.context.council.secretariatUnitId = unitId;
}
