/**
 * A cluster's or bloc's emulation compact for the year (`compact/<cluster>/<year>`), usually a child of the plan.
 *
 * How it learns the members' registrations: when every member has signed, or at the deadline, it calls the
 * `compileRegistrations` activity, which reads each member's `registration/<unit>/<year>` workflow (its `state`
 * query while it runs, its result once closed). The answer is recorded in this workflow's history, so the
 * compilation sent to the standing body is exactly what was read at that moment, and replays never re-read it.
 */
import { allHandlersFinished, condition, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { formatDateTimeVN, instantMs } from '../../domain/calendar.js';
import type { NoticeDraft } from '../../domain/plan-year/common.js';
import {
  CompactActionSchemas,
  applyCompactAction,
  checkCompactAction,
  compactPendingReminders,
  compactReminderNotice,
  compilationDue,
  compilationNotice,
  initialCompactState,
  moveCompactDeadline,
  recordCompilation,
  unsignedMembers,
  type CompactAction,
  type CompactActionName,
  type CompactStartInput,
  type CompactState,
} from '../../domain/plan-year/compact.js';
import { standingBody } from '../../domain/plan-year/common.js';
import { SA } from '../../domain/search-attributes.js';
import { nowIso } from '../shared/clock.js';
import { asFailure, parseOrRefuse } from '../shared/refusals.js';
import { setDeadlineSignal } from '../plan/messages.js';
import {
  flushOutbox,
  justAfter,
  planReporter,
  sendNotice,
  sendRemindersDueNow,
  waitForChangeOr,
  yearActivities,
  withReminderRounding,
} from '../plan/shell.js';
import { compactStateQuery, compactUpdates, type CompactResult } from './messages.js';
import { startCaseIndexLane } from '../shared/case-index.js';
import { compactIndexRow } from '../../domain/case-index.js';

function publish(state: CompactState): void {
  const waitingOnHead = !state.content && state.stage !== 'closed';
  const next = unsignedMembers(state)[0];
  upsertSearchAttributes([
    { key: SA.kind, value: 'compact' },
    { key: SA.cluster, value: state.clusterId },
    { key: SA.unit, value: state.headUnitId },
    { key: SA.campaign, value: state.planId },
    { key: SA.year, value: state.year },
    { key: SA.stage, value: state.stage },
    { key: SA.status, value: state.stage === 'closed' ? 'closed' : 'open' },
    { key: SA.dueAt, value: new Date(state.dueAt) },
    {
      key: SA.waitingRole,
      value: state.stage === 'closed' ? null : waitingOnHead ? 'cluster_head' : next ? 'unit_head' : null,
    },
    { key: SA.waitingUnit, value: state.stage === 'closed' ? null : waitingOnHead ? state.headUnitId : (next ?? null) },
  ]);
}

export async function compact(input: CompactStartInput): Promise<CompactState> {
  const workflowId = workflowInfo().workflowId;
  const state: CompactState = withReminderRounding(initialCompactState(input, nowIso()));
  const reportToParent = planReporter(state.planWorkflowId);
  const outbox: NoticeDraft[] = [];
  let version = 0;
  const indexLane = startCaseIndexLane(() => compactIndexRow(state, workflowId));
  const changed = () => {
    version += 1;
    publish(state);
    indexLane.changed();
  };
  const result = (): CompactResult => ({
    workflowId,
    stage: state.stage,
    signed: state.signatures.length,
    members: state.memberUnits.length,
  });

  const parse = (name: CompactActionName, raw: unknown): CompactAction =>
    ({ name, input: parseOrRefuse(CompactActionSchemas[name], raw) }) as CompactAction;
  for (const name of Object.keys(compactUpdates) as CompactActionName[]) {
    setHandler(
      compactUpdates[name],
      (raw: unknown) => {
        const action = parse(name, raw);
        const now = nowIso();
        asFailure(() => applyCompactAction(state, action, now));
        if (action.name === 'sign' && state.compilation) {
          // Signed after the compilation went to the standing body: tell it, so its records are complete.
          const who =
            state.memberUnits.find((m) => m.id === action.input.actor.unitId)?.name ?? action.input.actor.unitId;
          outbox.push({
            event: 'compact_late_signature',
            key: `compact.late-signature.${action.input.actor.unitId}`,
            to: standingBody(state.council),
            headline: `${who} ký giao ước thi đua ${state.clusterName} sau hạn`,
            facts: [
              ['Cụm, khối thi đua', state.clusterName],
              ['Đơn vị', who],
              ['Ký lúc', formatDateTimeVN(now)],
            ],
          });
        }
        changed();
        return result();
      },
      {
        validator: (raw: unknown) => {
          const action = parse(name, raw);
          asFailure(() => checkCompactAction(state, action, nowIso()));
        },
      },
    );
  }
  setHandler(compactStateQuery, () => state);
  setHandler(setDeadlineSignal, (s) => {
    if (s.planId !== state.planId || s.dueAt === state.dueAt || state.compilation) return;
    moveCompactDeadline(state, s.dueAt, s.reason, nowIso());
    changed();
  });

  publish(state);
  for (;;) {
    const now = nowIso();
    await reportToParent({
      kind: 'compact',
      key: state.clusterId,
      status: state.stage === 'drafting' ? 'not_started' : state.stage,
      done: state.signatures.length,
      total: state.memberUnits.length,
    });
    await flushOutbox(outbox);

    const trigger = compilationDue(state, now);
    if (trigger) {
      const registrations = await yearActivities.compileRegistrations({
        year: state.year,
        unitIds: state.memberUnits.map((m) => m.id),
      });
      const compilation = recordCompilation(state, trigger, registrations, nowIso());
      changed();
      await sendNotice(compilationNotice(state, compilation));
      continue;
    }
    if (state.compilation && unsignedMembers(state).length === 0) break;
    if (instantMs(now) > instantMs(state.closesAt)) break;

    const pending = compactPendingReminders(state);
    const draft = (item: (typeof pending)[number]) => compactReminderNotice(state, item);
    if (await sendRemindersDueNow(pending, now, draft, state, (item) => item.aboutUnitId)) {
      changed();
      continue;
    }
    const seen = version;
    await waitForChangeOr(
      () => version !== seen || outbox.length > 0,
      [pending[0]?.r.at, state.compilation ? null : justAfter(state.dueAt), justAfter(state.closesAt)],
    );
  }
  state.stage = 'closed';
  state.audit.push({
    at: nowIso(),
    action: 'close',
    actor: null,
    reason: null,
    details: { unsigned: unsignedMembers(state).join(',') },
  });
  changed();
  await reportToParent({
    kind: 'compact',
    key: state.clusterId,
    status: 'closed',
    done: state.signatures.length,
    total: state.memberUnits.length,
  });
  await flushOutbox(outbox);
  await condition(allHandlersFinished);
  await indexLane.ended();
  return state;
}
