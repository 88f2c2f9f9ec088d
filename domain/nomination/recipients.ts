/** Who must act on a case in each stage, and who hears about it when the step runs late. */
import type { NominationStage, JourneyStep } from '../stages.js';
import type { NominationState, Recipient } from './types.js';
import { eligibleVoters } from './voting.js';
import { clusterNonVoters, clusterVoteOpen } from './cluster-vote.js';

/** The people whose action the case waits for in its current stage (reminders go to them). */
export function whoMustAct(state: NominationState): Recipient[] {
  const { context, unitId } = state;
  const council = context.council.unitId;
  const secretariat = context.council.secretariatUnitId;
  switch (state.stage) {
    case 'draft':
    case 'returned':
      return [
        { role: 'unit_clerk', unitId },
        { role: 'unit_head', unitId },
      ];
    case 'cluster_review':
      // While the cluster votes, the member units that have not voted; once all have, the head (to close it).
      if (clusterVoteOpen(state)) {
        const nonVoters = clusterNonVoters(state);
        if (nonVoters.length > 0) return nonVoters.map((memberId) => ({ role: 'unit_head', unitId: memberId }));
      }
      return context.clusterHeadUnitId ? [{ role: 'cluster_head', unitId: context.clusterHeadUnitId }] : [];
    case 'unit_submitted':
      return context.clusterHeadUnitId ? [{ role: 'cluster_head', unitId: context.clusterHeadUnitId }] : [];
    case 'standing_body_check':
      return [{ role: 'council_secretary', unitId: secretariat }];
    case 'council_vote': {
      const voted = new Set(state.votes.map((v) => v.userId));
      return eligibleVoters(state)
        .filter((m) => !voted.has(m.userId))
        .map((m) => ({ userId: m.userId }));
    }
    case 'leadership_approval':
      return [{ role: 'leadership', unitId: council }];
    case 'forwarded':
      return [{ role: 'council_secretary', unitId: secretariat }];
    default:
      return [];
  }
}

/** The role and unit that must act next, for the inbox search attributes (null when nobody must). */
export function waitingOn(state: NominationState): { role: string; unitId: string } | null {
  // A cluster vote waits on several member units at once: like a council vote, it is filed under the cluster, and
  // every member head's inbox shows it until the last ballot is in (then the head's, to close it).
  if (clusterVoteOpen(state) && clusterNonVoters(state).length > 0 && state.context.clusterId)
    return { role: 'cluster_member', unitId: state.context.clusterId };
  // A forwarded case waits on the higher level's decision (its emulation department, e.g. Vụ 16 of VKSND tối cao),
  // which the linked case also waits on: it belongs in that department's inbox, not the province's.
  if (state.stage === 'forwarded' && state.forwarding?.outcome === 'pending')
    return { role: 'council_secretary', unitId: state.forwarding.toUnitId };
  const first = whoMustAct(state)[0];
  if (!first) return null;
  if ('role' in first)
    return state.stage === 'draft' || state.stage === 'returned' ? { role: 'unit_head', unitId: state.unitId } : first;
  return { role: 'council_member', unitId: state.context.council.unitId };
}

/**
 * The people the case waits on by name, when waitingOn's role and unit say too much: a council vote waits on the
 * members who have not voted yet (not on the whole council). null when anyone of that role and unit may act.
 */
export function waitingUsers(state: NominationState): string[] | null {
  if (state.stage !== 'council_vote') return null;
  return whoMustAct(state).flatMap((r) => ('userId' in r ? [r.userId] : []));
}

/**
 * Escalation goes one level up from whoever is late (unit head → cluster head → standing body → leadership),
 * as the plans assign the follow-up of deadlines to the cluster heads and the council's standing body.
 */
export function escalationTargets(state: NominationState, step: JourneyStep): Recipient[] {
  const council = state.context.council.unitId;
  const standingBody: Recipient = { role: 'council_secretary', unitId: state.context.council.secretariatUnitId };
  switch (step) {
    case 'unit':
      return state.context.clusterHeadUnitId
        ? [{ role: 'cluster_head', unitId: state.context.clusterHeadUnitId }, standingBody]
        : [standingBody];
    case 'cluster':
      return [standingBody];
    case 'standing_body':
    case 'council':
    case 'leadership':
      return [{ role: 'leadership', unitId: council }, standingBody];
  }
}

/** Everyone concerned by an outcome (award, rejection, withdrawal, revocation): the unit, its cluster head, the standing body. */
export function everyoneConcerned(state: NominationState): Recipient[] {
  const out: Recipient[] = [
    { role: 'unit_head', unitId: state.unitId },
    { role: 'unit_clerk', unitId: state.unitId },
    { role: 'council_secretary', unitId: state.context.council.secretariatUnitId },
  ];
  if (state.context.clusterHeadUnitId) out.push({ role: 'cluster_head', unitId: state.context.clusterHeadUnitId });
  return out;
}

export const STAGES_WITH_ACTORS: readonly NominationStage[] = [
  'draft',
  'returned',
  'cluster_review',
  'standing_body_check',
  'council_vote',
  'leadership_approval',
];
