/**
 * One nomination (đề nghị khen thưởng), from the unit's draft to the commendation book.
 *
 * The rules live in domain/nomination (pure, unit-tested); this file is the durable shell: it loads the
 * case's context once, exposes every staff action as an Update whose synchronous validator runs the same
 * checks (so refused input never enters history), carries out side effects through activities, and
 * fires reminders and escalations from timers computed from the rule set's schedule.
 */
import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  TemporalFailure,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  isCancellation,
  log,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { instantMs, type ReminderInstant } from '../../domain/calendar.js';
import { latestPerGroup } from '../../domain/catch-up.js';
import { noticeInstants } from '../../domain/nomination/reminders.js';
import { ActionSchemas, type ActionName, type AnyAction } from '../../domain/nomination/actions.js';
import {
  applyAction,
  applyForwardOutcome,
  checkAction,
  countsAgainstQuota,
  initialState,
  isOpen,
  type Effect,
  type MachineContext,
} from '../../domain/nomination/machine.js';
import { escalationTargets, whoMustAct } from '../../domain/nomination/recipients.js';
import { Refusal } from '../../domain/nomination/refusal.js';
import type { NominationStartInput, NominationState } from '../../domain/nomination/types.js';
import { quotaLimit, zeroQuotaReason } from '../../domain/quota.js';
import { ruleSetFor, ruleValue } from '../../domain/rules/index.js';
import { STAGE_STEP } from '../../domain/stages.js';
import { nowIso } from '../shared/clock.js';
import { ACTION_REFUSED, asFailure, parseOrRefuse, refusalFailure } from '../shared/refusals.js';
import { handlerQueue } from '../shared/handler-queue.js';
import { PATCHES } from '../shared/patches.js';
import { quotaLedgerId } from '../quota/messages.js';
import { forwardedCase, type ForwardedOutcome } from './forwarded.js';
import {
  actionUpdates,
  caseOpenedUpdate,
  nominationStateQuery,
  type ActionResult,
  type NominationOutcome,
} from './messages.js';
import { publishSearchAttributes } from './search-attributes.js';
import { startCaseIndexLane, type CaseIndexLane } from '../shared/case-index.js';
import { nominationIndexRow } from '../../domain/case-index.js';
import { summaryOf, type CaseSummary } from '../../domain/nomination/summary.js';

// Timeouts fit what each activity does: a worker killed mid-activity is noticed after the start-to-close timeout,
// and a person may be waiting on the quota ledger, so its retries stay a few seconds apart (issue #14).
const { reserveQuota, releaseQuota, settleQuota } = proxyActivities<Activities>({
  startToCloseTimeout: '15 seconds',
  // A ledger that does not answer for ten minutes fails the submission (in Vietnamese: try again later) instead of
  // holding it, and with it every other action on the case, for ever. Two minutes proved too short while workers
  // were being killed every few seconds (the fault suite); a person is told "đang xử lý" after 15 s anyway.
  scheduleToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds', backoffCoefficient: 2 },
});
const { loadCaseContext, sendNotice, recordAward, revokeAward } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** A submission waiting for the quota lane, and what the lane answered. */
interface Submission {
  action: AnyAction;
  outcome: { result: ActionResult } | { failure: TemporalFailure } | null;
}

const CASE_BUSY = new Refusal(
  'case-busy',
  'Hồ sơ đang xử lý một bước khác. Vui lòng gửi lại sau giây lát.',
  'the case woke to other work in this workflow task; send the update again',
);

const SUBMISSION_PENDING = new Refusal(
  'submission-pending',
  'Hồ sơ đang được trình và giữ chỉ tiêu. Vui lòng tải lại trang sau giây lát.',
  'a submission is still reserving its quota place',
);

function quotaUnavailable(error: TemporalFailure): Refusal {
  return new Refusal(
    'quota-unavailable',
    'Chưa giữ được chỉ tiêu vì sổ chỉ tiêu của đợt chưa trả lời. Hồ sơ chưa được trình; vui lòng thử lại sau ít phút.',
    `the quota ledger did not answer: ${error.message}`,
  );
}

/** How long an awarded case stays open for a revocation (later revocations go through a complaint case). */
const REVOCATION_WINDOW = '365 days';

export async function nomination(input: NominationStartInput): Promise<NominationOutcome> {
  const caseId = workflowInfo().workflowId;
  // A case keeps the rule set in force at its start (workflow time, so a replay picks the same one: rule sets are
  // only ever added with a future effective date, domain/rules/versions.ts), to the end; its state names it.
  const ruleSet = ruleSetFor(nowIso());
  const ctx = (): MachineContext => ({ now: nowIso(), ruleSet });

  // Handlers are registered before the context is loaded (an action may arrive at once); until it is,
  // validators check the input's shape only and handlers wait, then run the full checks.
  // eslint-disable-next-line prefer-const -- assigned once the context has loaded, read by handlers before that
  let loaded: NominationState | undefined;
  let version = 0;
  // Each effect keeps the case as it was when it arose: a mail about a step must describe that step,
  // even if the case has moved on by the time the activity runs.
  const pendingEffects: { effect: Effect; summary: CaseSummary }[] = [];
  const queueEffects = (effects: Effect[]) => {
    const summary = summaryOf(current());
    pendingEffects.push(...effects.map((effect) => ({ effect, summary })));
  };
  let forwardedOutcome: ForwardedOutcome | null = null;
  let forwardScope: CancellationScope | null = null;
  // eslint-disable-next-line prefer-const -- started once the context has loaded, read by changed() before that
  let indexLane: CaseIndexLane | undefined;
  const changed = () => {
    version += 1;
    publishSearchAttributes(current());
    indexLane?.changed();
  };

  // --- Staff actions: one Update each, validated synchronously before anything is written -------------
  const current = (): NominationState => loaded!;
  const parseAction = (name: ActionName, raw: unknown): AnyAction =>
    ({ name, input: parseOrRefuse(ActionSchemas[name], raw) }) as AnyAction;

  // A submission that must hold a quota place: its handler registers it here and waits; the quota lane reserves the
  // place, applies the step and answers. While a submit is in flight the validator refuses every other action, so a
  // retried or doubled submit never enters history. In flight counts from the moment a submit's handler starts:
  // two submits delivered in one workflow task both pass their validators before either reaches the lane, but the
  // first handler starts before the second validator runs. Validators do not run on replay, so the count changes
  // no command (and it guards the pre-patch path too).
  let submission: Submission | null = null;
  let submitsInFlight = 0;
  const refuseWhileSubmitting = () => {
    if (submission || submitsInFlight > 0) throw refusalFailure(SUBMISSION_PENDING);
  };

  // The workflow task in which the case last woke to something other than an Update (its context loaded, an
  // activity answered, a timer fired). A worker that picks such a task up without the case in its cache may hand
  // an Update of the same task over only after the case's own commands, while a replay hands it over first: the
  // fault suite found cases stuck on "patch marker … no corresponding change command" that way (issue #14). An
  // Update that arrives in such a task is refused for a moment (never enters history) and the client sends it
  // again under the same id, into a task of its own. Validators do not run on replay, so no command changes.
  let wokeInTask = -1;
  const woke = () => {
    wokeInTask = workflowInfo().historyLength;
  };
  const refuseInBusyTask = () => {
    if (wokeInTask === workflowInfo().historyLength) throw refusalFailure(CASE_BUSY);
  };
  const answer = (s: NominationState): ActionResult => ({ caseId, stage: s.stage, dueAt: s.dueAt });

  const queue = handlerQueue();
  for (const name of Object.keys(actionUpdates) as ActionName[]) {
    setHandler(
      actionUpdates[name],
      async (raw: unknown): Promise<ActionResult> => {
        // Handlers run one at a time: an action must not interleave with a submission waiting for the quota ledger.
        const isSubmit = name === 'submit';
        if (isSubmit) submitsInFlight += 1;
        const { turn, release } = queue.take();
        await turn;
        try {
          await condition(() => loaded !== undefined);
          const state = current();
          const action = parseAction(name, raw);
          if (action.name === 'submit' && countsAgainstQuota(state) && !state.quotaReserved) {
            asFailure(() => checkAction(state, action, ctx())); // still allowed after waiting our turn?
            if (patched(PATCHES.submitReservesOutsideHandler)) return await submitThroughQuotaLane(action);
            await reserveQuotaForCase(state); // cases recorded before the patch reserved from the handler
            woke();
          }
          const effects = asFailure(() => applyAction(state, action, ctx()));
          queueEffects(effects);
          changed();
          return answer(state);
        } finally {
          if (isSubmit) submitsInFlight -= 1;
          release();
        }
      },
      {
        validator: (raw: unknown) => {
          const action = parseAction(name, raw);
          refuseInBusyTask();
          refuseWhileSubmitting();
          if (loaded) asFailure(() => checkAction(loaded!, action, ctx()));
        },
      },
    );
  }

  setHandler(caseOpenedUpdate, async (): Promise<ActionResult> => {
    await condition(() => loaded !== undefined);
    return answer(loaded!);
  });

  async function submitThroughQuotaLane(action: AnyAction): Promise<ActionResult> {
    const pending: Submission = { action, outcome: null };
    submission = pending;
    await condition(() => pending.outcome !== null);
    const outcome = pending.outcome!;
    if ('failure' in outcome) throw outcome.failure;
    return outcome.result;
  }
  setHandler(nominationStateQuery, () => {
    if (!loaded) throw new Error('The case is still starting: try again in a moment');
    return loaded;
  });

  const context = await loadCaseContext({ unitId: input.unitId, year: input.year, nominee: input.draft.nominee });
  woke();
  loaded = initialState(caseId, input, context, ctx());
  const state: NominationState = loaded;
  // Cases started before the cluster vote existed keep the cluster head's endorsement alone (replay safety);
  // the flag travels in the state, so the case keeps its choice to the end.
  if (patched(PATCHES.clusterVote)) state.clusterVoteEnabled = true;
  indexLane = startCaseIndexLane(() => nominationIndexRow(state), woke);

  async function reserveQuotaForCase(s: NominationState): Promise<void> {
    const unitFacts = {
      id: s.context.unit.id,
      staffCount: s.context.unit.staffCount,
      collectiveCount: s.context.unit.collectiveCount,
    };
    const result = await reserveQuota({
      ledgerId: quotaLedgerId(s.campaignId, s.unitId),
      ledger: {
        unitId: s.unitId,
        campaignId: s.campaignId,
        limits: {
          individual: quotaLimit(unitFacts, 'individual', ruleSet),
          collective: quotaLimit(unitFacts, 'collective', ruleSet),
        },
        ...(input.campaignClosesAt ? { closesAt: input.campaignClosesAt } : {}),
      },
      caseId,
      subject: s.draft.nominee.subject,
    });
    // The ledger's own code (full, closed, ended) so logs tell them apart; a result recorded before it had none.
    if (!result.ok) {
      const code = result.code ?? 'quota';
      // A quota of none is explained (1/4 of 3 collectives rounds down to 0), not reported as used up. Only the
      // refusal's words change, never a command, so cases already running replay as they ran.
      const none = code === 'quota' ? zeroQuotaReason(unitFacts, s.draft.nominee.subject, ruleSet) : null;
      throw refusalFailure(new Refusal(code, none ?? result.reason, result.en));
    }
    s.quotaReserved = true;
  }

  // --- Side effects, in order, outside the handlers so callers get their answer at once ------------------
  async function runEffects(): Promise<void> {
    while (pendingEffects.length > 0) {
      const { effect, summary } = pendingEffects.shift()!;
      switch (effect.type) {
        case 'notify':
          await sendNotice({ caseId, event: effect.event, key: effect.key, to: effect.to, state: summary });
          break;
        case 'releaseQuota':
          await releaseQuota({ ledgerId: quotaLedgerId(state.campaignId, state.unitId), caseId });
          state.quotaReserved = false;
          break;
        case 'recordAward': {
          const result = await recordAward({ caseId, state: summary });
          state.bookEntryKey = result.caseKey;
          state.audit.push({
            at: nowIso(),
            action: 'book',
            actor: null,
            fromStage: state.stage,
            toStage: state.stage,
            reason: null,
            details: { caseKey: result.caseKey, created: result.created },
          });
          // The award used its place for good: settled, it no longer keeps the campaign's ledger open. A ledger that
          // does not answer only stays open longer, so its silence is logged and the award's mails go on.
          if (state.quotaReserved && patched(PATCHES.quotaSettledOnAward))
            await settleQuota({ ledgerId: quotaLedgerId(state.campaignId, state.unitId), caseId }).catch(
              (error: unknown) => {
                if (!(error instanceof ActivityFailure)) throw error;
                log.warn('quota place not settled; the ledger stays open', { caseId, error: error.message });
              },
            );
          break;
        }
        case 'revokeAward':
          if (state.bookEntryKey)
            await revokeAward({ caseKey: state.bookEntryKey, reason: effect.reason, by: effect.by.userId });
          break;
        case 'forward':
          startForwarding();
          break;
      }
      woke();
      changed();
    }
  }

  function startForwarding(): void {
    const forwarding = state.forwarding!;
    forwardScope = new CancellationScope();
    void forwardScope
      .run(async () => {
        const child = await startChild(forwardedCase, {
          workflowId: forwarding.caseId,
          args: [
            {
              originalCaseId: caseId,
              fromUnitId: state.unitId,
              toUnitId: forwarding.toUnitId,
              awardCode: state.draft.awardCode,
              year: state.year,
              campaignId: state.campaignId,
              decisionNumber: state.decision?.number ?? '',
            },
          ],
          parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
        });
        forwardedOutcome = await child.result();
        woke();
        version += 1;
      })
      .catch((error: unknown) => {
        if (!isCancellation(error)) throw error;
      });
  }

  // --- Reminders and escalations ------------------------------------------------------------------------
  const schedule = ruleValue(ruleSet, 'reminders.default');
  const noticeId = (r: ReminderInstant) => `${state.stageEntry}:${state.dueAt}:${r.key}`;
  const sentNotices = new Set(state.notices.map((n) => n.key));
  const pendingReminders = (): ReminderInstant[] =>
    state.dueAt && isOpen(state) && state.stage !== 'on_hold'
      ? noticeInstants(state.dueAt, schedule).filter((r) => !sentNotices.has(noticeId(r)))
      : [];

  function recordSuperseded(r: ReminderInstant): void {
    const key = noticeId(r);
    sentNotices.add(key);
    state.notices.push({ key, at: r.at, kind: r.kind, stage: state.stage, dueAt: state.dueAt!, to: [], skipped: true });
  }

  async function sendReminder(r: ReminderInstant): Promise<void> {
    const step = STAGE_STEP[state.stage];
    const to = r.kind === 'escalation' && step ? escalationTargets(state, step) : whoMustAct(state);
    const key = noticeId(r);
    sentNotices.add(key);
    state.notices.push({ key, at: r.at, kind: r.kind, stage: state.stage, dueAt: state.dueAt!, to });
    state.audit.push({
      at: nowIso(),
      action: r.kind === 'escalation' ? 'escalation' : 'reminder',
      actor: null,
      fromStage: state.stage,
      toStage: state.stage,
      reason: r.label,
      details: { dueAt: state.dueAt },
    });
    if (to.length > 0) {
      await sendNotice({
        caseId,
        event: r.kind === 'escalation' ? 'escalation' : 'reminder',
        key: `${state.stageEntry}.${r.key}`,
        to,
        state: summaryOf(state),
        label: r.label,
      });
    }
  }

  // --- The quota lane: reserves a submission's place, then applies the step (see submitThroughQuotaLane) -----
  // It runs beside the main loop so that a submission never waits behind a mail stuck on a down SMTP server.
  async function quotaLane(): Promise<void> {
    for (;;) {
      await condition(() => submission !== null);
      const pending = submission!;
      try {
        await reserveQuotaForCase(state);
        woke();
        const effects = asFailure(() => applyAction(state, pending.action, ctx()));
        queueEffects(effects);
        changed();
        pending.outcome = { result: answer(state) };
      } catch (error) {
        if (!(error instanceof TemporalFailure)) throw error; // a bug: fail the workflow task, never the case
        // The ledger's refusal goes to the person as it is; anything else (the ledger not answering) in Vietnamese.
        const refused = error instanceof ApplicationFailure && error.type === ACTION_REFUSED;
        pending.outcome = { failure: refused ? error : refusalFailure(quotaUnavailable(error)) };
      } finally {
        submission = null;
      }
    }
  }
  // A cancelled case ends its lane with it (the lane waits in the root scope); anything else is a bug.
  void quotaLane().catch((error: unknown) => {
    if (!isCancellation(error)) throw error;
  });

  // --- The main loop: effects, outcomes from the higher level, timers -------------------------------------
  publishSearchAttributes(state);
  const closingStages = () => !isOpen(state);
  for (;;) {
    await runEffects();
    if (forwardedOutcome) {
      const outcome: ForwardedOutcome = forwardedOutcome;
      forwardedOutcome = null;
      queueEffects(applyForwardOutcome(state, ctx(), outcome.outcome, outcome.detail, null, outcome.decision ?? null));
      changed();
      continue;
    }
    if (state.stage !== 'forwarded' && forwardScope) {
      // The secretariat entered the higher level's decision by hand: the linked case is no longer needed.
      (forwardScope as CancellationScope).cancel();
      forwardScope = null;
    }
    if (closingStages()) {
      if (state.stage === 'awarded') {
        // Stay open for a revocation; stop waiting once revoked or the window passes.
        const seen = version;
        const stillOpen = await condition(() => version !== seen || pendingEffects.length > 0, REVOCATION_WINDOW);
        woke();
        if (stillOpen) continue;
      }
      break;
    }

    const pending = pendingReminders();
    const now = instantMs(nowIso());
    const overdue = pending.filter((r) => instantMs(r.at) <= now);
    if (overdue.length > 0) {
      // After a pause (a hold, a worker outage) several may be due at once: the latest goes, the rest are recorded.
      const { send, superseded } = latestPerGroup(overdue);
      superseded.forEach(recordSuperseded);
      await sendReminder(send[0]!);
      woke();
      changed();
      continue;
    }
    const next = pending[0];
    const seen = version;
    await condition(
      () => version !== seen || pendingEffects.length > 0 || forwardedOutcome !== null,
      next ? instantMs(next.at) - now : undefined,
    );
    woke();
  }

  await runEffects();
  await condition(allHandlersFinished);
  await indexLane.ended();
  log.info('nomination closed', { caseId, stage: state.stage });
  return { caseId, stage: state.stage, bookEntryKey: state.bookEntryKey };
}
