/**
 * "Sửa đổi, bổ sung kế hoạch" over HTTP (issue 11; fastify.inject against the real server, the Temporal dev
 * server and the real worker running the year's plan): the standing body moves a deadline of an issued, running
 * plan — the database has the new version with who and why, the old one superseded, and the running plan has
 * the moved deadline, its registrations re-armed; the same form sent twice makes one amendment. Bad input (a date
 * outside the year, a window that ends before it starts, a drive id another issued plan used, no reason) is
 * refused in Vietnamese with what was typed kept, and changes nothing in the database or in the plan's history.
 * A plan not started yet changes in the database alone; one whose workflow does not answer keeps the amendment and
 * says so, with "Gửi lại". A unit head is refused, an administrator reads only.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineInstant } from '../../domain/calendar.js';
import { planForYear } from '../../domain/plan-year/plan-run.js';
import { HAI_DUONG_2025 } from '../../domain/plans/index.js';
import type { Plan } from '../../domain/plan.js';
import { plan as planWorkflow } from '../../workflows/index.js';
import { planWorkflowId } from '../../workflows/plan/messages.js';
import { YearCasesClient } from '../../client/lib/year-cases.js';
import { createPlanDraft, getPlanOfYear, issuePlan, planVersions } from '../../store/plans.js';
import { buildWebServer } from '../../client/web/server.js';
import { uniqueId } from '../harness/temporal.js';
import { Agent, TEMPORAL_UI_URL, eventually, startWebWorld, type WebWorld } from './web-support.js';

let w: WebWorld;
let yearCases: YearCasesClient;
/** A plan workflow no worker answers (the unanswered-amendment case). */
let silent: WorkflowHandle | undefined;
// Years no other test runs a plan of on the shared dev server (web-plan-http 2040–2059, the browser test
// 2060–2079, plan-year 2090–2099; the drafting test issues 2086–2095 but leaves them to the Schedule).
const YEAR = 2080 + Math.floor(Math.random() * 5);
/** Issued for a later year and never started (its Schedule has not fired). */
const LATER = YEAR + 5;
const PAGE = `/ke-hoach/sua-doi?nam=${YEAR}`;

async function issue(year: number): Promise<Plan> {
  const content = { ...planForYear(HAI_DUONG_2025, year), clusterIds: ['hd-cum1'] };
  await createPlanDraft(w.world.db, { kind: 'year', content, by: 'test' });
  const issued = await issuePlan(w.world.db, {
    planId: content.id,
    number: `01/KH-VKS-${year}`,
    date: `${year - 1}-11-20`,
    signer: 'Viện trưởng Nguyễn Văn A',
    by: 'test',
  });
  return issued.content as Plan;
}

beforeAll(async () => {
  w = await startWebWorld();
  yearCases = new YearCasesClient(w.env.client);
  await w.world.db.query(
    `INSERT INTO cluster_heads (cluster_id, year, seat, unit_id) SELECT cluster_id, $1, seat, unit_id FROM cluster_heads WHERE year = 2025`,
    [YEAR],
  );
  const running = await issue(YEAR);
  await issue(LATER);
  // The running plan starts from the issued version, as the Schedule starts it.
  await w.env.client.workflow.start(planWorkflow, {
    taskQueue: w.world.taskQueue,
    workflowId: planWorkflowId('hd', YEAR),
    args: [{ plan: running, startedBy: null }],
  });
  await eventually(async () => {
    expect(await yearCases.registration('hd-kv2', YEAR)).not.toBeNull();
  }, 30_000);
}, 120_000);

afterAll(async () => {
  await silent?.terminate('end of the plan amendment test').catch(() => undefined);
  if (w) {
    for await (const e of w.env.client.workflow.list({ query: `TdktYear = ${YEAR}` })) {
      await w.env.client.workflow
        .getHandle(e.workflowId)
        .terminate('end of the plan amendment test')
        .catch(() => undefined);
    }
  }
  await w?.close();
});

/** The issued and superseded versions of a year's plan in the database. */
const versionsOf = async (year: number) => {
  const record = await getPlanOfYear(w.world.db, 'hd', year);
  return (await planVersions(w.world.db, record!.id)).filter((v) => v.status !== 'draft');
};

/** The running plan's own record of amendments: the Updates it accepted, and its deadlines. */
async function runningPlan() {
  const history = await w.env.client.workflow.getHandle(planWorkflowId('hd', YEAR)).fetchHistory();
  const events = history.events ?? [];
  const state = (await yearCases.planState('hd', YEAR))!;
  return {
    acceptedUpdates: events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length,
    moves: state.audit.filter((a) => a.action === 'deadline_moved').length,
    added: state.audit.filter((a) => a.action === 'drive_added').length,
    deadlines: JSON.stringify(state.plan.deadlines.map((d) => [d.id, d.date])),
    drives: state.plan.drives.map((d) => d.id),
    plan: state.plan,
  };
}

/** The `_request` key of one form on the page (each rendered form carries one). */
function requestKeyOf(html: string, formId: string): string {
  const form = html.slice(html.indexOf(`id="${formId}"`));
  return /name="_request" value="([^"]+)"/.exec(form)![1]!;
}

const moveForm = (overrides: Record<string, string> = {}) => ({
  nam: String(YEAR),
  moc: 'registration',
  ngay_moi: `22/01/${YEAR}`,
  ly_do: 'Trùng kỳ nghỉ Tết Nguyên đán: lùi hạn đăng ký thi đua một tuần',
  so_hieu: `05/KH-VKS-${YEAR}`,
  ngay_van_ban: `10/12/${YEAR - 1}`,
  nguoi_ky: 'Phó Viện trưởng Trần Thị B',
  ...overrides,
});

describe('Sửa đổi, bổ sung kế hoạch', () => {
  it('is reached from the plan page and the drafting page of an issued year', async () => {
    const standing = await Agent.as(w.app, 'thuongtruc');
    for (const url of [`/ke-hoach?nam=${YEAR}`, `/ke-hoach/soan-thao?nam=${YEAR}`]) {
      const res = await standing.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain(`href="/ke-hoach/sua-doi?nam=${YEAR}"`);
    }
    const page = await standing.get(PAGE);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Kế hoạch đang chạy trên hệ thống theo đúng bản đang có hiệu lực');
    expect(page.body).toContain('id="form-doi-han"');
    expect(page.body).toContain('id="form-them-dot"');
  });

  it('refuses bad input in Vietnamese, keeps what was typed, and changes nothing in the store or the running plan', async () => {
    const standing = await Agent.as(w.app, 'thuongtruc');
    const storeBefore = await versionsOf(YEAR);
    const runBefore = await runningPlan();
    const post = async (path: string, form: Record<string, string>) => {
      const page = await standing.get(PAGE);
      const formId = path === 'doi-han' ? 'form-doi-han' : 'form-them-dot';
      return standing.post(`/ke-hoach/sua-doi/${path}`, { ...form, _request: requestKeyOf(page.body, formId) });
    };

    const outside = await post('doi-han', moveForm({ ngay_moi: `10/01/${YEAR + 1}` }));
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain(`ngày 10/01/${YEAR + 1} nằm ngoài năm kế hoạch ${YEAR}`);
    expect(outside.body).toContain(`value="10/01/${YEAR + 1}"`);
    expect(outside.body).toContain('Chưa thay đổi gì');

    const noDate = await post('doi-han', moveForm({ ngay_moi: '31/02/abc' }));
    expect(noDate.statusCode).toBe(400);
    expect(noDate.body).toContain('Ngày hạn mới: “31/02/abc” không phải ngày hợp lệ');

    const noReason = await post('doi-han', moveForm({ ly_do: '   ' }));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Chưa nhập lý do sửa đổi, bổ sung');
    // What was typed stays, the chosen deadline included.
    expect(noReason.body).toContain(`value="22/01/${YEAR}"`);
    expect(noReason.body).toMatch(/<option value="registration" selected>/);

    const drive = {
      nam: String(YEAR),
      ten_dot: 'Thi đua chào mừng kỷ niệm ngày thành lập tỉnh',
      ma_dot: `thanh-lap-tinh-${YEAR}`,
      tu: `20/05/${YEAR}`,
      den: `10/05/${YEAR}`,
      ngay_de_nghi: '10',
      ly_do: 'Bổ sung đợt thi đua theo chỉ đạo của Viện trưởng',
    };
    const backwards = await post('them-dot', drive);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('Ngày kết thúc phải sau ngày bắt đầu');
    expect(backwards.body).toContain(`value="10/05/${YEAR}"`);
    expect(backwards.body).toContain('value="Thi đua chào mừng kỷ niệm ngày thành lập tỉnh"');

    // A drive id that the later year's issued plan already uses: the store's rule, in Vietnamese.
    const laterDrive = planForYear(HAI_DUONG_2025, LATER).drives[0]!.id;
    const reused = await post('them-dot', { ...drive, ma_dot: laterDrive, den: `30/05/${YEAR}` });
    expect(reused.statusCode).toBe(400);
    expect(reused.body).toContain(`dùng mã ${laterDrive}, mã này đã dùng cho một đợt của kế hoạch`);
    expect(reused.body).toContain(`value="${laterDrive}"`);

    expect(JSON.stringify(await versionsOf(YEAR))).toBe(JSON.stringify(storeBefore));
    const runAfter = await runningPlan();
    expect(runAfter.acceptedUpdates).toBe(runBefore.acceptedUpdates);
    expect(runAfter.deadlines).toBe(runBefore.deadlines);
    expect(runAfter.drives).toEqual(runBefore.drives);
  });

  it('moves a deadline of the running plan: a new version with who and why, the plan re-armed, once for a form sent twice', async () => {
    const standing = await Agent.as(w.app, 'thuongtruc');
    const name = (await w.world.actor('thuongtruc')).displayName;
    const userId = (await w.world.actor('thuongtruc')).userId;
    const runBefore = await runningPlan();
    const page = await standing.get(PAGE);
    const form = { ...moveForm(), _request: requestKeyOf(page.body, 'form-doi-han') };

    const first = await standing.post('/ke-hoach/sua-doi/doi-han', form);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toContain('run=in_step');
    // The same form again (a double click, a browser retry): the same amendment, not a second one.
    const again = await standing.post('/ke-hoach/sua-doi/doi-han', form);
    expect(again.statusCode).toBe(303);

    const versions = await versionsOf(YEAR);
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'issued'],
    ]);
    expect(versions[1]!.amendment).toMatchObject({ amendsVersion: 1, by: userId, reason: form.ly_do });
    expect(versions[1]!.issue).toMatchObject({
      number: `05/KH-VKS-${YEAR}`,
      date: `${YEAR - 1}-12-10`,
      signer: 'Phó Viện trưởng Trần Thị B',
    });
    const inForce = versions[1]!.content as Plan;
    expect(inForce.deadlines.find((d) => d.id === 'registration')!.date).toEqual({ day: 22, month: 1, year: YEAR });

    const runAfter = await runningPlan();
    expect(runAfter.plan.deadlines.find((d) => d.id === 'registration')!.date).toEqual({
      day: 22,
      month: 1,
      year: YEAR,
    });
    expect(runAfter.moves).toBe(runBefore.moves + 1);
    expect(runAfter.acceptedUpdates).toBe(runBefore.acceptedUpdates + 1);
    // The plan signals the move to every unit's registration, which re-arms its reminders.
    await eventually(async () => {
      expect((await yearCases.registration('hd-kv2', YEAR))!.dueAt).toBe(deadlineInstant({ day: 22, month: 1 }, YEAR));
    }, 30_000);

    // The history: who by name (never the account id), when in Vietnam time, why, what changed; v1 superseded.
    const shown = await standing.get(first.headers.location as string);
    expect(shown.body).toContain('kế hoạch đang chạy trên hệ thống đã nhận thay đổi');
    expect(shown.body).toContain(name);
    expect(shown.body).not.toContain(userId);
    expect(shown.body).toContain(form.ly_do);
    expect(shown.body).toContain(
      `Dời hạn mốc “${inForce.deadlines.find((d) => d.id === 'registration')!.title}”: 15/01/${YEAR} → 22/01/${YEAR}`,
    );
    expect(shown.body).toMatch(/lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\./);
    expect(shown.body).toMatch(/data-version="1" data-status="superseded"/);
    expect(shown.body).toMatch(/data-version="2" data-status="issued"/);
    expect(shown.body).toContain('Kế hoạch đang chạy trên hệ thống theo đúng bản đang có hiệu lực');
  });

  it('rolls the amendment back when the running plan refuses it: the database and the plan stay as they were', async () => {
    // A leadership role in a regional unit passes the page's role check, but the running plan takes amendments
    // only from the standing body or the leadership of the council's own unit (its validator refuses).
    await w.world.db.query(
      `INSERT INTO user_roles (user_id, role) SELECT id, 'leadership' FROM users WHERE username = 'vanthu.kv5'`,
    );
    const outsider = await Agent.as(w.app, 'vanthu.kv5');
    const before = JSON.stringify(await versionsOf(YEAR));
    const runBefore = await runningPlan();
    const page = await outsider.get(PAGE);
    expect(page.statusCode).toBe(200);
    const refused = await outsider.post('/ke-hoach/sua-doi/doi-han', {
      ...moveForm({ moc: 'compact', ngay_moi: `20/02/${YEAR}`, ly_do: 'Lùi hạn ký giao ước thi đua' }),
      _request: requestKeyOf(page.body, 'form-doi-han'),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Bạn không thuộc Thường trực Hội đồng hoặc Lãnh đạo đơn vị ban hành kế hoạch');
    expect(refused.body).toContain(`value="20/02/${YEAR}"`);
    expect(JSON.stringify(await versionsOf(YEAR))).toBe(before);
    const runAfter = await runningPlan();
    expect(runAfter.acceptedUpdates).toBe(runBefore.acceptedUpdates);
    expect(runAfter.deadlines).toBe(runBefore.deadlines);
  });

  it('amends a plan not started yet in the database alone, and says it will start amended', async () => {
    const standing = await Agent.as(w.app, 'thuongtruc');
    expect(await yearCases.planRun('hd', LATER)).toBeNull();
    const page = await standing.get(`/ke-hoach/sua-doi?nam=${LATER}`);
    expect(page.body).toContain('chưa khởi động trên hệ thống');
    const res = await standing.post('/ke-hoach/sua-doi/doi-han', {
      nam: String(LATER),
      moc: 'compact',
      ngay_moi: `20/02/${LATER}`,
      ly_do: 'Lùi hạn ký giao ước thi đua sau Tết',
      _request: requestKeyOf(page.body, 'form-doi-han'),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('run=not_started');
    const after = await standing.get(res.headers.location as string);
    expect(after.body).toContain('khi khởi động, kế hoạch chạy theo bản đã sửa đổi');
    const versions = await versionsOf(LATER);
    expect(versions.map((v) => v.status)).toEqual(['superseded', 'issued']);
    // The issue's document is kept when the amendment names none of its own.
    expect(versions[1]!.issue).toMatchObject({ number: `01/KH-VKS-${LATER}`, date: `${LATER - 1}-11-20` });
    expect(await yearCases.planRun('hd', LATER)).toBeNull();
  });

  it('keeps the amendment and says so plainly when the running plan does not answer, offering to send it again', async () => {
    // A web app whose plans are another organisation's, whose plan workflow runs with no worker to answer it.
    const orgUnitId = 'hd-kv2';
    const content: Plan = { ...planForYear(HAI_DUONG_2025, YEAR), id: `kv2-${YEAR}`, orgUnitId, drives: [] };
    await createPlanDraft(w.world.db, { kind: 'year', content, by: 'test' });
    await issuePlan(w.world.db, {
      planId: content.id,
      number: `02/KH-${YEAR}`,
      date: `${YEAR - 1}-11-25`,
      signer: 'Viện trưởng',
      by: 'test',
    });
    silent = await w.env.client.workflow.start(planWorkflow, {
      taskQueue: uniqueId('no-worker'),
      workflowId: planWorkflowId(orgUnitId, YEAR),
      workflowIdConflictPolicy: 'TERMINATE_EXISTING',
      args: [{ plan: content, startedBy: null }],
    });
    const app = await buildWebServer({
      config: {
        TEMPORAL_UI_URL,
        OUTBOX_DIR: mkdtempSync(path.join(tmpdir(), 'tdkt-outbox-')),
        PUBLIC_URL: 'http://127.0.0.1:3000',
      },
      db: w.world.db,
      temporal: w.env.client,
      cases: w.cases,
      showOutbox: false,
      orgUnitId,
      logLevel: 'silent',
    });
    try {
      const standing = await Agent.as(app, 'thuongtruc');
      const url = `/ke-hoach/sua-doi?nam=${YEAR}`;
      const page = await standing.get(url);
      expect(page.body).toContain('Chưa đọc được kế hoạch đang chạy');
      const res = await standing.post('/ke-hoach/sua-doi/doi-han', {
        ...moveForm(),
        _request: requestKeyOf(page.body, 'form-doi-han'),
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toContain('run=lagging');
      const after = await standing.get(res.headers.location as string);
      expect(after.body).toContain('chưa xác nhận đã nhận thay đổi');
      expect(after.body).toContain('id="form-gui-lai"');
      const record = await getPlanOfYear(w.world.db, orgUnitId, YEAR);
      expect(record?.issued?.version).toBe(2);
      expect((record?.issued?.content as Plan).deadlines.find((d) => d.id === 'registration')!.date.day).toBe(22);
    } finally {
      await app.close();
    }
  });

  it('refuses a unit head with a Vietnamese 403, and lets an administrator read only', async () => {
    const head = await Agent.as(w.app, 'truong.kv2');
    const read = await head.get(PAGE);
    expect(read.statusCode).toBe(403);
    expect(read.body).toContain('Chỉ Thường trực Hội đồng thi đua, khen thưởng và lãnh đạo đơn vị');
    const before = JSON.stringify(await versionsOf(YEAR));
    const runBefore = await runningPlan();
    const write = await head.post('/ke-hoach/sua-doi/doi-han', moveForm({ ngay_moi: `25/01/${YEAR}` }));
    expect(write.statusCode).toBe(403);
    expect((await head.get(`/ke-hoach?nam=${YEAR}`)).body).not.toContain('href="/ke-hoach/sua-doi');

    const admin = await Agent.as(w.app, 'admin');
    const adminPage = await admin.get(PAGE);
    expect(adminPage.statusCode).toBe(200);
    expect(adminPage.body).toContain('chế độ chỉ đọc');
    expect(adminPage.body).not.toContain('id="form-doi-han"');
    expect(adminPage.body).toContain('Lịch sử ban hành, sửa đổi, bổ sung');
    const adminWrite = await admin.post('/ke-hoach/sua-doi/them-dot', { nam: String(YEAR), ten_dot: 'x' });
    expect(adminWrite.statusCode).toBe(403);

    expect(JSON.stringify(await versionsOf(YEAR))).toBe(before);
    expect((await runningPlan()).acceptedUpdates).toBe(runBefore.acceptedUpdates);
  });
});
