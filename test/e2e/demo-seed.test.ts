/**
 * The living demo's seeder on the shared dev server (issue 11), all real: the demo directory in PGlite, the
 * product's worker and activities, Temporal. Set on 01/12 of a year no other test uses (the plans of the current
 * year get issued then, with the 01/12 Schedule already on the coming year): it drafts, settles and issues that
 * year's plan and starts it, registers some units and signs some compacts through the year's cases, leaves a
 * nomination at every stage by the staff actions of the demo accounts, and drafts the coming year. A second run
 * starts nothing and acts on nothing. Set on 10/01, it also issues last year's plan, whose review still takes the
 * nominations.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_CASES,
  DEMO_COMPACTS,
  DEMO_EARLY_VOTERS,
  DEMO_REGISTERED_UNITS,
  DEMO_REGISTRATION_DRAFTS,
} from '../../client/demo/calendar.js';
import { seedLivingDemo, type DemoSeedReport } from '../../client/demo/seed.js';
import { CasesClient } from '../../client/lib/cases.js';
import { YearCasesClient } from '../../client/lib/year-cases.js';
import { getPlanOfYear } from '../../store/plans.js';
import { getUserByUsername } from '../../store/directory.js';
import type { Plan } from '../../domain/plan.js';
import { nominationId } from '../../workflows/nomination/messages.js';
import { quotaLedgerId, quotaStateQuery } from '../../workflows/quota/messages.js';
import { yearCampaignClosesAt } from '../../domain/plan-year/plan-run.js';
import { planWorkflowId } from '../../workflows/plan/messages.js';
import { connectToDevServer } from '../harness/temporal.js';
import { createCaseWorld, type CaseWorld } from '../support/case-world.js';

// 2030–2039: the e2e tests that start plans of `hd` use 2040 and later, the Schedule's test the coming year. The
// December run uses 2030–2034; the January run five years later, so its year and the year before are its own.
const YEAR = 2030 + Math.floor(Math.random() * 5);
const JANUARY_YEAR = YEAR + 5;
/** 10:00 in Hà Nội. */
const NOW = new Date(Date.UTC(YEAR, 11, 1, 3));
const JANUARY = new Date(Date.UTC(JANUARY_YEAR, 0, 10, 3));

let env: TestWorkflowEnvironment;
let world: CaseWorld;
let januaryWorld: CaseWorld;
let first: DemoSeedReport;
let january: DemoSeedReport;
const lines: string[] = [];
const januaryLines: string[] = [];

beforeAll(async () => {
  env = await connectToDevServer();
  world = await createCaseWorld(env);
  first = await seed();
  januaryWorld = await createCaseWorld(env);
  january = await seedOn(januaryWorld, JANUARY, januaryLines);
}, 900_000);

/** Every workflow a run left: the plan and its children, the cases and their forwarded children. */
async function startedBy(report: DemoSeedReport | undefined, year: number, campaignYear: number): Promise<string[]> {
  const plan = await new YearCasesClient(env.client).planState('hd', year).catch(() => null);
  return [
    planWorkflowId('hd', year),
    ...Object.values(plan?.registrations ?? {}).map((r) => r.workflowId),
    ...Object.values(plan?.compacts ?? {}).map((c) => c.workflowId),
    ...(plan?.advancedModels ? [plan.advancedModels.workflowId] : []),
    ...(report?.workflowsStarted ?? []),
    ...DEMO_CASES.map((c) => `forwarded/${nominationId(`hd-${campaignYear}`, c.unitId, c.n)}`),
  ];
}

afterAll(async () => {
  const started = [
    ...(await startedBy(first, YEAR, YEAR)),
    ...(await startedBy(january, JANUARY_YEAR, JANUARY_YEAR - 1)),
  ];
  for (const id of started)
    await env.client.workflow
      .getHandle(id)
      .terminate('end of the demo test')
      .catch(() => undefined);
  await world?.close();
  await januaryWorld?.close();
  await env?.teardown();
});

function seedOn(on: CaseWorld, now: Date, log: string[]): Promise<DemoSeedReport> {
  return seedLivingDemo({
    client: env.client,
    db: on.db,
    taskQueue: on.taskQueue,
    orgUnitId: 'hd',
    now,
    log: { info: (m) => log.push(m), error: (m) => log.push(`ERROR ${m}`) },
  });
}

function seed(): Promise<DemoSeedReport> {
  return seedOn(world, NOW, lines);
}

describe('the living demo on 01/12 (dev server)', () => {
  it('issues and runs the plan of the year, and drafts the coming year from it', async () => {
    expect(first.failures).toEqual([]);
    expect(first.year).toBe(YEAR);
    expect(first.plansIssued).toEqual([YEAR]);
    expect(first.plansDrafted).toEqual([YEAR, YEAR + 1]);
    const current = await getPlanOfYear(world.db, 'hd', YEAR);
    expect(current?.issued?.issue).toMatchObject({ number: `${YEAR % 100}/KH-HĐTĐKT`, date: `${YEAR}-12-01` });
    const signer = await getUserByUsername(world.db, 'vientruong');
    expect(current?.issued?.issue?.signer).toBe(signer!.displayName);
    const coming = await getPlanOfYear(world.db, 'hd', YEAR + 1);
    expect(coming?.issued).toBeNull();
    expect((coming?.draft?.content as Plan).title).toContain(`năm ${YEAR + 1}`);

    const plan = await new YearCasesClient(env.client).planState('hd', YEAR);
    expect(plan?.plan.id).toBe(`hd-${YEAR}`);
    // Issued on 01/12, the plan gives the units two weeks to register.
    expect(plan?.plan.deadlines.find((d) => d.kind === 'registration')?.date).toEqual({
      day: 15,
      month: 12,
      year: YEAR,
    });
    expect(Object.keys(plan!.registrations)).toHaveLength(20);
  });

  it('leaves registrations and compacts in mixed states', async () => {
    const yearCases = new YearCasesClient(env.client);
    for (const unitId of ['hd', 'hd-kv1', 'hd-kv2', 'hd-kv4', 'hd-kv7', 'hd-p3', 'hd-p6']) {
      const state = await yearCases.registration(unitId, YEAR);
      expect(state?.status, unitId).toBe(DEMO_REGISTERED_UNITS.includes(unitId) ? 'registered' : 'not_registered');
      expect(state?.draft !== null, unitId).toBe(
        DEMO_REGISTERED_UNITS.includes(unitId) || DEMO_REGISTRATION_DRAFTS.includes(unitId),
      );
    }
    const compacts = Object.fromEntries(
      await Promise.all(
        DEMO_COMPACTS.map(async ({ clusterId }) => [clusterId, await yearCases.compact(clusterId, YEAR)] as const),
      ),
    );
    // Signed by every member: compiled and sent to the standing body, and closed.
    expect(compacts['hd-cum1']?.stage).toBe('closed');
    expect(compacts['hd-cum1']?.compilation).not.toBeNull();
    expect(compacts['hd-cum1']?.signatures).toHaveLength(4);
    expect(compacts['hd-cum2']).toMatchObject({ stage: 'signing' });
    expect(compacts['hd-cum2']?.signatures.map((s) => s.unitId)).toEqual(['hd-kv5', 'hd-kv6']);
    expect(compacts['hd-khoi-nv']).toMatchObject({ stage: 'signing', signatures: [] });
    expect(compacts['hd-cum3']).toMatchObject({ stage: 'drafting', content: null });
  });

  it('has a nomination at every stage, moved there by the demo accounts', async () => {
    expect(first.campaignId).toBe(`hd-${YEAR}`);
    const cases = new CasesClient(env.client, world.taskQueue);
    for (const demoCase of DEMO_CASES) {
      const state = await cases.getCase(nominationId(`hd-${YEAR}`, demoCase.unitId, demoCase.n));
      expect(state.stage, `${demoCase.unitId} ${demoCase.n}`).toBe(demoCase.target);
      expect(state.year).toBe(YEAR);
      expect(state.unitId).toBe(demoCase.unitId);
    }
    // Started with the closing instant the web's form gives: the year's review closes its ledgers after 31/01.
    const ledger = await env.client.workflow.getHandle(quotaLedgerId(`hd-${YEAR}`, 'hd-kv4')).query(quotaStateQuery);
    expect(ledger.closesAt).toBe(yearCampaignClosesAt(YEAR));
    const vote = await cases.getCase(nominationId(`hd-${YEAR}`, 'hd-kv8', 'demo-hoi-dong'));
    const voters = await Promise.all(DEMO_EARLY_VOTERS.map((u) => getUserByUsername(world.db, u)));
    expect(vote.votes.map((v) => v.userId).sort()).toEqual(voters.map((u) => u!.id).sort());
    expect(vote.tally).toBeNull();
    // The awards are in the book, written by the workflows' own activity.
    const awarded = DEMO_CASES.filter((c) => c.target === 'awarded').map((c) =>
      nominationId(`hd-${YEAR}`, c.unitId, c.n),
    );
    const rows = await world.db.query<{ case_key: string }>(
      `SELECT case_key FROM awards WHERE year = $1 ORDER BY case_key`,
      [YEAR],
    );
    expect(rows.map((r) => r.case_key).sort()).toEqual(awarded.map((id) => `${id}#award`).sort());
    // The award decided above the province waits at the Supreme Procuracy's department.
    const forwarded = await cases.getCase(nominationId(`hd-${YEAR}`, 'hd-vp', 'demo-cap-tren'));
    expect(forwarded.forwarding?.toUnitId).toBe('vkstc');
    const child = await env.client.workflow.getHandle(forwarded.forwarding!.caseId).describe();
    expect(child.status.name).toBe('RUNNING');
  });

  it('changes nothing when it runs again', async () => {
    const cases = DEMO_CASES.map((c) => nominationId(`hd-${YEAR}`, c.unitId, c.n));
    const ids = [planWorkflowId('hd', YEAR), ...cases, `registration/hd-kv1/${YEAR}`, `compact/hd-cum2/${YEAR}`];
    /** Each workflow's run and the staff actions (accepted Updates) in its history. */
    const look = () =>
      Promise.all(
        ids.map(async (id) => {
          const handle = env.client.workflow.getHandle(id);
          const { runId } = await handle.describe();
          const history = await handle.fetchHistory();
          const actions = (history.events ?? []).filter((e) => !!e.workflowExecutionUpdateAcceptedEventAttributes);
          return { id, runId, actions: actions.length };
        }),
      );
    const before = await look();
    expect(before.find((w) => w.id.endsWith('demo-khen-thuong') && w.actions >= 5)).toBeDefined();
    const second = await seed();
    expect(second).toMatchObject({ plansDrafted: [], plansIssued: [], workflowsStarted: [], actions: 0, failures: [] });
    expect(await look()).toEqual(before);
    expect(lines.filter((l) => l.startsWith('ERROR'))).toEqual([]);
  }, 300_000);
});

describe('the living demo on 10/01 (dev server)', () => {
  it("issues last year's plan as the record its review needs, and runs this year's", async () => {
    expect(january.failures).toEqual([]);
    expect(january.plansDrafted).toEqual([JANUARY_YEAR, JANUARY_YEAR - 1, JANUARY_YEAR + 1]);
    expect(january.plansIssued).toEqual([JANUARY_YEAR - 1, JANUARY_YEAR]);
    const last = await getPlanOfYear(januaryWorld.db, 'hd', JANUARY_YEAR - 1);
    expect(last?.issued?.issue?.date).toBe(`${JANUARY_YEAR - 2}-12-15`);
    // A past year is a record: its plan is not started.
    await expect(env.client.workflow.getHandle(planWorkflowId('hd', JANUARY_YEAR - 1)).describe()).rejects.toThrow();
    const plan = await new YearCasesClient(env.client).planState('hd', JANUARY_YEAR);
    const due = (kind: string) => plan?.plan.deadlines.find((d) => d.kind === kind)?.date;
    // 15/01 is five days away: the units get until 24/01; the compact of 15/02 stays.
    expect(due('registration')).toEqual({ day: 24, month: 1, year: JANUARY_YEAR });
    expect(due('compact')).toEqual({ day: 15, month: 2, year: JANUARY_YEAR });
  });

  it("puts its nominations in last year's review, which still takes them", async () => {
    expect(january.campaignId).toBe(`hd-${JANUARY_YEAR - 1}`);
    const cases = new CasesClient(env.client, januaryWorld.taskQueue);
    for (const demoCase of DEMO_CASES) {
      const state = await cases.getCase(nominationId(`hd-${JANUARY_YEAR - 1}`, demoCase.unitId, demoCase.n));
      expect(state.stage, `${demoCase.unitId} ${demoCase.n}`).toBe(demoCase.target);
      expect(state.year).toBe(JANUARY_YEAR - 1);
    }
  });
});

describe('the living demo outside the demo directory', () => {
  it("prepares nothing in an organisation's own data", async () => {
    const log: string[] = [];
    await januaryWorld.db.query(`UPDATE users SET email = 'thuong.truc@vks.example' WHERE username = 'thuongtruc'`);
    const report = await seedOn(januaryWorld, JANUARY, log);
    expect(report).toMatchObject({
      skipped: "the directory of hd is not the demo's",
      workflowsStarted: [],
      actions: 0,
    });
    expect(log).toEqual(["demo: not prepared: the directory of hd is not the demo's"]);
  });
});

describe('the living demo when the app stops', () => {
  it('stops at once and quietly: no failure reported, no "ready" line, nothing started', async () => {
    const stopping = await createCaseWorld(env);
    try {
      const log: string[] = [];
      const stop = new AbortController();
      const report = await seedLivingDemo({
        client: env.client,
        db: stopping.db,
        taskQueue: stopping.taskQueue,
        orgUnitId: 'hd',
        now: NOW,
        signal: stop.signal,
        log: {
          // Ctrl-C right after the first plan is drafted, before it is issued.
          info: (m) => {
            log.push(m);
            if (m.startsWith('demo: drafted')) stop.abort();
          },
          error: (m) => log.push(`ERROR ${m}`),
        },
      });
      expect(report).toMatchObject({ stopped: true, plansIssued: [], workflowsStarted: [], actions: 0, failures: [] });
      expect(log.filter((l) => l.startsWith('ERROR') || l.startsWith('demo: ready'))).toEqual([]);
      expect(log.at(-1)).toBe('demo: stopped with the app; the next start prepares the rest');
      expect((await getPlanOfYear(stopping.db, 'hd', YEAR))?.issued).toBeNull();
    } finally {
      await stopping.close();
    }
  }, 300_000);
});
