/**
 * The stages of a nomination's journey and the staff actions that move it. Names shared by workflows, search
 * attributes (TdktStage), the CLI and the UI; Vietnamese labels live in i18n.ts.
 */

export const NOMINATION_STAGES = [
  'draft', // the unit's clerk prepares the dossier
  'unit_submitted', // the unit head signed and sent it; waiting for the cluster head unit
  'cluster_review', // the cluster head unit reviews, ranks and endorses its members' nominations
  'standing_body_check', // the council's standing body checks the dossier
  'council_vote', // the council reviews and votes
  'leadership_approval', // the chief prosecutor approves and signs the decision
  'forwarded', // decided above the provincial level: sent on with a tờ trình
  'awarded', // decided; entered in the commendation book
  'returned', // sent back to the unit for changes
  'rejected', // refused with a reason
  'withdrawn', // withdrawn by the unit
  'on_hold', // held by a complaint, discipline review or inspection
  'revoked', // the decision was annulled after the award
] as const;
export type NominationStage = (typeof NOMINATION_STAGES)[number];

/** Stages after which nothing more happens to the case (revoked follows awarded, so awarded is not terminal). */
export const TERMINAL_STAGES: readonly NominationStage[] = ['rejected', 'withdrawn', 'revoked'];

export function isNominationStage(value: string): value is NominationStage {
  return (NOMINATION_STAGES as readonly string[]).includes(value);
}

/** The steps of the journey that carry a due date (unit → cluster → standing body → council → leadership). */
export const JOURNEY_STEPS = ['unit', 'cluster', 'standing_body', 'council', 'leadership'] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

/** Which step's due date applies while a case sits in a stage; null for stages without a clock. */
export const STAGE_STEP: Record<NominationStage, JourneyStep | null> = {
  draft: 'unit',
  returned: 'unit',
  unit_submitted: 'cluster',
  cluster_review: 'cluster',
  standing_body_check: 'standing_body',
  council_vote: 'council',
  leadership_approval: 'leadership',
  forwarded: null,
  awarded: null,
  rejected: null,
  withdrawn: null,
  on_hold: null,
  revoked: null,
};

/** Regular annual cases walk every step; ad-hoc (đột xuất) cases take the fast track with shorter due days. */
export const NOMINATION_TRACKS = ['regular', 'ad_hoc'] as const;
export type NominationTrack = (typeof NOMINATION_TRACKS)[number];
