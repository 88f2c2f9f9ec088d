/**
 * The year's advanced models (`advanced-model/<org>/<year>`), a child of the plan when the plan has an
 * 'advanced_model_registration' deadline: units propose until the deadline (reminded while they have not),
 * then the standing body records the council's selection of 05–10, which is mailed; the standing body or the
 * leadership then sends it on (`send_on`) to the higher level's address in the directory, and the case returns.
 */
import {
  allHandlersFinished,
  condition,
  patched,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { deadlineInstant, instantMs } from '../../domain/calendar.js';
import {
  AdvancedModelActionSchemas,
  advancedModelNotice,
  advancedModelPendingReminders,
  applyAdvancedModelAction,
  checkAdvancedModelAction,
  initialAdvancedModelState,
  sentOnNotice,
  type AdvancedModelAction,
  type AdvancedModelActionName,
  type AdvancedModelStartInput,
  type AdvancedModelState,
} from '../../domain/plan-year/advanced-model.js';
import type { NoticeDraft } from '../../domain/plan-year/common.js';
import { ruleSetFor } from '../../domain/rules/index.js';
import { SA } from '../../domain/search-attributes.js';
import { nowIso } from '../shared/clock.js';
import { PATCHES } from '../shared/patches.js';
import { asFailure, parseOrRefuse } from '../shared/refusals.js';
import { advancedModelStateQuery, advancedModelUpdates, type AdvancedModelResult } from './advanced-model-messages.js';
import { startCaseIndexLane } from '../shared/case-index.js';
import { advancedModelIndexRow } from '../../domain/case-index.js';
import { setDeadlineSignal } from './messages.js';
import {
  flushOutbox,
  justAfter,
  planReporter,
  sendNotice,
  sendRemindersDueNow,
  waitForChangeOr,
  withReminderRounding,
  yearActivities,
} from './shell.js';

/**
 * Cases started before `send_on` existed (commit 6a13e80) ended as soon as the selection was recorded; they must
 * replay that way. Asked only once a selection exists and nothing was sent on, the point where they ended.
 */
const SEND_ON_PATCH = PATCHES.advancedModelSendOn;

/**
 * The case's visibility. After the selection it waits for the standing body to send the result on, so it stays
 * open in the secretariat's name (its inbox) until then; cases without the patch closed at the selection.
 */
function publish(state: AdvancedModelState, ended = false): void {
  const awaitingSendOn = !ended && !!state.selection && !state.sentOn && patched(SEND_ON_PATCH);
  const open = !ended && (!state.selection || awaitingSendOn);
  upsertSearchAttributes([
    { key: SA.kind, value: 'advanced-model' },
    { key: SA.unit, value: state.orgUnitId },
    { key: SA.campaign, value: state.planId },
    { key: SA.year, value: state.year },
    { key: SA.stage, value: state.sentOn ? 'sent_on' : state.selection ? 'selected' : 'proposing' },
    { key: SA.status, value: open ? 'open' : 'closed' },
    { key: SA.dueAt, value: new Date(state.dueAt) },
    ...(awaitingSendOn
      ? [
          { key: SA.waitingRole, value: 'council_secretary' },
          { key: SA.waitingUnit, value: state.council.secretariatUnitId ?? state.council.unitId },
        ]
      : state.sentOn || ended
        ? [
            { key: SA.waitingRole, value: null },
            { key: SA.waitingUnit, value: null },
          ]
        : []),
  ]);
}

export async function advancedModels(input: AdvancedModelStartInput): Promise<AdvancedModelState> {
  const workflowId = workflowInfo().workflowId;
  const now0 = nowIso();
  // The case keeps the rule set in force when it started (its state names it) to the end.
  const ruleSet = ruleSetFor(now0);
  const state: AdvancedModelState = withReminderRounding(initialAdvancedModelState(input, ruleSet.id, now0));
  const closesAt = deadlineInstant({ day: 31, month: 12 }, state.year);
  const reportToParent = planReporter(state.planWorkflowId);
  const outbox: NoticeDraft[] = [];
  let version = 0;
  const indexLane = startCaseIndexLane(() => advancedModelIndexRow(state, workflowId));
  const changed = () => {
    version += 1;
    publish(state);
    indexLane.changed();
  };
  const result = (): AdvancedModelResult => ({
    workflowId,
    proposals: Object.keys(state.proposals).length,
    selected: state.selection?.keys.length ?? null,
  });
  const parse = (name: AdvancedModelActionName, raw: unknown): AdvancedModelAction =>
    ({ name, input: parseOrRefuse(AdvancedModelActionSchemas[name], raw) }) as AdvancedModelAction;
  for (const name of Object.keys(advancedModelUpdates) as AdvancedModelActionName[]) {
    setHandler(
      advancedModelUpdates[name],
      (raw: unknown) => {
        const notice = asFailure(() => applyAdvancedModelAction(state, parse(name, raw), nowIso(), ruleSet));
        if (notice) outbox.push(notice);
        changed();
        return result();
      },
      {
        validator: (raw: unknown) =>
          asFailure(() => checkAdvancedModelAction(state, parse(name, raw), nowIso(), ruleSet)),
      },
    );
  }
  setHandler(advancedModelStateQuery, () => state);
  setHandler(setDeadlineSignal, (s) => {
    if (s.planId !== state.planId || s.dueAt === state.dueAt) return;
    state.audit.push({
      at: nowIso(),
      action: 'deadline_moved',
      actor: null,
      reason: s.reason,
      details: { from: state.dueAt, to: s.dueAt },
    });
    state.dueAt = s.dueAt;
    state.armedAt = nowIso();
    changed();
  });

  publish(state);
  for (;;) {
    const now = nowIso();
    await reportToParent({
      kind: 'advanced-model',
      key: state.orgUnitId,
      status: state.selection ? 'selected' : 'running',
      done: Object.keys(state.proposals).length,
      total: state.units.length,
    });
    await flushOutbox(outbox);
    if (state.sentOn && !state.sentOn.deliveredAt) {
      const { unit, higher } = await yearActivities.higherLevelOf({ unitId: state.orgUnitId });
      const notice = sentOnNotice(state, higher, unit.name, nowIso());
      changed();
      if (notice) await sendNotice(notice);
      continue;
    }
    // After the selection the case waits (until the end of the year) for the result to be sent on.
    if (state.sentOn?.deliveredAt || instantMs(now) > instantMs(closesAt)) break;
    if (state.selection && !state.sentOn && !patched(SEND_ON_PATCH)) break;
    const pending = advancedModelPendingReminders(state);
    const draft = (item: (typeof pending)[number]) => advancedModelNotice(state, item);
    if (await sendRemindersDueNow(pending, now, draft, state, (item) => item.aboutUnitId)) {
      changed();
      continue;
    }
    const seen = version;
    await waitForChangeOr(() => version !== seen || outbox.length > 0, [pending[0]?.r.at, justAfter(closesAt)]);
  }
  // A result never sent on by the end of the year leaves the secretariat's inbox with the case.
  if (state.selection && !state.sentOn && patched(SEND_ON_PATCH)) publish(state, true);
  await condition(allHandlersFinished);
  await indexLane.ended();
  return state;
}
