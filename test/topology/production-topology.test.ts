/**
 * The production topology, run for real (issue #14): the Temporal server v1.29.1 on PostgreSQL with frontend,
 * history, matching and the internal worker as four processes, set up with temporal-sql-tool and the namespace step
 * exactly as docker-compose.yml runs them (scripts/topology/cluster.ts reads its commands from the compose file),
 * then two tdkt workers and the web process, the app's store on the same PostgreSQL.
 *
 * Whole journeys go through the product's client (CasesClient, the fault suite's journey driver) while the history
 * service and one tdkt worker are SIGKILLed and started again; afterwards the fault suite's checks must find
 * nothing lost, doubled, failed or stuck. Fails (never skips) when the server binaries or PostgreSQL are missing.
 *
 *   npm run tools:server && eval "$(scripts/postgres/start-local.sh)" && npm run test:topology
 *   TOPOLOGY_JOURNEYS=40 npm run test:topology    # more journeys (default 16)
 *   TOPOLOGY_KEEP=1 npm run test:topology         # keep the logs, histories and databases of a passing run
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { CasesClient } from '../../client/lib/cases.js';
import { ALL_SEARCH_ATTRIBUTES } from '../../domain/search-attributes.js';
import { migrate, openPostgresDatabase, seedDemoData, type SqlDatabase } from '../../store/index.js';
import { judgeRun, problemsOf, unfinished } from '../../scripts/chaos/checks.js';
import { scheduleFaults, type FaultLog } from '../../scripts/chaos/faults.js';
import { sleep } from '../../scripts/chaos/free-port.js';
import { runJourney, type JourneyContext, type JourneyResult } from '../../scripts/chaos/journey.js';
import { startOutageMailSink, type OutageMailSink } from '../../scripts/chaos/mail-sink.js';
import { loadActors, planJourneys } from '../../scripts/chaos/nominees.js';
import { startTopology, type Topology } from '../../scripts/topology/cluster.js';
import { DEMO_PASSWORD } from '../../store/credentials.js';
import { STAGE_LABELS } from '../../domain/i18n.js';
import { nextYearPlanScheduleId } from '../../client/lib/plan-schedule.js';
import { planOrganisation } from '../../store/plan-organisation.js';
import { WebSession } from './web-session.js';

// The proto package is CommonJS: under plain Node ESM only its default export is visible.
const { IndexedValueType } = proto.temporal.api.enums.v1;

const JOURNEYS = Number(process.env.TOPOLOGY_JOURNEYS ?? 16);
const CONCURRENCY = 4;
const HISTORY_DOWN_MS = 5_000;

const postgresUrl = process.env.TDKT_TEST_POSTGRES_URL;
const say = (line: string) => console.log(`[topology ${new Date().toISOString().slice(11, 19)}] ${line}`);

describe('production topology: Temporal v1.29.1 on PostgreSQL, services apart, two tdkt workers and the web', () => {
  const runDir = mkdtempSync(path.join(tmpdir(), 'tdkt-topology-'));
  let topology: Topology | undefined;
  let sink: OutageMailSink;
  let connection: Connection;
  let client: Client;
  let db: SqlDatabase;
  let failed = false;
  const lastResort = () => topology?.killNow();
  /** Keeps the run's folder and databases for whoever reads a failure. */
  const keepOnFailure = () => onTestFailed(() => void (failed = true));

  beforeAll(async () => {
    if (!postgresUrl)
      throw new Error('TDKT_TEST_POSTGRES_URL is not set: eval "$(scripts/postgres/start-local.sh)" first');
    process.on('exit', lastResort);
    try {
      sink = await startOutageMailSink();
      topology = await startTopology({ postgresUrl, runDir, smtpPort: sink.port, say });
      connection = await Connection.connect({ address: topology.address });
      client = new Client({ connection, namespace: topology.namespace });
      db = await openPostgresDatabase(topology.appDatabaseUrl);
      await migrate(db);
      await seedDemoData(db);
    } catch (error) {
      failed = true;
      throw error;
    }
  });

  afterAll(async () => {
    await db?.close();
    await connection?.close();
    await topology?.stop({ keepDatabases: failed || Boolean(process.env.TOPOLOGY_KEEP) });
    await sink?.close();
    process.off('exit', lastResort);
    if (failed || process.env.TOPOLOGY_KEEP) console.log(`topology: logs and histories kept in ${runDir}`);
    else rmSync(runDir, { recursive: true, force: true });
  });

  it('sets up the namespace and every search attribute the way the compose file does', async () => {
    keepOnFailure();
    expect(topology!.namespaceSetupOutput).toContain(`namespace ${topology!.namespace} created`);
    expect(topology!.namespaceSetupOutput).toContain('history answers');
    const { response } = await answerOf(() =>
      connection.operatorService.listSearchAttributes({ namespace: topology!.namespace }),
    );
    const custom = response.customAttributes ?? {};
    for (const key of ALL_SEARCH_ATTRIBUTES)
      expect(custom[key.name], key.name).toBe(IndexedValueType[`INDEXED_VALUE_TYPE_${key.type}`]);
    // The compose healthcheck's URL answers on the real frontend.
    const health = await fetch(topology!.healthUrl);
    expect(health.ok).toBe(true);
    expect(((await health.json()) as { serverVersion?: string }).serverVersion).toBe('1.29.1');
  });

  it("keeps the workers' yearly Schedule, which the server's internal worker runs", async () => {
    keepOnFailure();
    const org = await planOrganisation(db, undefined);
    expect(org.orgUnitId).not.toBeNull();
    // Describing a Schedule asks its scheduler workflow, which only the internal worker service executes.
    const { response } = await answerOf(() =>
      client.schedule.getHandle(nextYearPlanScheduleId(org.orgUnitId!)).describe(),
    );
    expect(response.info.nextActionTimes.length).toBeGreaterThan(0);
    expect(response.action.type).toBe('startWorkflow');
  });

  it(`takes ${JOURNEYS} whole journeys through it while history and a tdkt worker are SIGKILLed: all awarded once`, async () => {
    keepOnFailure();
    const runId = `topo${Date.now().toString(36)}`;
    const actors = await loadActors(db);
    const plans = await planJourneys(db, actors, runId, JOURNEYS);
    const ctx: JourneyContext = {
      client,
      cases: new CasesClient(client, topology!.taskQueue),
      taskQueue: topology!.taskQueue,
      runId,
      actor: (username) => actors.get(username)!,
      retries: new Map(),
      refusedRetries: [],
      laterTries: [],
      stepBudgetMs: 5 * 60_000,
      rivals: new Map(),
      waits: new Map(),
    };
    const { history } = topology!.temporal;
    const worker = topology!.workers[0]!;
    const faultLog: FaultLog = { done: [], failed: [] };
    const results: JourneyResult[] = [];
    /** Journeys started and not finished when each kill came: the kills must land on work in progress. */
    const inFlightAtKill: number[] = [];
    let started = 0;
    const faults = scheduleFaults(
      [
        {
          name: `history service SIGKILLed, back after ${HISTORY_DOWN_MS / 1000} s`,
          at: 0.25,
          run: async () => {
            inFlightAtKill.push(started - results.length);
            await history.kill();
            await sleep(HISTORY_DOWN_MS);
            await history.start();
          },
        },
        {
          name: 'tdkt worker 1 SIGKILLed, started again at once',
          at: 0.5,
          run: async () => {
            inFlightAtKill.push(started - results.length);
            await worker.kill();
            await worker.start();
          },
        },
      ],
      () => results.length / plans.length,
      faultLog,
      say,
    );
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < plans.length) {
          started += 1;
          const result = await runJourney(ctx, plans[next++]!);
          if (!result.ok) say(`journey ${result.caseId} failed: ${result.error}`);
          results.push(result);
        }
      }),
    );
    await faults.finish();
    say(
      `journeys answered: ${results.filter((r) => r.ok).length}/${plans.length}; faults: ${faultLog.done.join('; ')}`,
    );

    // Effects (the book, the mails) run after the last answer: wait until no case has anything left to do.
    const caseIds = results.map((r) => r.caseId);
    const deadline = Date.now() + 5 * 60_000;
    let left = caseIds;
    while (left.length > 0 && Date.now() < deadline) {
      const reasons = await Promise.all(left.map(async (id) => ({ id, why: await unfinished(client, id) })));
      left = reasons.filter((r) => r.why !== null).map((r) => r.id);
      if (left.length > 0) await sleep(2_000);
    }

    const verdict = await judgeRun({
      client,
      db,
      caseIds,
      mails: sink.messages,
      bundlePath: topology!.bundlePath,
      runDir,
      workerLogs: topology!.workers.map((w) => w.logFile),
    });
    const problems = [
      ...problemsOf(
        verdict,
        plans.length,
        results.filter((r) => !r.ok).map((r) => `${r.caseId}: ${r.error}`),
      ),
      ...faultLog.failed.map((f) => `fault injection failed: ${f}`),
      ...ctx.refusedRetries.map((r) => `re-sent action refused after it applied: ${r}`),
    ];
    say(
      `checked ${verdict.workflows} workflows: ${verdict.awarded} awarded, ${verdict.mailsArrived} mails, ` +
        `${verdict.routineTaskFailures} routine task failures, re-sends ${JSON.stringify(Object.fromEntries(ctx.retries))}`,
    );
    // The web process, apart from the workers, shows a finished case from the cluster to the council's chair.
    const web = new WebSession(topology!.webUrl);
    await web.signIn('vientruong', DEMO_PASSWORD);
    const page = await web.get(`/ho-so/${encodeURIComponent(caseIds[0]!)}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(STAGE_LABELS.awarded);
    expect(page.body).toContain(plans[0]!.draft.nominee.displayName);

    expect(faultLog.done).toHaveLength(2);
    expect(inFlightAtKill).toHaveLength(2);
    for (const inFlight of inFlightAtKill) expect(inFlight).toBeGreaterThan(0);
    expect([history.kills, history.starts, worker.kills, worker.starts]).toEqual([1, 2, 1, 2]);
    expect(problems).toEqual([]);
    expect(verdict.awarded).toBe(JOURNEYS);
  });
});

/** The frontend may still be finding its peers after a restart: a read is tried again for a while. */
async function answerOf<T>(read: () => Promise<T>): Promise<{ response: T }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return { response: await read() };
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(1_000);
    }
  }
}
