/**
 * The web UI's main pages, each with someone to read it, on a world where they have something to show: the
 * shared setup of the HTML-validity test (every page through the Nu HTML Checker) and the layout test (Chromium
 * at 390 px and 1280 px). All real: the web server, the Temporal dev server and the tdkt worker, PGlite with the
 * demo organisation; nominations at every stage are taken there by the right people through the workflows, and a
 * year's plan runs so that registration, compacts and the timeline have forms and rows.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { planForYear } from '../../domain/plan-year/plan-run.js';
import { HAI_DUONG_2025 } from '../../domain/plans/index.js';
import { DEMO_PASSWORD, seedDemoPasswords } from '../../store/credentials.js';
import { advancedModelId } from '../../domain/plan-year/advanced-model.js';
import { advancedModels, plan } from '../../workflows/index.js';
import { advancedModelUpdates } from '../../workflows/plan/advanced-model-messages.js';
import { planWorkflowId } from '../../workflows/plan/messages.js';
import { YearCasesClient } from '../../client/lib/year-cases.js';
import type { WebServerOptions } from '../../client/web/server.js';
import { journey } from '../support/journey.js';
import { caseUrl, eventually, startWebWorld, type WebWorld } from './web-support.js';

/** One page as someone opens it (a GET), or a refused form as it comes back (a POST). */
export interface MainPage {
  name: string;
  /** Who reads it; null: nobody signed in. */
  user: string | null;
  url: string;
  /** A form sent to url (the page is the answer); fields other than the CSRF token. */
  post?: Record<string, string>;
  /** The answer's status (200 unless told). */
  status?: number;
}

export interface MainPagesWorld {
  w: WebWorld;
  /** The year whose plan runs in this world (registration, compacts, the timeline). */
  planYear: number;
  /** The year whose plan is a draft in the database (the drafting and rehearsal pages). */
  draftYear: number;
  cases: { draft: string; clusterReview: string; councilVote: string; leadership: string; awarded: string };
  /** The campaign of the council-vote case (the session page of one campaign). */
  councilCampaign: string;
  awardedPersonId: string;
  close(): Promise<void>;
}

const EXTRA_USERS = ['vanthu.hd', 'truong.hd', 'khoitruong.nv', 'vu16.vkstc'];

/**
 * A coming year no other test's plan runs in on the shared dev server: other files take ranges of their own (see
 * their YEAR constants), so this one tries years until its plan workflow starts, never stealing a running one.
 */
async function startPlanOfFreeYear(w: WebWorld): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    // Years ahead only: a past year's plan has its deadlines behind it (locked forms, closed cases).
    const first = new Date().getUTCFullYear() + 2;
    const year = first + Math.floor(Math.random() * (2100 - first));
    await w.world.db.query(
      `INSERT INTO cluster_heads (cluster_id, year, seat, unit_id) SELECT cluster_id, $1, seat, unit_id FROM cluster_heads WHERE year = 2025 ON CONFLICT DO NOTHING`,
      [year],
    );
    try {
      await w.env.client.workflow.start(plan, {
        taskQueue: w.world.taskQueue,
        workflowId: planWorkflowId('hd', year),
        args: [{ plan: { ...planForYear(HAI_DUONG_2025, year), clusterIds: ['hd-cum1'] }, startedBy: null }],
      });
      return year;
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
  throw new Error('no free plan year on the dev server after 20 tries');
}

export async function startMainPagesWorld(
  opts: { rehearse?: WebServerOptions['rehearse'] } = {},
): Promise<MainPagesWorld> {
  const w = await startWebWorld(opts);
  await seedDemoPasswords(w.world.db, EXTRA_USERS, DEMO_PASSWORD);
  const planYear = await startPlanOfFreeYear(w);
  // Nominations in five stages, each of its own campaign (quotas are per campaign and unit), of 2025 (the demo
  // directory's cluster heads are 2025's).
  const start = async (personIndex: number, campaignId?: string) =>
    w.world.startNomination({
      unitId: 'hd-kv2',
      ...(campaignId ? { campaignId } : {}),
      draft: await w.world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex }),
    });
  const draft = await start(3);
  const clusterReview = await start(4);
  await journey(w.world, clusterReview).submit();
  const councilCampaign = w.campaign;
  const councilVote = await start(5, councilCampaign);
  const cv = journey(w.world, councilVote);
  await cv.submit();
  await cv.endorse();
  await cv.verify();
  await cv.act('vote', 'uyvien2', { choice: 'yes' });
  const leadership = await start(6);
  const ld = journey(w.world, leadership);
  await ld.submit();
  await ld.endorse();
  await ld.verify();
  await ld.voteAll('yes');
  const awarded = await start(7);
  await journey(w.world, awarded).submit();
  await journey(w.world, awarded).award();
  const awardedState = await w.cases.getCase(awarded.workflowId);

  await eventually(async () => {
    const years = new YearCasesClient(w.env.client);
    if (!(await years.registration('hd-kv2', planYear))) throw new Error('registration not open yet');
    if (!(await years.compact('hd-cum1', planYear))) throw new Error('compact not open yet');
    // Generous: on a loaded 2-core CI machine the year's cases were once not queryable for a minute ("no poller
    // seen for task queue recently") while the suite's other worlds started.
  }, 180_000);

  // The year's advanced models (the plan's seed has no deadline for them): two units, one of which has proposed.
  const models = advancedModelId('hd', planYear);
  await w.env.client.workflow.start(advancedModels, {
    taskQueue: w.world.taskQueue,
    workflowId: models,
    args: [
      {
        orgUnitId: 'hd',
        year: planYear,
        planId: `hd-${planYear}`,
        planWorkflowId: null,
        units: [
          { id: 'hd-kv1', name: 'Viện kiểm sát nhân dân khu vực 1' },
          { id: 'hd-kv2', name: 'Viện kiểm sát nhân dân khu vực 2' },
        ],
        dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        schedule: HAI_DUONG_2025.reminders,
        council: { unitId: 'hd', secretariatUnitId: 'hd-vp' },
      },
    ],
  });
  await w.env.client.workflow.getHandle(models).executeUpdate(advancedModelUpdates.propose, {
    args: [
      {
        actor: await w.world.actor('truong.kv2'),
        candidates: [
          { subject: 'collective', refId: 'hd-kv2', displayName: 'Viện kiểm sát nhân dân khu vực 2' },
          { subject: 'individual', refId: 'hd-kv2-a', displayName: 'Nguyễn Văn An' },
          { subject: 'individual', refId: 'hd-kv2-b', displayName: 'Trần Thị Bình' },
        ],
      },
    ],
  });

  return {
    w,
    planYear,
    // The drafting pages read and write the world's own database only (no workflow), so any year will do.
    draftYear: 2100,
    cases: {
      draft: draft.workflowId,
      clusterReview: clusterReview.workflowId,
      councilVote: councilVote.workflowId,
      leadership: leadership.workflowId,
      awarded: awarded.workflowId,
    },
    councilCampaign,
    awardedPersonId: awardedState.draft.nominee.personId!,
    async close() {
      for await (const e of w.env.client.workflow.list({ query: `TdktYear = ${planYear}` }))
        await w.env.client.workflow
          .getHandle(e.workflowId)
          .terminate('end of the main-pages test')
          .catch(() => undefined);
      await w.close();
    },
  };
}

/** Every main page of the UI, with the right reader, in this world. */
export function mainPages(m: MainPagesWorld): MainPage[] {
  const y = m.planYear;
  const c = m.cases;
  const awardKey = encodeURIComponent(`${c.awarded}#award`);
  return [
    { name: 'sign-in', user: null, url: '/dang-nhap' },
    {
      name: 'sign-in-refused',
      user: null,
      url: '/dang-nhap',
      post: { username: 'khong-co', password: 'sai' },
      status: 401,
    },
    { name: 'inbox-clerk', user: 'vanthu.kv2', url: '/' },
    { name: 'inbox-head', user: 'truong.kv2', url: '/' },
    { name: 'inbox-cluster-head', user: 'cumtruong.c1', url: '/' },
    { name: 'inbox-standing-body', user: 'thuongtruc', url: '/' },
    { name: 'inbox-council-member', user: 'uyvien1', url: '/' },
    { name: 'inbox-leadership', user: 'vientruong', url: '/' },
    { name: 'inbox-admin', user: 'admin', url: '/' },
    { name: 'inbox-department', user: 'vu16.vkstc', url: '/' },
    { name: 'new-nomination', user: 'vanthu.kv2', url: '/de-nghi/moi' },
    { name: 'draft-form', user: 'vanthu.kv2', url: '/de-nghi/moi?award=giay-khen&subject=individual' },
    { name: 'draft-form-collective', user: 'vanthu.kv2', url: '/de-nghi/moi?award=giay-khen&subject=collective' },
    { name: 'edit-draft', user: 'vanthu.kv2', url: `${caseUrl(c.draft)}/sua` },
    { name: 'case-draft', user: 'truong.kv2', url: caseUrl(c.draft) },
    { name: 'case-cluster-review', user: 'cumtruong.c1', url: caseUrl(c.clusterReview) },
    {
      name: 'case-refused-rank',
      user: 'cumtruong.c1',
      url: `${caseUrl(c.clusterReview)}/endorse`,
      post: { rank: 'abc' },
      status: 400,
    },
    { name: 'case-council-vote', user: 'uyvien1', url: caseUrl(c.councilVote) },
    { name: 'case-leadership', user: 'vientruong', url: caseUrl(c.leadership) },
    { name: 'case-awarded', user: 'truong.kv2', url: caseUrl(c.awarded) },
    { name: 'decision', user: 'truong.kv2', url: `${caseUrl(c.awarded)}/quyet-dinh` },
    { name: 'cluster-bulk', user: 'cumtruong.c1', url: '/cum' },
    { name: 'approval-bulk', user: 'vientruong', url: '/phe-duyet' },
    { name: 'council-session', user: 'uyvien1', url: `/hoi-dong?dot=${encodeURIComponent(m.councilCampaign)}` },
    { name: 'council-session-all', user: 'thuongtruc', url: '/hoi-dong?nam=2025' },
    { name: 'book', user: 'admin', url: '/so-khen-thuong?year=2025' },
    { name: 'book-person', user: 'admin', url: `/so-khen-thuong/ca-nhan/${encodeURIComponent(m.awardedPersonId)}` },
    { name: 'book-decision', user: 'admin', url: `/so-khen-thuong/quyet-dinh?key=${awardKey}` },
    { name: 'admin-search', user: 'admin', url: '/quan-tri/ho-so' },
    { name: 'admin-search-name', user: 'thuongtruc', url: '/quan-tri/ho-so?q=nguyen' },
    { name: 'admin-case', user: 'admin', url: `/quan-tri/ho-so/${encodeURIComponent(c.awarded)}` },
    { name: 'admin-case-open', user: 'admin', url: `/quan-tri/ho-so/${encodeURIComponent(c.councilVote)}` },
    { name: 'directory', user: 'admin', url: '/quan-tri/danh-ba' },
    { name: 'rules', user: 'admin', url: '/quan-tri/quy-tac' },
    { name: 'outbox', user: 'admin', url: '/hop-thu-di' },
    { name: 'dashboard', user: 'admin', url: '/thong-ke' },
    { name: 'dashboard-year', user: 'truong.kv2', url: `/thong-ke?nam=${y}` },
    { name: 'plan', user: 'truong.kv2', url: `/ke-hoach?nam=${y}` },
    { name: 'plan-whole', user: 'thuongtruc', url: `/ke-hoach?nam=${y}&pham-vi=toan-nganh` },
    { name: 'plan-none', user: 'truong.kv2', url: '/ke-hoach?nam=2000' },
    { name: 'registration-clerk', user: 'vanthu.kv2', url: `/ke-hoach/dang-ky/hd-kv2?nam=${y}` },
    { name: 'registration-head', user: 'truong.kv2', url: `/ke-hoach/dang-ky/hd-kv2?nam=${y}` },
    { name: 'compacts', user: 'cumtruong.c1', url: `/giao-uoc?nam=${y}` },
    { name: 'compact', user: 'cumtruong.c1', url: `/giao-uoc/hd-cum1?nam=${y}` },
    { name: 'compact-member', user: 'truong.kv2', url: `/giao-uoc/hd-cum1?nam=${y}` },
    { name: 'advanced-models', user: 'thuongtruc', url: `/ke-hoach/dien-hinh?nam=${y}` },
    { name: 'plan-amendment', user: 'thuongtruc', url: `/ke-hoach/sua-doi?nam=${y}` },
    { name: 'plan-draft', user: 'thuongtruc', url: `/ke-hoach/soan-thao?nam=${m.draftYear}` },
    { name: 'plan-rehearsal', user: 'thuongtruc', url: `/ke-hoach/soan-thao/dien-tap?nam=${m.draftYear}` },
    { name: 'error-not-found', user: 'truong.kv2', url: '/ho-so/khong-co-ho-so-nay', status: 404 },
    { name: 'error-forbidden', user: 'vanthu.kv2', url: '/quan-tri/danh-ba', status: 403 },
  ];
}

/** The drafting page's draft and its rehearsal (a real one: two scenarios' years on private Java servers). */
export async function draftAndRehearse(
  m: MainPagesWorld,
  agent: {
    get(url: string): Promise<unknown>;
    post(url: string, form: Record<string, string>): Promise<{ statusCode: number; body: string }>;
  },
): Promise<void> {
  const year = m.draftYear;
  await agent.get(`/ke-hoach/soan-thao?nam=${year}`);
  const created = await agent.post('/ke-hoach/soan-thao/tao', { nam: String(year) });
  if (created.statusCode !== 303) throw new Error(`draft of ${year} not created: ${created.statusCode}`);
  await agent.get(`/ke-hoach/soan-thao?nam=${year}`);
  const rehearsed = await agent.post('/ke-hoach/soan-thao/dien-tap', {
    nam: String(year),
    ngay_ban_hanh: `20/11/${year - 1}`,
  });
  if (rehearsed.statusCode !== 303)
    throw new Error(
      `rehearsal refused: ${rehearsed.statusCode} ${/role="alert"[^>]*>\s*(?:<p>)?([^<]*)/.exec(rehearsed.body)?.[1]}`,
    );
}
