import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectPatiently } from '../../client/lib/connect-patiently.js';

afterEach(() => vi.useRealTimers());

describe('connectPatiently (worker start-up while Temporal is not up yet)', () => {
  it('retries with a growing pause, saying why each time, until it connects', async () => {
    vi.useFakeTimers();
    const warnings: string[] = [];
    let calls = 0;
    const connected = connectPatiently(
      'Temporal at 127.0.0.1:7233',
      async () => {
        calls += 1;
        if (calls < 4) throw new Error('connection refused');
        return 'connection';
      },
      { log: { warn: (m) => warnings.push(m) }, maxDelayMs: 1_000 },
    );
    await vi.advanceTimersByTimeAsync(250 + 500 + 1_000);
    await expect(connected).resolves.toBe('connection');
    expect(calls).toBe(4);
    expect(warnings).toEqual([
      'Temporal at 127.0.0.1:7233: not reachable yet (attempt 1: connection refused); trying again in 250 ms',
      'Temporal at 127.0.0.1:7233: not reachable yet (attempt 2: connection refused); trying again in 500 ms',
      'Temporal at 127.0.0.1:7233: not reachable yet (attempt 3: connection refused); trying again in 1000 ms',
    ]);
  });

  it('gives up once the process is told to stop', async () => {
    const stop = new AbortController();
    stop.abort();
    await expect(
      connectPatiently('Temporal', () => Promise.reject(new Error('refused')), { signal: stop.signal }),
    ).rejects.toThrow('refused');
  });
});
