/**
 * "Lập kế hoạch năm …" over HTTP, beyond titles and dates (issue 11; fastify.inject against the real server, the
 * Temporal dev server and the real worker): the standing body edits the reminder schedule (read back as "7 ngày
 * trước hạn, lúc 09:00"), the council, the year's clusters (a unit moved, the head and deputy changed, units
 * picked and shown by name) and a drive's content and targets, saves, and sees them back, the drive's on the plan
 * page too; the copied items stay "cần xác nhận". Each refusal (an escalation not after the deadline, an hour
 * that is no hour, a unit in two clusters, a cluster without its head, a council without its chair) shows the
 * Vietnamese message, keeps every typed value and changes nothing in the store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan.js';
import { getPlanOfYear } from '../../store/plans.js';
import { formFields } from './form-fields.js';
import { Agent, startWebWorld, type WebWorld } from './web-support.js';

let w: WebWorld;
// A year of its own in this world (the other drafting test uses 2086–2095); the plan schema goes up to 2100.
const YEAR = 2096 + Math.floor(Math.random() * 4);
const PAGE = `/ke-hoach/soan-thao?nam=${YEAR}`;
const SAVE = '/ke-hoach/soan-thao/luu';

beforeAll(async () => {
  w = await startWebWorld();
});
afterAll(async () => {
  await w?.close();
});

const draftNow = async () => (await getPlanOfYear(w.world.db, 'hd', YEAR))!.draft!;
const editForm = (html: string) => formFields(html, 'form-du-thao');
/** The form as a browser would send it again, without the per-page idempotency key. */
const sentAgain = (html: string) => {
  const { _request: _ignored, ...rest } = editForm(html);
  return rest;
};
/** What a person reads on the page: the text, not the markup (ids in attributes are not shown). */
const visibleText = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ');

describe('Lập kế hoạch năm: lịch nhắc việc, Hội đồng, cụm khối, nội dung và chỉ tiêu', () => {
  it('edits and saves each of them, shows them back, and refuses bad ones keeping what was typed', async () => {
    const standing = await Agent.as(w.app, 'thuongtruc');
    expect((await standing.post('/ke-hoach/soan-thao/tao', { nam: String(YEAR) })).statusCode).toBe(303);
    const page = await standing.get(PAGE);
    expect(page.statusCode).toBe(200);

    // The copied schedule in words, the council, and the clusters by unit name, never a directory id.
    expect(page.body).toContain('7 ngày trước hạn, lúc 09:00');
    expect(page.body).toContain('Ngày hạn, lúc 09:00');
    expect(page.body).toContain('4 ngày sau hạn, lúc 09:00');
    expect(page.body).toContain('value="Văn phòng tổng hợp"');
    const text = visibleText(page.body);
    expect(text).toContain('Thành viên đã lưu: Viện kiểm sát nhân dân khu vực 1, Viện kiểm sát nhân dân khu vực 2');
    expect(text).not.toMatch(/hd-(kv|cum|p)\d|hd-khoi|hd-vp/);

    const before = await draftNow();
    const plan = before.content as Plan;
    const drive = plan.drives[0]!;
    const form = editForm(page.body);
    expect(form['cum.hd-cum1.don_vi']).toEqual(['hd-kv1', 'hd-kv2', 'hd-kv3', 'hd-kv4']);
    expect(form['cum.hd-cum1.truong']).toBe('hd-kv1');
    const flagsOf = (review: typeof before.review, key: string) => review.find((i) => i.key === key)?.flags;

    // A good edit of everything new: a reminder 3 days before at 08:00 added, the escalations moved, the council's
    // chair renamed, VKSND khu vực 4 moved from cụm 1 to cụm 2, cụm 1's head and deputy changed, the drive's
    // content and targets written.
    const good = {
      ...sentAgain(page.body),
      'nhac.3.ngay': '3',
      'nhac.3.gio': '08:00',
      'bao.0.ngay': '2',
      'bao.0.gio': '14:00',
      'bao.1.ngay': '',
      'bao.1.gio': '',
      'hd.chu_tich': `Viện trưởng, Chủ tịch Hội đồng thi đua, khen thưởng năm ${YEAR}`,
      'hd.thuong_truc': 'Thường trực Hội đồng (Văn phòng tổng hợp)',
      'hd.tham_muu': 'Văn phòng tổng hợp VKSND tỉnh',
      'cum.hd-cum1.don_vi': ['hd-kv1', 'hd-kv2', 'hd-kv3'],
      'cum.hd-cum1.truong': 'hd-kv2',
      'cum.hd-cum1.pho': 'hd-kv3',
      'cum.hd-cum2.don_vi': ['hd-kv4', 'hd-kv5', 'hd-kv6', 'hd-kv7', 'hd-kv8'],
      [`dot.${drive.id}.noi_dung`]: 'Thi đua hoàn thành chỉ tiêu giải quyết án quý I',
      [`dot.${drive.id}.chi_tieu`]: 'Giải quyết 100% tin báo đúng hạn\r\n\r\nKhông có án trả hồ sơ do lỗi chủ quan',
    };
    const saved = await standing.post(SAVE, good);
    expect(saved.statusCode, visibleText(saved.body).slice(0, 400)).toBe(303);
    const after = await draftNow();
    expect(after.revision).toBe(before.revision + 1);
    const edited = after.content as Plan;
    expect(edited.reminders).toEqual({
      reminders: [
        { days: -7, hours: -15 },
        { days: -3, hours: -16 },
        { days: -1, hours: -15 },
        { days: 0, hours: -15 },
      ],
      escalations: [{ days: 1, hours: 14 }],
    });
    expect(edited.council).toEqual({
      unitId: plan.council.unitId,
      chair: good['hd.chu_tich'],
      standingBody: 'Thường trực Hội đồng (Văn phòng tổng hợp)',
      secretariat: 'Văn phòng tổng hợp VKSND tỉnh',
    });
    expect(edited.drives[0]).toMatchObject({
      content: 'Thi đua hoàn thành chỉ tiêu giải quyết án quý I',
      targets: ['Giải quyết 100% tin báo đúng hạn', 'Không có án trả hồ sơ do lỗi chủ quan'],
    });
    expect(edited.drives[1]!.content).toBeUndefined();
    const cluster = (id: string) => after.clusters!.find((c) => c.clusterId === id)!;
    expect(cluster('hd-cum1')).toMatchObject({
      headUnitId: 'hd-kv2',
      deputyUnitId: 'hd-kv3',
      memberUnitIds: ['hd-kv1', 'hd-kv2', 'hd-kv3'],
    });
    expect(cluster('hd-cum2').memberUnitIds).toEqual(['hd-kv4', 'hd-kv5', 'hd-kv6', 'hd-kv7', 'hd-kv8']);
    // Editing is not confirming: the copied items keep their "cần xác nhận" and its reasons.
    for (const key of ['reminders', 'council', 'clusters', `drive:${drive.id}`]) {
      expect(after.review.find((i) => i.key === key)?.confirmed, key).toBe(false);
      expect(flagsOf(after.review, key), key).toEqual(flagsOf(before.review, key));
    }

    // Shown back on the drafting page, and the drive's content and targets on the plan page under the drive.
    const shown = await standing.get(PAGE);
    expect(shown.body).toContain('3 ngày trước hạn, lúc 08:00');
    expect(shown.body).toContain('2 ngày sau hạn, lúc 14:00');
    expect(shown.body).not.toContain('4 ngày sau hạn, lúc 09:00');
    expect(visibleText(shown.body)).toContain(
      'Thành viên đã lưu: Viện kiểm sát nhân dân khu vực 4, Viện kiểm sát nhân dân khu vực 5',
    );
    const shownForm = editForm(shown.body);
    expect(shownForm['hd.chu_tich']).toBe(good['hd.chu_tich']);
    expect(shownForm['hd.tham_muu']).toBe('Văn phòng tổng hợp VKSND tỉnh');
    expect(shownForm['cum.hd-cum1.truong']).toBe('hd-kv2');
    expect(shownForm[`dot.${drive.id}.chi_tieu`]).toBe(
      'Giải quyết 100% tin báo đúng hạn\nKhông có án trả hồ sơ do lỗi chủ quan',
    );
    const head = await Agent.as(w.app, 'truong.kv2');
    const planPage = await head.get(`/ke-hoach?nam=${YEAR}`);
    expect(planPage.statusCode).toBe(200);
    const driveRow = new RegExp(`<tr data-drive="${drive.id}">([\\s\\S]*?)</tr>`).exec(planPage.body)?.[1] ?? '';
    expect(driveRow).toContain('Thi đua hoàn thành chỉ tiêu giải quyết án quý I');
    expect(driveRow).toContain('<li>Giải quyết 100% tin báo đúng hạn</li>');
    expect(driveRow).toContain('<li>Không có án trả hồ sơ do lỗi chủ quan</li>');

    // Each refusal: the Vietnamese message, every typed value kept, nothing changed in the store.
    const current = sentAgain(shown.body);
    const refusals: [string, Record<string, string | string[]>, string][] = [
      [
        'an escalation on the deadline’s day',
        { 'bao.0.ngay': '0', 'bao.0.gio': '09:00' },
        'Mốc báo cáo quá hạn phải ở sau hạn',
      ],
      [
        'an hour that is no whole hour',
        { 'nhac.0.gio': '9:30' },
        'Dòng 1 của các mốc nhắc trước hạn: giờ “9:30” không hợp lệ (nhập giờ chẵn từ 00:00 đến 24:00, ví dụ 09:00).',
      ],
      [
        'days that are no number',
        { 'nhac.1.ngay': 'bảy' },
        'Dòng 2 của các mốc nhắc trước hạn: số ngày “bảy” phải là số từ 0 đến 366.',
      ],
      [
        'a row without its hour',
        { 'nhac.5.ngay': '10' },
        'Dòng 6 của các mốc nhắc trước hạn: chưa nhập giờ (ví dụ 09:00).',
      ],
      [
        'a unit in two clusters',
        { 'cum.hd-cum2.don_vi': ['hd-kv1', 'hd-kv4', 'hd-kv5', 'hd-kv6', 'hd-kv7', 'hd-kv8'] },
        'Đơn vị Viện kiểm sát nhân dân khu vực 1 thuộc cả cụm “Cụm thi đua số 1” và cụm “Cụm thi đua số 2”',
      ],
      ['a cluster without its head', { 'cum.hd-cum3.truong': '' }, 'Cụm “Cụm thi đua số 3” chưa có đơn vị cụm trưởng'],
      [
        'a head from outside the cluster',
        { 'cum.hd-cum3.truong': 'hd-kv1' },
        'Đơn vị cụm trưởng Viện kiểm sát nhân dân khu vực 1 không thuộc cụm “Cụm thi đua số 3”',
      ],
      ['a council without its chair', { 'hd.chu_tich': '' }, 'Chủ tịch Hội đồng là bắt buộc'],
      ['a target too long', { [`dot.${drive.id}.chi_tieu`]: 'x'.repeat(501) }, 'Chỉ tiêu không được dài quá 500 ký tự'],
    ];
    for (const [what, change, message] of refusals) {
      const typed = { ...current, ...change };
      const refused = await standing.post(SAVE, typed);
      expect(refused.statusCode, what).toBe(400);
      expect(refused.body, what).toContain(message);
      expect(refused.body, what).toContain('Chưa lưu gì: các ô bên dưới vẫn giữ nội dung bạn đã nhập.');
      // The refusal names units, never their ids.
      const alert = /<div class="alert alert-error"[\s\S]*?<\/div>/.exec(refused.body)![0];
      expect(alert, what).not.toMatch(/hd-kv\d/);
      // Every field as typed (a ticked list as ticked, a select as chosen, an empty row as empty).
      const back = sentAgain(refused.body);
      for (const [name, value] of Object.entries(typed))
        expect(back[name] ?? '', `${what}: ${name}`).toEqual(Array.isArray(value) ? value : value);
      const still = await draftNow();
      expect(still.revision, what).toBe(after.revision);
      expect(still.content, what).toEqual(after.content);
      expect(still.clusters, what).toEqual(after.clusters);
    }
  });
});
