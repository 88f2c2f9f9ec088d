/**
 * The advanced-models page over HTTP on the dev server with a real worker: who may see and act (403 for anyone
 * else, nothing changes), CSRF refusals, escaping of what units typed, the council's selection (05–10) recorded
 * by the standing body, refused in Vietnamese when the count is wrong, and the result sent on by the leadership,
 * once. The case runs on its own (no plan) for a year no other web test uses on the shared dev server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advancedModelId, type AdvancedModelStartInput } from '../../domain/plan-year/advanced-model.js';
import { HAI_DUONG_2025 } from '../../domain/plans/index.js';
import { advancedModels } from '../../workflows/index.js';
import { advancedModelUpdates } from '../../workflows/plan/advanced-model-messages.js';
import { Agent, eventually, startWebWorld, type WebWorld } from './web-support.js';
import { YearCasesClient } from '../../client/lib/year-cases.js';

let w: WebWorld;
// The case closes on 31/12 of its year, so a future one; 2080–2084 is the campaigns test's plan (which starts its own).
const YEAR = 2085 + Math.floor(Math.random() * 5);
const URL_ = `/ke-hoach/dien-hinh?nam=${YEAR}`;
const UNITS = ['hd-kv1', 'hd-kv2', 'hd-kv3'];
const SCRIPT = '<script>alert("x")</script>';
const workflowId = advancedModelId('hd', YEAR);

const candidates = (u: string) => [
  { subject: 'collective' as const, refId: u, displayName: `Tập thể ${u}`, achievements: SCRIPT },
  { subject: 'individual' as const, refId: `${u}-nv01`, displayName: `Cá nhân 1 ${u}` },
  { subject: 'individual' as const, refId: `${u}-nv02`, displayName: `Cá nhân 2 ${u}` },
];

beforeAll(async () => {
  w = await startWebWorld();
  const input: AdvancedModelStartInput = {
    orgUnitId: 'hd',
    year: YEAR,
    planId: `hd-${YEAR}`,
    planWorkflowId: null,
    units: UNITS.map((id) => ({ id, name: `Đơn vị ${id}` })),
    dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    schedule: HAI_DUONG_2025.reminders,
    council: { unitId: 'hd', secretariatUnitId: 'hd-vp' },
  };
  await w.env.client.workflow.start(advancedModels, { taskQueue: w.world.taskQueue, workflowId, args: [input] });
});
afterAll(async () => {
  await w?.env.client.workflow
    .getHandle(workflowId)
    .terminate('end of the advanced-models web test')
    .catch(() => undefined);
  await w?.close();
});

async function propose(unitId: string) {
  await w.env.client.workflow.getHandle(workflowId).executeUpdate(advancedModelUpdates.propose, {
    args: [{ actor: await w.world.actor(`truong.${unitId.replace('hd-', '')}`), candidates: candidates(unitId) }],
  });
}

const snapshot = async () => {
  const s = (await new YearCasesClient(w.env.client).advancedModels('hd', YEAR))!;
  return { selection: s.selection, sentOn: s.sentOn ?? null, audit: s.audit.length };
};

const fiveKeys = ['hd-kv1:hd-kv1', 'hd-kv2:hd-kv2', 'hd-kv3:hd-kv3', 'hd-kv1:hd-kv1-nv01', 'hd-kv2:hd-kv2-nv02'];

describe('the advanced-models page', () => {
  it('is only for the standing body, the leadership and admins; others get 403 and change nothing', async () => {
    await propose('hd-kv1');
    for (const username of ['vanthu.kv2', 'truong.kv2', 'cumtruong.c1', 'uyvien1']) {
      const agent = await Agent.as(w.app, username);
      expect((await agent.get(URL_)).statusCode, username).toBe(403);
    }
    const before = await snapshot();
    const head = await Agent.as(w.app, 'truong.kv2');
    await head.get('/');
    const select = await head.post('/ke-hoach/dien-hinh/chon', { nam: String(YEAR), chon: fiveKeys[0]! });
    expect(select.statusCode).toBe(403);
    expect(select.body).toContain('Chỉ Thường trực Hội đồng hoặc lãnh đạo đơn vị');
    expect((await head.post('/ke-hoach/dien-hinh/gui', { nam: String(YEAR) })).statusCode).toBe(403);
    // An admin reads, but has no forms.
    const admin = await Agent.as(w.app, 'admin');
    const read = await admin.get(URL_);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain('id="form-chon"');
    expect(await snapshot()).toEqual(before);
  });

  it("lists every unit's proposal, escaped, and offers the selection only once every unit has proposed", async () => {
    const standing = await Agent.as(w.app, 'thuongtruc');
    const early = await standing.get(URL_);
    expect(early.statusCode).toBe(200);
    expect(early.body).toContain('Cá nhân 2 hd-kv1');
    expect(early.body).toContain('Chưa giới thiệu');
    expect(early.body).toContain('1/3 đơn vị (mỗi đơn vị tối đa 1 tập thể, 2 cá nhân)');
    expect(early.body).toContain('Chưa ghi nhận (Hội đồng chọn từ 5 đến 10)');
    expect(early.body).not.toContain(SCRIPT);
    expect(early.body).toContain('&lt;script&gt;');
    expect(early.body).not.toContain('id="form-chon"');
    // Posting anyway is refused by the domain's own rule, in Vietnamese.
    const tooEarly = await standing.post('/ke-hoach/dien-hinh/chon', { nam: String(YEAR), chon: fiveKeys[0]! });
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.body).toContain('còn đơn vị chưa giới thiệu');

    await propose('hd-kv2');
    await propose('hd-kv3');
    const ready = await eventually(async () => {
      const res = await standing.get(URL_);
      expect(res.body).toContain('id="form-chon"');
      return res;
    });
    expect(ready.body).toContain('3/3 đơn vị');
    expect(ready.body).toContain('value="hd-kv3:hd-kv3-nv02"');
  });

  it('refuses a selection without CSRF or of the wrong size, then records 5 and shows them', async () => {
    const standing = await Agent.as(w.app, 'thuongtruc');
    await standing.get(URL_);
    const before = await snapshot();
    const noCsrf = await standing.post('/ke-hoach/dien-hinh/chon', { nam: String(YEAR) }, { withCsrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.body).toContain('mã chống giả mạo');

    const form = { nam: String(YEAR), note: SCRIPT };
    const four = await standing.post('/ke-hoach/dien-hinh/chon', { ...form, chon: fiveKeys.slice(0, 4) });
    expect(four.statusCode).toBe(422);
    expect(four.body).toContain('Hội đồng lựa chọn từ 5 đến 10 tập thể, cá nhân điển hình tiên tiến (đã chọn 4)');
    // What was ticked stays ticked, and the note is escaped back into the form.
    expect(four.body).toMatch(/value="hd-kv1:hd-kv1" checked/);
    expect(four.body).not.toContain(SCRIPT);
    expect(await snapshot()).toEqual(before);

    const five = await standing.post('/ke-hoach/dien-hinh/chon', { ...form, chon: fiveKeys });
    expect(five.statusCode).toBe(303);
    const after = await snapshot();
    expect(after.selection?.keys).toEqual(fiveKeys);
    expect(after.selection?.by).toMatchObject({ role: 'council_secretary' });
    const page = await standing.get(String(five.headers.location));
    expect(page.body).toContain('Đã ghi nhận kết quả lựa chọn của Hội đồng.');
    expect(page.body).toContain('5 điển hình');
    const result = /<ol id="ket-qua">([\s\S]*?)<\/ol>/.exec(page.body)?.[1] ?? '';
    expect(result.match(/<li>/g)).toHaveLength(5);
    expect(result).toContain('Cá nhân 1 hd-kv1 (cá nhân) — Đơn vị hd-kv1');
    expect(result).not.toContain('Cá nhân 1 hd-kv2');
    expect(page.body).not.toContain('id="form-chon"');
    expect(page.body).toContain('id="form-gui"');
  });

  it('sends the result on once, by the leadership, and says so', async () => {
    const chair = await Agent.as(w.app, 'vientruong');
    await chair.get(URL_);
    const sent = await chair.post('/ke-hoach/dien-hinh/gui', { nam: String(YEAR), note: 'Kính gửi cấp trên' });
    expect(sent.statusCode).toBe(303);
    const state = await eventually(async () => {
      const s = (await new YearCasesClient(w.env.client).advancedModels('hd', YEAR))!;
      expect(s.sentOn?.deliveredAt).toBeTruthy();
      return s;
    });
    expect(state.sentOn).toMatchObject({ by: { role: 'leadership' }, note: 'Kính gửi cấp trên' });
    const page = await chair.get(String(sent.headers.location));
    expect(page.body).toContain('Đã gửi kết quả lựa chọn điển hình tiên tiến lên cấp trên.');
    expect(page.body).toMatch(/Đã gửi ngày \d{2}\/\d{2}\/\d{4} bởi/);
    expect(page.body).not.toContain('id="form-gui"');
    const before = await snapshot();
    const again = await chair.post('/ke-hoach/dien-hinh/gui', { nam: String(YEAR) });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('Kết quả đã được gửi lên cấp trên');
    expect(await snapshot()).toEqual(before);
  });
});
