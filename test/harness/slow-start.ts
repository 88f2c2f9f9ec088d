/**
 * The SDK gives the Java time-skipping server 5 s to answer after it spawns it (a constant in sdk-core's
 * ephemeral_server), and a JVM on a busy 2-core CI machine, beside other files starting theirs, sometimes needs
 * longer: "ephemeral server at 127.0.0.1:… did not start within 5s" (issue #14). The SDK kills that process; a
 * second start, with the JVM's files now in the page cache and the rush of parallel starts over, comes up. So a
 * start that timed out is tried again, a few times, a little later each time; any other failure is thrown at once.
 */
const SLOW_START = /did not start within/;

export function isSlowStart(error: unknown): boolean {
  return error instanceof Error && SLOW_START.test(error.message);
}

export interface SlowStartOptions {
  /** Starts in all, the first included (default 4). */
  attempts?: number;
  /** Wait before the second start (ms, default 1 000); doubled before each later one. */
  backoffMs?: number;
  /** Told of each start that timed out and will be tried again. */
  onRetry?: (attempt: number, error: Error) => void;
}

export async function startPatiently<T>(start: () => Promise<T>, options: SlowStartOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 4;
  let wait = options.backoffMs ?? 1_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (!isSlowStart(error) || attempt >= attempts) throw error;
      options.onRetry?.(attempt, error as Error);
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait *= 2;
    }
  }
}
