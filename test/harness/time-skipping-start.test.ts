/**
 * The time-skipping server starts reliably on a slow machine: the SDK allows its JVM a fixed 5 s, so the
 * wrapper starts it from a class-data archive, and a start that still times out is tried again.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { isSlowStart, startTimeSkippingServer } from './temporal.js';

const dir = mkdtempSync(path.join(tmpdir(), 'tdkt-ts-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An executable that never opens its port for its first `slowStarts` runs, then starts the real server. */
function sluggishServer(name: string, slowStarts: number): { executable: string; runs: () => number } {
  const real = inject('testServerPath');
  if (!real) throw new Error('no time-skipping server wrapper: run `npm run tools`');
  const log = path.join(dir, `${name}.runs`);
  const executable = path.join(dir, `${name}.sh`);
  writeFileSync(
    executable,
    [
      '#!/usr/bin/env bash',
      `echo run >> '${log}'`,
      `if [ "$(wc -l < '${log}')" -le ${slowStarts} ]; then exec sleep 30; fi`,
      `exec '${real}' "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(executable, 0o755);
  return { executable, runs: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').length : 0) };
}

describe('starting the time-skipping server', () => {
  it('starts the JVM from the class-data archive that `npm run tools` wrote', () => {
    const wrapper = readFileSync(inject('testServerPath') ?? '', 'utf8');
    const archive = /-XX:SharedArchiveFile='([^']+)'/.exec(wrapper)?.[1];
    expect(archive, wrapper).toBeDefined();
    expect(existsSync(archive!)).toBe(true);
  });

  it('tries again when a start times out, and the second server works', async () => {
    const server = sluggishServer('once-slow', 1);
    const env = await startTimeSkippingServer({ executable: server.executable });
    try {
      expect(server.runs()).toBe(2);
      const info = await env.connection.workflowService.getSystemInfo({});
      expect(info.capabilities).toBeDefined();
    } finally {
      await env.teardown();
    }
  }, 60_000);

  it('gives up with the SDK’s error after its attempts', async () => {
    const server = sluggishServer('always-slow', 99);
    const failure = await startTimeSkippingServer({ executable: server.executable, attempts: 2 }).catch(
      (error: unknown) => error,
    );
    expect(isSlowStart(failure)).toBe(true);
    expect(server.runs()).toBe(2);
  }, 60_000);
});
