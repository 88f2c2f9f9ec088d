/**
 * What the histories of a fault run say: every workflow task that failed (and why), every mail a case sent (the
 * sendNotice activities that completed with recipients), and whether each history replays against the current
 * workflow bundle. Histories are written to the run's directory so a finding can be replayed and read later.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { historyToJSON, type History } from '@temporalio/common/lib/proto-utils.js';
// The proto package is CommonJS: under tsx (plain Node ESM) only its default export is visible.
import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';

const EventType = proto.temporal.api.enums.v1.EventType;
const Cause = proto.temporal.api.enums.v1.WorkflowTaskFailedCause;

/**
 * Causes that are the server refusing a completion because new events (or an Update) arrived meanwhile, or the
 * sticky queue being reset when a worker goes away: routine under kills, not a fault of the workflow code.
 */
const ROUTINE_CAUSES = new Set<number>([
  Cause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND,
  Cause.WORKFLOW_TASK_FAILED_CAUSE_RESET_STICKY_TASK_QUEUE,
  Cause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_UPDATE,
]);

export interface TaskFailure {
  workflowId: string;
  eventId: number;
  cause: string;
  message: string;
  routine: boolean;
  nondeterminism: boolean;
}

export interface FetchedHistory {
  workflowId: string;
  history: History;
  file: string;
}

export async function fetchHistories(client: Client, workflowIds: string[], dir: string): Promise<FetchedHistory[]> {
  mkdirSync(dir, { recursive: true });
  const fetched: FetchedHistory[] = [];
  for (const workflowId of workflowIds) {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    const file = path.join(dir, `${workflowId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
    // The same { workflowId, history } shape test/harness/histories.ts loads, so a finding can become a fixture.
    writeFileSync(file, JSON.stringify({ workflowId, history: JSON.parse(historyToJSON(history)) as unknown }));
    fetched.push({ workflowId, history, file });
  }
  return fetched;
}

export function taskFailuresOf({ workflowId, history }: FetchedHistory): TaskFailure[] {
  return (history.events ?? []).flatMap((event) => {
    if (event.eventType !== EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED) return [];
    const attributes = event.workflowTaskFailedEventAttributes;
    const causeNumber = attributes?.cause ?? 0;
    const message = attributes?.failure?.message ?? '';
    const cause = Cause[causeNumber] ?? String(causeNumber);
    return [
      {
        workflowId,
        eventId: Number(event.eventId),
        cause: cause.replace('WORKFLOW_TASK_FAILED_CAUSE_', ''),
        message,
        routine: ROUTINE_CAUSES.has(causeNumber),
        nondeterminism:
          causeNumber === Cause.WORKFLOW_TASK_FAILED_CAUSE_NON_DETERMINISTIC_ERROR ||
          /TMPRL1100|nondetermin/i.test(message),
      },
    ];
  });
}

/** Message-IDs of the notices a case sent: sendNotice activities that completed with at least one recipient. */
export function sentMessageIdsOf({ history }: FetchedHistory): string[] {
  const events = history.events ?? [];
  const sendNotice = new Set(
    events
      .filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'sendNotice')
      .map((e) => Number(e.eventId)),
  );
  return events.flatMap((e) => {
    const completed = e.activityTaskCompletedEventAttributes;
    if (!completed || !sendNotice.has(Number(completed.scheduledEventId))) return [];
    const payload = completed.result?.payloads?.[0];
    if (!payload) return [];
    const result = defaultPayloadConverter.fromPayload<{ messageId: string; recipients: string[] }>(payload);
    return result.recipients.length > 0 ? [result.messageId] : [];
  });
}

/** Activities scheduled and never closed: work the case still owes (a stuck case once the run has settled). */
export function openActivitiesOf({ history }: FetchedHistory): number {
  const events = history.events ?? [];
  const closed = new Set<number>();
  for (const e of events) {
    const scheduledId =
      e.activityTaskCompletedEventAttributes?.scheduledEventId ??
      e.activityTaskFailedEventAttributes?.scheduledEventId ??
      e.activityTaskTimedOutEventAttributes?.scheduledEventId ??
      e.activityTaskCanceledEventAttributes?.scheduledEventId;
    if (scheduledId !== undefined && scheduledId !== null) closed.add(Number(scheduledId));
  }
  return events.filter((e) => e.activityTaskScheduledEventAttributes && !closed.has(Number(e.eventId))).length;
}

/** Replays every history against the bundle the workers ran; returns the ones that did not replay. */
export async function replayFailures(
  bundlePath: string,
  histories: FetchedHistory[],
): Promise<{ workflowId: string; error: string }[]> {
  const failures: { workflowId: string; error: string }[] = [];
  const results = Worker.runReplayHistories(
    { workflowBundle: { codePath: bundlePath }, replayName: 'chaos' },
    histories.map(({ workflowId, history }) => ({ workflowId, history })),
  );
  for await (const result of results) {
    if (result.error) failures.push({ workflowId: result.workflowId, error: String(result.error) });
  }
  return failures;
}
