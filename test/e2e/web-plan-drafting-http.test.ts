/**
 * "Lập kế hoạch năm …" over HTTP (issue 11; fastify.inject against the real server, the Temporal dev server and
 * the real worker): the standing body creates the coming year's draft from the current plan, sees every item
 * flagged "cần xác nhận" with its reasons, a bad date is refused in Vietnamese with what was typed kept and
 * nothing saved, it confirms every item and issues the plan; the plan page of that year then shows the issued
 * plan. A unit clerk gets 403 everywhere, an administrator reads but gets 403 on every write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comingYearPlanNotice } from '../../domain/plan-authoring/index.js';
import { getPlanOfYear } from '../../store/plans.js';
import { escapeHtml } from '../../client/web/render.js';
import { formFields } from './form-fields.js';
import { Agent, startWebWorld, type WebWorld } from './web-support.js';

let w: WebWorld;
// A year far ahead, so issuing it leaves it to the 01/12 Schedule and no other test's plan is touched; never 2085,
// sixty years after 2025 and so again Ất Tỵ, which would make the "no 2025 text" check below fail by chance.
const YEAR = 2086 + Math.floor(Math.random() * 9);
const PAGE = `/ke-hoach/soan-thao?nam=${YEAR}`;

beforeAll(async () => {
  w = await startWebWorld();
});
afterAll(async () => {
  await w?.close();
});

const record = async () => getPlanOfYear(w.world.db, 'hd', YEAR);
const revisionOf = (html: string) => /name="revision" value="(\d+)"/.exec(html)![1]!;

/** The edit form's fields as the page has them (what a browser would send back unchanged). */
const editFields = (html: string) => formFields(html, 'form-du-thao');

describe('Lập kế hoạch năm', () => {
  it('creates the draft, keeps a refused date as typed, confirms every item, issues; the plan page shows it', async () => {
    const standing = await Agent.as(w.app, 'thuongtruc');
    const empty = await standing.get(PAGE);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain(`Chưa có dự thảo kế hoạch năm ${YEAR}`);

    const created = await standing.post('/ke-hoach/soan-thao/tao', { nam: String(YEAR) });
    expect(created.statusCode).toBe(303);
    const page = await standing.get(PAGE);
    expect(page.body).toContain('Dự thảo – chưa ban hành');
    expect(page.body).toContain('Cần xác nhận');
    // The copied year-specific text and the weekend dates are flagged with their reasons.
    expect(page.body).toMatch(/data-flag="(can_chi|year_number|weekend|crosses_tet)"/);
    expect(page.body).not.toContain('>2025<');
    const draft = (await record())!.draft!;
    expect(draft.review.every((i) => !i.confirmed)).toBe(true);

    // A drive's end date that is no date: refused in Vietnamese, the typed value is kept, nothing changes.
    const fields = editFields(page.body);
    const driveEnd = Object.keys(fields).find((k) => /^dot\..+\.den$/.test(k))!;
    const refused = await standing.post('/ke-hoach/soan-thao/luu', { ...fields, [driveEnd]: '31/02/abc' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('không phải ngày hợp lệ (nhập theo dạng dd/mm/yyyy');
    expect(refused.body).toContain('value="31/02/abc"');
    expect(refused.body).toContain('Chưa lưu gì');
    expect((await record())!.draft!.revision).toBe(draft.revision);
    // A window that ends before it starts: the store's Vietnamese refusal, nothing saved.
    const driveStart = driveEnd.replace(/\.den$/, '.tu');
    const backwards = await standing.post('/ke-hoach/soan-thao/luu', {
      ...fields,
      [driveStart]: `20/03/${YEAR}`,
      [driveEnd]: `10/03/${YEAR}`,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('Ngày kết thúc phải sau ngày bắt đầu');
    expect(backwards.body).toContain(`value="10/03/${YEAR}"`);
    expect((await record())!.draft!.revision).toBe(draft.revision);

    // A good edit: the theme and the drive's window are saved.
    const saved = await standing.post('/ke-hoach/soan-thao/luu', {
      ...fields,
      chu_de: `Đoàn kết, kỷ cương, đổi mới năm ${YEAR}`,
      [driveStart]: `02/03/${YEAR}`,
      [driveEnd]: `30/04/${YEAR}`,
    });
    expect(saved.statusCode).toBe(303);
    const afterSave = (await record())!.draft!;
    expect(afterSave.revision).toBe(draft.revision + 1);
    expect((afterSave.content as { theme?: string }).theme).toBe(`Đoàn kết, kỷ cương, đổi mới năm ${YEAR}`);

    // Issuing before everything is confirmed is refused, keeping what was typed.
    await standing.get(PAGE);
    const early = await standing.post('/ke-hoach/soan-thao/ban-hanh', {
      nam: String(YEAR),
      so_hieu: `01/KH-VKS-${YEAR}`,
      ngay_ban_hanh: `20/11/${YEAR - 1}`,
      nguoi_ky: 'Viện trưởng Nguyễn Văn A',
    });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('Chưa thể ban hành: còn');
    expect(early.body).toContain(`value="01/KH-VKS-${YEAR}"`);
    const badDate = await standing.post('/ke-hoach/soan-thao/ban-hanh', {
      nam: String(YEAR),
      so_hieu: `01/KH-VKS-${YEAR}`,
      ngay_ban_hanh: '2026-11-20',
      nguoi_ky: 'Viện trưởng Nguyễn Văn A',
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('Ngày ban hành: “2026-11-20” không phải ngày hợp lệ');
    expect(badDate.body).toContain('value="2026-11-20"');

    // Confirm every item, one by one, as the author does.
    for (const item of afterSave.review) {
      const current = await standing.get(PAGE);
      const done = await standing.post('/ke-hoach/soan-thao/xac-nhan', {
        nam: String(YEAR),
        revision: revisionOf(current.body),
        key: item.key,
      });
      expect(done.statusCode).toBe(303);
    }
    const confirmed = await standing.get(PAGE);
    expect(confirmed.body).toContain('data-open="0"');
    expect(confirmed.body).toContain('Đã xác nhận');
    // Staff see who confirmed by name, never an account id.
    expect(confirmed.body).toContain((await w.world.actor('thuongtruc')).displayName);

    const issued = await standing.post('/ke-hoach/soan-thao/ban-hanh', {
      nam: String(YEAR),
      so_hieu: `01/KH-VKS-${YEAR}`,
      ngay_ban_hanh: `20/11/${YEAR - 1}`,
      nguoi_ky: 'Viện trưởng Nguyễn Văn A',
    });
    expect(issued.statusCode).toBe(303);
    expect(issued.headers.location).toContain('launch=left_to_schedule');
    const after = await standing.get(issued.headers.location as string);
    expect(after.body).toContain('Đã ban hành kế hoạch.');
    expect(after.body).toContain('sẽ tự khởi động lúc 00:00 ngày 01/12');
    expect(after.body).toContain(`20/11/${YEAR - 1}`);
    expect((await record())!.issued!.issue!.number).toBe(`01/KH-VKS-${YEAR}`);

    // The plan page of that year shows the issued plan, not another year's text.
    const head = await Agent.as(w.app, 'truong.kv2');
    const plan = await head.get(`/ke-hoach?nam=${YEAR}`);
    expect(plan.statusCode).toBe(200);
    expect(plan.body).toContain(`số 01/KH-VKS-${YEAR}, ngày 20/11/${YEAR - 1}`);
    expect(plan.body).toContain(`Kế hoạch năm ${YEAR} đã ban hành`);
    expect(plan.body).toContain(`02/03/${YEAR} – 30/04/${YEAR}`);
    expect(plan.body).not.toMatch(/năm 2025|Ất Tỵ/);
  });

  it('refuses a unit clerk everywhere and an administrator on every write, with 403, changing nothing', async () => {
    const clerk = await Agent.as(w.app, 'vanthu.kv2');
    expect((await clerk.get(PAGE)).statusCode).toBe(403);
    const clerkCreate = await clerk.post('/ke-hoach/soan-thao/tao', { nam: String(YEAR + 1) });
    expect(clerkCreate.statusCode).toBe(403);
    expect(await getPlanOfYear(w.world.db, 'hd', YEAR + 1)).toBeNull();

    const admin = await Agent.as(w.app, 'admin');
    const read = await admin.get(`/ke-hoach/soan-thao?nam=${YEAR + 1}`);
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('chế độ chỉ đọc');
    expect(read.body).not.toContain('action="/ke-hoach/soan-thao/tao"');
    for (const [action, form] of [
      ['tao', { nam: String(YEAR + 1) }],
      ['luu', { nam: String(YEAR), revision: '1' }],
      ['xac-nhan', { nam: String(YEAR), revision: '1', key: 'title' }],
      ['ban-hanh', { nam: String(YEAR), so_hieu: 'x', ngay_ban_hanh: '01/01/2090', nguoi_ky: 'y' }],
    ] as const) {
      const res = await admin.post(`/ke-hoach/soan-thao/${action}`, form);
      expect(res.statusCode, action).toBe(403);
    }
    expect(await getPlanOfYear(w.world.db, 'hd', YEAR + 1)).toBeNull();
  });

  it('tells the standing body on its inbox and the plan page when the coming year has no issued plan', async () => {
    // This world has no issued plan of the current or the coming year (the shipped 2025 plan is a draft), so
    // from 01/11 the coming year is missing, and before 01/11 the year under way is (the late message).
    const notice = comingYearPlanNotice(new Date().toISOString(), [])!;
    const standing = await Agent.as(w.app, 'thuongtruc');
    const inbox = await standing.get('/');
    expect(inbox.body).toContain(escapeHtml(notice.message));
    expect(inbox.body).toContain(`href="/ke-hoach/soan-thao?nam=${notice.year}"`);
    expect((await standing.get('/ke-hoach')).body).toContain(escapeHtml(notice.message));
    const clerk = await Agent.as(w.app, 'vanthu.kv2');
    expect((await clerk.get('/')).body).not.toContain('thong-bao-ke-hoach-nam-toi');
    expect((await clerk.get('/ke-hoach')).body).not.toContain('thong-bao-ke-hoach-nam-toi');
  });
});
