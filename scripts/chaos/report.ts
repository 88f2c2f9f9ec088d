/** The figures of a fault run as a table for the terminal (and the README), and as JSON for the run's folder. */
import type { Verdict } from './checks.js';

export interface Figures {
  journeys: number;
  finished: number;
  awarded: number;
  workerKills: number;
  workerStarts: number;
  temporalRestarts: number;
  temporalOutageSeconds: number;
  smtpOutageSeconds: number;
  postgresRestarts: number;
  retries: number;
  caseReads: number;
  refusedRetries: number;
  laterTries: number;
  rivalSubmits: string;
  submitWait: string;
  actionWait: string;
  bookRowsOnePerCase: string;
  mails: string;
  mailResends: number;
  failedOrStuck: number;
  taskFailures: number;
  routineTaskFailures: number;
  nondeterminism: string;
  actionsTwice: number;
  replays: string;
  minutes: number;
}

export function figuresOf(input: {
  verdict: Verdict;
  journeys: number;
  finished: number;
  kills: number;
  starts: number;
  temporalRestarts: number;
  temporalOutageSeconds: number;
  smtpOutageSeconds: number;
  postgresRestarts: number;
  retries: number;
  caseReads: number;
  refusedRetries: number;
  laterTries: number;
  rivals: Map<string, number>;
  waits: Map<string, number[]>;
  startedAt: number;
}): Figures {
  const v = input.verdict;
  return {
    journeys: input.journeys,
    finished: input.finished,
    awarded: v.awarded,
    workerKills: input.kills,
    workerStarts: input.starts,
    temporalRestarts: input.temporalRestarts,
    temporalOutageSeconds: input.temporalOutageSeconds,
    smtpOutageSeconds: input.smtpOutageSeconds,
    postgresRestarts: input.postgresRestarts,
    retries: input.retries,
    caseReads: input.caseReads,
    refusedRetries: input.refusedRetries,
    laterTries: input.laterTries,
    rivalSubmits: [...input.rivals].map(([outcome, n]) => `${n} ${outcome}`).join(', ') || 'none',
    submitWait: spread(input.waits.get('submit') ?? []),
    actionWait: spread([...input.waits.values()].flat()),
    bookRowsOnePerCase: `${input.journeys - v.bookRowsWrong.length}/${input.journeys}`,
    mails: `${v.mailsArrived}/${v.mailsExpected}`,
    mailResends: v.mailResends,
    failedOrStuck: v.failedWorkflows.length + v.stuck.length,
    taskFailures: v.taskFailures.length,
    routineTaskFailures: v.routineTaskFailures,
    // The same error shows in a history (once per case) and in the worker logs (once per attempt): both counts.
    nondeterminism: `${new Set(v.taskFailures.filter((f) => f.nondeterminism).map((f) => f.workflowId)).size} / ${v.nondeterminismInLogs.length}`,
    actionsTwice: v.actionsTwice.length + v.quotaDoubles.length,
    replays: `${v.workflows - v.replayFailures.length}/${v.workflows}`,
    minutes: Math.round((Date.now() - input.startedAt) / 6000) / 10,
  };
}

/** "p50 / p95 / max" in seconds: how long people waited for an answer, outages included. */
function spread(ms: number[]): string {
  if (ms.length === 0) return '-';
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! / 1000).toFixed(1);
  return `${at(0.5)} / ${at(0.95)} / ${(sorted.at(-1)! / 1000).toFixed(1)}`;
}

const LABELS: Record<keyof Figures, string> = {
  journeys: 'journeys',
  finished: 'journeys answered to the end',
  awarded: 'cases awarded',
  workerKills: 'worker SIGKILLs',
  workerStarts: 'worker starts',
  temporalRestarts: 'Temporal restarts',
  temporalOutageSeconds: 'Temporal down (s, each)',
  smtpOutageSeconds: 'SMTP down (s)',
  postgresRestarts: 'PostgreSQL restarts',
  retries: 'actions re-sent (same request id)',
  caseReads: 'case reads by readers (--readers)',
  refusedRetries: 're-sent actions refused after applied',
  laterTries: 'submits tried again later (ledger not answering)',
  rivalSubmits: 'rival submits (new request id)',
  submitWait: 'submit answered in s (p50 / p95 / max)',
  actionWait: 'any action answered in s (p50 / p95 / max)',
  bookRowsOnePerCase: 'cases with exactly one book row',
  mails: 'mails arrived / expected',
  mailResends: 'resends (same Message-ID)',
  failedOrStuck: 'failed or stuck workflows',
  taskFailures: 'workflow-task failures (not the kill)',
  routineTaskFailures: 'routine task failures (new events, sticky reset)',
  nondeterminism: 'nondeterminism: cases / worker log lines',
  actionsTwice: 'actions applied twice',
  replays: 'histories that replay',
  minutes: 'minutes',
};

export function figuresTable(f: Figures): string {
  const rows = (Object.keys(LABELS) as (keyof Figures)[]).map((k) => [LABELS[k], String(f[k])] as const);
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    '| figure | value |',
    '|---|---|',
    ...rows.map(([label, value]) => `| ${label.padEnd(width)} | ${value} |`),
  ].join('\n');
}
