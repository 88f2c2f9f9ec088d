/** A small, plain summary of a case for activities (mail templates, the book): no audit trail, no lists. */
import type { NominationState } from './types.js';

/** The part of the state activities need (mail templates, the book): no audit trail, no context lists. */
export function summaryOf(state: NominationState) {
  return {
    caseId: state.caseId,
    campaignId: state.campaignId,
    year: state.year,
    track: state.track,
    unitId: state.unitId,
    unitName: state.context.unit.name,
    stage: state.stage,
    dueAt: state.dueAt,
    awardCode: state.draft.awardCode,
    nominee: state.draft.nominee,
    missingItems: state.missingItems,
    decision: state.decision
      ? {
          number: state.decision.number,
          date: state.decision.date,
          signedBy: state.decision.signedBy.displayName,
          actingFor: state.decision.signedBy.actingFor?.mode ?? null,
        }
      : null,
    /** The higher level's decision of a forwarded award: the one the book records. */
    higherDecision: state.forwarding?.decision ?? null,
    lastReason: [...state.audit].reverse().find((a) => a.reason)?.reason ?? null,
    tally: state.tally ? { yes: state.tally.yes, no: state.tally.no, passed: state.tally.passed } : null,
  };
}
export type CaseSummary = ReturnType<typeof summaryOf>;
