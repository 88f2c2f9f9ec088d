/**
 * The fault suite (scripts/chaos) is only worth its green if its checks can go red: these feed its history
 * scanners, its retry rule and its verdict a run that went wrong, and expect each fault to be named.
 */
import { ServiceError } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { History } from '@temporalio/common/lib/proto-utils.js';
import { temporal } from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { ActionPendingError, ActionRefusedError } from '../../client/lib/cases.js';
import { problemsOf, type Verdict } from '../../scripts/chaos/checks.js';
import { openActivitiesOf, sentMessageIdsOf, taskFailuresOf } from '../../scripts/chaos/histories.js';
import { untilAnswered } from '../../scripts/chaos/retry.js';

const E = temporal.api.enums.v1.EventType;
const Cause = temporal.api.enums.v1.WorkflowTaskFailedCause;

const notice = (messageId: string, recipients: string[]) =>
  defaultPayloadConverter.toPayload({ messageId, recipients });

// fromObject takes event ids as plain numbers (the type wants protobuf Longs).
const history: History = temporal.api.history.v1.History.fromObject({
  events: [
    {
      eventId: 5,
      eventType: E.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
      activityTaskScheduledEventAttributes: { activityType: { name: 'sendNotice' } },
    },
    {
      eventId: 6,
      eventType: E.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
      activityTaskScheduledEventAttributes: { activityType: { name: 'sendNotice' } },
    },
    {
      eventId: 7,
      eventType: E.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
      activityTaskScheduledEventAttributes: { activityType: { name: 'recordAward' } },
    },
    {
      eventId: 8,
      eventType: E.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
      activityTaskCompletedEventAttributes: {
        scheduledEventId: 5,
        result: { payloads: [notice('a@tdkt', ['x@vks'])] },
      },
    },
    {
      eventId: 9,
      eventType: E.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
      activityTaskCompletedEventAttributes: { scheduledEventId: 6, result: { payloads: [notice('b@tdkt', [])] } },
    },
    {
      eventId: 25,
      eventType: E.EVENT_TYPE_WORKFLOW_TASK_FAILED,
      workflowTaskFailedEventAttributes: {
        cause: Cause.WORKFLOW_TASK_FAILED_CAUSE_WORKFLOW_WORKER_UNHANDLED_FAILURE,
        failure: { message: '[TMPRL1100] Nondeterminism error: Update machine does not handle this event' },
      },
    },
    {
      eventId: 30,
      eventType: E.EVENT_TYPE_WORKFLOW_TASK_FAILED,
      workflowTaskFailedEventAttributes: { cause: Cause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND },
    },
  ],
});
const fetched = { workflowId: 'nomination/c/u/1', history, file: '' };

describe('fault suite checks', () => {
  it('names a nondeterminism failure, and tells it from the routine refusal of a stale completion', () => {
    const failures = taskFailuresOf(fetched);
    expect(failures.map((f) => [f.eventId, f.routine, f.nondeterminism])).toEqual([
      [25, false, true],
      [30, true, false],
    ]);
  });

  it('expects a mail for each notice sent to somebody, and counts the work a case still owes', () => {
    expect(sentMessageIdsOf(fetched)).toEqual(['a@tdkt']);
    expect(openActivitiesOf(fetched)).toBe(1); // recordAward never closed
  });

  it('re-sends what got no answer, never a refusal', async () => {
    const counts = new Map<string, number>();
    let calls = 0;
    const answered = await untilAnswered(
      'submit',
      async () => {
        calls += 1;
        if (calls === 1) throw new ActionPendingError('…', 'no answer in time', 'pending');
        if (calls === 2) throw new ServiceError('14 UNAVAILABLE');
        return 'ok';
      },
      counts,
      60_000,
    );
    expect([answered, calls]).toEqual(['ok', 3]);
    const refused = untilAnswered(
      'endorse',
      () => Promise.reject(new ActionRefusedError('…', 'no', 'wrong-stage')),
      counts,
      60_000,
    );
    await expect(refused).rejects.toBeInstanceOf(ActionRefusedError);
  });

  it('fails a run for every kind of loss, duplicate or stuck case', () => {
    const clean: Verdict = {
      workflows: 2,
      failedWorkflows: [],
      stuck: [],
      awarded: 1,
      bookRowsWrong: [],
      quotaDoubles: [],
      actionsTwice: [],
      mailsExpected: 1,
      mailsArrived: 1,
      mailResends: 3,
      mailsLost: [],
      mailsUnexpected: [],
      taskFailures: [],
      routineTaskFailures: 4,
      nondeterminismInLogs: [],
      replayFailures: [],
      historyDir: '',
    };
    expect(problemsOf(clean, 1, [])).toEqual([]);
    const broken: Partial<Verdict>[] = [
      { awarded: 0 },
      { stuck: ['x: stage council_vote'] },
      { bookRowsWrong: ['x: 2 book rows'] },
      { quotaDoubles: ['q: x ×2'] },
      { actionsTwice: ['x submit ×2'] },
      { mailsLost: ['m'] },
      { mailsUnexpected: ['m2'] },
      { taskFailures: taskFailuresOf(fetched).filter((f) => !f.routine) },
      { nondeterminismInLogs: ['worker-1.log: TMPRL1100'] },
      { replayFailures: [{ workflowId: 'x', error: 'DeterminismViolationError' }] },
      { failedWorkflows: ['x FAILED'] },
    ];
    for (const change of broken) expect(problemsOf({ ...clean, ...change }, 1, [])).toHaveLength(1);
  });
});
