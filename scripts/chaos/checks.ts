/**
 * The verdict of a fault run, from the sources a person would trust: visibility and describe (nothing failed or
 * stuck), each case's own state (awarded, every step once), the commendation book (one row per case), the quota
 * ledgers (one place per case), the mails caught by the SMTP sink against the mails the histories say were sent,
 * the histories' failed workflow tasks, the workers' logs, and a replay of every history.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { awardCaseKey, searchAwards, type SqlDatabase } from '../../store/index.js';
import type { NominationState } from '../../domain/nomination/types.js';
import { nominationStateQuery } from '../../workflows/nomination/messages.js';
import { quotaStateQuery } from '../../workflows/quota/messages.js';
import {
  fetchHistories,
  openActivitiesOf,
  replayFailures,
  sentMessageIdsOf,
  taskFailuresOf,
  type TaskFailure,
} from './histories.js';
import type { CaughtMail } from './mail-sink.js';

export interface Verdict {
  workflows: number;
  failedWorkflows: string[];
  stuck: string[];
  awarded: number;
  bookRowsWrong: string[];
  quotaDoubles: string[];
  actionsTwice: string[];
  mailsExpected: number;
  mailsArrived: number;
  mailResends: number;
  mailsLost: string[];
  mailsUnexpected: string[];
  taskFailures: TaskFailure[];
  routineTaskFailures: number;
  nondeterminismInLogs: string[];
  replayFailures: { workflowId: string; error: string }[];
  historyDir: string;
}

/** The staff steps a journey takes once each; a second entry of one by the same person is an action applied twice. */
const ONCE_PER_ACTOR = new Set(['submit', 'endorse', 'verify', 'vote', 'approve']);

async function withDeadline<T>(client: Client, ms: number, fn: () => Promise<T>): Promise<T> {
  return client.withDeadline(Date.now() + ms, fn);
}

async function listWorkflows(client: Client) {
  const all: { workflowId: string; status: string; type: string }[] = [];
  for await (const execution of client.workflow.list()) {
    all.push({ workflowId: execution.workflowId, status: execution.status.name, type: execution.type });
  }
  return all;
}

/** Why a case is not finished, or null: used both to wait for the run to settle and to judge it. */
export async function unfinished(client: Client, caseId: string): Promise<string | null> {
  try {
    // Describe first: a case stuck on a failing workflow task does not answer queries at all.
    const description = await withDeadline(client, 10_000, () => client.workflow.getHandle(caseId).describe());
    const task = description.raw.pendingWorkflowTask;
    if (task && (task.attempt ?? 0) > 1) return `workflow task retrying (attempt ${task.attempt})`;
    const pending = description.raw.pendingActivities ?? [];
    const state = await withDeadline(client, 10_000, () =>
      client.workflow.getHandle(caseId).query(nominationStateQuery),
    );
    if (state.stage !== 'awarded') return `stage ${state.stage}`;
    if (!state.bookEntryKey) return 'awarded but not in the book yet';
    if (pending.length > 0) {
      return `${pending.length} activities pending (${pending.map((a) => a.activityType?.name).join(', ')})`;
    }
    return null;
  } catch (error) {
    return `not answering: ${error instanceof Error ? error.message : String(error)}`;
  }
}

async function bookRowsByCase(db: SqlDatabase): Promise<Map<string, number>> {
  const rows = new Map<string, number>();
  for (let offset = 0; ; offset += 500) {
    const page = await searchAwards(db, {
      year: 2025,
      awardCode: 'giay-khen',
      includeRevoked: true,
      limit: 500,
      offset,
    });
    for (const entry of page.items) rows.set(entry.caseKey, (rows.get(entry.caseKey) ?? 0) + 1);
    if (offset + 500 >= page.total) return rows;
  }
}

function actionsTwiceOf(state: NominationState): string[] {
  const seen = new Map<string, number>();
  for (const entry of state.audit) {
    const key =
      entry.action === 'book'
        ? 'book'
        : ONCE_PER_ACTOR.has(entry.action)
          ? `${entry.action}:${entry.actor?.userId}`
          : null;
    if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([key, n]) => `${state.caseId} ${key} ×${n}`);
}

function nondeterminismInLogs(files: string[]): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /TMPRL1100|Nondeterminism/i.test(line))
      .map((line) => `${path.basename(file)}: ${line.slice(0, 300)}`),
  );
}

export async function judgeRun(input: {
  client: Client;
  db: SqlDatabase;
  caseIds: string[];
  mails: CaughtMail[];
  bundlePath: string;
  runDir: string;
  workerLogs: string[];
}): Promise<Verdict> {
  const { client, db, caseIds } = input;
  const listed = await listWorkflows(client);
  const failedWorkflows = listed
    .filter((w) => w.status !== 'RUNNING' && w.status !== 'COMPLETED')
    .map((w) => `${w.workflowId} ${w.status}`);
  const listedIds = new Set(listed.map((w) => w.workflowId));
  const stuck: string[] = caseIds.filter((id) => !listedIds.has(id)).map((id) => `${id}: not in visibility`);

  const states: NominationState[] = [];
  for (const caseId of caseIds) {
    const why = await unfinished(client, caseId);
    if (why) stuck.push(`${caseId}: ${why}`);
    try {
      states.push(
        await withDeadline(client, 10_000, () => client.workflow.getHandle(caseId).query(nominationStateQuery)),
      );
    } catch {
      /* already reported as stuck */
    }
  }
  const awarded = states.filter((s) => s.stage === 'awarded' && s.bookEntryKey).length;
  const actionsTwice = states.flatMap(actionsTwiceOf);

  const book = await bookRowsByCase(db);
  const bookRowsWrong = caseIds
    .map((id) => [id, book.get(awardCaseKey(id, 'award')) ?? 0] as const)
    .filter(([, n]) => n !== 1)
    .map(([id, n]) => `${id}: ${n} book rows`);

  const quotaDoubles: string[] = [];
  for (const ledger of listed.filter((w) => w.workflowId.startsWith('quota/'))) {
    const { reservations } = await withDeadline(client, 10_000, () =>
      client.workflow.getHandle(ledger.workflowId).query(quotaStateQuery),
    );
    const perCase = new Map<string, number>();
    reservations.forEach((r) => perCase.set(r.caseId, (perCase.get(r.caseId) ?? 0) + 1));
    for (const [caseId, n] of perCase) if (n > 1) quotaDoubles.push(`${ledger.workflowId}: ${caseId} ×${n}`);
  }

  const historyDir = path.join(input.runDir, 'histories');
  const histories = await fetchHistories(
    client,
    listed.map((w) => w.workflowId),
    historyDir,
  );
  for (const h of histories) {
    const open = openActivitiesOf(h);
    if (open > 0 && !stuck.some((s) => s.startsWith(h.workflowId)))
      stuck.push(`${h.workflowId}: ${open} activities never closed`);
  }
  const allFailures = histories.flatMap(taskFailuresOf);
  const expected = new Set(histories.flatMap(sentMessageIdsOf));
  const arrived = new Set(input.mails.map((m) => m.messageId));

  return {
    workflows: listed.length,
    failedWorkflows,
    stuck,
    awarded,
    bookRowsWrong,
    quotaDoubles,
    actionsTwice,
    mailsExpected: expected.size,
    mailsArrived: arrived.size,
    mailResends: input.mails.length - arrived.size,
    mailsLost: [...expected].filter((id) => !arrived.has(id)),
    mailsUnexpected: [...arrived].filter((id) => !expected.has(id)),
    taskFailures: allFailures.filter((f) => !f.routine),
    routineTaskFailures: allFailures.filter((f) => f.routine).length,
    nondeterminismInLogs: nondeterminismInLogs(input.workerLogs),
    replayFailures: await replayFailures(input.bundlePath, histories),
    historyDir,
  };
}

/** Every way the run can have lost, doubled or stuck something; empty means it passed. */
export function problemsOf(v: Verdict, journeys: number, journeyErrors: string[]): string[] {
  const list = (label: string, items: readonly unknown[]) =>
    items.length > 0 ? [`${label} (${items.length}):\n  ${items.slice(0, 20).map(String).join('\n  ')}`] : [];
  return [
    ...list('journeys that did not finish', journeyErrors),
    ...(v.awarded !== journeys ? [`awarded ${v.awarded} of ${journeys}`] : []),
    ...list('failed workflows', v.failedWorkflows),
    ...list('stuck', v.stuck),
    ...list('book rows not exactly one', v.bookRowsWrong),
    ...list('quota places held twice', v.quotaDoubles),
    ...list('actions applied twice', v.actionsTwice),
    ...list('mails lost', v.mailsLost),
    ...list('mails nobody sent (a new Message-ID)', v.mailsUnexpected),
    ...list(
      'workflow tasks failed',
      v.taskFailures.map((f) => `${f.workflowId} event ${f.eventId}: ${f.cause}: ${f.message.slice(0, 200)}`),
    ),
    ...list('nondeterminism in worker logs', v.nondeterminismInLogs),
    ...list(
      'histories that do not replay',
      v.replayFailures.map((f) => `${f.workflowId}: ${f.error.slice(0, 300)}`),
    ),
  ];
}
