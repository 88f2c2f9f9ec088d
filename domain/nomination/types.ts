/**
 * The data of one nomination case (đề nghị khen thưởng). Plain JSON only: it is workflow state, the
 * answer of the `state` query.
 */
import type { AwardHistoryEntry, CollectiveFacts, PersonFacts } from '../eligibility.js';
import type { Actor, Role, UnitLevel } from '../org.js';
import type { NominationStage, NominationTrack } from '../stages.js';
import type { ActionName } from './actions.js';

export type NomineeSubject = 'individual' | 'collective';

export interface Nominee {
  subject: NomineeSubject;
  /** The person, for an individual; null for a collective. */
  personId: string | null;
  /** The unit the nominee belongs to (an individual's unit, or the collective itself). */
  unitId: string;
  /** Shown on screens and in mails; never put in search attributes. */
  displayName: string;
}

export interface DossierItem {
  code: string;
  title: string;
  /** Where the document is (file reference, document number); free text. */
  reference: string;
}

export interface NominationDraft {
  awardCode: string;
  nominee: Nominee;
  dossier: DossierItem[];
  achievements: string;
  /** Codes of DECLARED_CRITERIA the unit claims (its dossier proves them). */
  declaredCriteria?: string[];
  /** A person's service facts (Kỷ niệm chương, Lao động tiên tiến); individuals only. */
  personFacts?: PersonFacts;
  /** A collective's headcounts and ratings (Tập thể lao động tiên tiến / xuất sắc); collectives only. */
  collectiveFacts?: CollectiveFacts;
}

export interface CouncilMember {
  userId: string;
  unitId: string;
  personId: string | null;
}

/** Facts about the organisation a case needs, loaded once by an activity when it starts. */
export interface CaseContext {
  unit: { id: string; name: string; level: UnitLevel; staffCount: number; collectiveCount: number };
  clusterId: string | null;
  /** The cluster's head unit for the case's year; null when the unit belongs to no cluster. */
  clusterHeadUnitId: string | null;
  /** The cluster's member units (who vote where the award has a cluster vote); absent in cases loaded before it was kept. */
  clusterMemberUnitIds?: string[];
  /** The council that decides, and the office (secretariat, e.g. Văn phòng) that runs its standing body. */
  council: { unitId: string; secretariatUnitId: string; chairUserId: string; members: CouncilMember[] };
  /** Where awards decided above the provincial level are forwarded (e.g. the Supreme Procuracy). */
  higherLevelUnitId: string | null;
  /** The nominee's award history, for eligibility. */
  awardHistory: AwardHistoryEntry[];
  /** Public holidays as yyyy-mm-dd (working-day due dates skip them). */
  holidays: string[];
}

export interface NominationStartInput {
  campaignId: string;
  /**
   * When the campaign stops taking nominations (ISO; the form's campaign option says): the campaign's quota ledger
   * closes then. Absent or null: not known (cases started before it, the CLI), and the ledger stays open.
   */
  campaignClosesAt?: string | null;
  /**
   * The award forms the campaign accepts (a movement review's, from the form's campaign option): the case refuses
   * any other. Absent or null: the campaign accepts any award (the year's review, a drive, cases started before).
   */
  campaignAwardCodes?: string[] | null;
  year: number;
  track: NominationTrack;
  unitId: string;
  draft: NominationDraft;
  createdBy: Actor;
}

export type VoteChoice = 'yes' | 'no' | 'abstain';

export interface VoteRecord {
  userId: string;
  choice: VoteChoice;
  at: string;
  /** True when the member was recused (from the nominee's unit, or the nominee): recorded as abstain. */
  recused: boolean;
}

/** One member unit's vote in the cluster's vote, cast by its head. */
export interface ClusterBallot {
  unitId: string;
  userId: string;
  choice: VoteChoice;
  at: string;
}

export interface VoteTally {
  yes: number;
  no: number;
  abstain: number;
  recused: number;
  members: number;
  quorumMet: boolean;
  passed: boolean;
  /** Vietnamese minutes of the vote (biên bản), generated from the tally. */
  minutes: string;
  closedAt: string;
}

export interface Decision {
  number: string;
  /** yyyy-mm-dd, Vietnam date of signing. */
  date: string;
  signedBy: Actor;
}

/** A decision of the higher level: its number and its date (yyyy-mm-dd). */
export interface ExternalDecision {
  number: string;
  date: string;
}

export interface ForwardingState {
  /** Workflow id of the linked case at the higher level. */
  caseId: string;
  toUnitId: string;
  at: string;
  outcome: 'pending' | 'approved' | 'rejected';
  /** The higher level's decision, or the reason it refused. */
  detail: string | null;
  /** The higher level's decision when it approved (absent in cases forwarded before it was kept). */
  decision?: ExternalDecision | null;
}

/** One line of the case's audit trail: who did what, when, why. */
export interface AuditEntry {
  at: string;
  action:
    | ActionName
    | 'create'
    | 'reminder'
    | 'escalation'
    | 'forward-outcome'
    | 'vote-closed'
    | 'cluster-vote-closed'
    | 'book';
  actor: Actor | null;
  fromStage: NominationStage;
  toStage: NominationStage;
  reason: string | null;
  /** Action-specific facts (rank, decision number, new due date, vote…), for the timeline. */
  details: Record<string, string | number | boolean | null>;
}

/** A reminder or escalation that was sent (for the timeline, and so none is sent twice). */
export interface SentNotice {
  key: string;
  /** The scheduled instant it fired for (the mail itself leaves a few milliseconds later). */
  at: string;
  kind: 'reminder' | 'due' | 'escalation';
  stage: NominationStage;
  dueAt: string;
  to: Recipient[];
  /** Recorded without a mail: a later reminder due at the same time superseded it (domain/catch-up.ts). */
  skipped?: true;
}

/** Who a mail goes to: everyone with a role in a unit, or named users. */
export type Recipient = { role: Role; unitId: string } | { userId: string };

export interface NominationState {
  caseId: string;
  campaignId: string;
  /** The award forms the campaign accepts (NominationStartInput); absent: any. */
  campaignAwardCodes?: string[];
  year: number;
  track: NominationTrack;
  unitId: string;
  ruleSetId: string;
  context: CaseContext;
  draft: NominationDraft;
  stage: NominationStage;
  /** The stage to go back to when a hold is released. */
  heldFrom: NominationStage | null;
  /** Time left on the clock when the hold began (ms), so a hold pauses the due date. */
  heldRemainingMs: number | null;
  /** Due instant of the current step (ISO), null when no step is running. */
  dueAt: string | null;
  /** Increments each time a stage is entered: reminders are keyed by it so re-entering re-arms them. */
  stageEntry: number;
  quotaReserved: boolean;
  rank: number | null;
  missingItems: string[];
  votes: VoteRecord[];
  tally: VoteTally | null;
  /**
   * The cluster vote runs for cases started after it was built (`patched('cluster-vote')`); cases already running
   * keep the endorsement alone. Absent means false.
   */
  clusterVoteEnabled?: boolean;
  /** Ballots of the cluster's member units in the current cluster review (cluster-vote.ts). */
  clusterBallots?: ClusterBallot[];
  /** The closed cluster vote of the current cluster review; null while open or when there is none. */
  clusterTally?: VoteTally | null;
  decision: Decision | null;
  forwarding: ForwardingState | null;
  bookEntryKey: string | null;
  audit: AuditEntry[];
  notices: SentNotice[];
  createdAt: string;
  closedAt: string | null;
}
