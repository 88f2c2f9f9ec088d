/**
 * The new-nomination form's campaign choice, over HTTP on the dev server with a real worker: besides the year's
 * campaign it offers the drive campaign a running plan opened and the review campaign a running movement opened,
 * each with its due date in dd/mm/yyyy; a unit the plan does not cover is not offered the drive and is refused it
 * (Vietnamese message, no case started); a chosen campaign is the one the case runs in.
 *
 * The plan and the movement are built around today so their campaigns are open now: a drive that ended yesterday
 * (Vietnam time), a movement year that ended six days ago. Their ids are unique, so the shared server stays clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDateVN, vnCalendarDate, windowInstants } from '../../domain/calendar.js';
import { planForYear } from '../../domain/plan-year/plan-run.js';
import type { Movement } from '../../domain/plan-year/movement.js';
import { HAI_DUONG_2025, VAN_HOA_CONG_SO_2019_2025 } from '../../domain/plans/index.js';
import { movement as movementWorkflow, plan as planWorkflow } from '../../workflows/index.js';
import { movementWorkflowId } from '../../workflows/movement/messages.js';
import { planWorkflowId } from '../../workflows/plan/messages.js';
import { openCampaignOptions } from '../../client/web/campaign-options.js';
import { uniqueId } from '../harness/temporal.js';
import { Agent, eventually, startWebWorld, type WebWorld } from './web-support.js';
import { YearCasesClient } from '../../client/lib/year-cases.js';
import { ActionRefusedError } from '../../client/lib/cases.js';
import { QUOTES } from '../unit/seed-quotes.js';

let w: WebWorld;
// A year no other test uses for its plan on the shared dev server (see web-plan-http.test.ts for the others).
const YEAR = 2080 + Math.floor(Math.random() * 5); // 2085–2089: web-advanced-models-http.test.ts
const DAY = 86_400_000;
const today = () => new Date().toISOString();
const driveId = uniqueId('dot-web');
const driveTo = vnCalendarDate(new Date(Date.now() - DAY).toISOString());
const driveFrom = vnCalendarDate(new Date(Date.now() - 3 * DAY).toISOString());
const driveDue = addDays(windowInstants({ from: driveFrom, to: driveTo }).endsAt, 10);
const movementStart = vnCalendarDate(new Date(Date.now() - 5 * DAY).toISOString());
const reviewId = uniqueId('so-ket-web');
const movementData: Movement = {
  ...VAN_HOA_CONG_SO_2019_2025,
  id: uniqueId('phong-trao-web'),
  title: 'Thi đua <b>thử</b> nghiệm',
  fromYear: movementStart.year - 1,
  toYear: movementStart.year,
  movementYearStart: { day: movementStart.day, month: movementStart.month },
  reviews: [{ ...VAN_HOA_CONG_SO_2019_2025.reviews[0]!, id: reviewId, year: movementStart.year, nominationDays: 30 }],
};
const started: string[] = [];

beforeAll(async () => {
  w = await startWebWorld({ campaignSources: { planYears: [YEAR], movements: [movementData] } });
  await w.world.db.query(
    `INSERT INTO cluster_heads (cluster_id, year, seat, unit_id) SELECT cluster_id, $1, seat, unit_id FROM cluster_heads WHERE year = 2025`,
    [YEAR],
  );
  const planData = {
    ...planForYear(HAI_DUONG_2025, YEAR),
    clusterIds: ['hd-cum2'], // hd-kv5 … hd-kv8; hd-kv2 is outside
    drives: [
      { ...HAI_DUONG_2025.drives[0]!, id: driveId, window: { from: driveFrom, to: driveTo }, nominationDays: 10 },
    ],
  };
  started.push(planWorkflowId('hd', YEAR), movementWorkflowId('hd', movementData.id));
  await w.env.client.workflow.start(planWorkflow, {
    taskQueue: w.world.taskQueue,
    workflowId: started[0]!,
    args: [{ plan: planData, startedBy: null }],
  });
  await w.env.client.workflow.start(movementWorkflow, {
    taskQueue: w.world.taskQueue,
    workflowId: started[1]!,
    args: [{ movement: movementData, orgUnitId: 'hd', startedBy: null }],
  });
  // Both have opened their campaigns (the drive closed and the review opened on their first timers).
  await eventually(async () => {
    const ids = (await openCampaignOptions(new YearCasesClient(w.env.client), depsSources(), 'hd-kv5', today())).map(
      (c) => c.id,
    );
    expect(ids).toEqual(expect.arrayContaining([driveId, reviewId]));
  }, 30_000);
});
afterAll(async () => {
  for (const id of started)
    await w?.env.client.workflow
      .getHandle(id)
      .terminate('end of the web campaigns test')
      .catch(() => undefined);
  await w?.close();
});

function depsSources() {
  return {
    orgUnitId: 'hd',
    fixed: [{ id: w.campaign, title: 'Đợt thi đua thử nghiệm' }],
    planYears: [YEAR],
    movements: [movementData],
    plans: [],
  };
}

/** The campaign <select>'s options as "id|label" (label as escaped in the page). */
function optionsOf(html: string): string[] {
  const select = /<select id="campaignId"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
  return [...select.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => `${m[1]}|${m[2]}`);
}

async function draftPost(agent: Agent, unitId: string, campaignId: string, awardCode = 'giay-khen') {
  const people = await w.world.draftFor({ awardCode: 'giay-khen', unitId });
  await agent.get(`/de-nghi/moi?award=${awardCode}&subject=individual`);
  return agent.post('/de-nghi', {
    campaignId,
    track: 'regular',
    awardCode,
    subject: 'individual',
    personId: people.nominee.personId!,
    'doc_to-trinh': 'Tờ trình số 1',
    'doc_bao-cao-thanh-tich': 'Báo cáo số 1',
    achievements: 'Hoàn thành xuất sắc nhiệm vụ.',
  });
}

async function nominationsIn(campaignId: string): Promise<number> {
  const { count } = await w.env.client.workflow.count(`WorkflowId STARTS_WITH "nomination/${campaignId}/"`);
  return count;
}

describe('the campaign choice on /de-nghi/moi', () => {
  it("offers a covered unit the year's campaign, the plan's drive campaign and the movement's review, with due dates", async () => {
    const clerk = await Agent.as(w.app, 'vanthu.kv5');
    const page = await clerk.get('/de-nghi/moi?award=giay-khen&subject=individual');
    expect(page.statusCode).toBe(200);
    const options = optionsOf(page.body);
    expect(options).toContain(
      `${w.campaign}|Đợt thi đua thử nghiệm (hạn gửi hồ sơ theo thông báo của Thường trực Hội đồng)`,
    );
    expect(options).toContain(
      `${driveId}|Đề nghị khen thưởng: ${HAI_DUONG_2025.drives[0]!.title} (hạn gửi hồ sơ ${formatDateVN(driveDue)})`,
    );
    const review = options.find((o) => o.startsWith(`${reviewId}|`));
    expect(review).toMatch(
      /^[^|]+\|Sơ kết phong trào thi đua năm 2022: phong trào Thi đua &lt;b&gt;thử&lt;\/b&gt; nghiệm/,
    );
    expect(review).toMatch(/\(hạn gửi hồ sơ \d{2}\/\d{2}\/\d{4}\)$/);
    expect(page.body).not.toContain('<b>thử</b>');
  });

  it('does not offer the drive to a unit the plan does not cover, and refuses it in Vietnamese without starting a case', async () => {
    const clerk = await Agent.as(w.app, 'vanthu.kv2');
    const page = await clerk.get('/de-nghi/moi?award=giay-khen&subject=individual');
    const ids = optionsOf(page.body).map((o) => o.split('|')[0]);
    expect(ids).toContain(w.campaign);
    expect(ids).toContain(reviewId); // the movement covers every unit
    expect(ids).not.toContain(driveId);

    const refused = await draftPost(clerk, 'hd-kv2', driveId);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('không nhận hồ sơ của đơn vị vào lúc này');
    const unknown = await draftPost(clerk, 'hd-kv2', 'khong-co-dot-nay');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('không nhận hồ sơ của đơn vị vào lúc này');
    expect(await nominationsIn(driveId)).toBe(0);
    expect(await nominationsIn('khong-co-dot-nay')).toBe(0);
  });

  it('starts the case in the chosen campaign, for the year that campaign belongs to', async () => {
    const clerk = await Agent.as(w.app, 'vanthu.kv5');
    const created = await draftPost(clerk, 'hd-kv5', driveId);
    expect(created.statusCode).toBe(303);
    const caseId = decodeURIComponent(String(created.headers.location).split('?')[0]!.replace('/ho-so/', ''));
    started.push(caseId);
    const state = await w.cases.getCase(caseId);
    expect(state.campaignId).toBe(driveId);
    expect(state.year).toBe(YEAR);

    const inMovement = await draftPost(clerk, 'hd-kv5', reviewId);
    expect(inMovement.statusCode).toBe(303);
    const movementCase = decodeURIComponent(String(inMovement.headers.location).split('?')[0]!.replace('/ho-so/', ''));
    started.push(movementCase);
    expect((await w.cases.getCase(movementCase)).year).toBe(movementStart.year);
  });
});

// Seed 001, mục II.2.2.b: the interim review proposes its own award forms only; its campaign takes no other.
describe(`a movement review's campaign takes only its award forms: ${QUOTES.interimReviewAwards}`, () => {
  it('is offered only for those forms, and refuses another in Vietnamese without starting a case', async () => {
    expect(movementData.reviews[0]!.awardCodes).toEqual(['giay-khen', 'bang-khen-vksndtc', 'bang-khen-thu-tuong']);
    const clerk = await Agent.as(w.app, 'vanthu.kv5');
    const ids = async (awardCode: string) =>
      optionsOf((await clerk.get(`/de-nghi/moi?award=${awardCode}&subject=individual`)).body).map(
        (o) => o.split('|')[0],
      );
    expect(await ids('bang-khen-vksndtc')).toContain(reviewId);
    const labourOrder = await ids('huan-chuong-lao-dong-hang-ba');
    expect(labourOrder).not.toContain(reviewId);
    expect(labourOrder).toContain(w.campaign); // the year's campaign takes any award

    const refused = await draftPost(clerk, 'hd-kv5', reviewId, 'huan-chuong-lao-dong-hang-ba');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(
      'Đợt đề nghị khen thưởng này chỉ nhận: Giấy khen của Viện trưởng VKSND tỉnh, Bằng khen của Viện trưởng VKSND ' +
        'tối cao, Bằng khen của Thủ tướng Chính phủ; không nhận Huân chương Lao động hạng Ba.',
    );
  });

  it('the case refuses another award under the campaign inside the workflow, writing nothing to its history', async () => {
    const clerk = await Agent.as(w.app, 'vanthu.kv5');
    const created = await draftPost(clerk, 'hd-kv5', reviewId);
    expect(created.statusCode).toBe(303);
    const caseId = decodeURIComponent(String(created.headers.location).split('?')[0]!.replace('/ho-so/', ''));
    started.push(caseId);
    const state = await w.cases.getCase(caseId);
    expect(state.campaignAwardCodes).toEqual(movementData.reviews[0]!.awardCodes);

    const handle = w.env.client.workflow.getHandle(caseId);
    const events = async () => (await handle.fetchHistory()).events?.length ?? 0;
    const before = await events();
    const actor = await w.world.actor('vanthu.kv5');
    const edit = w.cases.act(caseId, 'edit', {
      actor,
      draft: {
        awardCode: 'huan-chuong-lao-dong-hang-ba',
        nominee: state.draft.nominee,
        dossier: state.draft.dossier,
        achievements: state.draft.achievements,
      },
    });
    await expect(edit).rejects.toBeInstanceOf(ActionRefusedError);
    await expect(edit).rejects.toThrow('không nhận Huân chương Lao động hạng Ba.');
    // The validator refused it: the dev server drops the update's workflow task, so nothing enters the history.
    expect(await events()).toBe(before);
    expect((await w.cases.getCase(caseId)).draft.awardCode).toBe('giay-khen');
  });
});
