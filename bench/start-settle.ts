/**
 * "Start + settle": start N workflows with bounded concurrency and wait until each one waits for its first
 * human action (its `state` query answers), reporting throughput and the worker's memory. Stops starting new
 * ones at the deadline, so the bench ends in bounded time even on a slow machine (the figure says so).
 */
import type { MeasuredChild } from './processes/measured-child.js';
import { round, summarise, type LatencySummary } from './stats.js';
import { memoryFigures, type MemoryFigures } from './memory.js';

export interface StartSettleFigures {
  requested: number;
  settled: number;
  failed: number;
  /** True when the deadline stopped the run before every workflow was started. */
  truncated: boolean;
  seconds: number;
  workflowsPerSecond: number;
  /** Time from start to "waits for a person" of one workflow, as the caller who started it waits. */
  perWorkflow: LatencySummary | null;
  worker: MemoryFigures;
  /** Worker RSS growth during the starts divided by the workflows settled (cached workflows cost memory). */
  rssGrowthPerWorkflowKb: number | null;
  firstError: string | null;
  /** The worker process died during the starts (how), or null: the figures then stop where it died. */
  workerDied: string | null;
}

export interface StartSettleOptions {
  label: string;
  count: number;
  concurrency: number;
  /** Epoch ms after which no new workflow is started. */
  deadline: number;
  /** Starts workflow number i and resolves once it waits for a person. */
  startOne: (i: number) => Promise<void>;
  worker: MeasuredChild;
  log: (line: string) => void;
  progressEveryMs?: number;
}

/** More failures than this (1 %, at least 10) means something is broken, not slow: stop rather than hide it. */
const maxFailures = (count: number) => Math.max(10, Math.ceil(count / 100));

export async function startAndSettle(options: StartSettleOptions): Promise<StartSettleFigures> {
  const { label, count, concurrency, deadline, startOne, worker, log } = options;
  const MAX_FAILURES = maxFailures(count);
  let next = 0;
  let settled = 0;
  let failed = 0;
  let firstError: string | null = null;
  const durations: number[] = [];
  worker.mark();
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const progress = setInterval(() => {
    log(`  ${label}: ${settled}/${count} waiting for a person (${round(settled / elapsed(), 1)}/s)`);
  }, options.progressEveryMs ?? 5000);

  const lane = async () => {
    while (next < count && Date.now() < deadline && failed <= MAX_FAILURES && worker.unexpectedExit === null) {
      const i = next;
      next += 1;
      const began = performance.now();
      try {
        await startOne(i);
        durations.push(performance.now() - began);
        settled += 1;
      } catch (error) {
        failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, lane));
  } finally {
    clearInterval(progress);
  }
  if (failed > MAX_FAILURES && worker.unexpectedExit === null)
    throw new Error(`${label}: ${failed} workflows failed to start; first: ${firstError}`);
  const seconds = elapsed();
  const memory = memoryFigures(worker.window());
  const figures: StartSettleFigures = {
    requested: count,
    settled,
    failed,
    truncated: settled + failed < count || worker.unexpectedExit !== null,
    seconds: round(seconds),
    workflowsPerSecond: round(settled / seconds, 1),
    perWorkflow: durations.length > 0 ? summarise(durations) : null,
    worker: memory,
    rssGrowthPerWorkflowKb: settled > 0 ? Math.round(((memory.rssPeakMb - memory.rssStartMb) * 1024) / settled) : null,
    firstError,
    workerDied: worker.unexpectedExit,
  };
  log(
    `  ${label}: ${settled} settled in ${figures.seconds} s (${figures.workflowsPerSecond}/s)${figures.truncated ? ' — stopped by the time limit' : ''}`,
  );
  return figures;
}
