/**
 * One row of the case index (store/case-index.ts): what the staff lists show of a case, computed from the case's
 * state alone, so the case writes the same row after each change that a rebuild computes from its `state` query.
 * Names are kept in the row (unit, nominee, award) so a list page reads no other table and no case one by one.
 */
import { findAward } from './catalogue.js';
import { isOpen } from './nomination/machine.js';
import { waitingOn, waitingUsers } from './nomination/recipients.js';
import type { NominationState } from './nomination/types.js';
import type { AdvancedModelState } from './plan-year/advanced-model.js';
import type { CompactState } from './plan-year/compact.js';
import { unsignedMembers } from './plan-year/compact.js';
import { complaintWaitingOn, type ComplaintState } from './plan-year/complaint.js';
import type { RegistrationState } from './plan-year/registration.js';
import { foldVietnamese } from './text-fold.js';

export type CaseIndexKind = 'nomination' | 'registration' | 'compact' | 'advanced-model' | 'complaint';

export interface CaseIndexRow {
  caseId: string;
  kind: CaseIndexKind;
  year: number | null;
  campaignId: string | null;
  unitId: string | null;
  unitName: string | null;
  clusterId: string | null;
  /** The nominee (a person or a collective); the cluster or unit for the year's cases, which have none. */
  nomineeName: string | null;
  /** foldVietnamese(nomineeName): what a diacritic-free search matches. */
  nomineeFolded: string | null;
  awardCode: string | null;
  awardName: string | null;
  stage: string;
  /** nomination, compact, advanced-model, complaint: open | closed; registration: registered | not_registered. */
  status: string;
  /** The role and unit that must act next; null when nobody must (closed, or waiting on no one). */
  waitingRole: string | null;
  waitingUnit: string | null;
  /**
   * The people of that role and unit the case still waits on, when not all of them: a council vote waits only on
   * the members who have not voted. null: anyone of the role in the unit.
   */
  waitingUsers: string[] | null;
  dueAt: string | null;
  /** The instant of the case's last recorded change (its audit trail), ISO. */
  changedAt: string;
}

/** A row as written: the writer's version orders the writes of one case (an older one never replaces a newer). */
export interface VersionedCaseIndexRow extends CaseIndexRow {
  version: number;
}

/** The statuses under which a case still waits on someone: the inbox lists only these. */
export const WAITING_STATUSES = ['open', 'not_registered'] as const;

const lastChange = (audit: readonly { at: string }[], fallback: string): string => audit.at(-1)?.at ?? fallback;

function named(name: string | null) {
  return { nomineeName: name, nomineeFolded: name === null ? null : foldVietnamese(name) };
}

export function nominationIndexRow(state: NominationState): CaseIndexRow {
  const open = isOpen(state);
  const waiting = open ? waitingOn(state) : null;
  const award = findAward(state.draft.awardCode);
  return {
    caseId: state.caseId,
    kind: 'nomination',
    year: state.year,
    campaignId: state.campaignId,
    unitId: state.unitId,
    unitName: state.context.unit.name,
    clusterId: state.context.clusterId,
    ...named(state.draft.nominee.displayName),
    awardCode: state.draft.awardCode,
    awardName: award?.name ?? null,
    stage: state.stage,
    status: open ? 'open' : 'closed',
    waitingRole: waiting?.role ?? null,
    waitingUnit: waiting?.unitId ?? null,
    waitingUsers: open ? waitingUsers(state) : null,
    dueAt: state.dueAt,
    changedAt: lastChange(state.audit, state.createdAt),
  };
}

/** Who must act on a registration: its unit's head, until it is registered or locked. */
export function registrationWaitingOn(state: RegistrationState): { role: string; unitId: string } | null {
  return state.status !== 'registered' && !state.locked ? { role: 'unit_head', unitId: state.unitId } : null;
}

export function registrationIndexRow(state: RegistrationState, workflowId: string): CaseIndexRow {
  const waiting = registrationWaitingOn(state);
  return {
    caseId: workflowId,
    kind: 'registration',
    year: state.year,
    campaignId: state.planId,
    unitId: state.unitId,
    unitName: state.unitName,
    clusterId: state.clusterId,
    ...named(state.unitName),
    awardCode: null,
    awardName: null,
    stage: state.locked ? 'locked' : 'open',
    status: state.status,
    waitingRole: waiting?.role ?? null,
    waitingUnit: waiting?.unitId ?? null,
    waitingUsers: null,
    dueAt: state.dueAt,
    changedAt: lastChange(state.audit, state.createdAt),
  };
}

/** Who must act on a compact: its head drafts it, then the first member that has not signed signs. */
export function compactWaitingOn(state: CompactState): { role: string; unitId: string } | null {
  if (state.stage === 'closed') return null;
  if (!state.content) return { role: 'cluster_head', unitId: state.headUnitId };
  const next = unsignedMembers(state)[0];
  return next ? { role: 'unit_head', unitId: next } : null;
}

export function compactIndexRow(state: CompactState, workflowId: string): CaseIndexRow {
  const waiting = compactWaitingOn(state);
  return {
    caseId: workflowId,
    kind: 'compact',
    year: state.year,
    campaignId: state.planId,
    unitId: state.headUnitId,
    unitName: state.memberUnits.find((m) => m.id === state.headUnitId)?.name ?? null,
    clusterId: state.clusterId,
    ...named(state.clusterName),
    awardCode: null,
    awardName: null,
    stage: state.stage,
    status: state.stage === 'closed' ? 'closed' : 'open',
    waitingRole: waiting?.role ?? null,
    waitingUnit: waiting?.unitId ?? null,
    waitingUsers: null,
    dueAt: state.dueAt,
    changedAt: lastChange(state.audit, state.createdAt),
  };
}

/**
 * The advanced models wait on the standing body once selected, until it sends the result on; while units propose
 * they wait on no single unit. (Cases from before `send_on` ended at the selection: their last row is `ended`.)
 */
export function advancedModelIndexRow(state: AdvancedModelState, workflowId: string): CaseIndexRow {
  const awaitingSendOn = !!state.selection && !state.sentOn;
  const open = !state.selection || awaitingSendOn;
  return {
    caseId: workflowId,
    kind: 'advanced-model',
    year: state.year,
    campaignId: state.planId,
    unitId: state.orgUnitId,
    unitName: null,
    clusterId: null,
    ...named(null),
    awardCode: null,
    awardName: null,
    stage: state.sentOn ? 'sent_on' : state.selection ? 'selected' : 'proposing',
    status: open ? 'open' : 'closed',
    waitingRole: awaitingSendOn ? 'council_secretary' : null,
    waitingUnit: awaitingSendOn ? (state.council.secretariatUnitId ?? state.council.unitId) : null,
    waitingUsers: null,
    dueAt: state.dueAt,
    changedAt: lastChange(state.audit, state.armedAt),
  };
}

/** A complaint waits on the standing body for its findings, then on the leadership for the conclusion. */
export function complaintIndexRow(state: ComplaintState, workflowId: string): CaseIndexRow {
  const resolved = state.stage === 'resolved';
  const waiting = complaintWaitingOn(state);
  return {
    caseId: workflowId,
    kind: 'complaint',
    year: null,
    campaignId: null,
    unitId: state.council.unitId,
    unitName: null,
    clusterId: null,
    // The complainant is not the subject of a list row (nor searched by name).
    ...named(null),
    awardCode: null,
    awardName: null,
    stage: state.stage,
    status: resolved ? 'closed' : 'open',
    waitingRole: waiting?.role ?? null,
    waitingUnit: waiting?.unitId ?? null,
    waitingUsers: null,
    dueAt: state.dueAt,
    changedAt: lastChange(state.audit, state.filedAt),
  };
}

/**
 * The row of a case whose execution has ended (returned, terminated by an administrator, failed): it waits on
 * nobody any more, whatever its last state said. The case writes it last; a rebuild applies it to closed runs.
 */
export function endedRow(row: CaseIndexRow): CaseIndexRow {
  return {
    ...row,
    status: row.status === 'open' ? 'closed' : row.status,
    waitingRole: null,
    waitingUnit: null,
    waitingUsers: null,
  };
}
