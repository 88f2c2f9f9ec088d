/**
 * A plan while it runs (`plan/<org>/<year>`), started with its plan data as input (the issued version in the
 * database, which `nextYearPlan` reads through an activity); it copies that data into its state, so an amendment
 * in the database never changes a running plan or its replay.
 *
 * It starts the year's cases once (a registration per unit, a compact per cluster, the advanced models when
 * the plan has that deadline) through an activity, as independent workflows that report their progress to the
 * plan by signal (addressed by workflow id, so it reaches the plan's latest run); starting one that already
 * exists is not an error. It opens and closes the short drives with a notice (at the close, the drive's
 * nomination campaign opens, with its due date in the notice), keeps the progress
 * the children signal to it, and takes amendments. An amendment that moves a deadline is applied to the plan
 * data and then signalled (`setDeadline`) to every child of that step, which re-arms its own reminders.
 * Long years continue as new with the plain-JSON state.
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { deadlineInstant, instantMs } from '../../domain/calendar.js';
import { advancedModelId, type AdvancedModelStartInput } from '../../domain/plan-year/advanced-model.js';
import type { NoticeDraft } from '../../domain/plan-year/common.js';
import { compactId, type CompactStartInput } from '../../domain/plan-year/compact.js';
import {
  AmendPlanSchema,
  applyAmendment,
  applyDriveEvent,
  checkAmendment,
  deadlineDueAt,
  initialPlanRunState,
  openCampaigns,
  pendingDriveEvents,
  planEndsAt,
  progressSummary,
  scheduleFor,
  type PlanRunState,
  type PlanStartInput,
} from '../../domain/plan-year/plan-run.js';
import { registrationId, type RegistrationStartInput } from '../../domain/plan-year/registration.js';
import type { PlanDeadlineKind } from '../../domain/plan.js';
import { SA } from '../../domain/search-attributes.js';
import { nowIso } from '../shared/clock.js';
import { asFailure, parseOrRefuse } from '../shared/refusals.js';
import {
  amendPlanUpdate,
  childProgressSignal,
  planCampaignsQuery,
  planProgressQuery,
  planStateQuery,
  setDeadlineSignal,
} from './messages.js';
import { flushOutbox, sendNotice, waitForChangeOr, yearActivities } from './shell.js';

function publish(state: PlanRunState, now: string): void {
  const summary = progressSummary(state, now);
  upsertSearchAttributes([
    { key: SA.kind, value: 'plan' },
    { key: SA.unit, value: state.plan.orgUnitId },
    { key: SA.campaign, value: state.plan.id },
    { key: SA.year, value: state.plan.year },
    { key: SA.status, value: 'open' },
    { key: SA.stage, value: summary.nextDeadline?.id ?? 'follow-up' },
    { key: SA.dueAt, value: summary.nextDeadline ? new Date(summary.nextDeadline.dueAt) : null },
  ]);
}

export async function plan(input: PlanStartInput, carried?: PlanRunState): Promise<PlanRunState> {
  const p = input.plan;
  const state: PlanRunState =
    carried ??
    initialPlanRunState(
      input,
      await yearActivities.loadPlanYear({
        orgUnitId: p.orgUnitId,
        year: p.year,
        councilUnitId: p.council.unitId,
        clusterIds: p.clusterIds,
      }),
      nowIso(),
    );
  const outbox: NoticeDraft[] = [];
  const moves: { kind: PlanDeadlineKind; dueAt: string; reason: string }[] = [];
  let version = 0;
  const changed = () => {
    version += 1;
    publish(state, nowIso());
  };

  setHandler(
    amendPlanUpdate,
    (raw: unknown) => {
      const now = nowIso();
      const amendment = parseOrRefuse(AmendPlanSchema, raw);
      const outcome = asFailure(() => applyAmendment(state, amendment, now, state.audit.length));
      if (outcome.movedKind && outcome.newDueAt)
        moves.push({ kind: outcome.movedKind, dueAt: outcome.newDueAt, reason: amendment.reason });
      if (outcome.notice) outbox.push(outcome.notice);
      changed();
      return progressSummary(state, now);
    },
    {
      validator: (raw: unknown) =>
        asFailure(() => checkAmendment(state, parseOrRefuse(AmendPlanSchema, raw), nowIso())),
    },
  );
  setHandler(planStateQuery, () => state);
  setHandler(planProgressQuery, () => progressSummary(state, nowIso()));
  setHandler(planCampaignsQuery, () => openCampaigns(state, nowIso()));
  setHandler(childProgressSignal, (s) => {
    const entry = { workflowId: s.workflowId, status: s.status, done: s.done, total: s.total, updatedAt: nowIso() };
    if (s.kind === 'registration') state.registrations[s.key] = entry;
    else if (s.kind === 'compact') state.compacts[s.key] = entry;
    else state.advancedModels = entry;
    version += 1;
  });

  if (!state.childrenStarted) {
    await startChildren(state);
    state.childrenStarted = true;
  }
  publish(state, nowIso());

  const endsAt = () => planEndsAt(state.plan);
  for (;;) {
    await flushOutbox(outbox);
    while (moves.length > 0) await moveChildren(state, moves.shift()!);

    const now = nowIso();
    const event = pendingDriveEvents(state)[0];
    if (event && instantMs(event.at) <= instantMs(now)) {
      const notice = applyDriveEvent(state, event, now);
      changed();
      await sendNotice(notice);
      continue;
    }
    if (instantMs(now) > instantMs(endsAt())) break;

    const info = workflowInfo();
    if (
      info.continueAsNewSuggested ||
      (input.continueAsNewAfterEvents && info.historyLength >= input.continueAsNewAfterEvents)
    ) {
      await condition(allHandlersFinished);
      if (outbox.length === 0 && moves.length === 0) {
        await continueAsNew<typeof plan>(input, { ...state, generation: state.generation + 1 });
      }
      continue;
    }
    const seen = version;
    await waitForChangeOr(() => version !== seen || outbox.length > 0 || moves.length > 0, [event?.at, endsAt()]);
  }
  upsertSearchAttributes([{ key: SA.status, value: 'closed' }]);
  await condition(allHandlersFinished);
  return state;
}

/** The year's cases, started once (idempotently) by an activity; see activities/plan.ts startYearCases. */
async function startChildren(state: PlanRunState): Promise<void> {
  const { plan: p, context } = state;
  const planWorkflowId = workflowInfo().workflowId;
  const endOfYear = deadlineInstant({ day: 31, month: 12 }, p.year);
  const cases: { workflowType: 'registration' | 'compact' | 'advancedModels'; workflowId: string; input: unknown }[] =
    [];
  const registrationDue = deadlineDueAt(p, 'registration');
  if (registrationDue) {
    for (const unit of context.units) {
      const workflowId = registrationId(unit.id, p.year);
      state.registrations[unit.id] ??= { workflowId, status: 'not_registered', done: 0, total: 1, updatedAt: nowIso() };
      const input: RegistrationStartInput = {
        unitId: unit.id,
        unitName: unit.name,
        year: p.year,
        planId: p.id,
        planWorkflowId,
        clusterId: unit.clusterId,
        dueAt: registrationDue,
        schedule: scheduleFor(p, 'registration'),
        council: context.council,
      };
      cases.push({ workflowType: 'registration', workflowId, input });
    }
  }
  const compactDue = deadlineDueAt(p, 'compact');
  if (compactDue) {
    for (const cluster of context.clusters) {
      const workflowId = compactId(cluster.id, p.year);
      state.compacts[cluster.id] ??= {
        workflowId,
        status: 'not_started',
        done: 0,
        total: cluster.memberUnitIds.length,
        updatedAt: nowIso(),
      };
      const input: CompactStartInput = {
        clusterId: cluster.id,
        clusterName: cluster.name,
        year: p.year,
        planId: p.id,
        planWorkflowId,
        headUnitId: cluster.headUnitId,
        memberUnits: cluster.memberUnitIds.map((id) => ({
          id,
          name: context.units.find((u) => u.id === id)?.name ?? id,
        })),
        dueAt: compactDue,
        closesAt: endOfYear,
        schedule: scheduleFor(p, 'compact'),
        council: context.council,
      };
      cases.push({ workflowType: 'compact', workflowId, input });
    }
  }
  const modelsDue = deadlineDueAt(p, 'advanced_model_registration');
  if (modelsDue) {
    const workflowId = advancedModelId(p.orgUnitId, p.year);
    state.advancedModels ??= {
      workflowId,
      status: 'running',
      done: 0,
      total: context.units.length,
      updatedAt: nowIso(),
    };
    const input: AdvancedModelStartInput = {
      orgUnitId: p.orgUnitId,
      year: p.year,
      planId: p.id,
      planWorkflowId,
      units: context.units.map((u) => ({ id: u.id, name: u.name })),
      dueAt: modelsDue,
      schedule: scheduleFor(p, 'advanced_model_registration'),
      council: context.council,
    };
    cases.push({ workflowType: 'advancedModels', workflowId, input });
  }
  const { existing } = await yearActivities.startYearCases({ cases });
  if (existing.length > 0) {
    state.audit.push({
      at: nowIso(),
      action: 'cases_already_running',
      actor: null,
      reason: null,
      details: { workflowIds: existing.join(',') },
    });
  }
}

/** Sends the moved deadline to every child of that step; a child that has already closed is recorded, not an error. */
async function moveChildren(
  state: PlanRunState,
  move: { kind: PlanDeadlineKind; dueAt: string; reason: string },
): Promise<void> {
  const targets =
    move.kind === 'registration'
      ? Object.values(state.registrations).map((c) => c.workflowId)
      : move.kind === 'compact'
        ? Object.values(state.compacts).map((c) => c.workflowId)
        : move.kind === 'advanced_model_registration' && state.advancedModels
          ? [state.advancedModels.workflowId]
          : [];
  await Promise.all(
    targets.map(async (workflowId) => {
      try {
        await getExternalWorkflowHandle(workflowId).signal(setDeadlineSignal, {
          planId: state.plan.id,
          dueAt: move.dueAt,
          reason: move.reason,
        });
      } catch (error) {
        state.audit.push({
          at: nowIso(),
          action: 'signal_failed',
          actor: null,
          reason: String(error),
          details: { workflowId },
        });
      }
    }),
  );
}
