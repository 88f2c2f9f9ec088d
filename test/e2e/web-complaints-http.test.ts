/**
 * A complaint over HTTP on the dev server with a real worker. Seed 003 (III.6): "Thường trực Hội đồng thi đua
 * VKSND tỉnh tham mưu Viện trưởng VKSND tỉnh giải quyết kịp thời các đơn thư khiếu nại". The complaint holds a
 * nomination and appears in the standing body's inbox; its findings form is refused when empty (what was typed
 * stays) and then records the proposal; the complaint leaves that inbox for the leader's; the standing body's own
 * conclusion is refused; the leader's dismissal releases the hold. The nomination's page links to the complaint
 * and the complaint back to it; only the council's staff may open it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YearCasesClient } from '../../client/lib/year-cases.js';
import { formatDateVN } from '../../domain/calendar.js';
import { complaint } from '../../workflows/index.js';
import { complaintId, complaintUpdates } from '../../workflows/complaint/messages.js';
import { nominationStateQuery } from '../../workflows/nomination/messages.js';
import { uniqueId } from '../harness/temporal.js';
import { journey } from '../support/journey.js';
import { Agent, caseUrl, eventually, startWebWorld, type WebWorld } from './web-support.js';

let w: WebWorld;
const NUMBER = uniqueId('kn');
const PAGE = `/khieu-nai/${NUMBER}`;
const SCRIPT = '<script>alert("x")</script>';
let nominationId = '';
let stageBefore = '';

beforeAll(async () => {
  w = await startWebWorld();
  const draft = await w.world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2' });
  const nomination = await w.world.startNomination({ unitId: 'hd-kv2', draft, campaignId: w.campaign });
  nominationId = nomination.workflowId;
  await journey(w.world, nomination).submit('truong.kv2');
  stageBefore = (await nomination.query(nominationStateQuery)).stage;
  const handle = await w.env.client.workflow.start(complaint, {
    taskQueue: w.world.taskQueue,
    workflowId: complaintId(NUMBER),
    args: [
      {
        complaintId: NUMBER,
        target: { kind: 'nomination', caseId: nominationId },
        filedBy: await w.world.actor('truong.kv5'),
        summary: 'Thành tích kê khai trong hồ sơ chưa đúng thực tế của đơn vị.',
        council: { unitId: 'hd', secretariatUnitId: 'hd-vp' },
      },
    ],
  });
  await handle.executeUpdate(complaintUpdates.hold_case, {
    args: [{ actor: await w.world.actor('thuongtruc'), reason: 'Tạm dừng để xác minh nội dung khiếu nại' }],
  });
});
afterAll(async () => {
  for (const id of [complaintId(NUMBER), nominationId])
    await w?.env.client.workflow
      .getHandle(id)
      .terminate('end of the complaints web test')
      .catch(() => undefined);
  await w?.close();
});

const stateOf = async () => (await new YearCasesClient(w.env.client).complaint(NUMBER))!;
/** The inbox row of this complaint, or undefined. */
const inboxRow = (html: string) =>
  new RegExp(`<tr[^>]*data-kind="complaint"[^>]*>[\\s\\S]*?${NUMBER}[\\s\\S]*?</tr>`).exec(html)?.[0];

describe('a complaint on the web: the standing body advises, the leadership concludes', () => {
  it("is in the standing body's inbox, not the leader's, and only the council's staff may open it", async () => {
    const standing = await Agent.as(w.app, 'thuongtruc');
    const row = await eventually(async () => {
      const found = inboxRow((await standing.get('/')).body);
      expect(found).toBeTruthy();
      return found!;
    });
    expect(row).toContain(`href="${PAGE}"`);
    expect(row).toContain('Chờ Thường trực Hội đồng xác minh, tham mưu');
    const chair = await Agent.as(w.app, 'vientruong');
    expect(inboxRow((await chair.get('/')).body)).toBeUndefined();

    for (const username of ['truong.kv2', 'uyvien1', 'cumtruong.c1'])
      expect((await (await Agent.as(w.app, username)).get(PAGE)).statusCode, username).toBe(403);
    // The same role in another unit (the Supreme Procuracy's emulation department) may not read who complained.
    const higher = await (await Agent.as(w.app, 'vu16.vkstc')).get(PAGE);
    expect(higher.statusCode).toBe(403);
    expect(higher.body).toContain('do Hội đồng của đơn vị khác giải quyết');

    const page = await standing.get(PAGE);
    expect(page.statusCode).toBe(200);
    const state = await stateOf();
    // What it is against, by name and linked; its due date dd/mm/yyyy in Vietnam time; no ids of people.
    expect(page.body).toContain(`<a href="${caseUrl(nominationId)}">Giấy khen`);
    expect(page.body).toContain(formatDateVN(state.dueAt));
    expect(page.body).toContain('Đang tạm dừng');
    expect(page.body).not.toContain('u-thuongtruc');
    expect(page.body).toContain('id="form-tham-muu"');
    expect(page.body).not.toContain('id="form-ket-luan"');
    // The held nomination's page links to the complaint.
    const casePage = await standing.get(caseUrl(nominationId));
    expect(casePage.body).toContain(`<a href="${PAGE}">Đơn khiếu nại số ${NUMBER}</a>`);
  });

  it('refuses empty findings in Vietnamese keeping what was typed, then records the proposal', async () => {
    const standing = await Agent.as(w.app, 'thuongtruc');
    await standing.get(PAGE);
    const before = await stateOf();
    const empty = await standing.post(`${PAGE}/tham-muu`, { findings: '', outcome: 'dismissed', reason: SCRIPT });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Kết quả xác minh quá ngắn');
    expect(empty.body).toContain('&lt;script&gt;');
    expect(empty.body).not.toContain(SCRIPT);
    expect(empty.body).toMatch(/value="dismissed" checked/);
    expect(await stateOf()).toEqual(before);

    const sent = await standing.post(`${PAGE}/tham-muu`, {
      findings: 'Đối chiếu biên bản, số liệu: thành tích kê khai đúng thực tế.',
      outcome: 'dismissed',
      reason: 'Khiếu nại không có cơ sở',
    });
    expect(sent.statusCode).toBe(303);
    const page = await standing.get(String(sent.headers.location));
    expect(page.body).toContain('Đã báo cáo kết quả xác minh và đề xuất; đơn chờ Lãnh đạo Viện kết luận.');
    expect(page.body).toContain('Đối chiếu biên bản, số liệu: thành tích kê khai đúng thực tế.');
    expect(page.body).toContain('Chờ Lãnh đạo Viện kết luận');
    expect(page.body).not.toContain('id="form-tham-muu"');
    expect((await stateOf()).stage).toBe('proposed');
  });

  it("the standing body's own conclusion is refused; the complaint moves to the leader's inbox", async () => {
    const standing = await Agent.as(w.app, 'thuongtruc');
    await standing.get(PAGE);
    const before = await stateOf();
    const alone = await standing.post(`${PAGE}/ket-luan`, { outcome: 'dismissed', reason: 'Không có cơ sở' });
    expect(alone.statusCode).toBe(403);
    expect(alone.body).toContain('Thường trực Hội đồng chỉ tham mưu; Viện trưởng hoặc Phó Viện trưởng kết luận');
    expect(await stateOf()).toEqual(before);

    await eventually(async () => expect(inboxRow((await standing.get('/')).body)).toBeUndefined());
    const chair = await Agent.as(w.app, 'vientruong');
    const row = await eventually(async () => {
      const found = inboxRow((await chair.get('/')).body);
      expect(found).toBeTruthy();
      return found!;
    });
    expect(row).toContain('Chờ Lãnh đạo Viện kết luận');
  });

  it("the leader's dismissal releases the hold, and the complaint links back to the nomination", async () => {
    const chair = await Agent.as(w.app, 'vientruong');
    const page = await chair.get(PAGE);
    expect(page.body).toContain('id="form-ket-luan"');
    // The standing body's proposal is the form's default.
    expect(page.body).toMatch(/value="dismissed" checked/);
    const done = await chair.post(`${PAGE}/ket-luan`, {
      outcome: 'dismissed',
      reason: 'Kết luận: khiếu nại không có cơ sở',
    });
    expect(done.statusCode).toBe(303);
    const resolved = await eventually(async () => {
      const s = await stateOf();
      expect(s.stage).toBe('resolved');
      return s;
    });
    expect(resolved.resolution).toMatchObject({ outcome: 'dismissed', by: { role: 'leadership' } });
    const nomination = await w.env.client.workflow.getHandle(nominationId).query(nominationStateQuery);
    expect(nomination.stage).toBe(stageBefore);

    const after = await chair.get(String(done.headers.location));
    expect(after.body).toContain('Đã kết luận giải quyết đơn khiếu nại.');
    expect(after.body).toContain('Đã cho tiếp tục xét');
    expect(after.body).toContain(`href="${caseUrl(nominationId)}"`);
    expect(after.body).not.toContain('id="form-ket-luan"');
    await eventually(async () => expect(inboxRow((await chair.get('/')).body)).toBeUndefined());
  });
});
