/**
 * `npm start` as a user runs it: all services come up, the printed URLs answer, a mail sent to the
 * catcher shows in "Hộp thư đi" (to the demo's administrator, signed in; a visitor is sent to sign in), Ctrl-C (SIGINT to the whole process group) stops everything, and a
 * second start finds the first one's data.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection, WorkflowClient } from '@temporalio/client';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, pressCtrlC, startApp } from '../support/npm-start.js';
import { nextYearPlanScheduleId } from '../../client/lib/plan-schedule.js';
import { DEMO_PASSWORD } from '../../store/credentials.js';

/** Signs in over plain HTTP as a browser does (the form's CSRF token and cookie); returns the cookies to send. */
async function signIn(webUrl: string, username: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const form = await fetch(`${webUrl}/dang-nhap`);
  keep(form);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const res = await fetch(`${webUrl}/dang-nhap`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, username, password: DEMO_PASSWORD, next: '/' }).toString(),
  });
  expect(res.status, `sign-in of ${username}`).toBe(303);
  keep(res);
  return cookie();
}

function processesMentioning(text: string): string[] {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(text) && !line.includes('ps -eo'));
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start', () => {
  it('brings everything up, stops cleanly on Ctrl-C, and keeps its data for the next start', async () => {
    const [temporalPort, uiPort, webPort, smtpPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const env = {
      DATA_DIR: dataDir,
      TEMPORAL_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      WEB_PORT: String(webPort),
      SMTP_PORT: String(smtpPort),
    };

    const first = await startApp(env);
    const webUrl = `http://127.0.0.1:${webPort}`;
    expect(first.output()).toContain(webUrl);
    expect(first.output()).toContain(`http://127.0.0.1:${uiPort}`);
    expect((await fetch(webUrl)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${uiPort}/`)).status).toBe(200);

    // The local SMTP catcher receives real SMTP and the UI lists it.
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false });
    await transport.sendMail({ from: 'a@vks.test', to: 'b@vks.test', subject: 'Nhắc hạn đăng ký thi đua', text: 'x' });
    transport.close();
    expect((await fetch(`${webUrl}/hop-thu-di`, { redirect: 'manual' })).status).toBe(303);
    const admin = await signIn(webUrl, 'admin');
    const outbox = await fetch(`${webUrl}/hop-thu-di`, { headers: { cookie: admin } });
    expect(outbox.status).toBe(200);
    expect(await outbox.text()).toContain('Nhắc hạn đăng ký thi đua');

    // A case started in the first run…
    const connection = await Connection.connect({ address: `127.0.0.1:${temporalPort}` });
    // …next to the Schedule that start-up created for next year's plan, on the app's task queue.
    expect(first.output()).toContain('schedule: "plan-next-year/hd" created');
    const schedule = await new Client({ connection }).schedule.getHandle(nextYearPlanScheduleId('hd')).describe();
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'nextYearPlan', taskQueue: 'tdkt' });
    expect(schedule.spec.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(schedule.spec.calendars?.[0]).toMatchObject({
      month: [expect.objectContaining({ start: 'DECEMBER', end: 'DECEMBER' })],
      dayOfMonth: [expect.objectContaining({ start: 1, end: 1 })],
    });
    const workflowId = `persisted-${temporalPort}`;
    await new WorkflowClient({ connection }).start('notRegisteredHere', { taskQueue: 'nobody-polls', workflowId });
    await connection.close();

    expect(await pressCtrlC(first)).toBe(0);
    expect(processesMentioning(dataDir)).toEqual([]);
    expect(await portIsFree(webPort)).toBe(true);
    expect(await portIsFree(smtpPort)).toBe(true);
    expect(await portIsFree(temporalPort)).toBe(true);

    // …is still there after a restart on the same data.
    const second = await startApp(env);
    expect(second.output()).toContain('schedule: "plan-next-year/hd" already exists');
    const again = await Connection.connect({ address: `127.0.0.1:${temporalPort}` });
    const described = await new WorkflowClient({ connection: again }).getHandle(workflowId).describe();
    expect(described.status.name).toBe('RUNNING');
    await again.close();
    expect(await pressCtrlC(second)).toBe(0);
    expect(processesMentioning(dataDir)).toEqual([]);
  }, 300_000);
});
