/**
 * The nomination state machine: pure checks (`checkAction`, safe for update validators) and pure
 * transitions (`applyAction`) returning the side effects the workflow must carry out. No I/O, no clock:
 * `now` comes from the workflow.
 */
import { deadlineInstant, vnCalendarDate, vnDateKey, instantMs, toUtcIso } from '../calendar.js';
import {
  awardAcceptsSubject,
  awardByCode,
  awardOutsideCampaign,
  findAward,
  missingDossierItems,
} from '../catalogue.js';
import { checkEligibility } from '../eligibility.js';
import { stepDueInstant } from '../rules/index.js';
import type { RuleSet } from '../rules/types.js';
import { STAGE_STEP, TERMINAL_STAGES, type JourneyStep, type NominationStage } from '../stages.js';
import type { Actor } from '../org.js';
import type { ActionInput, AnyAction } from './actions.js';
import { authorize } from './authorize.js';
import { everyoneConcerned, whoMustAct } from './recipients.js';
import { assignedUnit, assignmentOf, setAssignedUnit } from './reassign.js';
import { refuse } from './refusal.js';
import type {
  AuditEntry,
  CaseContext,
  ExternalDecision,
  NominationState,
  NominationStartInput,
  Recipient,
} from './types.js';
import { allVotesIn, isRecused, tallyVotes } from './voting.js';
import {
  checkClusterBallot,
  checkClusterVoteOpen,
  clusterBallots,
  clusterVoteFailureReason,
  needsClusterVote,
  tallyClusterVote,
} from './cluster-vote.js';

export interface MachineContext {
  /** The workflow's current time (ISO). */
  now: string;
  ruleSet: RuleSet;
}

/** Events that send mail; the workflow turns each into a sendNotice activity call. */
export type NoticeEvent =
  | 'stage_entered'
  | 'returned'
  | 'rejected'
  | 'withdrawn'
  | 'held'
  | 'resumed'
  | 'awarded'
  | 'forwarded'
  | 'revoked'
  | 'extended'
  | 'reassigned';

export type Effect =
  | { type: 'notify'; event: NoticeEvent; to: Recipient[]; key: string }
  | { type: 'releaseQuota' }
  | { type: 'recordAward' }
  | { type: 'revokeAward'; reason: string; by: Actor }
  | { type: 'forward' };

const STEP_ORDER: JourneyStep[] = ['unit', 'cluster', 'standing_body', 'council', 'leadership'];

/** End of the Vietnam calendar day that contains `iso`: due dates are whole days (hết ngày). */
export function endOfVnDay(iso: string): string {
  const d = vnCalendarDate(iso);
  return deadlineInstant({ day: d.day, month: d.month }, d.year);
}

export function initialState(
  caseId: string,
  input: NominationStartInput,
  context: CaseContext,
  ctx: MachineContext,
): NominationState {
  const state: NominationState = {
    caseId,
    campaignId: input.campaignId,
    // Only when the campaign names its award forms: a case started without them keeps the state it always had.
    ...(input.campaignAwardCodes ? { campaignAwardCodes: [...input.campaignAwardCodes] } : {}),
    year: input.year,
    track: input.track,
    unitId: input.unitId,
    ruleSetId: ctx.ruleSet.id,
    context,
    draft: input.draft,
    stage: 'draft',
    heldFrom: null,
    heldRemainingMs: null,
    dueAt: null,
    stageEntry: 0,
    quotaReserved: false,
    rank: null,
    missingItems: [],
    votes: [],
    tally: null,
    decision: null,
    forwarding: null,
    bookEntryKey: null,
    audit: [],
    notices: [],
    createdAt: ctx.now,
    closedAt: null,
  };
  enterStage(state, 'draft', ctx);
  state.audit.push(
    audit(state, ctx.now, 'create', input.createdBy, 'draft', 'draft', null, { awardCode: input.draft.awardCode }),
  );
  return state;
}

function audit(
  _state: NominationState,
  at: string,
  action: AuditEntry['action'],
  actor: Actor | null,
  fromStage: NominationStage,
  toStage: NominationStage,
  reason: string | null,
  details: AuditEntry['details'] = {},
): AuditEntry {
  return { at, action, actor, fromStage, toStage, reason, details };
}

function enterStage(state: NominationState, stage: NominationStage, ctx: MachineContext): void {
  state.stage = stage;
  state.stageEntry += 1;
  const step = STAGE_STEP[stage];
  state.dueAt = step
    ? endOfVnDay(
        stepDueInstant({
          startedAt: ctx.now,
          step,
          track: state.track,
          ruleSet: ctx.ruleSet,
          holidays: state.context.holidays,
        }),
      )
    : null;
  if (TERMINAL_STAGES.includes(stage)) state.closedAt = ctx.now;
  // Each cluster review votes afresh (a case returned to the unit and resubmitted is a new dossier).
  if (stage === 'cluster_review' && state.clusterVoteEnabled) {
    state.clusterBallots = [];
    state.clusterTally = null;
  }
  if (stage === 'council_vote') {
    state.votes = state.context.council.members
      .filter((m) => isRecused(state, m))
      .map((m) => ({ userId: m.userId, choice: 'abstain' as const, at: ctx.now, recused: true }));
    state.tally = null;
  }
}

function noticeKey(state: NominationState, event: NoticeEvent): string {
  return `${state.stageEntry}.${event}`;
}

function stepOf(stage: NominationStage): JourneyStep | null {
  return STAGE_STEP[stage];
}

/** Labels of the required dossier items the draft does not provide (catalogue.ts holds the rule). */
function missingItemLabels(state: NominationState): string[] {
  const award = awardByCode(state.draft.awardCode);
  return missingDossierItems(award, state.draft.nominee.subject, state.draft.dossier).map((item) => item.label);
}

/** Eligibility reasons (Vietnamese) for the draft as it stands; empty means eligible. */
export function eligibilityReasons(state: NominationState, ruleSet: RuleSet): string[] {
  const { draft, context } = state;
  return checkEligibility({
    nomination: {
      subject: draft.nominee.subject,
      awardCode: draft.awardCode,
      year: state.year,
      nomineeUnitId: draft.nominee.unitId,
      nomineePersonId: draft.nominee.personId,
      declaredCriteria: draft.declaredCriteria ?? [],
    },
    awardHistory: context.awardHistory,
    personFacts: draft.personFacts,
    collectiveFacts: draft.collectiveFacts,
    unitFacts: {
      id: context.unit.id,
      staffCount: context.unit.staffCount,
      collectiveCount: context.unit.collectiveCount,
    },
    ruleSet,
  });
}

/** Whether an approved award must go to a higher level for the decision. */
export function needsForwarding(state: NominationState): boolean {
  return awardByCode(state.draft.awardCode).forwardedToHigherLevel && state.context.higherLevelUnitId !== null;
}

export function countsAgainstQuota(state: NominationState): boolean {
  return awardByCode(state.draft.awardCode).countsAgainstUnitQuota;
}

/**
 * Throws a Refusal unless the action is allowed now. Pure and synchronous: used by update validators,
 * so a refused action never enters the workflow history.
 */
export function checkAction(state: NominationState, action: AnyAction, ctx: MachineContext): void {
  authorize(state, action.name, action.input.actor);
  switch (action.name) {
    case 'edit':
      checkDraft(action.input.draft);
      return checkCampaignAward(state, action.input.draft.awardCode);
    case 'submit': {
      checkDraft(state.draft);
      checkCampaignAward(state, state.draft.awardCode);
      const reasons = eligibilityReasons(state, ctx.ruleSet);
      if (reasons.length > 0)
        refuse(
          'not-eligible',
          // Each reason is a sentence; joined into one, only the last keeps its full stop.
          `Chưa đủ điều kiện đề nghị: ${reasons.map((r) => r.replace(/\.$/, '')).join('; ')}.`,
          `not eligible: ${reasons.length} reason(s)`,
        );
      return;
    }
    case 'verify': {
      const missing = missingItemLabels(state);
      if (action.input.complete && missing.length > 0) {
        refuse(
          'dossier-incomplete',
          `Hồ sơ còn thiếu: ${missing.join(', ')}. Không thể chuyển Hội đồng.`,
          `dossier misses ${missing.length} required item(s)`,
        );
      }
      if (!action.input.complete && missing.length === 0 && action.input.missingItems.length === 0) {
        refuse(
          'missing-items-required',
          'Hãy ghi rõ hồ sơ còn thiếu những gì.',
          'incomplete verdict without missing items',
        );
      }
      return;
    }
    case 'vote': {
      const member = state.context.council.members.find((m) => m.userId === action.input.actor.userId);
      if (!member)
        refuse('not-a-member', 'Bạn không phải thành viên Hội đồng xét hồ sơ này.', 'voter is not a council member');
      if (isRecused(state, member)) {
        refuse(
          'recused',
          'Bạn không biểu quyết hồ sơ này vì có liên quan (cùng đơn vị hoặc là người được đề nghị).',
          'voter is recused (conflict of interest)',
        );
      }
      if (state.votes.some((v) => v.userId === member.userId))
        refuse('already-voted', 'Bạn đã biểu quyết hồ sơ này.', 'member already voted');
      return;
    }
    case 'endorse':
      if (needsClusterVote(state) && !state.clusterTally?.passed)
        refuse(
          'cluster-vote-pending',
          'Hình thức khen thưởng này cần các đơn vị thành viên cụm, khối bỏ phiếu đạt tỷ lệ trước khi cụm trưởng đề nghị.',
          'the cluster vote has not passed yet',
        );
      return;
    case 'cluster_vote':
      return checkClusterBallot(state, action.input.actor.unitId);
    case 'close_cluster_vote':
      return checkClusterVoteOpen(state);
    case 'approve': {
      const today = vnDateKey(ctx.now);
      if (action.input.decisionDate > today)
        refuse('decision-in-future', 'Ngày quyết định không được sau ngày hôm nay.', 'decision date is in the future');
      if (action.input.decisionDate < vnDateKey(state.createdAt)) {
        refuse(
          'decision-before-case',
          'Ngày quyết định không được trước ngày lập hồ sơ.',
          'decision date precedes the case',
        );
      }
      return;
    }
    case 'return': {
      const current = stepOf(state.stage);
      const target = action.input.toStep;
      if (!current || STEP_ORDER.indexOf(target) >= STEP_ORDER.indexOf(current)) {
        refuse(
          'return-forward',
          'Chỉ có thể trả hồ sơ về một bước trước đó.',
          `cannot return from ${state.stage} to ${target}`,
        );
      }
      if (target === 'cluster' && !state.context.clusterHeadUnitId)
        refuse('no-cluster', 'Đơn vị không thuộc cụm/khối thi đua nào.', 'unit has no cluster');
      if (target === 'cluster' && state.track === 'ad_hoc')
        refuse('ad-hoc-no-cluster', 'Hồ sơ khen thưởng đột xuất không qua bước cụm.', 'ad-hoc cases skip the cluster');
      return;
    }
    case 'extend': {
      if (!state.dueAt) refuse('no-clock', 'Bước hiện tại không có thời hạn để gia hạn.', 'no running due date');
      const newDue = endOfVnDay(action.input.newDueAt);
      if (instantMs(newDue) <= instantMs(state.dueAt))
        refuse('not-later', 'Hạn mới phải sau hạn hiện tại.', 'new due date is not later than the current one');
      return;
    }
    case 'reassign': {
      const assignment = assignmentOf(state.stage);
      if (!assignment)
        refuse(
          'not-reassignable',
          'Bước hiện tại không giao lại cho đơn vị khác được.',
          `nothing to reassign in ${state.stage}`,
        );
      if (assignedUnit(state, assignment) === null)
        refuse('no-cluster', 'Đơn vị không thuộc cụm/khối thi đua nào.', 'unit has no cluster');
      if (assignedUnit(state, assignment) === action.input.toUnitId)
        refuse(
          'same-assignee',
          'Bước hiện tại đã do đơn vị này đảm nhiệm.',
          'the step is already assigned to that unit',
        );
      // The nominating unit never reviews its own case: holding the cluster step it could endorse itself.
      if (action.input.toUnitId === state.unitId)
        refuse(
          'own-unit',
          'Không giao bước xét duyệt cho chính đơn vị đề nghị.',
          'the nominating unit cannot be given a review step of its own case',
        );
      // The cluster step stays inside the cluster. The member list is in the context (cases loaded before it was
      // kept have none, and only the admin page's directory check guards them).
      const members = state.context.clusterMemberUnitIds;
      if (assignment === 'cluster_head' && members && !members.includes(action.input.toUnitId))
        refuse(
          'outside-cluster',
          'Chỉ giao việc của cụm trưởng cho một đơn vị khác trong cùng cụm, khối thi đua.',
          `${action.input.toUnitId} is not a member of ${state.context.clusterId ?? 'no cluster'}`,
        );
      return;
    }
    case 'record_external_decision': {
      const i = action.input;
      if (i.outcome === 'approved' && (!i.decisionNumber || !i.decisionDate)) {
        refuse(
          'decision-required',
          'Cần nhập số và ngày quyết định của cấp trên.',
          'external approval needs a decision number and date',
        );
      }
      if (i.outcome === 'rejected' && !i.reason)
        refuse('reason-required', 'Cần nhập lý do cấp trên không chấp thuận.', 'external rejection needs a reason');
      return;
    }
    default:
      return;
  }
}

/**
 * A campaign that names its award forms (a movement review's, seed 001) takes no other. Cases whose campaign named
 * none, every case started before this, pass as they did, so their histories replay unchanged.
 */
function checkCampaignAward(state: NominationState, awardCode: string): void {
  const problem = awardOutsideCampaign(state.campaignAwardCodes, awardCode);
  if (problem)
    refuse('award-outside-campaign', problem, `award ${awardCode} is not one the campaign ${state.campaignId} accepts`);
}

function checkDraft(draft: NominationState['draft']): void {
  const award = findAward(draft.awardCode);
  if (!award || !award.nominable)
    refuse(
      'unknown-award',
      `Hình thức khen thưởng “${draft.awardCode}” không có trong danh mục.`,
      `unknown award ${draft.awardCode}`,
    );
  if (!awardAcceptsSubject(award, draft.nominee.subject)) {
    const who = draft.nominee.subject === 'individual' ? 'cá nhân' : 'tập thể';
    refuse(
      'wrong-subject',
      `“${award.name}” không xét cho ${who}.`,
      `${award.code} does not accept ${draft.nominee.subject}`,
    );
  }
  if (draft.nominee.subject === 'individual' && !draft.nominee.personId)
    refuse('person-required', 'Cần chọn cá nhân được đề nghị.', 'individual nominee without person id');
}

/**
 * Applies an allowed action (call checkAction first, or let this call it) and returns the effects to carry
 * out. Mutates `state`.
 */
export function applyAction(state: NominationState, action: AnyAction, ctx: MachineContext): Effect[] {
  checkAction(state, action, ctx);
  const from = state.stage;
  const actor = action.input.actor;
  const effects: Effect[] = [];
  const record = (reason: string | null, details: AuditEntry['details'] = {}) =>
    state.audit.push(audit(state, ctx.now, action.name, actor, from, state.stage, reason, details));
  const go = (stage: NominationStage) => {
    enterStage(state, stage, ctx);
    const to = whoMustAct(state);
    if (to.length > 0)
      effects.push({ type: 'notify', event: 'stage_entered', to, key: noticeKey(state, 'stage_entered') });
  };

  switch (action.name) {
    case 'edit':
      state.draft = action.input.draft;
      record(null, { awardCode: state.draft.awardCode, dossierItems: state.draft.dossier.length });
      break;
    case 'submit':
      state.missingItems = [];
      go(state.track === 'ad_hoc' || !state.context.clusterHeadUnitId ? 'standing_body_check' : 'cluster_review');
      record(action.input.note ?? null, { quotaReserved: state.quotaReserved });
      break;
    case 'endorse':
      state.rank = action.input.rank;
      go('standing_body_check');
      record(null, { rank: action.input.rank });
      break;
    case 'verify':
      if (action.input.complete) {
        state.missingItems = [];
        go('council_vote');
        record(action.input.note ?? null, { complete: true });
      } else {
        state.missingItems = [...new Set([...missingItemLabels(state), ...action.input.missingItems])];
        const reason = `Hồ sơ còn thiếu: ${state.missingItems.join(', ')}`;
        enterStage(state, 'returned', ctx);
        effects.push({ type: 'notify', event: 'returned', to: whoMustAct(state), key: noticeKey(state, 'returned') });
        record(reason, { complete: false });
      }
      break;
    case 'vote':
      state.votes.push({ userId: actor.userId, choice: action.input.choice, at: ctx.now, recused: false });
      record(null, { choice: action.input.choice });
      if (allVotesIn(state)) effects.push(...closeVote(state, ctx, null));
      break;
    case 'close_vote':
      record(action.input.minutesNote ?? null);
      effects.push(...closeVote(state, ctx, action.input.minutesNote ?? null));
      break;
    case 'cluster_vote':
      state.clusterBallots = [
        ...clusterBallots(state),
        { unitId: actor.unitId, userId: actor.userId, choice: action.input.choice, at: ctx.now },
      ];
      record(null, { choice: action.input.choice, unitId: actor.unitId });
      break;
    case 'close_cluster_vote':
      record(action.input.minutesNote ?? null);
      effects.push(...closeClusterVote(state, ctx, action.input.minutesNote ?? null));
      break;
    case 'approve': {
      state.decision = { number: action.input.decisionNumber, date: action.input.decisionDate, signedBy: actor };
      if (needsForwarding(state)) {
        state.forwarding = {
          caseId: `forwarded/${state.caseId}`,
          toUnitId: state.context.higherLevelUnitId!,
          at: ctx.now,
          outcome: 'pending',
          detail: null,
        };
        enterStage(state, 'forwarded', ctx);
        effects.push({ type: 'forward' });
        effects.push({
          type: 'notify',
          event: 'forwarded',
          to: everyoneConcerned(state),
          key: noticeKey(state, 'forwarded'),
        });
      } else {
        effects.push(...conclude(state, ctx, 'awarded'));
      }
      record(null, {
        decisionNumber: action.input.decisionNumber,
        decisionDate: action.input.decisionDate,
        actingFor: actor.actingFor?.mode ?? null,
      });
      break;
    }
    case 'return': {
      const target: Record<ActionInput<'return'>['toStep'], NominationStage> = {
        unit: 'returned',
        cluster: 'cluster_review',
        standing_body: 'standing_body_check',
      };
      enterStage(state, target[action.input.toStep], ctx);
      state.tally = null;
      effects.push({ type: 'notify', event: 'returned', to: whoMustAct(state), key: noticeKey(state, 'returned') });
      record(action.input.reason, { toStep: action.input.toStep });
      break;
    }
    case 'reject':
      effects.push(...conclude(state, ctx, 'rejected'));
      record(action.input.reason);
      break;
    case 'withdraw':
      effects.push(...conclude(state, ctx, 'withdrawn'));
      record(action.input.reason);
      break;
    case 'hold':
      state.heldFrom = state.stage;
      state.heldRemainingMs = state.dueAt ? instantMs(state.dueAt) - instantMs(ctx.now) : null;
      state.stage = 'on_hold';
      state.dueAt = null;
      effects.push({
        type: 'notify',
        event: 'held',
        to: everyoneConcerned(state),
        key: `${state.stageEntry}.held.${state.audit.length}`,
      });
      record(action.input.reason, { complaintId: action.input.complaintId ?? null });
      break;
    case 'resume': {
      // The clock was paused: the step gets back the time it had left when the hold began.
      state.stage = state.heldFrom ?? 'draft';
      state.dueAt =
        state.heldRemainingMs === null ? null : endOfVnDay(toUtcIso(instantMs(ctx.now) + state.heldRemainingMs));
      state.heldFrom = null;
      state.heldRemainingMs = null;
      effects.push({
        type: 'notify',
        event: 'resumed',
        to: everyoneConcerned(state),
        key: `${state.stageEntry}.resumed.${state.audit.length}`,
      });
      record(action.input.reason, { dueAt: state.dueAt });
      break;
    }
    case 'revoke':
      enterStage(state, 'revoked', ctx);
      effects.push({ type: 'revokeAward', reason: action.input.reason, by: actor });
      effects.push({
        type: 'notify',
        event: 'revoked',
        to: everyoneConcerned(state),
        key: noticeKey(state, 'revoked'),
      });
      record(action.input.reason);
      break;
    case 'extend': {
      const previous = state.dueAt;
      state.dueAt = endOfVnDay(action.input.newDueAt);
      effects.push({
        type: 'notify',
        event: 'extended',
        to: whoMustAct(state),
        key: `${state.stageEntry}.extended.${state.audit.length}`,
      });
      record(action.input.reason, { previousDueAt: previous, dueAt: state.dueAt });
      break;
    }
    case 'reassign': {
      const assignment = assignmentOf(state.stage)!;
      const previous = assignedUnit(state, assignment);
      setAssignedUnit(state, assignment, action.input.toUnitId);
      // The new holder hears at once; reminders and escalations follow from the context when they fire.
      effects.push({
        type: 'notify',
        event: 'reassigned',
        to: whoMustAct(state),
        key: `${state.stageEntry}.reassigned.${state.audit.length}`,
      });
      record(action.input.reason, { assignment, fromUnitId: previous, toUnitId: action.input.toUnitId });
      break;
    }
    case 'comment':
      record(action.input.text);
      break;
    case 'record_external_decision':
      effects.push(
        ...applyForwardOutcome(
          state,
          ctx,
          action.input.outcome,
          action.input.outcome === 'approved'
            ? `${action.input.decisionNumber} (${action.input.decisionDate})`
            : action.input.reason!,
          actor,
          action.input.decisionNumber && action.input.decisionDate
            ? { number: action.input.decisionNumber, date: action.input.decisionDate }
            : null,
        ),
      );
      record(action.input.reason ?? null, {
        outcome: action.input.outcome,
        decisionNumber: action.input.decisionNumber ?? null,
      });
      break;
  }
  return effects;
}

function closeVote(state: NominationState, ctx: MachineContext, note: string | null): Effect[] {
  const tally = tallyVotes(state, ctx.ruleSet, ctx.now);
  state.tally = note ? { ...tally, minutes: `${tally.minutes}\nGhi chú: ${note}` } : tally;
  const from = state.stage;
  const effects: Effect[] = [];
  if (tally.passed) {
    enterStage(state, 'leadership_approval', ctx);
    effects.push({
      type: 'notify',
      event: 'stage_entered',
      to: whoMustAct(state),
      key: noticeKey(state, 'stage_entered'),
    });
  } else {
    effects.push(...conclude(state, ctx, 'rejected'));
  }
  state.audit.push(
    audit(
      state,
      ctx.now,
      'vote-closed',
      null,
      from,
      state.stage,
      tally.passed ? null : 'Không đạt tỷ lệ biểu quyết',
      tallyCounts(tally),
    ),
  );
  return effects;
}

/** What the audit trail keeps of a closed vote's tally (council or cluster): the counts and the outcome. */
function tallyCounts(tally: { yes: number; no: number; abstain: number; recused: number; passed: boolean }) {
  return { yes: tally.yes, no: tally.no, abstain: tally.abstain, recused: tally.recused, passed: tally.passed };
}

/** The cluster head closed the cluster's vote: a pass waits for its endorsement, a failure rejects the case. */
function closeClusterVote(state: NominationState, ctx: MachineContext, note: string | null): Effect[] {
  const tally = tallyClusterVote(state, ctx.ruleSet, ctx.now);
  state.clusterTally = note ? { ...tally, minutes: `${tally.minutes}\nGhi chú: ${note}` } : tally;
  const from = state.stage;
  const reason = tally.passed ? null : clusterVoteFailureReason(tally);
  const effects = tally.passed ? [] : conclude(state, ctx, 'rejected');
  state.audit.push(audit(state, ctx.now, 'cluster-vote-closed', null, from, state.stage, reason, tallyCounts(tally)));
  return effects;
}

/**
 * Ends the journey with its outcome: an award goes to the book, a rejection or withdrawal gives the quota place back;
 * everyone concerned is told either way.
 */
function conclude(
  state: NominationState,
  ctx: MachineContext,
  outcome: 'awarded' | 'rejected' | 'withdrawn',
): Effect[] {
  enterStage(state, outcome, ctx);
  const effects: Effect[] = [];
  if (outcome === 'awarded') effects.push({ type: 'recordAward' });
  else if (state.quotaReserved) effects.push({ type: 'releaseQuota' });
  effects.push({ type: 'notify', event: outcome, to: everyoneConcerned(state), key: noticeKey(state, outcome) });
  return effects;
}

/**
 * The higher level decided (through the linked case, or entered by the secretariat). Its decision, when it
 * approved, is the one the book records: the award is theirs, the province's decision only proposed it.
 */
export function applyForwardOutcome(
  state: NominationState,
  ctx: MachineContext,
  outcome: 'approved' | 'rejected',
  detail: string,
  actor: Actor | null,
  decision: ExternalDecision | null = null,
): Effect[] {
  if (state.stage !== 'forwarded' || !state.forwarding || state.forwarding.outcome !== 'pending') return [];
  state.forwarding = { ...state.forwarding, outcome, detail, decision: outcome === 'approved' ? decision : null };
  const from = state.stage;
  const effects = conclude(state, ctx, outcome === 'approved' ? 'awarded' : 'rejected');
  if (!actor)
    state.audit.push(
      audit(state, ctx.now, 'forward-outcome', null, from, state.stage, outcome === 'rejected' ? detail : null, {
        outcome,
        detail,
      }),
    );
  return effects;
}

export function isOpen(state: NominationState): boolean {
  return !TERMINAL_STAGES.includes(state.stage) && state.stage !== 'awarded';
}
