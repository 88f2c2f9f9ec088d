/**
 * The plan, compact and council-session pages over HTTP (fastify.inject against the real server, the Temporal
 * dev server and the real worker running the plan's workflows): each action works for the right role and unit;
 * a wrong role, a foreign unit or a form without its CSRF token gets 403 and changes nothing; bad input gets a
 * Vietnamese message and changes nothing; script payloads come back escaped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoPasswords } from '../../store/credentials.js';
import { planForYear } from '../../domain/plan-year/plan-run.js';
import { HAI_DUONG_2025 } from '../../domain/plans/index.js';
import type { RegistrationStartInput } from '../../domain/plan-year/registration.js';
import { plan, registration as registrationWorkflow } from '../../workflows/index.js';
import { registrationId } from '../../workflows/registration/messages.js';
import { planWorkflowId } from '../../workflows/plan/messages.js';
import { formatDateVN } from '../../domain/calendar.js';
import { uniqueId } from '../harness/temporal.js';
import { Agent, caseUrl, eventually, startWebWorld, type WebWorld } from './web-support.js';
import { YearCasesClient } from '../../client/lib/year-cases.js';

let w: WebWorld;
// A year no other test uses on the shared dev server (plan-year.test.ts takes 2090–2099, the browser test 2060–2079).
const YEAR = 2040 + Math.floor(Math.random() * 20);
const LOCKED_YEAR = 2020 + Math.floor(Math.random() * 20);
const UNITS = ['hd-kv1', 'hd-kv2', 'hd-kv3', 'hd-kv4'];
const SCRIPT = '<script>alert("x")</script>';

beforeAll(async () => {
  w = await startWebWorld();
  await seedDemoPasswords(w.world.db, ['truong.kv3', 'truong.kv4'], DEMO_PASSWORD);
  await w.world.db.query(
    `INSERT INTO cluster_heads (cluster_id, year, seat, unit_id) SELECT cluster_id, $1, seat, unit_id FROM cluster_heads WHERE year = 2025`,
    [YEAR],
  );
  await w.env.client.workflow.start(plan, {
    taskQueue: w.world.taskQueue,
    workflowId: planWorkflowId('hd', YEAR),
    args: [{ plan: { ...planForYear(HAI_DUONG_2025, YEAR), clusterIds: ['hd-cum1'] }, startedBy: null }],
  });
  await eventually(async () => {
    for (const u of UNITS) expect(await new YearCasesClient(w.env.client).registration(u, YEAR)).not.toBeNull();
    expect(await new YearCasesClient(w.env.client).compact('hd-cum1', YEAR)).not.toBeNull();
  }, 30_000);
});
afterAll(async () => {
  if (w) {
    for await (const e of w.env.client.workflow.list({ query: `TdktYear IN (${YEAR}, ${LOCKED_YEAR})` })) {
      await w.env.client.workflow
        .getHandle(e.workflowId)
        .terminate('end of the web plan test')
        .catch(() => undefined);
    }
  }
  await w?.close();
});

const regUrl = (unit: string) => `/ke-hoach/dang-ky/${unit}`;
const registration = async (unit = 'hd-kv2') => {
  const s = (await new YearCasesClient(w.env.client).registration(unit, YEAR))!;
  return {
    status: s.status,
    draft: JSON.stringify(s.draft),
    registration: JSON.stringify(s.registration),
    audit: s.audit.length,
  };
};
const compact = async () => {
  const s = (await new YearCasesClient(w.env.client).compact('hd-cum1', YEAR))!;
  return { stage: s.stage, content: s.content, signatures: s.signatures.length, audit: s.audit.length };
};

describe('the plan timeline', () => {
  it("shows the unit's deadlines and drives in dd/mm/yyyy, and the whole organisation's on request", async () => {
    const head = await Agent.as(w.app, 'truong.kv2');
    const mine = await head.get(`/ke-hoach?nam=${YEAR}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain(`15/01/${YEAR}`);
    expect(mine.body).toContain(`15/02/${YEAR}`);
    expect(mine.body).toContain('Đơn vị đăng ký thi đua (danh hiệu cho tập thể và cá nhân)');
    for (const d of HAI_DUONG_2025.drives) expect(mine.body).toContain(d.title.slice(0, 20));
    expect(mine.body).toContain('Sắp tới');
    expect(mine.body).toContain(`/ke-hoach/dang-ky/hd-kv2?nam=${YEAR}`);

    // My unit's view says where my unit stands; the whole organisation's gives the plan's progress.
    expect(mine.body).toContain('<p class="tl-note">Đơn vị chưa đăng ký</p>');
    expect(mine.body).toContain('<p class="tl-note">Cụm thi đua số 1: chưa có dự thảo</p>');
    const whole = await head.get(`/ke-hoach?nam=${YEAR}&pham-vi=toan-nganh`);
    expect(whole.body).toContain('<p class="tl-note">Đã đăng ký: 0/4 đơn vị</p>');
    expect(whole.body).toContain('<p class="tl-note">Đã ký: 0/4 đơn vị; đã tổng hợp 0/1 cụm, khối</p>');
    expect(whole.body).not.toContain('Đơn vị chưa đăng ký');
    expect(whole.body).toContain('Đơn vị đã đăng ký thi đua');
  });
});

describe('a year whose plan has not started', () => {
  it("says there is no plan of that year (never another year's text) and registration and compacts are not open", async () => {
    const head = await Agent.as(w.app, 'truong.kv2');
    const page = await head.get('/ke-hoach?nam=2100');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Chưa có kế hoạch thi đua, khen thưởng năm 2100 trên hệ thống');
    expect(page.body).not.toMatch(/2025|Ất Tỵ/);
    expect(page.body).not.toMatch(/Seed 00|bản demo/);
    const form = await head.get(`${regUrl('hd-kv2')}?nam=2100`);
    expect(form.body).toContain('Chưa mở đăng ký thi đua năm 2100 cho đơn vị');
    expect(form.body).not.toContain('name="thao_tac"');
    const posted = await head.post(regUrl('hd-kv2'), {
      nam: '2100',
      thao_tac: 'register',
      tap_the: 'tap-the-lao-dong-tien-tien',
    });
    expect(posted.statusCode).toBe(422);
    expect(posted.body).toContain('Chưa mở đăng ký thi đua năm 2100');
    const compactPage = await head.get('/giao-uoc/hd-cum1?nam=2100');
    expect(compactPage.statusCode).toBe(404);
    expect(compactPage.body).toContain('Chưa có giao ước thi đua năm 2100');
  });
});

describe('the registration form', () => {
  it('the clerk saves a draft, the head registers and amends it; the page shows it', async () => {
    const clerk = await Agent.as(w.app, 'vanthu.kv2');
    const page = await clerk.get(`${regUrl('hd-kv2')}?nam=${YEAR}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Chưa đăng ký');
    expect(page.body).not.toContain('value="register"'); // the clerk may save, not sign
    const saved = await clerk.post(regUrl('hd-kv2'), {
      nam: String(YEAR),
      thao_tac: 'save_draft',
      tap_the: 'tap-the-lao-dong-tien-tien',
      'ca_nhan.hd-kv2-nv01': 'chien-si-thi-dua-co-so',
    });
    expect(saved.statusCode).toBe(303);
    expect((await registration()).draft).toContain('hd-kv2-nv01');

    const head = await Agent.as(w.app, 'truong.kv2');
    await head.get(`${regUrl('hd-kv2')}?nam=${YEAR}`);
    const registered = await head.post(regUrl('hd-kv2'), {
      nam: String(YEAR),
      thao_tac: 'register',
      tap_the: 'tap-the-lao-dong-tien-tien',
      'ca_nhan.hd-kv2-nv01': 'chien-si-thi-dua-co-so',
      note: SCRIPT,
    });
    expect(registered.statusCode).toBe(303);
    const after = await head.get(registered.headers.location as string);
    expect(after.body).toContain('Đã ký, gửi bản đăng ký thi đua.');
    expect(after.body).toContain('Đã đăng ký');
    expect(after.body).toContain('&lt;script&gt;');
    expect(after.body).not.toContain(SCRIPT);
    expect((await registration()).status).toBe('registered');

    const amended = await head.post(regUrl('hd-kv2'), {
      nam: String(YEAR),
      thao_tac: 'register',
      tap_the: 'tap-the-lao-dong-tien-tien',
      'ca_nhan.hd-kv2-nv01': 'chien-si-thi-dua-co-so',
      'ca_nhan.hd-kv2-nv02': 'chien-si-thi-dua-co-so',
    });
    expect(amended.statusCode).toBe(303);
    const s = (await new YearCasesClient(w.env.client).registration('hd-kv2', YEAR))!;
    expect(s.amendments).toBe(1);
    expect(s.registration?.individuals.map((i) => i.personId)).toEqual(['hd-kv2-nv01', 'hd-kv2-nv02']);
  });

  it('refuses a wrong role, a foreign unit and a missing CSRF token with 403, changing nothing', async () => {
    const form = { nam: String(YEAR), thao_tac: 'register', tap_the: 'tap-the-lao-dong-tien-tien' };
    const before = await registration('hd-kv3');
    const clerk = await Agent.as(w.app, 'vanthu.kv2');
    await clerk.get(`${regUrl('hd-kv2')}?nam=${YEAR}`);
    // The clerk may not sign the registration (only the head); a unit may not register for another.
    const kv2Before = await registration('hd-kv2');
    expect((await clerk.post(regUrl('hd-kv2'), form)).statusCode).toBe(403);
    expect(await registration('hd-kv2')).toEqual(kv2Before);
    const foreign = await Agent.as(w.app, 'truong.kv2');
    await foreign.get(`${regUrl('hd-kv2')}?nam=${YEAR}`);
    const refused = await foreign.post(regUrl('hd-kv3'), form);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('không thể đăng ký thi đua thay đơn vị khác');
    expect((await foreign.get(`${regUrl('hd-kv3')}?nam=${YEAR}`)).statusCode).toBe(403);
    // A unit of another cluster, and a council member, neither.
    const otherCluster = await Agent.as(w.app, 'truong.kv5');
    expect((await otherCluster.post(regUrl('hd-kv3'), form)).statusCode).toBe(403);
    const member = await Agent.as(w.app, 'uyvien1');
    expect((await member.post(regUrl('hd-kv3'), form)).statusCode).toBe(403);
    expect(await registration('hd-kv3')).toEqual(before);

    const head = await Agent.as(w.app, 'truong.kv2');
    await head.get(`${regUrl('hd-kv2')}?nam=${YEAR}`);
    const noCsrf = await head.post(regUrl('hd-kv2'), { ...form, tap_the: 'tap-the-xuat-sac' }, { withCsrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.body).toContain('mã chống giả mạo');
    expect(await registration('hd-kv2')).toEqual(kv2Before);
  });

  it('refuses bad input with a Vietnamese message and changes nothing', async () => {
    const head = await Agent.as(w.app, 'truong.kv4');
    await head.get(`${regUrl('hd-kv4')}?nam=${YEAR}`);
    const before = await registration('hd-kv4');
    // Someone of another unit, a title that is not for people, nothing chosen.
    const foreignPerson = await head.post(regUrl('hd-kv4'), {
      nam: String(YEAR),
      thao_tac: 'register',
      'ca_nhan.hd-kv2-nv01': 'chien-si-thi-dua-co-so',
    });
    expect(foreignPerson.statusCode).toBe(400);
    expect(foreignPerson.body).toContain('Chỉ được đăng ký thi đua cho cán bộ của đơn vị mình.');
    const wrongTitle = await head.post(regUrl('hd-kv4'), {
      nam: String(YEAR),
      thao_tac: 'register',
      'ca_nhan.hd-kv4-nv01': 'tap-the-lao-dong-tien-tien',
    });
    expect(wrongTitle.statusCode).toBe(400);
    expect(wrongTitle.body).toContain('Danh hiệu đăng ký cho cá nhân không hợp lệ');
    const empty = await head.post(regUrl('hd-kv4'), { nam: String(YEAR), thao_tac: 'register' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Bản đăng ký chưa có danh hiệu nào');
    expect(await registration('hd-kv4')).toEqual(before);
  });
});

describe('a registration after its deadline', () => {
  it('is shown locked, read only, and a forged submission is refused in Vietnamese, changing nothing', async () => {
    const run = (await new YearCasesClient(w.env.client).planState('hd', YEAR))!;
    const input: RegistrationStartInput = {
      unitId: 'hd-kv3',
      unitName: 'Viện kiểm sát nhân dân khu vực 3',
      year: LOCKED_YEAR,
      planId: `locked-${LOCKED_YEAR}`,
      planWorkflowId: null,
      clusterId: 'hd-cum1',
      // Its deadline passed before it started: it is locked from the start.
      dueAt: new Date(Date.now() - 86_400_000).toISOString(),
      schedule: HAI_DUONG_2025.reminders,
      council: run.context.council,
    };
    await w.env.client.workflow.start(registrationWorkflow, {
      taskQueue: w.world.taskQueue,
      workflowId: registrationId('hd-kv3', LOCKED_YEAR),
      args: [input],
    });
    const locked = await eventually(async () => {
      const s = await new YearCasesClient(w.env.client).registration('hd-kv3', LOCKED_YEAR);
      expect(s?.locked).toBe(true);
      return s!;
    });
    const kv3 = await Agent.as(w.app, 'truong.kv3');
    const page = await kv3.get(`${regUrl('hd-kv3')}?nam=${LOCKED_YEAR}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Đã khóa');
    expect(page.body).not.toContain('value="register"');
    expect(page.body).toContain('<fieldset disabled>');
    const forged = await kv3.post(regUrl('hd-kv3'), {
      nam: String(LOCKED_YEAR),
      thao_tac: 'register',
      tap_the: 'tap-the-lao-dong-tien-tien',
    });
    expect(forged.statusCode).toBe(422);
    expect(forged.body).toContain('Đã quá hạn đăng ký thi đua');
    const after = (await new YearCasesClient(w.env.client).registration('hd-kv3', LOCKED_YEAR))!;
    expect(after.status).toBe('not_registered');
    expect(after.audit.length).toBe(locked.audit.length);
  });
});

describe('the compact page', () => {
  it('the head drafts, a member signs; wrong roles, foreign units and forms without CSRF are refused', async () => {
    const url = `/giao-uoc/hd-cum1`;
    const headOfCluster = await Agent.as(w.app, 'cumtruong.c1');
    const page = await headOfCluster.get(`${url}?nam=${YEAR}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Đang soạn dự thảo');

    // Too short: a Vietnamese message, nothing changes.
    const before = await compact();
    const short = await headOfCluster.post(`${url}/soan`, { nam: String(YEAR), content: 'ngắn' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Nội dung giao ước quá ngắn');
    // A unit head of a member unit may not draft; a member may not sign before the draft exists.
    const member = await Agent.as(w.app, 'truong.kv2');
    await member.get(`${url}?nam=${YEAR}`);
    expect(
      (await member.post(`${url}/soan`, { nam: String(YEAR), content: 'Nội dung giao ước giả mạo' })).statusCode,
    ).toBe(403);
    const early = await member.post(`${url}/ky`, { nam: String(YEAR) });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('chưa hoàn thành dự thảo');
    expect(await compact()).toEqual(before);

    const drafted = await headOfCluster.post(`${url}/soan`, {
      nam: String(YEAR),
      content: `Giao ước thi đua năm ${YEAR} của Cụm thi đua số 1 ${SCRIPT}`,
    });
    expect(drafted.statusCode).toBe(303);
    const shown = await member.get(`${url}?nam=${YEAR}`);
    expect(shown.body).toContain('&lt;script&gt;');
    expect(shown.body).not.toContain(SCRIPT);
    expect(shown.body).toContain('Ký giao ước thi đua');

    const drafted1 = await compact();
    // Foreign cluster, wrong role (the clerk), missing CSRF: 403, nothing changes.
    const foreign = await Agent.as(w.app, 'truong.kv5');
    expect((await foreign.get(`${url}?nam=${YEAR}`)).statusCode).toBe(403);
    expect((await foreign.post(`${url}/ky`, { nam: String(YEAR) })).statusCode).toBe(403);
    const clerk = await Agent.as(w.app, 'vanthu.kv2');
    await clerk.get(`${url}?nam=${YEAR}`);
    expect((await clerk.post(`${url}/ky`, { nam: String(YEAR) })).statusCode).toBe(403);
    const otherHead = await Agent.as(w.app, 'cumtruong.c2');
    expect(
      (await otherHead.post(`${url}/soan`, { nam: String(YEAR), content: 'Giao ước của cụm khác' })).statusCode,
    ).toBe(403);
    expect((await member.post(`${url}/ky`, { nam: String(YEAR) }, { withCsrf: false })).statusCode).toBe(403);
    expect(await compact()).toEqual(drafted1);

    const signed = await member.post(`${url}/ky`, { nam: String(YEAR) });
    expect(signed.statusCode).toBe(303);
    const after = await member.get(signed.headers.location as string);
    expect(after.body).toContain('Đơn vị đã ký giao ước thi đua.');
    expect(after.body).toMatch(/data-unit="hd-kv2"><td[^>]*>[^<]+<\/td>\s*<td[^>]*>Đã ký<\/td>/);
    expect(after.body).not.toContain('action="/giao-uoc/hd-cum1/ky"');
    expect((await compact()).signatures).toBe(1);
    // Signing twice is refused by the workflow and changes nothing.
    const again = await member.post(`${url}/ky`, { nam: String(YEAR) });
    expect(again.statusCode).toBe(422);
    expect((await compact()).signatures).toBe(1);

    const list = await member.get(`/giao-uoc?nam=${YEAR}`);
    expect(list.body).toContain('1/4');
  });
});

describe('the council session page', () => {
  // Other files' cases wait on the same council on the shared server: the test looks at its own campaign's session.
  const campaignId = uniqueId('camp');
  const session = `/hoi-dong?dot=${campaignId}`;
  async function caseAtCouncil(): Promise<string> {
    const draft = await w.world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2' });
    const handle = await w.world.startNomination({ unitId: 'hd-kv2', draft, campaignId });
    const id = handle.workflowId;
    const as = async (u: string) => w.world.actor(u);
    await w.cases.act(id, 'submit', { actor: await as('truong.kv2') });
    await w.cases.act(id, 'endorse', { actor: await as('cumtruong.c1'), rank: 1 });
    await w.cases.act(id, 'verify', { actor: await as('thuongtruc'), complete: true });
    expect((await w.cases.getCase(id)).stage).toBe('council_vote');
    return id;
  }

  it('lists the cases awaiting the vote; members vote from it, the standing body closes; others get 403', async () => {
    const caseId = await caseAtCouncil();
    const member = await Agent.as(w.app, 'uyvien1');
    const agenda = await eventually(async () => {
      const res = await member.get(session);
      expect(res.body).toContain(`data-case="${caseId}"`);
      return res;
    });
    expect(agenda.body).toContain('Tạm tính đến lúc này');
    expect(agenda.body).toMatch(/Yêu cầu: đồng ý (từ|trên) [\d/%]+/);

    const unitHead = await Agent.as(w.app, 'truong.kv2');
    expect((await unitHead.get('/hoi-dong')).statusCode).toBe(403);
    await unitHead.get('/');
    const before = (await w.cases.getCase(caseId)).votes.length;
    expect((await unitHead.post(`${caseUrl(caseId)}/vote`, { choice: 'yes', tro_ve: '/hoi-dong' })).statusCode).toBe(
      403,
    );
    expect(
      (await member.post(`${caseUrl(caseId)}/vote`, { choice: 'yes', tro_ve: '/hoi-dong' }, { withCsrf: false }))
        .statusCode,
    ).toBe(403);
    expect((await w.cases.getCase(caseId)).votes.length).toBe(before);

    const voted = await member.post(`${caseUrl(caseId)}/vote`, { choice: 'yes', tro_ve: session });
    expect(voted.statusCode).toBe(303);
    expect(voted.headers.location).toBe(`${session}&ok=vote`);
    const after = await member.get(`${session}&ok=vote`);
    expect(after.body).toContain('Đã ghi nhận phiếu biểu quyết.');
    expect(after.body).toContain(`<li>${(await w.world.actor('uyvien1')).displayName}: Đồng ý</li>`);
    expect((await w.cases.getCase(caseId)).votes.filter((v) => !v.recused).map((v) => v.choice)).toEqual(['yes']);
    // Another page may not be the way back (only the session page is).
    const other = await Agent.as(w.app, 'uyvien2');
    await other.get('/hoi-dong');
    const elsewhere = await other.post(`${caseUrl(caseId)}/vote`, { choice: 'no', tro_ve: 'https://example.com' });
    expect(elsewhere.headers.location).toBe(`${caseUrl(caseId)}?ok=vote`);

    const secretary = await Agent.as(w.app, 'thuongtruc');
    const sessionForSecretary = await secretary.get(session);
    expect(sessionForSecretary.body).toContain(`${caseUrl(caseId)}/close_vote`);
    const closed = await secretary.post(`${caseUrl(caseId)}/close_vote`, { minutesNote: SCRIPT, tro_ve: session });
    expect(closed.statusCode).toBe(303);
    const state = await w.cases.getCase(caseId);
    expect(state.tally).not.toBeNull();
    const decided = await eventually(async () => {
      // The case is of 2025; the page lists closed votes of the current year unless told.
      const res = await member.get(`${session}&nam=2025`);
      expect(res.body).toContain('Biên bản');
      expect(res.body).not.toContain(`data-case="${caseId}"`);
      return res;
    });
    expect(decided.body).toContain(`Biên bản biểu quyết hồ sơ ${caseId}`);
    expect(decided.body).toContain('Đã kết thúc biểu quyết trong năm 2025');
    expect(decided.body).not.toContain(SCRIPT);
    // Closed votes are listed by year: the case (of 2025) is not among another year's.
    const otherYear = await member.get('/hoi-dong?nam=2024');
    expect(otherYear.body).toContain('Đã kết thúc biểu quyết trong năm 2024');
    expect(otherYear.body).not.toContain(`Biên bản biểu quyết hồ sơ ${caseId}`);
  });
});

describe("the standing body follows every unit's registration", () => {
  it('lists the units with their status; opens any registration read only, a unit only its own', async () => {
    const secretary = await Agent.as(w.app, 'thuongtruc');
    // The plan learns of each registration by signal: wait until it has heard of hd-kv2's.
    const whole = await eventually(async () => {
      const res = await secretary.get(`/ke-hoach?nam=${YEAR}&pham-vi=toan-nganh`);
      expect(res.body).toMatch(
        new RegExp(
          `data-unit="hd-kv2"><td><a href="/ke-hoach/dang-ky/hd-kv2\\?nam=${YEAR}">[^<]+</a></td><td>Đã đăng ký</td>`,
        ),
      );
      return res;
    });
    expect(whole.body).toMatch(/data-unit="hd-kv3"><td><a [^>]+>[^<]+<\/a><\/td><td>Chưa đăng ký<\/td>/);
    const readOnly = await secretary.get(`${regUrl('hd-kv2')}?nam=${YEAR}`);
    expect(readOnly.statusCode).toBe(200);
    expect(readOnly.body).toContain('Bạn chỉ xem bản đăng ký này.');
    expect(readOnly.body).not.toContain('name="thao_tac"');
    const head = await Agent.as(w.app, 'truong.kv2');
    const forUnit = await head.get(`/ke-hoach?nam=${YEAR}&pham-vi=toan-nganh`);
    expect(forUnit.body).toMatch(/data-unit="hd-kv3"><td>[^<]+<\/td>/);
  });
});

describe('the dashboard', () => {
  it("shows each cluster's registrations and compact signatures from the plan", async () => {
    const admin = await Agent.as(w.app, 'admin');
    await eventually(async () => {
      const run = await new YearCasesClient(w.env.client).planState('hd', YEAR);
      expect(run?.registrations['hd-kv2']?.status).toBe('registered');
      expect(run?.compacts['hd-cum1']?.done).toBe(1);
    });
    const res = await admin.get(`/thong-ke?nam=${YEAR}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<td>Cụm thi đua số 1<\/td><td>1\/4<\/td><td>1\/4<\/td>/);
  });
});

// Last in the file: registering hd-kv4 would change the counts the dashboard and timeline tests above expect.
describe('the inbox (Việc cần làm)', () => {
  /** Every page of an inbox (other tests' cases share the dev server), following "Trang sau". */
  async function inboxBodies(agent: Agent): Promise<string> {
    let url: string | null = '/';
    const bodies: string[] = [];
    for (let i = 0; url && i < 20; i++) {
      const res = await agent.get(url);
      expect(res.statusCode).toBe(200);
      bodies.push(res.body);
      url = /<a rel="next" href="([^"]+)"/.exec(res.body)?.[1]?.replaceAll('&amp;', '&') ?? null;
    }
    return bodies.join('\n');
  }
  const rowWith = (body: string, href: string) =>
    [...body.matchAll(/<tr[^>]*>[\s\S]*?<\/tr>/g)].map((m) => m[0]).find((row) => row.includes(`href="${href}"`));

  it("lists a unit head's open registration, linked to its form with the year, until the head registers", async () => {
    const head = await Agent.as(w.app, 'truong.kv4');
    const form = `${regUrl('hd-kv4')}?nam=${YEAR}`;
    const state = (await new YearCasesClient(w.env.client).registration('hd-kv4', YEAR))!;
    expect(state.status).toBe('not_registered');

    const row = await eventually(async () => {
      const found = rowWith(await inboxBodies(head), form);
      expect(found).toBeDefined();
      return found!;
    });
    expect(row).toContain('data-kind="registration"');
    expect(row).toMatch(/<td[^>]*>Đăng ký thi đua<\/td>/);
    expect(row).toContain(formatDateVN(state.dueAt));
    expect(row).not.toContain('Quá hạn'); // the far year's deadline is still ahead
    // Another unit's head is not waited on by it.
    expect(rowWith(await inboxBodies(await Agent.as(w.app, 'truong.kv3')), form)).toBeUndefined();

    await head.get(form);
    const registered = await head.post(regUrl('hd-kv4'), {
      nam: String(YEAR),
      thao_tac: 'register',
      tap_the: 'tap-the-lao-dong-tien-tien',
    });
    expect(registered.statusCode).toBe(303);
    await eventually(async () => {
      expect(rowWith(await inboxBodies(head), form)).toBeUndefined();
    });
  });
});
