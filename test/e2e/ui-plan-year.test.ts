/**
 * Issue 11's browser test (playwright-core driving Debian's Chromium): the standing body creates the coming year's
 * plan from the current one, fixes a drive flagged across Tết, rehearses the draft and reads its reminder
 * calendar, confirms every item and issues the plan. Then the year runs on a time-skipping server: the 01/12
 * Schedule's workflow (`nextYearPlan`, started as the Schedule starts it; the test server has no Schedules) opens
 * that year's registration, every unit gets its reminders, a unit head registers in the browser after the first
 * one, and from then on that unit gets no reminder and no escalation, while every other unit gets all of them.
 *
 * All real: the web server, the tdkt worker with its activities on the time-skipping server, the embedded database
 * with the demo organisation, an SMTP server whose mails are parsed with postal-mime, and the rehearsal in its own
 * process with its own Java servers. The expected mails are counted from the plan's offsets (data), by the test's
 * own clock arithmetic. axe-core checks the calendar page; screenshots go to test-artifacts/plan-year/ (git-ignored).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tetWindow } from '../../domain/plan-authoring/index.js';
import { planForYear } from '../../domain/plan-year/plan-run.js';
import { HAI_DUONG_2025 } from '../../domain/plans/index.js';
import type { Plan } from '../../domain/plan.js';
import { CasesClient } from '../../client/lib/cases.js';
import { buildWebServer } from '../../client/web/server.js';
import { DEMO_PASSWORD, seedDemoPasswords } from '../../store/credentials.js';
import { DEMO_EMAIL_DOMAIN, getUnit } from '../../store/index.js';
import { getPlanOfYear } from '../../store/plans.js';
import { planStateQuery, planWorkflowId } from '../../workflows/plan/messages.js';
import { startTimeSkippingServer } from '../harness/temporal.js';
import { untilInstant, waitFor } from '../harness/wait.js';
import { createCaseWorld, issueTestPlans, type CaseWorld } from '../support/case-world.js';

const ARTIFACTS = path.resolve('test-artifacts/plan-year');
const HOUR = 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');
/** A Vietnamese wall-clock moment (UTC+7) as an ISO instant. */
const vn = (day: number, month: number, year: number, hour = 0) =>
  new Date(Date.UTC(year, month - 1, day, hour) - 7 * HOUR).toISOString();
const ddmmyyyy = (day: number, month: number, year: number) => `${pad(day)}/${pad(month)}/${year}`;

let env: TestWorkflowEnvironment;
let world: CaseWorld;
let app: FastifyInstance;
let browser: Browser;
let base: string;
let YEAR: number;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  env = await startTimeSkippingServer();
  world = await createCaseWorld(env);
  await seedDemoPasswords(world.db, ['thuongtruc', 'truong.kv2'], DEMO_PASSWORD);
  // Two years ahead of the server's clock, so the whole registration season lies ahead whatever today is; the
  // year before it is "the current one", issued, with the 2025 cluster heads copied to it.
  YEAR = new Date((await env.currentTimeMs()) + 7 * HOUR).getUTCFullYear() + 2;
  await issueTestPlans(world.db, [planForYear(HAI_DUONG_2025, YEAR - 1)]);
  await world.db.query(
    `INSERT INTO cluster_heads (cluster_id, year, seat, unit_id) SELECT cluster_id, $1, seat, unit_id FROM cluster_heads WHERE year = 2025`,
    [YEAR - 1],
  );
  app = await buildWebServer({
    config: {
      TEMPORAL_UI_URL: 'http://temporal-ui.test:8233',
      OUTBOX_DIR: ARTIFACTS,
      PUBLIC_URL: 'http://127.0.0.1:3000',
    },
    db: world.db,
    temporal: env.client,
    cases: new CasesClient(env.client, world.taskQueue),
    showOutbox: false,
    signInLimit: { max: 1000, timeWindowMs: 60_000 },
    logLevel: process.env.WEB_TEST_LOG ?? 'silent',
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await world?.close();
  await env?.teardown();
});

/** A fresh browser context signed in as the user, landing on `next` (the sign-in form sends them back there). */
async function signIn(username: string, next: string, opts: { phone?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: opts.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${base}${next}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
  return page;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical WCAG 2.1 AA violations of the page (none expected). */
async function seriousA11yViolations(page: Page): Promise<{ id: string; impact: string | null }[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const g = globalThis as unknown as {
      axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null }[] }> };
      document: unknown;
    };
    const result = await g.axe.run(g.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

/** The reminder and escalation mails of the year's registration, as a mailbox sees them. */
const registrationMails = () =>
  world.mail.messages.filter(
    (m) => m.subject.includes(`đăng ký thi đua năm ${YEAR}`) || m.subject.includes(`chưa đăng ký thi đua năm ${YEAR}`),
  );

describe('Lập kế hoạch năm → diễn tập → ban hành → the year runs (Chromium, time skipping)', () => {
  it(
    'drafts, fixes a drive, rehearses, issues; unregistered units get every reminder, a registered one stops',
    { timeout: 600_000 },
    async () => {
      const draftPage = `/ke-hoach/soan-thao?nam=${YEAR}`;
      const standing = await signIn('thuongtruc', draftPage);

      // 1. The coming year's draft, made from the current year's issued plan.
      await expect
        .poll(() => standing.getByRole('heading', { name: `Chưa có dự thảo kế hoạch năm ${YEAR}` }).count())
        .toBe(1);
      expect(await standing.getByText(`Dự thảo được lập từ kế hoạch năm ${YEAR - 1}`).count()).toBe(1);
      await standing.getByRole('button', { name: `Lập dự thảo kế hoạch năm ${YEAR}` }).click();
      await standing.waitForURL(/ok=created/);
      expect(await standing.getByText('Dự thảo – chưa ban hành').count()).toBe(1);

      // 2. A drive flagged across Tết: moved to start after Tết, saved; the flag is gone, the item still to confirm.
      const flagged = standing
        .locator('fieldset[data-drive]', { has: standing.locator('li[data-flag="crosses_tet"]') })
        .first();
      const driveId = (await flagged.getAttribute('data-drive'))!;
      const tet = tetWindow(YEAR)!;
      const afterTet = new Date(Date.parse(`${tet.to}T00:00:00Z`) + 24 * HOUR);
      const newFrom = ddmmyyyy(afterTet.getUTCDate(), afterTet.getUTCMonth() + 1, afterTet.getUTCFullYear());
      await flagged.getByLabel('Từ ngày (dd/mm/yyyy)').fill(newFrom);
      await shot(standing, '01-draft-drive-fixed');
      await standing.getByRole('button', { name: 'Lưu dự thảo' }).click();
      await standing.waitForURL(/ok=saved/);
      const fixed = standing.locator(`fieldset[data-drive="${driveId}"]`);
      expect(await fixed.getByLabel('Từ ngày (dd/mm/yyyy)').inputValue()).toBe(newFrom);
      expect(await fixed.locator('li[data-flag="crosses_tet"]').count()).toBe(0);
      const saved = (await getPlanOfYear(world.db, 'hd', YEAR))!.draft!;
      const drive = (saved.content as Plan).drives.find((d) => d.id === driveId)!;
      expect(ddmmyyyy(drive.window.from.day, drive.window.from.month, drive.window.from.year)).toBe(newFrom);

      // 3. The rehearsal: a bad date is refused in Vietnamese, then the real run and its calendar.
      await standing.getByLabel('Ngày ban hành dự kiến (dd/mm/yyyy)').fill('30/11');
      await standing.getByRole('button', { name: 'Diễn tập', exact: true }).click();
      expect(await standing.getByRole('alert').first().innerText()).toContain(
        'Ngày ban hành dự kiến: “30/11” không phải ngày hợp lệ',
      );
      expect(await standing.getByLabel('Ngày ban hành dự kiến (dd/mm/yyyy)').inputValue()).toBe('30/11');
      // Issued after the registration day: the rehearsal names that deadline as a conflict.
      await standing.getByLabel('Ngày ban hành dự kiến (dd/mm/yyyy)').fill(ddmmyyyy(20, 1, YEAR));
      await standing
        .getByRole('button', { name: 'Diễn tập', exact: true })
        // The rehearsal runs a whole year twice before the page answers: half a minute, more on a busy machine.
        .click({ timeout: 300_000 });
      await standing.waitForURL(/\/dien-tap\?.*ok=rehearsed/, { timeout: 300_000 });
      const scenarioA = standing.locator('section[data-scenario="none_act"]');
      const scenarioB = standing.locator('section[data-scenario="sample_late"]');
      expect(await scenarioA.count()).toBe(1);
      expect(await scenarioB.count()).toBe(1);
      const plan = saved.content as Plan;
      const offsets = plan.deadlines.find((d) => d.kind === 'registration')!.reminders ?? plan.reminders;
      const kv2 = (await getUnit(world.db, 'hd-kv2'))!;
      // Scenario A (its per-unit table is folded: textContent): nobody registers, so VKSND khu vực 2's staff get every registration reminder (the compact's go to
      // the cluster head, kv1), and every escalation is about it.
      const kv2Row = scenarioA.locator('tr[data-unit="hd-kv2"] td');
      expect(Number(await kv2Row.nth(0).textContent())).toBe(offsets.reminders.length);
      expect(Number(await kv2Row.nth(1).textContent())).toBe(offsets.escalations.length);
      // Names, not ids; dates dd/mm/yyyy; the reason in Vietnamese.
      const truongKv2 = (await world.actor('truong.kv2')).displayName;
      const firstReminderDay = scenarioA.locator(`div[data-date="${YEAR}-01-08"]`);
      expect(await firstReminderDay.getByRole('heading').innerText()).toContain(`08/01/${YEAR}`);
      expect(await firstReminderDay.textContent()).toContain(truongKv2);
      expect(await firstReminderDay.innerText()).toContain('Nhắc trước hạn 7 ngày');
      expect(await scenarioA.innerText()).not.toMatch(/hd-kv\d/);
      expect(
        await scenarioA.locator('li[data-conflict="deadline_before_issue"]', { hasText: '15/01/' }).count(),
      ).toBeGreaterThan(0);
      // Scenario B: the sample (every third unit, VKSND khu vực 1 first) acts at noon on each due day, after the
      // reminders: nothing is escalated about it, where scenario A escalated it.
      const escalatedAbout = async (s: typeof scenarioA, unitId: string) =>
        Number(await s.locator(`tr[data-unit="${unitId}"] td`).nth(1).textContent());
      expect(await escalatedAbout(scenarioA, 'hd-kv1')).toBeGreaterThan(0);
      expect(await escalatedAbout(scenarioB, 'hd-kv1')).toBe(0);
      expect(await scenarioB.getByText('Các đơn vị thực hiện muộn trong kịch bản').count()).toBe(1);
      await shot(standing, '02-rehearsal-calendar');
      expect(await seriousA11yViolations(standing)).toEqual([]);
      const phone = await signIn('thuongtruc', `/ke-hoach/soan-thao/dien-tap?nam=${YEAR}`, { phone: true });
      expect(await phone.locator('section[data-scenario="none_act"]').count()).toBe(1);
      expect(
        await phone.evaluate(
          () =>
            (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
              .documentElement.scrollWidth,
        ),
      ).toBeLessThanOrEqual(390);
      await shot(phone, '03-rehearsal-calendar-phone');
      // The drafting page fits the phone too, its lists of units opened (the schedule rows, the council, the
      // clusters' selects and checkboxes stack).
      await phone.goto(`${base}${draftPage}`);
      await phone.locator('fieldset[data-cluster] details').evaluateAll((all) => {
        for (const d of all) (d as unknown as { open: boolean }).open = true;
      });
      expect(await phone.locator('fieldset[data-cluster] input[type="checkbox"]').count()).toBeGreaterThan(0);
      expect(
        await phone.evaluate(
          () =>
            (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
              .documentElement.scrollWidth,
        ),
      ).toBeLessThanOrEqual(390);
      await shot(phone, '03b-draft-phone');
      await phone.context().close();

      // 4. Confirm every item, then issue.
      await standing.goto(`${base}${draftPage}`);
      const open = async () => Number(await standing.locator('[data-open]').getAttribute('data-open'));
      for (let left = await open(); left > 0; left -= 1) {
        await standing.getByRole('button', { name: 'Xác nhận mục này' }).first().click();
        // Each confirmation reloads the page with one item fewer.
        await expect.poll(open, { timeout: 30_000 }).toBe(left - 1);
      }
      expect(await standing.locator('[data-open]').getAttribute('data-open')).toBe('0');
      await standing.getByLabel('Số hiệu văn bản').fill(`01/KH-VKS-${YEAR}`);
      await standing.getByLabel('Ngày ban hành (dd/mm/yyyy)').fill(ddmmyyyy(20, 11, YEAR - 1));
      await standing.getByLabel('Người ký').fill('Viện trưởng Nguyễn Văn A');
      await standing.getByRole('button', { name: `Ban hành kế hoạch năm ${YEAR}` }).click();
      await standing.waitForURL(/ok=issued/);
      expect(await standing.getByRole('status').first().innerText()).toContain('sẽ tự khởi động lúc 00:00 ngày 01/12');
      await shot(standing, '04-issued');
      await standing.context().close();

      // 5. 00:00 on 01/12, Vietnam time: the Schedule's workflow starts the issued plan; the registrations open.
      await untilInstant(env, vn(1, 12, YEAR - 1));
      await env.client.workflow.start('nextYearPlan', {
        taskQueue: world.taskQueue,
        workflowId: 'plan-starter/hd',
        args: [{ orgUnitId: 'hd' }],
      });
      const planHandle = env.client.workflow.getHandle(planWorkflowId('hd', YEAR));
      await waitFor(async () => expect((await planHandle.query(planStateQuery)).childrenStarted).toBe(true), 60_000);
      const units = (await planHandle.query(planStateQuery)).context.units;
      expect(units).toHaveLength(20);

      // 6. After the first reminder (08/01 09:00) every unit's head has it; VKSND khu vực 2's head then registers.
      const dueDay = plan.deadlines.find((d) => d.kind === 'registration')!.date;
      await untilInstant(env, vn(8, 1, YEAR, 10));
      const headOf = (unitId: string) =>
        `truong.${unitId === 'hd' ? 'hd' : unitId.replace(/^hd-/, '')}@${DEMO_EMAIL_DOMAIN}`;
      await world.mail.waitFor(
        () => units.every((u) => registrationMails().some((m) => m.to.includes(headOf(u.id)))),
        60_000,
      );
      const registrationPage = `/ke-hoach/dang-ky/hd-kv2?nam=${YEAR}`;
      const head = await signIn('truong.kv2', registrationPage, { phone: true });
      expect(await head.locator('[data-status]').getAttribute('data-status')).toBe('not_registered');
      await head.locator('input[name="tap_the"]').first().check();
      await head.getByRole('button', { name: 'Ký, gửi đăng ký' }).click();
      await head.waitForURL(/ok=register/);
      expect(await head.locator('[data-status]').getAttribute('data-status')).toBe('registered');
      await shot(head, '05-registered-phone');
      await head.context().close();

      // 7. Past the last escalation: count every unit's mails against the plan's offsets.
      const dueMs = Date.UTC(dueDay.year, dueDay.month - 1, dueDay.day + 1) - 7 * HOUR;
      const lastEscalation = Math.max(...offsets.escalations.map((o) => dueMs + (o.days * 24 + (o.hours ?? 0)) * HOUR));
      await untilInstant(env, new Date(lastEscalation + 2 * HOUR).toISOString());
      const expectedTotal = (units.length - 1) * (offsets.reminders.length + offsets.escalations.length) + 1;
      await world.mail.waitFor(() => registrationMails().length >= expectedTotal, 60_000);
      const mails = registrationMails();
      for (const u of units) {
        const reminders = mails.filter(
          (m) => m.subject.startsWith('[TĐKT] Nhắc việc') && m.subject.endsWith(`— ${u.name}`),
        );
        const reported = mails.filter((m) => m.subject.startsWith(`[TĐKT] Báo cáo: ${u.name} chưa đăng ký`));
        expect(
          reminders.every((m) => m.to.includes(headOf(u.id))),
          u.id,
        ).toBe(true);
        if (u.id === 'hd-kv2') {
          // The first reminder only: none after it registered, and no escalation about it.
          expect(
            reminders.map((m) => /Thời điểm nhắc: (.*)/.exec(m.text)?.[1]),
            u.id,
          ).toEqual([`09:00 08/01/${YEAR}`]);
          expect(reported, u.id).toHaveLength(0);
        } else {
          expect(reminders, u.id).toHaveLength(offsets.reminders.length);
          expect(reported, u.id).toHaveLength(offsets.escalations.length);
          expect(
            reported.every((m) => m.to.includes(`thuongtruc@${DEMO_EMAIL_DOMAIN}`)),
            u.id,
          ).toBe(true);
        }
      }
      expect(kv2.name).toBe(units.find((u) => u.id === 'hd-kv2')!.name);
      expect(mails).toHaveLength(expectedTotal);
    },
  );
});
