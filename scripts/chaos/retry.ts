/**
 * What a client does with an action whose answer it did not get: send it again under the same request id, which
 * attaches to the first attempt (client/lib/cases.ts). A refusal is an answer and is never retried; anything
 * else (ActionPendingError, UNAVAILABLE while Temporal is down, a deadline) is "no answer". Each kind is counted.
 */
import { ActionPendingError, ActionRefusedError } from '../../client/lib/cases.js';
import { sleep } from './free-port.js';

export type RetryCounts = Map<string, number>;

/** A short, stable name for an error that left the caller without an answer, for the figures. */
export function noAnswerKind(error: unknown): string {
  if (error instanceof ActionPendingError) return `pending:${error.code}`;
  const e = error as { name?: string; code?: unknown; message?: string };
  const grpc = typeof e.code === 'number' ? `grpc-${e.code}` : '';
  return [e.name ?? 'Error', grpc].filter(Boolean).join(':');
}

export class RetryBudgetExhausted extends Error {
  constructor(what: string, last: unknown) {
    super(`${what}: no answer before the deadline; last error: ${String((last as Error)?.message ?? last)}`);
    this.name = 'RetryBudgetExhausted';
  }
}

/**
 * Runs `attempt` until it answers (a result or a refusal) or `budgetMs` runs out. `attempt` receives the attempt
 * number (1 = first), so a caller can tell a refusal of a retry (the step may already be done) from a first one.
 */
/**
 * A case whose workflow task keeps failing refuses every action as 'case-retrying'; a worker crash clears that in
 * seconds, so one that lasts this long is a stuck case (a nondeterminism error, say): the journey stops re-sending
 * and the checks name it, instead of hammering it for the whole budget.
 */
export const STUCK_CASE_MS = 3 * 60_000;

export async function untilAnswered<T>(
  what: string,
  attempt: (n: number) => Promise<T>,
  counts: RetryCounts,
  budgetMs: number,
): Promise<T> {
  const deadline = Date.now() + budgetMs;
  let retryingSince: number | null = null;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (error instanceof ActionRefusedError && !(error instanceof ActionPendingError)) throw error;
      const kind = noAnswerKind(error);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      if (Date.now() > deadline) throw new RetryBudgetExhausted(what, error);
      const retrying = error instanceof ActionPendingError && error.code === 'case-retrying';
      retryingSince = retrying ? (retryingSince ?? Date.now()) : null;
      if (retryingSince !== null && Date.now() - retryingSince > STUCK_CASE_MS) {
        throw new RetryBudgetExhausted(`${what} (workflow task failing for ${STUCK_CASE_MS / 60_000} min)`, error);
      }
      // A pending answer is retried at once (it attaches and waits again); a refused connection after a pause.
      await sleep(error instanceof ActionPendingError && !retrying ? 200 : Math.min(5_000, 500 * n));
    }
  }
}
