/**
 * The start-up step's failure path, on the shared dev server: when the Schedule cannot be created (here, a namespace
 * that does not exist, after trying again for a while) start-up is told so in a clear log line and goes on; nothing
 * is thrown. A namespace registered late and a server answering late are waited for; a shutdown stops the wait. The success path is
 * covered by test/e2e/npm-start.test.ts, which checks the Schedule after a real `npm start`.
 */
import { createServer, connect, type Server } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SqlSession } from '../../store/sql.js';
import { ensurePlanScheduleAtStartup } from '../../worker/plan-schedule-at-startup.js';
import { connectToDevServer, uniqueId } from '../harness/temporal.js';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await connectToDevServer();
});
afterAll(async () => {
  await env?.teardown();
});

describe('next-year Schedule at start-up', () => {
  it('logs a failure to create it and resolves false instead of crashing start-up', async () => {
    const missing = uniqueId('no-such-namespace');
    const client = new Client({ connection: env.connection, namespace: missing });
    const lines: { level: 'info' | 'error'; message: string }[] = [];
    const log = {
      info: (message: string) => lines.push({ level: 'info', message }),
      error: (message: string) => lines.push({ level: 'error', message }),
    };

    // The directory's one council names the organisation (no PLAN_ORG_UNIT_ID configured).
    const db = { query: async () => [{ unit_id: 'hd' }], exec: async () => undefined } as unknown as SqlSession;
    // An unknown namespace is tried again (it may be registered a moment ago); here it never comes.
    await expect(ensurePlanScheduleAtStartup(client, { taskQueue: 'tdkt', db, retryForMs: 2_500 }, log)).resolves.toBe(
      false,
    );

    const errors = lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(lines.at(-1)).toBe(errors[0]);
    expect(errors[0]!.message).toContain('could not create "plan-next-year/hd"');
    expect(errors[0]!.message).toMatch(/namespace/i);
    expect(lines.filter((l) => l.level === 'info').map((l) => l.message)).toEqual([
      `schedule: Temporal does not know namespace "${missing}" yet; trying again in 1 s`,
    ]);
  }, 60_000);

  it('waits for a namespace registered after start-up began, then creates the Schedule', async () => {
    const namespace = uniqueId('late-namespace');
    const client = new Client({ connection: env.connection, namespace });
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    const db = {
      query: async (sql: string) => (sql.includes('FROM councils') ? [{ unit_id: 'hd' }] : []),
      exec: async () => undefined,
    } as unknown as SqlSession;
    const scheduleId = uniqueId('plan-next-year-ns');
    const ensured = ensurePlanScheduleAtStartup(client, { taskQueue: uniqueId('tdkt'), db, scheduleId }, log);
    // Registered once the first try has been told the namespace is unknown.
    const deadline = Date.now() + 30_000;
    while (!lines.some((l) => l.includes('does not know namespace')) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await env.connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs('1 day'),
    });
    try {
      await expect(ensured).resolves.toBe(true);
      expect(lines[0]).toContain(`does not know namespace "${namespace}" yet`);
      expect(lines.some((line) => line.includes(`"${scheduleId}" created`))).toBe(true);
      await expect(client.schedule.getHandle(scheduleId).describe()).resolves.toBeDefined();
    } finally {
      await client.schedule
        .getHandle(scheduleId)
        .delete()
        .catch(() => undefined);
    }
  }, 150_000);

  it('stops quietly when its signal is aborted while it waits', async () => {
    const client = new Client({ connection: env.connection, namespace: uniqueId('never-namespace') });
    const lines: { level: 'info' | 'error'; message: string }[] = [];
    const log = {
      info: (message: string) => lines.push({ level: 'info', message }),
      error: (message: string) => lines.push({ level: 'error', message }),
    };
    const db = { query: async () => [{ unit_id: 'hd' }], exec: async () => undefined } as unknown as SqlSession;
    const stopping = new AbortController();
    const started = Date.now();
    const ensured = ensurePlanScheduleAtStartup(client, { taskQueue: 'tdkt', db, signal: stopping.signal }, log);
    const deadline = Date.now() + 30_000;
    while (lines.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    stopping.abort();
    await expect(ensured).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(60_000); // not the two minutes of retries
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(lines.length).toBeGreaterThan(0);
  }, 90_000);

  it('waits for a server that is not answering yet, then creates the Schedule', async () => {
    // A frontend that drops every connection for its first 25 s (a cluster still joining up; longer than the SDK's own retries), then forwards.
    const [host, port] = inject('temporalAddress').split(':') as [string, string];
    const answersFrom = Date.now() + 25_000;
    const proxy: Server = createServer((socket) => {
      if (Date.now() < answersFrom) return void socket.destroy();
      const upstream = connect(Number(port), host);
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const address = proxy.address();
    const connection = Connection.lazy({
      address: `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    });
    const client = new Client({ connection, namespace: inject('temporalNamespace') });
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    // The directory names the organisation; it has no issued plan, so nothing is caught up.
    const db = {
      query: async (sql: string) => (sql.includes('FROM councils') ? [{ unit_id: 'hd' }] : []),
      exec: async () => undefined,
    } as unknown as SqlSession;
    const scheduleId = uniqueId('plan-next-year-late');
    try {
      await expect(
        ensurePlanScheduleAtStartup(client, { taskQueue: uniqueId('tdkt'), db, scheduleId }, log),
      ).resolves.toBe(true);
      expect(lines.some((line) => line.includes('not available yet'))).toBe(true);
      expect(lines).toContain(lines.find((line) => line.includes(`"${scheduleId}" created`)));
      await expect(env.client.schedule.getHandle(scheduleId).describe()).resolves.toBeDefined();
    } finally {
      await env.client.schedule
        .getHandle(scheduleId)
        .delete()
        .catch(() => undefined);
      await connection.close();
      proxy.close();
    }
  }, 120_000);

  it('says why when the directory does not name one organisation, and creates nothing', async () => {
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    const db = {
      query: async () => [{ unit_id: 'hd' }, { unit_id: 'bn' }],
      exec: async () => undefined,
    } as unknown as SqlSession;
    await expect(ensurePlanScheduleAtStartup(env.client, { taskQueue: 'tdkt', db }, log)).resolves.toBe(false);
    expect(lines).toEqual([
      "schedule: next year's plan will not start by itself: the directory has 2 councils (hd, bn): set PLAN_ORG_UNIT_ID",
    ]);
  });
});
