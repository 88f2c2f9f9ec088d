/**
 * A unit's registration of titles for the year (`registration/<unit>/<year>`), usually a child of the plan.
 * The rules are in domain/plan-year/registration.ts; this is the durable shell: Updates with synchronous
 * validators, reminders from the deadline (which the plan may move), an escalation to the standing body.
 * Returns the digest the cluster's compact compiles.
 */
import { allHandlersFinished, condition, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { isPast } from '../../domain/plan-year/common.js';
import {
  RegistrationActionSchemas,
  applyRegistrationAction,
  checkRegistrationAction,
  initialRegistrationState,
  moveRegistrationDeadline,
  registrationDigest,
  registrationNotice,
  registrationPendingReminders,
  type RegistrationAction,
  type RegistrationActionName,
  type RegistrationDigest,
  type RegistrationStartInput,
  type RegistrationState,
} from '../../domain/plan-year/registration.js';
import { SA } from '../../domain/search-attributes.js';
import { nowIso } from '../shared/clock.js';
import { asFailure, parseOrRefuse } from '../shared/refusals.js';
import { setDeadlineSignal } from '../plan/messages.js';
import { justAfter, planReporter, sendRemindersDueNow, waitForChangeOr, withReminderRounding } from '../plan/shell.js';
import { registrationStateQuery, registrationUpdates, type RegistrationResult } from './messages.js';
import { startCaseIndexLane } from '../shared/case-index.js';
import { registrationIndexRow } from '../../domain/case-index.js';

function publish(state: RegistrationState): void {
  const waiting = state.status !== 'registered' && !state.locked;
  upsertSearchAttributes([
    { key: SA.kind, value: 'registration' },
    { key: SA.unit, value: state.unitId },
    { key: SA.cluster, value: state.clusterId },
    { key: SA.campaign, value: state.planId },
    { key: SA.year, value: state.year },
    { key: SA.status, value: state.status },
    { key: SA.stage, value: state.locked ? 'locked' : 'open' },
    { key: SA.dueAt, value: new Date(state.dueAt) },
    { key: SA.waitingRole, value: waiting ? 'unit_head' : null },
    { key: SA.waitingUnit, value: waiting ? state.unitId : null },
  ]);
}

export async function registration(input: RegistrationStartInput): Promise<RegistrationDigest> {
  const workflowId = workflowInfo().workflowId;
  const state: RegistrationState = withReminderRounding(initialRegistrationState(input, nowIso()));
  const reportToParent = planReporter(state.planWorkflowId);
  let version = 0;
  const indexLane = startCaseIndexLane(() => registrationIndexRow(state, workflowId));
  const changed = () => {
    version += 1;
    publish(state);
    indexLane.changed();
  };
  const result = (): RegistrationResult => ({
    workflowId,
    status: state.status,
    dueAt: state.dueAt,
    amendments: state.amendments,
  });

  const parse = (name: RegistrationActionName, raw: unknown): RegistrationAction =>
    ({ name, input: parseOrRefuse(RegistrationActionSchemas[name], raw) }) as RegistrationAction;
  for (const name of Object.keys(registrationUpdates) as RegistrationActionName[]) {
    setHandler(
      registrationUpdates[name],
      (raw: unknown) => {
        const action = parse(name, raw);
        asFailure(() => applyRegistrationAction(state, action, nowIso()));
        changed();
        return result();
      },
      {
        validator: (raw: unknown) => {
          const action = parse(name, raw);
          asFailure(() => checkRegistrationAction(state, action, nowIso()));
        },
      },
    );
  }
  setHandler(registrationStateQuery, () => state);
  setHandler(setDeadlineSignal, (s) => {
    if (s.planId !== state.planId || s.dueAt === state.dueAt) return;
    moveRegistrationDeadline(state, s.dueAt, s.reason, nowIso());
    changed();
  });

  publish(state);
  for (;;) {
    const now = nowIso();
    if (!state.locked && isPast(now, state.dueAt)) {
      state.locked = true;
      state.audit.push({
        at: now,
        action: 'lock',
        actor: null,
        reason: 'Hết hạn đăng ký thi đua',
        details: { dueAt: state.dueAt },
      });
      changed();
    }
    await reportToParent({
      kind: 'registration',
      key: state.unitId,
      status: state.status,
      done: state.status === 'registered' ? 1 : 0,
      total: 1,
    });
    const pending = registrationPendingReminders(state);
    if (
      await sendRemindersDueNow(
        pending.map((r) => ({ r })),
        now,
        ({ r }) => registrationNotice(state, r),
        state,
      )
    ) {
      changed();
      continue;
    }
    if (state.locked && pending.length === 0) break;
    const seen = version;
    await waitForChangeOr(() => version !== seen, [pending[0]?.at, state.locked ? null : justAfter(state.dueAt)]);
  }
  await condition(allHandlersFinished);
  await indexLane.ended();
  return registrationDigest(state);
}
