/**
 * A complaint about a commendation (`complaint/<id>`): filed against a nomination case or a book row, due within
 * the rule set's 'complaint.resolveDays'. `hold_case` holds the running nomination (its own `hold` Update, sent by
 * an activity through the Temporal client, so the nomination's rules decide); `propose` records the standing
 * body's findings and proposed conclusion; `resolve` is the leadership's conclusion: dismissed, the hold is
 * released (`resume`); upheld, the nomination stays held, and the award may be revoked — through the nomination's
 * `revoke` Update while its case is still open, else on the book row.
 *
 * Complaints started before the patch `complaint-leader-concludes` have no `propose`: their `resolve` (by the
 * standing body or the leadership) closes them and always releases the hold, as they ran.
 */
import {
  allHandlersFinished,
  condition,
  patched,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  ComplaintActionSchemas,
  ComplaintStartSchema,
  checkComplaintAction,
  complaintFacts,
  complaintPendingReminders,
  complaintReminderNotice,
  complaintWaitingOn,
  initialComplaintState,
  type ComplaintAction,
  type ComplaintActionName,
  type ComplaintStartInput,
  type ComplaintState,
} from '../../domain/plan-year/complaint.js';
import { councilLeadership, standingBody, type NoticeDraft } from '../../domain/plan-year/common.js';
import { ruleSetFor } from '../../domain/rules/index.js';
import { SA } from '../../domain/search-attributes.js';
import { nowIso } from '../shared/clock.js';
import { PATCHES } from '../shared/patches.js';
import { handlerQueue } from '../shared/handler-queue.js';
import { asFailure, parseOrRefuse, refusalFailure } from '../shared/refusals.js';
import { Refusal } from '../../domain/nomination/refusal.js';
import {
  flushOutbox,
  sendRemindersDueNow,
  waitForChangeOr,
  withReminderRounding,
  yearActivities,
} from '../plan/shell.js';
import { complaintStateQuery, complaintUpdates, type ComplaintResult } from './messages.js';
import { startCaseIndexLane } from '../shared/case-index.js';
import { complaintIndexRow } from '../../domain/case-index.js';

function publish(state: ComplaintState): void {
  const waiting = complaintWaitingOn(state);
  upsertSearchAttributes([
    { key: SA.kind, value: 'complaint' },
    { key: SA.stage, value: state.stage },
    { key: SA.status, value: state.stage === 'resolved' ? 'closed' : 'open' },
    { key: SA.dueAt, value: new Date(state.dueAt) },
    { key: SA.waitingRole, value: waiting?.role ?? null },
    { key: SA.waitingUnit, value: waiting?.unitId ?? null },
  ]);
}

export async function complaint(input: ComplaintStartInput): Promise<ComplaintState> {
  const workflowId = workflowInfo().workflowId;
  const start = parseOrRefuse(ComplaintStartSchema, input);
  // Decided once, at filing: a complaint keeps the procedure it was filed under to the end.
  const procedure = patched(PATCHES.complaintLeaderConcludes) ? 'leader-concludes' : 'standing-body-resolves';
  const state = withReminderRounding(initialComplaintState(start, ruleSetFor(nowIso()), nowIso(), procedure));
  const outbox: NoticeDraft[] = [
    {
      event: 'complaint_filed',
      key: 'complaint.filed',
      to: standingBody(state.council),
      headline: `Đơn khiếu nại về thi đua, khen thưởng: ${state.complaintId}`,
      facts: complaintFacts(state),
    },
  ];
  let version = 0;
  const indexLane = startCaseIndexLane(() => complaintIndexRow(state, workflowId));
  const changed = () => {
    version += 1;
    publish(state);
    indexLane.changed();
  };
  const result = (): ComplaintResult => ({
    workflowId,
    stage: state.stage,
    held: !!state.hold && !state.hold.released,
  });

  // Handlers wait on activities: run them one at a time, re-checking after waiting their turn.
  const queue = handlerQueue();
  const serial = async <T>(fn: () => Promise<T>): Promise<T> => {
    const { turn, release } = queue.take();
    await turn;
    try {
      return await fn();
    } finally {
      release();
    }
  };
  const parse = (name: ComplaintActionName, raw: unknown): ComplaintAction =>
    ({ name, input: parseOrRefuse(ComplaintActionSchemas[name], raw) }) as ComplaintAction;

  setHandler(
    complaintUpdates.hold_case,
    (raw: unknown) =>
      serial(async () => {
        const action = parse('hold_case', raw);
        asFailure(() => checkComplaintAction(state, action));
        if (action.name !== 'hold_case' || state.target.kind !== 'nomination')
          throw refusalFailure(
            new Refusal('no-case', 'Không có hồ sơ để tạm dừng.', 'the complaint names no case to hold'),
          );
        const held = await yearActivities.nominationAction({
          caseId: state.target.caseId,
          action: 'hold',
          actor: action.input.actor,
          reason: action.input.reason,
          complaintId: state.complaintId,
        });
        if (!held.ok)
          throw refusalFailure(
            new Refusal(
              'hold-refused',
              `Hồ sơ ${state.target.caseId} không tạm dừng được: ${held.reason}`,
              `case ${state.target.caseId} could not be held: ${held.reason}`,
            ),
          );
        const now = nowIso();
        state.hold = { caseId: state.target.caseId, by: action.input.actor, at: now, released: false };
        state.audit.push({
          at: now,
          action: 'hold_case',
          actor: action.input.actor,
          reason: action.input.reason,
          details: { caseId: state.target.caseId, stage: held.stage },
        });
        changed();
        return result();
      }),
    { validator: (raw: unknown) => asFailure(() => checkComplaintAction(state, parse('hold_case', raw))) },
  );

  setHandler(
    complaintUpdates.propose,
    (raw: unknown) =>
      serial(async () => {
        const action = parse('propose', raw);
        asFailure(() => checkComplaintAction(state, action));
        if (action.name !== 'propose')
          throw refusalFailure(new Refusal('invalid-action', 'Thao tác không hợp lệ.', 'not a propose action'));
        const { actor, findings, outcome, revokeAward, reason } = action.input;
        const now = nowIso();
        state.stage = 'proposed';
        state.proposal = { findings, outcome, revokeAward, reason, by: actor, at: now };
        state.audit.push({ at: now, action: 'propose', actor, reason, details: { outcome, revokeAward } });
        outbox.push({
          event: 'complaint_proposed',
          key: 'complaint.proposed',
          to: councilLeadership(state.council),
          headline: `Thường trực Hội đồng tham mưu kết luận đơn khiếu nại ${state.complaintId}`,
          facts: [
            ...complaintFacts(state),
            ['Kết quả xác minh', findings],
            ['Đề xuất', outcome === 'upheld' ? 'Có cơ sở' : 'Không có cơ sở'],
            ['Lý do', reason],
            ['Đề xuất hủy khen thưởng', revokeAward ? 'Có' : 'Không'],
          ],
        });
        changed();
        return result();
      }),
    { validator: (raw: unknown) => asFailure(() => checkComplaintAction(state, parse('propose', raw))) },
  );

  setHandler(
    complaintUpdates.resolve,
    (raw: unknown) =>
      serial(async () => {
        const action = parse('resolve', raw);
        asFailure(() => checkComplaintAction(state, action));
        if (action.name !== 'resolve')
          throw refusalFailure(new Refusal('invalid-action', 'Thao tác không hợp lệ.', 'not a resolve action'));
        const { actor, outcome, revokeAward, reason } = action.input;
        let revoked = false;
        if (revokeAward) revoked = await revoke(actor, reason);
        // An upheld complaint keeps the nomination held (the standing body then returns or rejects it); complaints
        // filed under the old procedure release it whatever the outcome, as they always did.
        const releases = state.procedure === 'standing-body-resolves' || outcome === 'dismissed';
        if (state.hold && !state.hold.released && releases) {
          // The hold is released by the standing body that placed it (the nomination lets only it resume).
          const resumed = await yearActivities.nominationAction({
            caseId: state.hold.caseId,
            action: 'resume',
            actor: state.hold.by,
            reason: `Đã giải quyết khiếu nại ${state.complaintId}: ${reason}`,
          });
          state.hold.released = true;
          state.audit.push({
            at: nowIso(),
            action: 'release_hold',
            actor: state.hold.by,
            reason,
            details: { ok: resumed.ok, detail: resumed.ok ? resumed.stage : resumed.reason },
          });
        }
        const now = nowIso();
        state.stage = 'resolved';
        state.resolution = { outcome, revokeAward, reason, by: actor, at: now, revoked };
        state.audit.push({ at: now, action: 'resolve', actor, reason, details: { outcome, revoked } });
        outbox.push({
          event: 'complaint_resolved',
          key: 'complaint.resolved',
          to: [...standingBody(state.council), { userId: state.filedBy.userId }],
          headline: `Kết quả giải quyết đơn khiếu nại ${state.complaintId}: ${outcome === 'upheld' ? 'có cơ sở' : 'không có cơ sở'}`,
          facts: [
            ...complaintFacts(state),
            ['Kết luận', reason],
            ['Hủy khen thưởng', revoked ? 'Có' : 'Không'],
            ...(state.hold && !state.hold.released
              ? ([['Hồ sơ bị khiếu nại', 'Tiếp tục tạm dừng; Thường trực Hội đồng trả lại hoặc không đề nghị']] as [
                  string,
                  string,
                ][])
              : []),
          ],
        });
        changed();
        return result();
      }),
    { validator: (raw: unknown) => asFailure(() => checkComplaintAction(state, parse('resolve', raw))) },
  );
  setHandler(complaintStateQuery, () => state);

  /** Revokes the award the complaint is about; refuses (changing nothing) when there is none to revoke. */
  async function revoke(actor: ComplaintState['filedBy'], reason: string): Promise<boolean> {
    const target = state.target;
    if (target.kind === 'book') {
      const { changed: done } = await yearActivities.revokeBookEntry({
        caseKey: target.caseKey,
        reason,
        by: actor.userId,
      });
      return done;
    }
    const nomination = await yearActivities.describeNomination({ caseId: target.caseId });
    if (nomination.running && nomination.stage === 'awarded') {
      const r = await yearActivities.nominationAction({ caseId: target.caseId, action: 'revoke', actor, reason });
      if (!r.ok)
        throw refusalFailure(
          new Refusal('revoke-refused', `Không hủy được khen thưởng: ${r.reason}`, `award not revoked: ${r.reason}`),
        );
      return true;
    }
    if (nomination.bookEntryKey) {
      const { changed: done } = await yearActivities.revokeBookEntry({
        caseKey: nomination.bookEntryKey,
        reason,
        by: actor.userId,
      });
      return done;
    }
    throw refusalFailure(
      new Refusal(
        'nothing-to-revoke',
        'Hồ sơ chưa có quyết định khen thưởng: không có gì để hủy.',
        'the case has no award decision to revoke',
      ),
    );
  }

  publish(state);
  for (;;) {
    await flushOutbox(outbox);
    if (state.stage === 'resolved') break;
    const now = nowIso();
    const pending = complaintPendingReminders(state);
    if (
      await sendRemindersDueNow(
        pending.map((r) => ({ r })),
        now,
        ({ r }) => complaintReminderNotice(state, r),
        state,
      )
    ) {
      changed();
      continue;
    }
    // After the last escalation the complaint stays open until it is resolved.
    const seen = version;
    await waitForChangeOr(() => version !== seen || outbox.length > 0, [pending[0]?.at]);
  }
  await condition(allHandlersFinished);
  await indexLane.ended();
  return state;
}
