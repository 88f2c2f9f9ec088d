/**
 * The time-skipping server survives a slow JVM start (issue #14): the SDK gives it 5 s, and a start that timed out is
 * tried again. Checked with the real SDK and server, whose first start is held back past the SDK's limit, and the
 * retry rule itself with stand-in starts.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { isSlowStart, startPatiently } from './slow-start.js';
import { startTimeSkippingServer } from './temporal.js';

const SDK_TIMEOUT = new Error(
  "Failed to start ephemeral server: ephemeral server at 127.0.0.1:40001 did not start within 5s. Make sure another download isn't stuck and delete the temp file.",
);

describe('starting patiently', () => {
  it('starts again after a start that timed out, and answers with the start that came up', async () => {
    let calls = 0;
    const retries: number[] = [];
    const started = await startPatiently(
      async () => {
        calls += 1;
        if (calls < 3) throw SDK_TIMEOUT;
        return 'up';
      },
      { backoffMs: 1, onRetry: (attempt) => retries.push(attempt) },
    );
    expect(started).toBe('up');
    expect(calls).toBe(3);
    expect(retries).toEqual([1, 2]);
  });

  it('gives up after its attempts with the last timeout, and never retries another failure', async () => {
    let calls = 0;
    const timingOut = () => {
      calls += 1;
      return Promise.reject(SDK_TIMEOUT);
    };
    await expect(startPatiently(timingOut, { attempts: 3, backoffMs: 1 })).rejects.toBe(SDK_TIMEOUT);
    expect(calls).toBe(3);

    calls = 0;
    const broken = new Error('spawn ENOENT');
    await expect(
      startPatiently(
        () => {
          calls += 1;
          return Promise.reject(broken);
        },
        { backoffMs: 1 },
      ),
    ).rejects.toBe(broken);
    expect(calls).toBe(1);
    expect(isSlowStart(broken)).toBe(false);
    expect(isSlowStart(SDK_TIMEOUT)).toBe(true);
  });
});

describe('the time-skipping server behind a slow JVM start', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tdkt-slow-jvm-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("comes up although its first start answers only after the SDK's 5 s", async () => {
    const real = inject('testServerPath');
    expect(real, 'the cached test server (npm run tools)').toBeTruthy();
    // A stand-in executable: its first run waits 8 s before starting the real server (the SDK gives up after 5 s
    // and kills it), later runs start it at once. It counts its runs.
    const count = path.join(dir, 'starts');
    const wrapper = path.join(dir, 'slow-test-server');
    writeFileSync(
      wrapper,
      [
        '#!/usr/bin/env bash',
        `n=$(( $(cat '${count}' 2>/dev/null || echo 0) + 1 ))`,
        `echo "$n" > '${count}'`,
        'if [ "$n" -eq 1 ]; then sleep 8; fi',
        `exec '${real}' "$@"`,
        '',
      ].join('\n'),
    );
    chmodSync(wrapper, 0o755);

    const retries: string[] = [];
    const env = await startTimeSkippingServer({
      executablePath: wrapper,
      backoffMs: 200,
      onRetry: (_attempt, error) => retries.push(error.message),
    });
    try {
      expect(retries).toHaveLength(1);
      expect(retries[0]).toMatch(/did not start within 5s/);
      expect(readFileSync(count, 'utf8').trim()).toBe('2');
      // The server that came up skips time, with the project's search attributes registered.
      expect(env.supportsTimeSkipping).toBe(true);
      const before = await env.currentTimeMs();
      await env.sleep('3 days');
      expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(3 * 24 * 60 * 60 * 1000);
    } finally {
      await env.teardown();
    }
  }, 120_000);
});
