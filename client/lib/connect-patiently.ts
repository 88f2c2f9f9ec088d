/**
 * Connecting to Temporal at start-up, patiently: in a cluster the worker may start before the Temporal frontend
 * answers (or while it restarts), and a worker that exits on the first refusal only leaves its restart policy to
 * try again blindly. It retries with a growing pause (up to 10 s), saying each time why, until it connects or
 * the process is told to stop.
 */
export interface ConnectLog {
  warn(message: string): void;
}

export async function connectPatiently<T>(
  what: string,
  connect: () => Promise<T>,
  options: { log?: ConnectLog; maxDelayMs?: number; signal?: AbortSignal } = {},
): Promise<T> {
  const log = options.log ?? { warn: (m) => console.warn(m) };
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  for (let attempt = 1, delay = 250; ; attempt++, delay = Math.min(delay * 2, maxDelayMs)) {
    try {
      return await connect();
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      log.warn(`${what}: not reachable yet (attempt ${attempt}: ${reason}); trying again in ${delay} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
