/**
 * `npm run test:chaos`: N whole nomination journeys through the product's client while the workers are SIGKILLed
 * every few seconds, Temporal is stopped and started again on its SQLite file, SMTP is down for a minute and
 * PostgreSQL is restarted; then it checks that nothing was lost, doubled or stuck, prints the figures and exits
 * non-zero on any problem. Everything runs on loopback, in a fresh temp folder, and stops by itself: a watchdog
 * ends the run (and its children) if it overruns its own budget. The folder is kept when the run fails (or with
 * --keep): it holds every history, the worker and server logs, and figures.json.
 *
 *   npm run test:chaos -- --journeys 60 [--seconds 1200] [--concurrency 16] [--keep]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime, bundleWorkflowCode } from '@temporalio/worker';
import { migrate, openPostgresDatabase, seedDemoData } from '../../store/index.js';
import { CasesClient } from '../../client/lib/cases.js';
import { WORKFLOWS_PATH } from '../../worker/create-worker.js';
import { judgeRun, problemsOf, unfinished } from './checks.js';
import { outage, scheduleFaults, type Fault, type FaultLog } from './faults.js';
import { sleep } from './free-port.js';
import { caseIdOf, runJourney, type JourneyContext, type JourneyResult } from './journey.js';
import { startOutageMailSink } from './mail-sink.js';
import { loadActors, planJourneys } from './nominees.js';
import { parseChaosOptions } from './options.js';
import { startReaders } from './readers.js';
import { startChaosPostgres } from './postgres.js';
import { figuresOf, figuresTable } from './report.js';
import { startDevServer } from './temporal-server.js';
import { startWorkerFleet } from './worker-fleet.js';

const options = parseChaosOptions(process.argv.slice(2));
// The figures are the output: the SDK's routine lines (bundler, replay workers) would bury them.
const quiet = new DefaultLogger('WARN');
Runtime.install({ logger: quiet });
const startedAt = Date.now();
const say = (line: string) => console.log(`[chaos ${Math.round((Date.now() - startedAt) / 1000)}s] ${line}`);
const runDir = mkdtempSync(path.join(tmpdir(), 'tdkt-chaos-'));
const runId = Date.now().toString(36);
const taskQueue = 'tdkt-chaos';
say(`run ${runId}: ${options.journeys} journeys, folder ${runDir}`);

const cleanups: (() => Promise<void> | void)[] = [];
const lastResorts: (() => void)[] = [];
process.on('exit', () =>
  lastResorts.forEach((f) => {
    try {
      f();
    } catch {
      /* the process is ending: nothing more to do */
    }
  }),
);
// Bounded whatever happens: setup and checks get 15 minutes beyond the journeys' and the settling's budgets.
const watchdog = setTimeout(
  () => {
    console.error(`chaos: the run overran its budget; stopping everything (folder kept: ${runDir})`);
    process.exit(3);
  },
  (options.seconds + options.settleSeconds + 900) * 1000,
);
watchdog.unref();

// Ctrl-C or a CI timeout: stop the children (the 'exit' handler runs on process.exit, not on a bare signal).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`chaos: ${signal}: stopping (folder kept: ${runDir})`);
    process.exit(130);
  });
}

async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error(`chaos: cleanup: ${String(error)}`);
    }
  }
}

async function main(): Promise<number> {
  const postgres = await startChaosPostgres();
  cleanups.push(() => postgres.remove());
  lastResorts.push(() => postgres.remove());
  const db = await openPostgresDatabase(postgres.url);
  cleanups.push(() => db.close());
  await migrate(db);
  await seedDemoData(db);
  const actors = await loadActors(db);
  const plans = await planJourneys(db, actors, runId, options.journeys);
  say(`PostgreSQL ready (own cluster), demo data seeded`);

  const sink = await startOutageMailSink();
  cleanups.push(() => sink.close());
  const server = await startDevServer(runDir);
  cleanups.push(() => server.stop());
  lastResorts.push(() => server.killNow());
  say(`Temporal dev server on ${server.address}, SMTP sink on 127.0.0.1:${sink.port}`);

  const bundlePath = path.join(runDir, 'workflow-bundle.js');
  // Built once, as a production image builds it (worker/bundle.ts): a restarted worker starts in seconds.
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quiet });
  writeFileSync(bundlePath, code);
  const fleet = startWorkerFleet({
    size: options.workers,
    logDir: runDir,
    killAfterMs: options.killAfterMs,
    env: {
      TEMPORAL_ADDRESS: server.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      DATABASE_URL: postgres.url,
      SEED_DEMO_DATA: 'false',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      WORKFLOW_BUNDLE: bundlePath,
      PUBLIC_URL: 'http://tdkt.chaos.test',
    },
  });
  cleanups.push(() => fleet.stop());
  lastResorts.push(() => fleet.killNow());

  const connection = await Connection.connect({ address: server.address });
  cleanups.push(() => connection.close());
  const client = new Client({ connection });
  const ctx: JourneyContext = {
    client,
    cases: new CasesClient(client, taskQueue),
    taskQueue,
    runId,
    actor: (username) => actors.get(username)!,
    retries: new Map(),
    refusedRetries: [],
    laterTries: [],
    stepBudgetMs: 10 * 60_000,
    rivals: new Map(),
    waits: new Map(),
  };

  const faultLog: FaultLog = { done: [], failed: [] };
  const faults: Fault[] = [];
  for (let i = 0; i < options.temporalRestarts; i++) {
    const at = (i + 1) / (options.temporalRestarts + 1) / 2; // e.g. one restart at 25%, two at 17% and 33%
    faults.push(
      outage(
        `Temporal down ${options.temporalOutageSeconds} s`,
        at,
        options.temporalOutageSeconds * 1000,
        () => server.stop(),
        () => server.start(),
      ),
    );
  }
  if (options.smtpOutageSeconds > 0) {
    faults.push(
      outage(
        `SMTP down ${options.smtpOutageSeconds} s`,
        0.4,
        options.smtpOutageSeconds * 1000,
        () => sink.down(),
        () => sink.up(),
      ),
    );
  }
  if (options.postgresRestart) {
    faults.push({ name: 'PostgreSQL restart (5 s down)', at: 0.6, run: () => postgres.restart(5_000) });
  }

  const results: JourneyResult[] = [];
  const progress = () => results.length / plans.length;
  const scheduled = scheduleFaults(faults, progress, faultLog, say);
  const ticker = setInterval(() => {
    const retries = [...ctx.retries.values()].reduce((a, b) => a + b, 0);
    say(`${results.length}/${plans.length} journeys done, ${fleet.stats.kills} kills, ${retries} re-sends`);
  }, 15_000);
  const started: string[] = [];
  const readers = startReaders(ctx.cases, options.readers, () => started);
  const journeysDeadline = startedAt + options.seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < plans.length && Date.now() < journeysDeadline) {
        const plan = plans[next++]!;
        started.push(caseIdOf(ctx, plan));
        const result = await runJourney(ctx, plan);
        if (!result.ok) say(`journey ${plan.index} failed: ${result.error}`);
        results.push(result);
      }
    }),
  );
  clearInterval(ticker);
  await readers.stop();
  say(`journeys over: ${results.filter((r) => r.ok).length}/${plans.length} answered to the end`);
  await scheduled.finish();
  fleet.stopKilling();

  // Effects run after the answers (mails, the book): wait until every case has nothing left to do.
  const caseIds = results.map((r) => r.caseId);
  const settleDeadline = Date.now() + options.settleSeconds * 1000;
  let left = caseIds;
  while (left.length > 0 && Date.now() < settleDeadline) {
    const reasons = await Promise.all(left.map(async (id) => ({ id, why: await unfinished(client, id) })));
    left = reasons.filter((r) => r.why !== null).map((r) => r.id);
    // A case whose workflow task has failed again and again will not settle by waiting: judge the run now.
    const hopeless = reasons.filter((r) => /workflow task retrying \(attempt ([5-9]|\d\d+)\)/.test(r.why ?? ''));
    if (left.length > 0 && hopeless.length === left.length) {
      say(`settling: the ${left.length} cases left are stuck on a failing workflow task; not waiting longer`);
      break;
    }
    if (left.length > 0) {
      say(`settling: ${left.length} cases not finished yet`);
      await sleep(5_000);
    }
  }

  say('checking: visibility, states, book, ledgers, mails, histories, replay…');
  const verdict = await judgeRun({
    client,
    db,
    caseIds,
    mails: sink.messages,
    bundlePath,
    runDir,
    workerLogs: fleet.logFiles(),
  });
  const figures = figuresOf({
    verdict,
    journeys: plans.length,
    finished: results.filter((r) => r.ok).length,
    kills: fleet.stats.kills,
    starts: fleet.stats.starts,
    temporalRestarts: faultLog.done.filter((f) => f.startsWith('Temporal')).length,
    temporalOutageSeconds: options.temporalOutageSeconds,
    smtpOutageSeconds: faultLog.done.some((f) => f.startsWith('SMTP')) ? options.smtpOutageSeconds : 0,
    postgresRestarts: faultLog.done.filter((f) => f.startsWith('PostgreSQL')).length,
    retries: [...ctx.retries.values()].reduce((a, b) => a + b, 0),
    caseReads: readers.reads(),
    refusedRetries: ctx.refusedRetries.length,
    laterTries: ctx.laterTries.length,
    rivals: ctx.rivals,
    waits: ctx.waits,
    startedAt,
  });
  const journeyErrors = results.filter((r) => !r.ok).map((r) => `${r.caseId}: ${r.error}`);
  const problems = [
    ...problemsOf(verdict, plans.length, journeyErrors),
    ...(results.length < plans.length
      ? [`only ${results.length} of ${plans.length} journeys ran before --seconds`]
      : []),
    ...faultLog.failed.map((f) => `fault injection failed: ${f}`),
    ...(ctx.refusedRetries.length > 0
      ? [`re-sent actions refused after applied:\n  ${ctx.refusedRetries.join('\n  ')}`]
      : []),
  ];
  writeFileSync(
    path.join(runDir, 'figures.json'),
    JSON.stringify(
      {
        runId,
        options,
        figures,
        retriesByKind: Object.fromEntries(ctx.retries),
        rivals: Object.fromEntries(ctx.rivals),
        faults: faultLog,
        problems,
      },
      null,
      2,
    ),
  );
  console.log(`\n${figuresTable(figures)}\n`);
  console.log(`re-sends by kind: ${JSON.stringify(Object.fromEntries(ctx.retries))}`);
  console.log(
    `workflows checked: ${verdict.workflows}; worker processes exited by themselves: ${fleet.stats.otherExits}`,
  );
  if (problems.length > 0) {
    console.log(
      `\nFAILED (${problems.length} problems; histories and logs kept in ${runDir}):\n${problems.join('\n')}`,
    );
    return 1;
  }
  console.log('\nPASSED: nothing lost, doubled, failed or stuck; every history replays.');
  return 0;
}

let code: number;
try {
  code = await main();
} catch (error) {
  console.error(
    `chaos: the run could not complete: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  code = 2;
}
await cleanUp();
if (code === 0 && !options.keep) rmSync(runDir, { recursive: true, force: true });
else console.log(`run folder: ${runDir}`);
process.exit(code);
