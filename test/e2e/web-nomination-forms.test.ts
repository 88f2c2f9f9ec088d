/**
 * Over HTTP (fastify.inject against the real server, Temporal dev server and worker): the draft form carries the
 * facts eligibility reads (a collective's headcounts, declared criteria) and refuses bad ones in Vietnamese; the
 * admin case page's reassign repair is refused (403) to everyone but the administrator and the standing body,
 * checks the unit against the directory, and hands the step on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueId } from '../harness/temporal.js';
import { journey } from '../support/journey.js';
import { Agent, caseUrl, startWebWorld, type WebWorld } from './web-support.js';

let w: WebWorld;

beforeAll(async () => {
  w = await startWebWorld();
});
afterAll(async () => {
  await w?.close();
});

const adminCaseUrl = (caseId: string) => `/quan-tri/ho-so/${encodeURIComponent(caseId)}`;

/** The case the form just created, from the redirect to its page. */
function createdCaseId(location: string | string[] | undefined): string {
  const path = String(location).split('?')[0]!;
  return decodeURIComponent(path.replace(/^\/ho-so\//, ''));
}

// Seed 001, mục II.2.2.a: "Đôi với tập thể không quá 1/4 tổng số tập thể của đơn vị mình". A regional unit of 2–3
// collectives rounds down to none, and the "at least one" exception is off (and flagged): the form says why.
describe('draft form: a quota of no collective is explained', () => {
  const WHY =
    /Đơn vị có [23] tập thể: chỉ tiêu 1\/4 làm tròn xuống là 0, và bộ quy tắc không cho đơn vị có chỉ tiêu bằng 0 được đề nghị 01 \(quy định này cần xác nhận\)/;

  it('on the form, on the case page and in the refusal of the submission', async () => {
    const clerk = await Agent.as(w.app, 'vanthu.kv2');
    const form = await clerk.get('/de-nghi/moi?award=giay-khen&subject=collective');
    expect(form.statusCode).toBe(200);
    expect(/<p class="alert alert-warn" role="note" id="quota-none">([^<]*)<\/p>/.exec(form.body)?.[1]).toMatch(WHY);
    // An individual's quota (10% of the staff) allows some: nothing to explain there.
    expect((await clerk.get('/de-nghi/moi?award=giay-khen&subject=individual')).body).not.toContain('id="quota-none"');
    // Nor for a title that does not count against the quota.
    expect((await clerk.get('/de-nghi/moi?award=tap-the-lao-dong-tien-tien&subject=collective')).body).not.toContain(
      'id="quota-none"',
    );

    const created = await clerk.post('/de-nghi', {
      campaignId: w.campaign,
      track: 'regular',
      awardCode: 'giay-khen',
      subject: 'collective',
      'doc_to-trinh': '12/TTr-VKS',
      'doc_bao-cao-thanh-tich': 'BC 03',
      'doc_bien-ban-binh-xet-don-vi': 'BB 01',
      achievements: 'Hoàn thành xuất sắc nhiệm vụ.',
    });
    expect(created.statusCode).toBe(303);
    const caseId = createdCaseId(created.headers.location);
    expect((await clerk.get(caseUrl(caseId))).body).toMatch(WHY);
    const head = await Agent.as(w.app, 'truong.kv2');
    const refused = await head.post(`${caseUrl(caseId)}/submit`, {});
    expect(refused.statusCode).not.toBe(303);
    expect(refused.body).toMatch(WHY);
    expect((await w.cases.getCase(caseId)).stage).toBe('draft');
  });
});

describe('draft form: the facts of a collective title', () => {
  const collectiveForm = (facts: Record<string, string>) => ({
    campaignId: w.campaign,
    track: 'regular',
    awardCode: 'tap-the-lao-dong-xuat-sac',
    subject: 'collective',
    'doc_to-trinh': '12/TTr-VKS',
    'doc_bao-cao-thanh-tich': 'BC 03',
    'doc_bien-ban-binh-xet-don-vi': 'BB 01',
    achievements: 'Hoàn thành xuất sắc nhiệm vụ.',
    ...facts,
  });

  it('shows the headcount fields, stores them, and the case may be submitted', async () => {
    const clerk = await Agent.as(w.app, 'vanthu.kv2');
    const form = await clerk.get('/de-nghi/moi?award=tap-the-lao-dong-xuat-sac&subject=collective');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Số liệu của tập thể trong năm');
    expect(form.body).toContain('name="advancedWorkerCount"');
    // Each headcount under the same words the refusals use (domain/nomination/facts.ts COLLECTIVE_FACT_LABELS).
    for (const [name, label] of [
      ['memberCount', 'Tổng số cá nhân của tập thể'],
      ['completedDutiesCount', 'Số cá nhân hoàn thành nhiệm vụ trở lên'],
      ['advancedWorkerCount', 'Số cá nhân đạt Lao động tiên tiến'],
      ['baseEmulationFighterCount', 'Số cá nhân đạt Chiến sĩ thi đua cơ sở'],
      ['membersDisciplinedWarningOrAbove', 'Số cá nhân bị kỷ luật từ cảnh cáo trở lên'],
    ])
      expect(form.body).toContain(`<label for="${name}">${label}</label>`);
    const created = await clerk.post(
      '/de-nghi',
      collectiveForm({
        memberCount: '20',
        completedDutiesCount: '20',
        advancedWorkerCount: '15',
        baseEmulationFighterCount: '2',
        membersDisciplinedWarningOrAbove: '0',
      }),
    );
    expect(created.statusCode).toBe(303);
    const caseId = createdCaseId(created.headers.location);
    const state = await w.cases.getCase(caseId);
    expect(state.draft.collectiveFacts).toEqual({
      memberCount: 20,
      completedDutiesCount: 20,
      advancedWorkerCount: 15,
      baseEmulationFighterCount: 2,
      membersDisciplinedWarningOrAbove: 0,
      underReview: false,
    });
    const page = await clerk.get(caseUrl(caseId));
    expect(page.body).not.toContain('Thiếu số liệu về cá nhân của tập thể');
    // The edit form shows what was stored, so saving it again keeps the facts.
    const edit = await clerk.get(`${caseUrl(caseId)}/sua`);
    expect(edit.body).toMatch(/name="advancedWorkerCount"[^>]*value="15"/);
    const head = await Agent.as(w.app, 'truong.kv2');
    expect((await head.post(`${caseUrl(caseId)}/submit`, {})).statusCode).toBe(303);
    expect((await w.cases.getCase(caseId)).stage).toBe('cluster_review');
  });

  it('refuses impossible headcounts in Vietnamese and starts no case', async () => {
    const clerk = await Agent.as(w.app, 'vanthu.kv2');
    await clerk.get('/de-nghi/moi?award=tap-the-lao-dong-xuat-sac&subject=collective');
    const counts = {
      memberCount: '10',
      completedDutiesCount: '10',
      advancedWorkerCount: '12',
      baseEmulationFighterCount: '2',
      membersDisciplinedWarningOrAbove: '0',
    };
    const tooMany = await clerk.post('/de-nghi', collectiveForm(counts));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain(
      'Số cá nhân đạt Lao động tiên tiến (12) không được lớn hơn tổng số cá nhân của tập thể (10)',
    );
    const notANumber = await clerk.post('/de-nghi', collectiveForm({ ...counts, baseEmulationFighterCount: 'hai' }));
    expect(notANumber.statusCode).toBe(400);
    expect(notANumber.body).toContain('Số cá nhân đạt Chiến sĩ thi đua cơ sở phải là số');
  });

  it('shows the refused form again with everything typed, so nothing has to be typed twice', async () => {
    const clerk = await Agent.as(w.app, 'vanthu.kv2');
    await clerk.get('/de-nghi/moi?award=tap-the-lao-dong-xuat-sac&subject=collective');
    const refused = await clerk.post(
      '/de-nghi',
      collectiveForm({
        track: 'ad_hoc',
        memberCount: '10',
        completedDutiesCount: '10',
        advancedWorkerCount: '12',
        baseEmulationFighterCount: 'hai',
        membersDisciplinedWarningOrAbove: '0',
        collectiveUnderReview: 'on',
      }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Số cá nhân đạt Chiến sĩ thi đua cơ sở phải là số');
    expect(refused.body).toMatch(/name="advancedWorkerCount"[^>]*value="12"/);
    expect(refused.body).toMatch(/name="baseEmulationFighterCount"[^>]*value="hai"/);
    expect(refused.body).toMatch(/name="collectiveUnderReview" checked/);
    expect(refused.body).toMatch(/name="doc_to-trinh"[^>]*value="12\/TTr-VKS"/);
    expect(refused.body).toContain('<option value="ad_hoc" selected>');
    expect(refused.body).toContain('>Hoàn thành xuất sắc nhiệm vụ.</textarea>');
  });

  it('a collective title left without headcounts shows the reason on the case page', async () => {
    const clerk = await Agent.as(w.app, 'vanthu.kv2');
    await clerk.get('/de-nghi/moi?award=tap-the-lao-dong-xuat-sac&subject=collective');
    const created = await clerk.post('/de-nghi', collectiveForm({}));
    expect(created.statusCode).toBe(303);
    const page = await clerk.get(caseUrl(createdCaseId(created.headers.location)));
    expect(page.body).toContain('Thiếu số liệu về cá nhân của tập thể để xét danh hiệu Tập thể lao động xuất sắc.');
  });

  it('offers the award’s declared criteria as checkboxes and keeps the one chosen', async () => {
    const clerk = await Agent.as(w.app, 'vanthu.kv2');
    const form = await clerk.get('/de-nghi/moi?award=bang-khen-thu-tuong&subject=individual');
    expect(form.body).toContain('value="thanh-tich-dot-xuat"');
    const { nominee } = await w.world.draftFor({ awardCode: 'bang-khen-thu-tuong', unitId: 'hd-kv2' });
    const created = await clerk.post('/de-nghi', {
      campaignId: w.campaign,
      track: 'regular',
      awardCode: 'bang-khen-thu-tuong',
      subject: 'individual',
      personId: nominee.personId!,
      'doc_to-trinh': '1',
      'doc_bao-cao-thanh-tich': '2',
      'doc_bien-ban-hop-xet': '3',
      criteria: 'thanh-tich-dot-xuat',
    });
    expect(created.statusCode).toBe(303);
    expect((await w.cases.getCase(createdCaseId(created.headers.location))).draft.declaredCriteria).toEqual([
      'thanh-tich-dot-xuat',
    ]);
  });
});

describe('admin case page: reassign the current step', () => {
  async function caseInClusterReview(): Promise<string> {
    const draft = await w.world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv3' });
    const handle = await w.world.startNomination({ unitId: 'hd-kv3', draft, campaignId: uniqueId('camp') });
    await journey(w.world, handle).submit('truong.kv3');
    return handle.workflowId;
  }
  const form = { toUnitId: 'hd-kv2', reason: 'Cụm trưởng thay đổi từ 01/12' };

  it('is 403 for everyone but the administrator and the standing body, and changes nothing', async () => {
    const caseId = await caseInClusterReview();
    const before = JSON.stringify(await w.cases.getCase(caseId));
    for (const username of ['vanthu.kv2', 'truong.kv2', 'truong.kv5', 'cumtruong.c1', 'uyvien1', 'vientruong']) {
      const agent = await Agent.as(w.app, username);
      expect((await agent.get(adminCaseUrl(caseId))).statusCode, username).toBe(403);
      const res = await agent.post(`${adminCaseUrl(caseId)}/reassign`, form);
      expect(res.statusCode, username).toBe(403);
      expect(res.body).toContain('Bạn không có quyền xem trang này.');
      // The generic case route refuses it too (the domain's authorize).
      expect((await agent.post(`${caseUrl(caseId)}/reassign`, form)).statusCode, username).toBe(403);
    }
    expect(JSON.stringify(await w.cases.getCase(caseId))).toBe(before);
  });

  it('offers the cluster’s other members, refuses a unit outside the cluster, and hands the step on', async () => {
    const caseId = await caseInClusterReview();
    const admin = await Agent.as(w.app, 'admin');
    const page = await admin.get(adminCaseUrl(caseId));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Giao lại bước hiện tại');
    // The unit holding the step by its name, never its code.
    expect(page.body).toContain('đang do Viện kiểm sát nhân dân khu vực 1 đảm nhiệm');
    expect(page.body).not.toContain('<code>hd-kv1</code>');
    expect(page.body).toContain('<option value="hd-kv2">');
    expect(page.body).not.toContain('<option value="hd-kv5">');
    const outside = await admin.post(`${adminCaseUrl(caseId)}/reassign`, { ...form, toUnitId: 'hd-kv5' });
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain('Chỉ giao việc của cụm trưởng cho một đơn vị khác trong cùng cụm, khối thi đua.');
    const short = await admin.post(`${adminCaseUrl(caseId)}/reassign`, { ...form, reason: 'x' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Lý do phải có ít nhất 3 ký tự');
    expect((await w.cases.getCase(caseId)).context.clusterHeadUnitId).toBe('hd-kv1');
    // The generic action route does not take reassign, even from the administrator: only this page checks the unit.
    const before = JSON.stringify(await w.cases.getCase(caseId));
    const around = await admin.post(`${caseUrl(caseId)}/reassign`, { ...form, toUnitId: 'hd-kv5' });
    expect(around.statusCode).toBe(400);
    expect(around.body).toContain('Giao lại bước hiện tại ở trang quản trị hồ sơ.');
    expect(JSON.stringify(await w.cases.getCase(caseId))).toBe(before);
    // The nominating unit is not offered.
    expect(page.body).not.toContain('<option value="hd-kv3">');

    const ok = await admin.post(`${adminCaseUrl(caseId)}/reassign`, form);
    expect(ok.statusCode).toBe(303);
    const after = await admin.get(String(ok.headers.location));
    expect(after.body).toContain('Đã giao lại bước hiện tại cho đơn vị mới.');
    expect(after.body).toContain('giao lại bước hiện tại cho đơn vị khác');
    // The case page's timeline names the units of the repair.
    const casePage = await admin.get(caseUrl(caseId));
    expect(casePage.body).toContain('Đơn vị trước đây: Viện kiểm sát nhân dân khu vực 1');
    expect(casePage.body).toContain('Đơn vị được giao: Viện kiểm sát nhân dân khu vực 2');
    expect(casePage.body).not.toContain('Đơn vị trước đây: hd-kv1');
    const state = await w.cases.getCase(caseId);
    expect(state.context.clusterHeadUnitId).toBe('hd-kv2');
    expect(state.audit.at(-1)).toMatchObject({ action: 'reassign', reason: form.reason });
    // The standing body may repair too (here: back to the first head).
    const secretary = await Agent.as(w.app, 'thuongtruc');
    await secretary.get(adminCaseUrl(caseId));
    const again = await secretary.post(`${adminCaseUrl(caseId)}/reassign`, { ...form, toUnitId: 'hd-kv1' });
    expect(again.statusCode).toBe(303);
    expect((await w.cases.getCase(caseId)).context.clusterHeadUnitId).toBe('hd-kv1');
  });
});
