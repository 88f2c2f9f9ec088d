/**
 * A small slice of the year's plan end to end on the real dev server (visibility, no time skipping) with real
 * mail delivery over SMTP: one cluster (hd-cum3), a drive that opens today, every member registering and
 * signing the compact, the compilation sent to the standing body, and the cases listed through visibility.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL_DOMAIN } from '../../store/index.js';
import { addDays, vnCalendarDate } from '../../domain/calendar.js';
import { planForYear } from '../../domain/plan-year/plan-run.js';
import { HAI_DUONG_2025 } from '../../domain/plans/hai-duong-2025.js';
import { compactId, compactStateQuery, compactUpdates } from '../../workflows/compact/messages.js';
import { plan } from '../../workflows/index.js';
import { planProgressQuery, planWorkflowId } from '../../workflows/plan/messages.js';
import { registrationId, registrationStateQuery, registrationUpdates } from '../../workflows/registration/messages.js';
import { connectToDevServer } from '../harness/temporal.js';
import { createCaseWorld, type CaseWorld } from '../support/case-world.js';

let env: TestWorkflowEnvironment;
let world: CaseWorld;
// A year no other test uses on the shared dev server; its cluster heads are copied from the demo's 2025.
const YEAR = 2090 + Math.floor(Math.random() * 10);
const UNITS = ['kv9', 'kv10', 'kv11', 'kv12'];
const at = (username: string) => `${username}@${DEMO_EMAIL_DOMAIN}`;

async function eventually(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  env = await connectToDevServer();
  world = await createCaseWorld(env);
  await world.db.query(
    `INSERT INTO cluster_heads (cluster_id, year, seat, unit_id) SELECT cluster_id, $1, seat, unit_id FROM cluster_heads WHERE year = 2025`,
    [YEAR],
  );
});
afterAll(async () => {
  for (const id of [
    planWorkflowId('hd', YEAR),
    ...UNITS.map((u) => registrationId(`hd-${u}`, YEAR)),
    compactId('hd-cum3', YEAR),
  ]) {
    await env.client.workflow
      .getHandle(id)
      .terminate('end of the e2e test')
      .catch(() => undefined);
  }
  await world?.close();
  await env?.teardown();
});

describe('the year on the dev server with real mail', () => {
  it('opens a drive, takes registrations and a compact, and sends the compilation to the standing body', async () => {
    const today = new Date().toISOString();
    const base = planForYear(HAI_DUONG_2025, YEAR);
    const drive = {
      id: 'dot-thi-dua-e2e',
      title: 'Đợt thi đua ngắn hạn kiểm thử',
      window: { from: vnCalendarDate(today), to: vnCalendarDate(addDays(today, 10)) },
      source: 'Kiểm thử đầu cuối',
    };
    const handle = await env.client.workflow.start(plan, {
      taskQueue: world.taskQueue,
      workflowId: planWorkflowId('hd', YEAR),
      args: [{ plan: { ...base, clusterIds: ['hd-cum3'], drives: [drive, ...base.drives] }, startedBy: null }],
    });

    await world.mail.waitFor(
      (ms) => ms.some((m) => m.subject === `[TĐKT] Phát động đợt thi đua: ${drive.title}`),
      30_000,
    );
    const opening = world.mail.messages.find((m) => m.subject.includes(drive.title))!;
    expect(opening.to).toEqual(expect.arrayContaining([at('thuongtruc'), ...UNITS.map((u) => at(`truong.${u}`))]));
    expect(opening.messageId).toBe(`plan.hd.${YEAR}.drive.dot-thi-dua-e2e.open@tdkt-flow`);

    for (const u of UNITS) {
      const reg = env.client.workflow.getHandle(registrationId(`hd-${u}`, YEAR));
      await eventually(async () => (await reg.query(registrationStateQuery)).status === 'not_registered');
      await reg.executeUpdate(registrationUpdates.register, {
        args: [
          {
            actor: await world.actor(`truong.${u}`),
            registration: {
              unitId: `hd-${u}`,
              year: YEAR,
              collectiveTitles: ['tap-the-lao-dong-tien-tien'],
              individuals: [{ personId: `hd-${u}-nv01`, titles: ['chien-si-thi-dua-co-so'] }],
            },
          },
        ],
      });
    }
    const cmp = env.client.workflow.getHandle(compactId('hd-cum3', YEAR));
    await eventually(async () => (await cmp.query(compactStateQuery)).stage === 'drafting');
    await cmp.executeUpdate(compactUpdates.draft, {
      args: [
        { actor: await world.actor('cumtruong.c3'), content: `Giao ước thi đua năm ${YEAR} của Cụm thi đua số 3` },
      ],
    });
    for (const u of UNITS)
      await cmp.executeUpdate(compactUpdates.sign, { args: [{ actor: await world.actor(`truong.${u}`) }] });

    await world.mail.waitFor(
      (ms) => ms.some((m) => m.subject.includes('Tổng hợp đăng ký thi đua và giao ước Cụm thi đua số 3')),
      30_000,
    );
    const compiled = world.mail.messages.find((m) =>
      m.subject.includes('Tổng hợp đăng ký thi đua và giao ước Cụm thi đua số 3'),
    )!;
    expect(compiled.to).toEqual(expect.arrayContaining([at('thuongtruc'), ...UNITS.map((u) => at(`truong.${u}`))]));
    expect(compiled.text).toContain('Tập thể: Tập thể lao động tiên tiến; cá nhân: 1 Chiến sĩ thi đua cơ sở');
    expect(compiled.text).toContain('Chưa ký giao ước: —');

    // Visibility lists the cases by their typed search attributes (no query per case).
    await eventually(async () => {
      let n = 0;
      for await (const w of env.client.workflow.list({
        query: `TdktKind = 'registration' AND TdktYear = ${YEAR} AND TdktStatus = 'registered'`,
      })) {
        if (w.workflowId.startsWith('registration/hd-kv')) n += 1;
      }
      return n === UNITS.length;
    });
    await eventually(async () => {
      const progress = await handle.query(planProgressQuery);
      return progress.registrations.registered === UNITS.length && progress.compacts.sent === 1;
    });
  }, 120_000);
});
