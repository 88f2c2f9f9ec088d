/**
 * The living demo (issue 11): on whatever date `npm start` runs, the demo organisation has a current year. Its
 * plan is drafted from the latest plan by the product's drafting ("Lập kế hoạch năm …"), settled and issued by the
 * demo's standing body and launched the way issuing launches a plan; units register and clusters sign their
 * compacts through the year's cases; nominations are started and moved to every stage by the staff actions of the
 * right demo accounts; and the coming year's plan waits as a draft. The calendar (calendar.ts) makes every choice;
 * this acts on it through the clients, never writing a case into a table.
 *
 * Idempotent: each step looks first (a plan issued, a case started, a unit registered) and every staff action
 * carries a request id made from the case and its step, so a second start does nothing. Never fatal: a step that
 * fails is logged and the next one goes on.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { awardByCode, requiredDossierItems } from '../../domain/catalogue.js';
import { dateKey, vnDateKey } from '../../domain/calendar.js';
import type { NominationDraft, NominationState } from '../../domain/nomination/types.js';
import type { Actor, Role, User } from '../../domain/org.js';
import type { Plan } from '../../domain/plan.js';
import { planWorkflowId } from '../../domain/plan-year/plan-run.js';
import { DEMO_EMAIL_DOMAIN, DEMO_LOGINS, DEMO_PROVINCIAL_UNIT_ID } from '../../store/demo-data.js';
import { getUnit, getUser, getUserByUsername, peopleOfUnit } from '../../store/directory.js';
import { createNextYearDraft } from '../../store/plan-drafting.js';
import { getPlanOfYear, listPlans } from '../../store/plans.js';
import type { SqlDatabase } from '../../store/sql.js';
import { nominationId } from '../../workflows/nomination/messages.js';
import type { NextYearPlanInput } from '../../workflows/plan/next-year.js';
import { CasesClient } from '../lib/cases.js';
import { launchIssuedPlan } from '../lib/plan-issue.js';
import { YearCasesClient } from '../lib/year-cases.js';
import {
  DEMO_CASES,
  DEMO_COMPACTS,
  DEMO_EARLY_VOTERS,
  DEMO_REGISTERED_UNITS,
  DEMO_REGISTRATION_DRAFTS,
  demoCampaign,
  demoIssue,
  demoIssueDate,
  demoYear,
  nextDemoStep,
  type DemoCampaign,
  type DemoCase,
  type DemoStep,
} from './calendar.js';
import { settleAndIssueDemoPlan } from './issue-plan.js';

/** The demo's standing body: it drafts, settles and issues the plans, checks dossiers and holds cases. */
const STANDING_BODY = 'thuongtruc';
/** The chair: signs the plan and the award decisions. */
const CHAIR = 'vientruong';

export interface DemoLog {
  info(message: string): void;
  error(message: string): void;
}

export interface DemoSeedOptions {
  client: Client;
  db: SqlDatabase;
  taskQueue: string;
  orgUnitId: string;
  /** The date the demo is set on; the clock by default (tests fix it). */
  now?: Date;
  /** The Schedule issuing catches up (tests name their own). */
  scheduleId?: string;
  log?: DemoLog;
  /** Aborted when the app stops: the steps left are skipped (the next start takes them up). */
  signal?: AbortSignal;
}

export interface DemoSeedReport {
  year: number;
  campaignId: string | null;
  /** Plans this run created or issued, and workflows it started (nothing on a second run). */
  plansDrafted: number[];
  plansIssued: number[];
  workflowsStarted: string[];
  /** Staff actions this run took (registrations, signatures, nomination steps). */
  actions: number;
  /** Steps that failed (logged): the demo is then only partly there. */
  failures: string[];
  /** Why nothing was prepared: the directory is not the demo's (a procuracy's own data is never touched). */
  skipped?: string;
  /** The app stopped (the signal) before the demo was ready: the steps left are for the next start. */
  stopped?: true;
}

const consoleLog: DemoLog = { info: (m) => console.log(m), error: (m) => console.error(m) };

function actorOf(user: User, role: Role = user.roles[0]!): Actor {
  return { userId: user.id, displayName: user.displayName, role, unitId: user.unitId, actingFor: null };
}

async function waitFor<T>(
  what: string,
  read: () => Promise<T | null>,
  timeoutMs = 120_000,
  signal?: AbortSignal,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => null);
    if (value !== null) return value;
    if (signal?.aborted) throw new Error(`demo: stopped while waiting for ${what}`);
    if (Date.now() > deadline) throw new Error(`demo: gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function exists(client: Client, workflowId: string): Promise<boolean> {
  try {
    await client.workflow.getHandle(workflowId).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

export async function seedLivingDemo(options: DemoSeedOptions): Promise<DemoSeedReport> {
  const { client, db, orgUnitId } = options;
  const log = options.log ?? consoleLog;
  const now = options.now ?? new Date();
  const nowIso = now.toISOString();
  const calendar = demoYear(nowIso);
  const report: DemoSeedReport = {
    year: calendar.year,
    campaignId: null,
    plansDrafted: [],
    plansIssued: [],
    workflowsStarted: [],
    actions: 0,
    failures: [],
  };
  const cases = new CasesClient(client, options.taskQueue);
  const yearCases = new YearCasesClient(client);
  const user = async (username: string): Promise<User> => {
    const found = await getUserByUsername(db, username);
    if (!found) throw new Error(`demo: no account ${username}`);
    return found;
  };
  const loginOf = async (role: Role, unitId: string): Promise<User> => {
    const login = DEMO_LOGINS.find((l) => l.roles.includes(role) && l.unitId === unitId);
    if (!login) throw new Error(`demo: no ${role} account in ${unitId}`);
    return user(login.username);
  };
  /** Whether the app is stopping: what fails from then on is the stop (the next start takes it up), not news. */
  const stopped = (): boolean => options.signal?.aborted === true;
  const step = async (what: string, run: () => Promise<void>): Promise<void> => {
    if (stopped()) return;
    try {
      await run();
    } catch (error) {
      if (stopped()) return;
      const reason = error instanceof Error ? error.message : String(error);
      report.failures.push(`${what}: ${reason}`);
      log.error(`demo: ${what} failed: ${reason}`);
    }
  };
  // Only ever the demo organisation: a deployment that loaded its own directory with SEED_DEMO_DATA left on gets
  // no demo plans or cases in it.
  const demoStandingBody = await getUserByUsername(db, STANDING_BODY);
  if (orgUnitId !== DEMO_PROVINCIAL_UNIT_ID || !demoStandingBody?.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`)) {
    report.skipped = `the directory of ${orgUnitId} is not the demo's`;
    log.info(`demo: not prepared: ${report.skipped}`);
    return report;
  }
  const standingBody = demoStandingBody;
  const chair = await user(CHAIR);

  /** Stopped with the app: said once, quietly, and never "ready". */
  const stop = (): DemoSeedReport => {
    report.stopped = true;
    log.info('demo: stopped with the app; the next start prepares the rest');
    return report;
  };

  // ------------------------------------------------------------------------------------------------ plans
  const draftIfMissing = async (year: number): Promise<void> => {
    if (await getPlanOfYear(db, orgUnitId, year)) return;
    await createNextYearDraft(db, { orgUnitId, toYear: year, by: standingBody.id });
    report.plansDrafted.push(year);
    log.info(`demo: drafted the plan of ${year} from the latest plan before it`);
  };
  /**
   * Settles the draft as the standing body would (calendar.ts) and issues it, in one transaction (issue-plan.ts: a
   * restart never edits twice), then launches it.
   */
  const issueIfDraft = async (year: number): Promise<void> => {
    const before = (await listPlans(db, { orgUnitId, kind: 'year' })).filter((p) => p.year < year)[0];
    const issued = demoIssueDate(year, calendar.today);
    const issue = demoIssue(year, dateKey(issued), chair.displayName);
    const version = await settleAndIssueDemoPlan(db, {
      orgUnitId,
      year,
      fromYear: before?.year ?? year,
      issued,
      issue,
      by: standingBody.id,
      at: nowIso,
    });
    if (!version) return;
    try {
      const launch = await launchIssuedPlan(client, db, version, {
        now,
        ...(options.scheduleId ? { scheduleId: options.scheduleId } : {}),
      });
      log.info(`demo: issued the plan of ${year} (${issue.number}); launch: ${launch.action}`);
    } catch (error) {
      // Issued, but its launch (the Schedule's catch-up) did not go through: the plan is started below by hand.
      log.error(
        `demo: issued the plan of ${year} (${issue.number}); the Schedule could not launch it (${error instanceof Error ? error.message : String(error)}), so it is started by hand`,
      );
    }
    report.plansIssued.push(year);
  };

  await step(`the plan of ${calendar.year}`, async () => {
    await draftIfMissing(calendar.year);
  });
  const current = await getPlanOfYear(db, orgUnitId, calendar.year);
  if (!current) {
    if (stopped()) return stop();
    log.error(`demo: no plan of ${calendar.year}; nothing more to prepare`);
    return report;
  }
  const campaign = demoCampaign(nowIso, (current.issued ?? current.draft)!.content as Plan);
  // Last year's review needs last year's plan, issued (its campaign is that plan's).
  if (campaign.kind === 'year_review' && campaign.year < calendar.year)
    await step(`the plan of ${campaign.year}`, async () => {
      await draftIfMissing(campaign.year);
      await issueIfDraft(campaign.year);
    });
  await step(`issuing the plan of ${calendar.year}`, () => issueIfDraft(calendar.year));
  await step(`starting the plan of ${calendar.year}`, () => startPlanIfNotRunning(calendar.year));
  await step(`the draft of ${calendar.comingYear}`, () => draftIfMissing(calendar.comingYear));

  /**
   * Issuing launched it, unless the 01/12 Schedule has already moved on to the coming year (December): then the
   * plan is started by a run of the Schedule's workflow by hand for its year, as its NoPlanData message asks.
   */
  async function startPlanIfNotRunning(year: number): Promise<void> {
    const planId = planWorkflowId(orgUnitId, year);
    if (await exists(client, planId)) return;
    const record = await getPlanOfYear(db, orgUnitId, year);
    if (!record?.issued) throw new Error(`the plan of ${year} is not issued`);
    // Issuing may have backfilled the Schedule a moment ago: give that run its chance first.
    const started = await waitFor(
      `${planId} from the Schedule`,
      async () => ((await exists(client, planId)) ? true : null),
      5_000,
      options.signal,
    ).catch(() => false);
    if (stopped()) return;
    if (started) return;
    const args: [NextYearPlanInput] = [{ orgUnitId, year }];
    const starter = `plan-starter/${orgUnitId}/${year}`;
    await client.workflow.start('nextYearPlan', {
      taskQueue: options.taskQueue,
      workflowId: starter,
      args,
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    report.workflowsStarted.push(starter);
    log.info(`demo: started the plan of ${year} by a run of the Schedule's workflow for that year`);
  }

  // --------------------------------------------------------------------------------- the year's own cases
  const plan = await waitFor(
    `the plan of ${calendar.year} running`,
    async () => {
      const state = await yearCases.planState(orgUnitId, calendar.year);
      return state?.childrenStarted && Object.keys(state.registrations).length > 0 ? state : null;
    },
    120_000,
    options.signal,
  ).catch((error: Error) => {
    if (stopped()) return null;
    report.failures.push(error.message);
    log.error(error.message);
    return null;
  });
  if (plan) {
    for (const unitId of [...DEMO_REGISTERED_UNITS, ...DEMO_REGISTRATION_DRAFTS])
      await step(`registration of ${unitId}`, () => register(unitId, DEMO_REGISTERED_UNITS.includes(unitId)));
    for (const compact of DEMO_COMPACTS)
      await step(`compact of ${compact.clusterId}`, () => signCompact(compact.clusterId, compact.signedBy));
  }

  async function register(unitId: string, sign: boolean): Promise<void> {
    const state = await waitFor(
      `registration of ${unitId}`,
      () => yearCases.registration(unitId, calendar.year),
      120_000,
      options.signal,
    );
    if (state.status === 'registered' || state.locked || (!sign && state.draft)) return;
    const people = (await peopleOfUnit(db, unitId)).slice(0, 3);
    const registration = {
      unitId,
      year: calendar.year,
      collectiveTitles: ['tap-the-lao-dong-tien-tien' as const],
      individuals: people.map((p, i) => ({
        personId: p.id,
        titles: [i === 0 ? ('chien-si-thi-dua-co-so' as const) : ('lao-dong-tien-tien' as const)],
      })),
    };
    if (sign) {
      await yearCases.actOnRegistration(state, 'register', {
        actor: actorOf(await loginOf('unit_head', unitId)),
        registration,
      });
    } else {
      await yearCases.actOnRegistration(state, 'save_draft', {
        actor: actorOf(await loginOf('unit_clerk', unitId)),
        registration,
      });
    }
    report.actions += 1;
  }

  async function signCompact(clusterId: string, signedBy: 'all' | number | null): Promise<void> {
    if (signedBy === null) return;
    let state = await waitFor(
      `compact of ${clusterId}`,
      () => yearCases.compact(clusterId, calendar.year),
      120_000,
      options.signal,
    );
    if (state.stage === 'closed') return;
    if (!state.content) {
      await yearCases.actOnCompact(state, 'draft', {
        actor: actorOf(await loginOf('cluster_head', state.headUnitId)),
        content: `Giao ước thi đua năm ${calendar.year} của ${state.clusterName}: các đơn vị thành viên thi đua hoàn thành xuất sắc chỉ tiêu, nhiệm vụ công tác kiểm sát năm ${calendar.year}; xây dựng đơn vị trong sạch, vững mạnh; thực hiện tốt phong trào thi đua của ngành.`,
      });
      report.actions += 1;
      state = (await yearCases.compact(clusterId, calendar.year))!;
    }
    const wanted = signedBy === 'all' ? state.memberUnits.length : signedBy;
    for (const member of state.memberUnits.slice(0, wanted)) {
      if (state.signatures.some((s) => s.unitId === member.id) || state.stage !== 'signing') continue;
      await yearCases.actOnCompact(state, 'sign', { actor: actorOf(await loginOf('unit_head', member.id)) });
      report.actions += 1;
    }
  }

  // ----------------------------------------------------------------------------------------- nominations
  const campaignId = await campaignIdOf(campaign);
  report.campaignId = campaignId;
  async function campaignIdOf(c: DemoCampaign): Promise<string | null> {
    if (c.kind === 'drive') return c.driveId;
    const record = await getPlanOfYear(db, orgUnitId, c.year);
    return record?.issued ? record.id : null;
  }
  if (stopped()) return stop();
  if (!campaignId) {
    log.error(`demo: no campaign to nominate in (${campaign.kind} ${campaign.year}); no nominations`);
  } else {
    log.info(
      `demo: nominations in ${campaignId} (${campaign.kind} of ${campaign.year}${campaign.open ? ', open' : ''})`,
    );
    for (const demoCase of DEMO_CASES)
      await step(`nomination ${demoCase.n} of ${demoCase.unitId}`, () => nominate(demoCase, campaignId, campaign));
  }

  async function draftOf(demoCase: DemoCase): Promise<NominationDraft> {
    const award = awardByCode(demoCase.awardCode);
    const unit = await getUnit(db, demoCase.unitId);
    // The second person of the unit: its first is usually the head, who signs the unit's nominations.
    const person = (await peopleOfUnit(db, demoCase.unitId))[1];
    if (demoCase.subject === 'individual' && !person) throw new Error(`no one to nominate in ${demoCase.unitId}`);
    return {
      awardCode: demoCase.awardCode,
      nominee:
        demoCase.subject === 'individual'
          ? { subject: 'individual', personId: person!.id, unitId: demoCase.unitId, displayName: person!.fullName }
          : {
              subject: 'collective',
              personId: null,
              unitId: demoCase.unitId,
              displayName: `Tập thể ${unit?.name ?? demoCase.unitId}`,
            },
      dossier: requiredDossierItems(award, demoCase.subject).map((item, i) => ({
        code: item.code,
        title: item.label,
        reference: `Số ${String(i + 1).padStart(2, '0')}/${demoCase.unitId.replace(/^hd-/, '').toUpperCase()}`,
      })),
      achievements:
        demoCase.subject === 'individual'
          ? 'Hoàn thành xuất sắc nhiệm vụ được giao; chất lượng giải quyết án đạt và vượt chỉ tiêu của ngành.'
          : 'Đơn vị hoàn thành xuất sắc các chỉ tiêu nghiệp vụ; nội bộ đoàn kết, không có cán bộ vi phạm.',
      ...(demoCase.declaredCriteria ? { declaredCriteria: demoCase.declaredCriteria } : {}),
    };
  }

  async function nominate(demoCase: DemoCase, campaignId: string, campaign: DemoCampaign): Promise<void> {
    const caseId = nominationId(campaignId, demoCase.unitId, demoCase.n);
    if (!(await exists(client, caseId))) {
      await cases.startNomination(
        {
          campaignId,
          // The instant the web's form gives (the quota ledgers close then). A campaign already closed stands for
          // cases sent while it was open: a closing instant passed would refuse their places, so none is given.
          ...(campaign.open ? { campaignClosesAt: campaign.closesAt } : {}),
          year: campaign.year,
          track: 'regular',
          unitId: demoCase.unitId,
          draft: await draftOf(demoCase),
          createdBy: actorOf(await loginOf('unit_clerk', demoCase.unitId), 'unit_clerk'),
        },
        demoCase.n,
      );
      report.workflowsStarted.push(caseId);
    }
    for (let i = 0; i < 12; i++) {
      if (stopped()) return;
      const state = await cases.getCase(caseId);
      const next = nextDemoStep(demoCase.target, state.stage, state.context.clusterHeadUnitId !== null);
      if (next === null) {
        if (state.stage === 'council_vote' && demoCase.target === 'council_vote') await vote(state, DEMO_EARLY_VOTERS);
        return;
      }
      await act(state, next);
    }
  }

  /** A request id per case, step and stage entry: a repeated start sends the same Update, applied once. */
  function requestId(state: NominationState, name: string): string {
    return `demo-${state.unitId}-${name}-${state.stageEntry}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64);
  }

  async function act(state: NominationState, next: DemoStep): Promise<void> {
    const wait = { answerWithinMs: 60_000 };
    switch (next) {
      case 'submit':
        await cases.act(
          state.caseId,
          'submit',
          { actor: actorOf(await loginOf('unit_head', state.unitId)) },
          {
            requestId: requestId(state, next),
            ...wait,
          },
        );
        break;
      case 'endorse':
        await cases.act(
          state.caseId,
          'endorse',
          { actor: actorOf(await loginOf('cluster_head', state.context.clusterHeadUnitId!)), rank: 1 },
          { requestId: requestId(state, next), ...wait },
        );
        break;
      case 'verify':
        await cases.act(
          state.caseId,
          'verify',
          { actor: actorOf(standingBody), complete: true, missingItems: [] },
          { requestId: requestId(state, next), ...wait },
        );
        break;
      case 'return_incomplete':
        await cases.act(
          state.caseId,
          'verify',
          {
            actor: actorOf(standingBody),
            complete: false,
            missingItems: ['Bản nhận xét của cấp ủy nơi cư trú'],
            note: 'Đề nghị đơn vị bổ sung hồ sơ rồi trình lại.',
          },
          { requestId: requestId(state, next), ...wait },
        );
        break;
      case 'hold':
        await cases.act(
          state.caseId,
          'hold',
          {
            actor: actorOf(standingBody),
            reason: 'Có đơn khiếu nại về thành tích của cá nhân được đề nghị: tạm dừng để xác minh.',
          },
          { requestId: requestId(state, next), ...wait },
        );
        break;
      case 'vote':
        await vote(state, null);
        return;
      case 'approve': {
        // A decision is dated today in Vietnam, never after the day the workflow itself is in.
        const today = vnDateKey(new Date(Math.min(now.getTime(), Date.now())).toISOString());
        await cases.act(
          state.caseId,
          'approve',
          {
            actor: actorOf(chair),
            decisionNumber: `${String(DEMO_CASES.findIndex((c) => c.unitId === state.unitId) + 1).padStart(2, '0')}/QĐ-VKS`,
            decisionDate: today,
          },
          { requestId: requestId(state, next), ...wait },
        );
        break;
      }
    }
    report.actions += 1;
  }

  /** Every seat still to vote (or only `only`'s), yes: recused seats are recorded by the case itself. */
  async function vote(state: NominationState, only: readonly string[] | null): Promise<void> {
    for (const member of state.context.council.members) {
      if (state.votes.some((v) => v.userId === member.userId)) continue;
      const voter = await getUser(db, member.userId);
      if (!voter || (only && !only.includes(voter.username))) continue;
      const role = voter.roles.find((r) => r === 'council_member' || r === 'leadership' || r === 'council_secretary');
      await cases.act(
        state.caseId,
        'vote',
        { actor: actorOf(voter, role ?? voter.roles[0]!), choice: 'yes' },
        { requestId: requestId(state, `vote-${voter.username}`), answerWithinMs: 60_000 },
      );
      report.actions += 1;
    }
  }

  if (stopped()) return stop();
  log.info(
    `demo: ready for ${calendar.today} (${report.workflowsStarted.length} workflows started, ${report.actions} actions${report.failures.length ? `, ${report.failures.length} failed steps` : ''})`,
  );
  return report;
}

/**
 * What `npm start` runs once the worker polls (scripts/app.ts): the seeding in the background, so the web UI is up
 * at once; its progress goes to the log. Resolves when it is done or stopped; never rejects.
 */
export function seedLivingDemoInBackground(
  options: Omit<DemoSeedOptions, 'orgUnitId'> & { orgUnitId: string | null },
): Promise<void> {
  const log = options.log ?? consoleLog;
  if (!options.orgUnitId) {
    log.error('demo: no organisation to prepare (the directory names no single council)');
    return Promise.resolve();
  }
  log.info('demo: preparing the current year (plan, registrations, compacts, nominations) in the background');
  return seedLivingDemo({ ...options, orgUnitId: options.orgUnitId }).then(
    () => undefined,
    (error: unknown) =>
      options.signal?.aborted
        ? undefined
        : log.error(`demo: could not be prepared: ${error instanceof Error ? error.message : String(error)}`),
  );
}
