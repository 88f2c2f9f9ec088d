/**
 * The web UI in a real browser (playwright-core driving Debian's Chromium) against the real web server, the
 * Temporal dev server and the tdkt worker: each role signs in in turn and one nomination goes from the unit's
 * draft to the commendation book through the UI only. Bad input shows the Vietnamese message and changes
 * nothing. Screenshots of the main pages go to test-artifacts/ui/; axe-core checks them for accessibility.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findByCaseKey } from '../../store/book.js';
import { planForYear } from '../../domain/plan-year/plan-run.js';
import { HAI_DUONG_2025 } from '../../domain/plans/index.js';
import { advancedModelId } from '../../domain/plan-year/advanced-model.js';
import { advancedModels, plan } from '../../workflows/index.js';
import { advancedModelUpdates } from '../../workflows/plan/advanced-model-messages.js';
import { planWorkflowId } from '../../workflows/plan/messages.js';
import { uniqueId } from '../harness/temporal.js';
import { eventually, startWebWorld, type WebWorld } from './web-support.js';
import { YearCasesClient } from '../../client/lib/year-cases.js';

const ARTIFACTS = path.resolve('test-artifacts/ui');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let w: WebWorld;
let browser: Browser;
let base: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  w = await startWebWorld();
  await w.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(w.app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});
// The plan's year for the plan pages: one no other test uses on the shared dev server (see web-plan-http.test.ts).
const PLAN_YEAR = 2060 + Math.floor(Math.random() * 20);
afterAll(async () => {
  if (w) {
    for await (const e of w.env.client.workflow.list({ query: `TdktYear = ${PLAN_YEAR}` })) {
      await w.env.client.workflow
        .getHandle(e.workflowId)
        .terminate('end of the browser test')
        .catch(() => undefined);
    }
  }
  await browser?.close();
  await w?.close();
});

/** A fresh browser context (own cookies) signed in as the user, phone-sized when asked. */
async function signIn(username: string, opts: { phone?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: opts.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${base}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('tdkt2025');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${base}/`);
  return page;
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.waitForURL(/\/dang-nhap/);
  await page.context().close();
}

const axeChecked: string[] = [];
async function checkA11y(page: Page, name: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${name}: ${JSON.stringify(serious)}`).toEqual([]);
  axeChecked.push(name);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Opens the case from the inbox (visibility is eventually consistent: reload until it is listed). */
async function openFromInbox(page: Page, caseId: string): Promise<void> {
  const link = page.locator(`a[href="/ho-so/${encodeURIComponent(caseId)}"]`).first();
  await eventually(async () => {
    await page.goto(`${base}/`);
    expect(await link.count()).toBeGreaterThan(0);
  });
  await link.click();
  await page.waitForURL(/\/ho-so\//);
}

async function stage(caseId: string) {
  return (await w.cases.getCase(caseId)).stage;
}

describe('one nomination through the whole journey in the browser', () => {
  it('clerk → head → cluster head → standing body → council → leadership → book', { timeout: 240_000 }, async () => {
    // 1. The unit's clerk drafts it (on a phone-sized screen).
    const clerk = await signIn('vanthu.kv2', { phone: true });
    await shot(clerk, '01-inbox-clerk-phone');
    await checkA11y(clerk, 'inbox');
    await clerk.getByRole('link', { name: 'Lập đề nghị' }).click();
    await clerk.getByLabel('Hình thức, danh hiệu').selectOption('giay-khen');
    await clerk.getByLabel('Cá nhân', { exact: true }).check();
    await clerk.getByRole('button', { name: 'Tiếp tục' }).click();
    await clerk.getByLabel(/Cá nhân được đề nghị/).selectOption({ index: 3 });
    const docs = clerk.locator('input[name^="doc_"]');
    for (let i = 0; i < (await docs.count()); i++) await docs.nth(i).fill(`Số ${i + 1}/TTr-VKSKV2`);
    await clerk.getByLabel('Tóm tắt thành tích').fill('Hoàn thành xuất sắc nhiệm vụ năm 2025.');
    await shot(clerk, '02-new-nomination');
    await checkA11y(clerk, 'new nomination');
    await clerk.getByRole('button', { name: 'Lập hồ sơ (bản nháp)' }).click();
    await clerk.waitForURL(/\/ho-so\/.+\?ok=create/);
    expect(await clerk.getByRole('status').first().innerText()).toContain('Đã lập hồ sơ');
    expect(await clerk.getByText('Chỉ tiêu đề nghị cá nhân của đơn vị').first().isVisible()).toBe(true);
    const caseId = decodeURIComponent(new URL(clerk.url()).pathname.replace('/ho-so/', ''));
    expect(await stage(caseId)).toBe('draft');
    // The clerk may not sign: no submit button for them.
    expect(await clerk.getByRole('button', { name: 'Ký, trình hồ sơ' }).count()).toBe(0);
    await shot(clerk, '03-case-draft');
    await checkA11y(clerk, 'case page (draft)');
    await signOut(clerk);

    // 2. The unit head signs and submits.
    const head = await signIn('truong.kv2');
    await openFromInbox(head, caseId);
    await head.getByRole('button', { name: 'Ký, trình hồ sơ' }).click();
    await head.waitForURL(/ok=submit/);
    expect(await stage(caseId)).toBe('cluster_review');
    await signOut(head);

    // 3. The cluster head: a bad rank shows the Vietnamese message and changes nothing; then endorses.
    const clusterHead = await signIn('cumtruong.c1');
    await openFromInbox(clusterHead, caseId);
    const auditBefore = (await w.cases.getCase(caseId)).audit.length;
    await clusterHead.getByLabel('Thứ tự xếp hạng trong cụm').fill('abc');
    await clusterHead.getByRole('button', { name: 'Cụm, khối đề nghị (xếp hạng)' }).click();
    expect(await clusterHead.getByRole('alert').first().innerText()).toContain('Thứ tự xếp hạng phải là số');
    await shot(clusterHead, '04-refused-bad-rank');
    const unchanged = await w.cases.getCase(caseId);
    expect(unchanged.stage).toBe('cluster_review');
    expect(unchanged.audit.length).toBe(auditBefore);
    await clusterHead.getByLabel('Thứ tự xếp hạng trong cụm').fill('1');
    await clusterHead.getByRole('button', { name: 'Cụm, khối đề nghị (xếp hạng)' }).click();
    await clusterHead.waitForURL(/ok=endorse/);
    expect(await stage(caseId)).toBe('standing_body_check');
    await signOut(clusterHead);

    // 4. The council's standing body checks the dossier.
    const secretary = await signIn('thuongtruc');
    await openFromInbox(secretary, caseId);
    await secretary.getByLabel('Hồ sơ đủ, chuyển Hội đồng').check();
    await secretary.getByRole('button', { name: 'Thẩm định hồ sơ' }).click();
    await secretary.waitForURL(/ok=verify/);
    expect(await stage(caseId)).toBe('council_vote');
    await signOut(secretary);

    // 5. Every council member votes yes.
    const voters = ['vientruong', 'phovientruong', 'thuongtruc', 'uyvien1', 'uyvien2', 'uyvien3', 'uyvien4', 'uyvien5'];
    for (const [i, voter] of voters.entries()) {
      const page = await signIn(voter);
      if (i === 0 || voter === 'uyvien1') await openFromInbox(page, caseId);
      else await page.goto(`${base}/ho-so/${encodeURIComponent(caseId)}`);
      await page.getByLabel('Đồng ý', { exact: true }).check();
      if (i === 0) {
        await shot(page, '05-case-vote');
        await checkA11y(page, 'case page (vote)');
      }
      await page.getByRole('button', { name: 'Biểu quyết', exact: true }).click();
      await page.waitForURL(/ok=vote/);
      await signOut(page);
    }
    expect(await stage(caseId)).toBe('leadership_approval');

    // 6. The chief prosecutor approves with a decision number and today's date (pre-filled, dd/mm/yyyy).
    const leader = await signIn('vientruong');
    await openFromInbox(leader, caseId);
    const dateField = leader.getByLabel('Ngày quyết định (dd/mm/yyyy)');
    expect(await dateField.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await leader.getByLabel('Số quyết định').fill('125/QĐ-VKSHD');
    await leader.getByRole('button', { name: 'Phê duyệt, ký quyết định' }).click();
    await leader.waitForURL(/ok=approve/);
    expect(await leader.locator('[data-stage="awarded"]').first().isVisible()).toBe(true);
    await shot(leader, '06-case-awarded');
    await leader.getByRole('link', { name: 'Bản in quyết định' }).click();
    expect(await leader.getByRole('heading', { level: 1 }).first().innerText()).toContain('QUYẾT ĐỊNH');
    await shot(leader, '07-decision');
    await signOut(leader);

    const row = await eventually(async () => {
      const r = await findByCaseKey(w.world.db, `${caseId}#award`);
      expect(r).not.toBeNull();
      return r!;
    });
    expect(row.awardCode).toBe('giay-khen');
    expect(row.decisionNumber).toBe('125/QĐ-VKSHD');

    // 7. The admin reads the case's history and the book.
    const admin = await signIn('admin');
    await admin.goto(`${base}/quan-tri/ho-so/${encodeURIComponent(caseId)}`);
    expect(await admin.getByRole('link', { name: 'Mở trong Temporal Web UI' }).getAttribute('href')).toMatch(
      new RegExp(`/namespaces/default/workflows/${encodeURIComponent(caseId).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    );
    await shot(admin, '08-admin-history');
    await checkA11y(admin, 'admin history');
    await admin.goto(`${base}/so-khen-thuong?year=2025`);
    expect(await admin.getByRole('link', { name: '125/QĐ-VKSHD' }).first().isVisible()).toBe(true);
    await shot(admin, '09-book');
    await checkA11y(admin, 'book');
    await admin.goto(`${base}/thong-ke`);
    await shot(admin, '10-dashboard');
    await checkA11y(admin, 'dashboard');
    await admin.goto(`${base}/quan-tri/quy-tac`);
    await checkA11y(admin, 'rule sets');
    await signOut(admin);

    const signInPage = await (await browser.newContext()).newPage();
    await signInPage.goto(`${base}/dang-nhap`);
    await shot(signInPage, '00-sign-in');
    await checkA11y(signInPage, 'sign-in');
    await signInPage.context().close();
    expect(axeChecked.length).toBeGreaterThanOrEqual(9);
  });
});

describe('the year in the browser: registration, compact, council session', () => {
  it(
    'a unit registers its titles, a member signs the compact, a council member votes from the session page',
    {
      timeout: 180_000,
    },
    async () => {
      await w.world.db.query(
        `INSERT INTO cluster_heads (cluster_id, year, seat, unit_id) SELECT cluster_id, $1, seat, unit_id FROM cluster_heads WHERE year = 2025`,
        [PLAN_YEAR],
      );
      await w.env.client.workflow.start(plan, {
        taskQueue: w.world.taskQueue,
        workflowId: planWorkflowId('hd', PLAN_YEAR),
        args: [{ plan: { ...planForYear(HAI_DUONG_2025, PLAN_YEAR), clusterIds: ['hd-cum1'] }, startedBy: null }],
      });
      await eventually(async () => {
        expect(await new YearCasesClient(w.env.client).registration('hd-kv2', PLAN_YEAR)).not.toBeNull();
        expect(await new YearCasesClient(w.env.client).compact('hd-cum1', PLAN_YEAR)).not.toBeNull();
      }, 30_000);

      // 1. The unit head reads the year's timeline on a phone and registers the unit's titles.
      const head = await signIn('truong.kv2', { phone: true });
      await head.goto(`${base}/ke-hoach?nam=${PLAN_YEAR}`);
      expect(await head.getByText(`15/01/${PLAN_YEAR}`).first().isVisible()).toBe(true);
      await shot(head, '11-plan-timeline-phone');
      await checkA11y(head, 'plan timeline');
      await head.getByRole('link', { name: `Đăng ký thi đua năm ${PLAN_YEAR}` }).click();
      await head.waitForURL(/\/ke-hoach\/dang-ky\/hd-kv2/);
      await head.getByLabel('Tập thể lao động tiên tiến').check();
      const firstPerson = head.locator('fieldset.person').first();
      await firstPerson.getByLabel('Chiến sĩ thi đua cơ sở').check();
      await shot(head, '12-registration-form-phone');
      await checkA11y(head, 'registration form');
      await head.getByRole('button', { name: 'Ký, gửi đăng ký' }).click();
      await head.waitForURL(/ok=register/);
      expect(await head.getByRole('status').first().innerText()).toContain('Đã ký, gửi bản đăng ký thi đua.');
      const registered = (await new YearCasesClient(w.env.client).registration('hd-kv2', PLAN_YEAR))!;
      expect(registered.status).toBe('registered');
      expect(registered.registration?.collectiveTitles).toEqual(['tap-the-lao-dong-tien-tien']);
      expect(registered.registration?.individuals).toHaveLength(1);

      // 2. The cluster head drafts the compact.
      const clusterHead = await signIn('cumtruong.c1');
      await clusterHead.goto(`${base}/giao-uoc?nam=${PLAN_YEAR}`);
      await clusterHead.getByRole('link', { name: 'Cụm thi đua số 1' }).click();
      await clusterHead.getByLabel(/Nội dung giao ước/).fill(`Giao ước thi đua năm ${PLAN_YEAR} của Cụm thi đua số 1.`);
      await clusterHead.getByRole('button', { name: 'Lưu dự thảo, phát động ký' }).click();
      await clusterHead.waitForURL(/ok=draft/);
      await signOut(clusterHead);

      // 3. A member unit's head signs it; the table shows who signed and when.
      await head.goto(`${base}/giao-uoc/hd-cum1?nam=${PLAN_YEAR}`);
      await head.getByRole('button', { name: 'Ký giao ước thi đua' }).click();
      await head.waitForURL(/ok=sign/);
      const row = head.locator('tr[data-unit="hd-kv2"]');
      expect(await row.innerText()).toContain('Đã ký');
      expect(await row.innerText()).toMatch(/\d{2}\/\d{2}\/\d{4}/);
      expect(
        (await new YearCasesClient(w.env.client).compact('hd-cum1', PLAN_YEAR))!.signatures.map((x) => x.unitId),
      ).toEqual(['hd-kv2']);
      await shot(head, '13-compact-signed-phone');
      await checkA11y(head, 'compact page');
      await signOut(head);

      // 4. A case reaches the council (set up through the client); a member votes from the session page.
      const draft = await w.world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex: 6 });
      // Other files' cases wait on the same council on the shared server: the member picks this case's campaign.
      const campaignId = uniqueId('camp');
      const { workflowId: caseId } = await w.world.startNomination({ unitId: 'hd-kv2', draft, campaignId });
      await w.cases.act(caseId, 'submit', { actor: await w.world.actor('truong.kv2') });
      await w.cases.act(caseId, 'endorse', { actor: await w.world.actor('cumtruong.c1'), rank: 1 });
      await w.cases.act(caseId, 'verify', { actor: await w.world.actor('thuongtruc'), complete: true });
      expect(await stage(caseId)).toBe('council_vote');
      const member = await signIn('uyvien1');
      await member.getByRole('link', { name: 'Phiên họp Hội đồng' }).click();
      const item = member.locator(`article[data-case="${caseId}"]`);
      await eventually(async () => {
        await member.goto(`${base}/hoi-dong?dot=${campaignId}`);
        expect(await item.count()).toBe(1);
      }, 60_000);
      await item.getByLabel('Đồng ý', { exact: true }).check();
      await shot(member, '14-council-session');
      await checkA11y(member, 'council session');
      await item.getByRole('button', { name: 'Biểu quyết', exact: true }).click();
      await member.waitForURL(/\/hoi-dong\?dot=[^&]+&ok=vote/);
      const me = await w.world.actor('uyvien1');
      expect(await item.innerText()).toContain(`${me.displayName}: Đồng ý`);
      expect((await w.cases.getCase(caseId)).votes.some((v) => v.userId === me.userId && v.choice === 'yes')).toBe(
        true,
      );
      await signOut(member);

      // 5. The standing body closes the vote from the session page; the minutes stay there.
      const secretary = await signIn('thuongtruc');
      await secretary.goto(`${base}/hoi-dong?dot=${campaignId}`);
      await secretary
        .locator(`article[data-case="${caseId}"]`)
        .getByRole('button', { name: /Kết thúc biểu quyết/ })
        .click();
      await secretary.waitForURL(/ok=close_vote/);
      expect((await w.cases.getCase(caseId)).tally).not.toBeNull();
      await shot(secretary, '15-council-session-closed');
      await signOut(secretary);
    },
  );

  it(
    "the standing body records the council's advanced models and the chair sends them on",
    { timeout: 120_000 },
    async () => {
      // Seed 003 has no advanced-model deadline, so the case runs on its own here (same year as the plan above).
      const units = ['hd-kv1', 'hd-kv2', 'hd-kv3'];
      const workflowId = advancedModelId('hd', PLAN_YEAR);
      await w.env.client.workflow.start(advancedModels, {
        taskQueue: w.world.taskQueue,
        workflowId,
        args: [
          {
            orgUnitId: 'hd',
            year: PLAN_YEAR,
            planId: `hd-${PLAN_YEAR}`,
            planWorkflowId: null,
            units: units.map((id) => ({ id, name: `Đơn vị ${id}` })),
            dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
            schedule: HAI_DUONG_2025.reminders,
            council: { unitId: 'hd', secretariatUnitId: 'hd-vp' },
          },
        ],
      });
      for (const u of units)
        await w.env.client.workflow.getHandle(workflowId).executeUpdate(advancedModelUpdates.propose, {
          args: [
            {
              actor: await w.world.actor(`truong.${u.replace('hd-', '')}`),
              candidates: [
                { subject: 'collective', refId: u, displayName: `Tập thể ${u}` },
                { subject: 'individual', refId: `${u}-a`, displayName: `Cá nhân A ${u}` },
                { subject: 'individual', refId: `${u}-b`, displayName: `Cá nhân B ${u}` },
              ],
            },
          ],
        });

      const secretary = await signIn('thuongtruc');
      await secretary.getByRole('link', { name: 'Điển hình tiên tiến' }).click();
      await secretary.waitForURL(/\/ke-hoach\/dien-hinh$/);
      await secretary.goto(`${base}/ke-hoach/dien-hinh?nam=${PLAN_YEAR}`);
      for (const name of ['Tập thể hd-kv1', 'Tập thể hd-kv2', 'Tập thể hd-kv3', 'Cá nhân A hd-kv1', 'Cá nhân B hd-kv2'])
        await secretary.getByLabel(`Chọn ${name}`, { exact: true }).check();
      await shot(secretary, '16-advanced-models');
      await checkA11y(secretary, 'advanced models');
      await secretary.getByRole('button', { name: 'Ghi nhận lựa chọn của Hội đồng' }).click();
      await secretary.waitForURL(/ok=select/);
      expect((await new YearCasesClient(w.env.client).advancedModels('hd', PLAN_YEAR))!.selection?.keys).toHaveLength(
        5,
      );
      await signOut(secretary);

      const chair = await signIn('vientruong');
      await chair.goto(`${base}/ke-hoach/dien-hinh?nam=${PLAN_YEAR}`);
      await chair.getByLabel('Ghi chú gửi cấp trên').fill('Kính gửi cấp trên kết quả lựa chọn.');
      await chair.getByRole('button', { name: 'Gửi kết quả lên cấp trên' }).click();
      await chair.waitForURL(/ok=send_on/);
      expect(await chair.locator('#gui-cap-tren').innerText()).toMatch(/^Đã gửi ngày \d{2}\/\d{2}\/\d{4}/);
      await shot(chair, '17-advanced-models-sent');
      await signOut(chair);
    },
  );
});
