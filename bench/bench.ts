/**
 * The whole benchmark, as one function the CLI (bench/run.ts) and the test suite call: a Temporal server, N
 * nominations and then as many bare workflows started one side after the other, then the inbox and the admin
 * search over the N cases, in process and over HTTP. Every figure is paired with the bare Temporal baseline
 * of the same run. Issue 13's figure (bench/index-figure.ts): the case index's pages with the first 100 cases and
 * with all N, beside the old visibility path.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { CasesClient, waitUntilReady } from '../client/lib/cases.js';
import { inboxFilter, inboxQuery } from '../client/web/inbox.js';
import { openMigratedDatabase } from '../store/open.js';
import { adminSearchQuery, campaignOnlyQuery, measureLists, type ListFigures, type ListScenario } from './lists.js';
import { measureHttp, type HttpRun, type HttpScenario } from './http.js';
import {
  indexFigure,
  measureIndexData,
  measureIndexHttp,
  measureIndexVisibility,
  type IndexFigure,
  type IndexListAtSize,
  type IndexListScenario,
} from './index-figure.js';
import { openNominationInputs } from './nomination-inputs.js';
import { BareListBaseline } from './pages.js';
import { MeasuredChild } from './processes/measured-child.js';
import { startAndSettle, type StartSettleFigures } from './start-settle.js';
import { ratio } from './stats.js';
import { startBenchServer, type BenchServer } from './temporal-server.js';
import { WebAgent } from './web-agent.js';
import { benchBaseline } from './baseline/workflows.js';
import type { NominationStartInput } from '../domain/nomination/types.js';
import { nominationId } from '../workflows/nomination/messages.js';

const WORKER_SCRIPT = new URL('./processes/worker.ts', import.meta.url).pathname;
const WEB_SCRIPT = new URL('./processes/web.ts', import.meta.url).pathname;

/** Page sizes of the UI's routes (client/web/routes/cases.ts PAGE_SIZE, routes/admin.ts), for the HTTP figures. */
export const UI_PAGE_SIZES = { inbox: 20, adminSearch: 25 } as const;

/** "Overdue" of the in-process admin search is asked at an instant past every draft's due date. */
const OVERDUE_LOOKAHEAD_DAYS = 400;

export interface BenchOptions {
  nominations: number;
  /** Workflows started at once (each start waits until its workflow waits for a person). */
  concurrency: number;
  /** Timed calls per list figure (after two unmeasured warm-up calls). */
  repeats: number;
  /** Index of the deep page (0 = first page): page 41 of 25 rows starts at row 1 001. */
  deepPage: number;
  /** Page size of the in-process lists; by default the UI's (20 for the inbox, 25 for the admin search). */
  pageSize?: number;
  /**
   * The case index figure's small store (issue 13): this many nominations are started and measured first, then the
   * rest up to `nominations`; 0 (or not fewer than `nominations`) leaves the figure out. Default 100.
   */
  indexSmallCases?: number;
  /** Timed calls per page of the case index figure (default 100: its p95 is the 95th of them). */
  indexRepeats?: number;
  /** Starts stop at a share of this budget, so the run ends in bounded time (see README). */
  timeLimitSeconds: number;
  /** Nominations come from these units in turn (default: every demo unit with people). */
  units?: string[];
  /** The unit whose head's inbox and whose admin filter are measured (default hd-kv2, else the first unit). */
  focusUnit?: string;
  /** Write heap snapshots of each worker's workflow threads here when its phase ends (slow: a big heap takes minutes). */
  heapSnapshotDir?: string;
  /** Use this server instead of starting one (the test suite's dev server); the run's workflows are terminated after. */
  server?: { address: string; namespace: string };
  log?: (line: string) => void;
}

export interface StartSettleComparison {
  product: StartSettleFigures;
  baseline: StartSettleFigures;
  ratio: {
    throughput: number | null;
    perWorkflowP50: number | null;
    perWorkflowP95: number | null;
    workerRssPeak: number | null;
    workerHeapPeak: number | null;
  };
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; cpuModel: string; memoryMb: number; node: string; platform: string };
  options: Omit<BenchOptions, 'log' | 'server'>;
  server: { address: string; ownServer: boolean; sqliteFile: string | null };
  campaignId: string;
  focusUnit: string;
  inboxUser: string;
  startSettle: StartSettleComparison;
  lists: ListFigures[];
  http: HttpRun;
  /** The case index with a small store and the full one, against the old visibility path (null when left out). */
  caseIndex: IndexFigure | null;
  /** True when a time budget stopped a phase early (figures then cover fewer than `nominations`). */
  truncated: boolean;
}

/** The case index figure's small store, and its timed calls per page (see BenchOptions). */
const DEFAULT_INDEX_SMALL_CASES = 100;
const DEFAULT_INDEX_REPEATS = 100;

/** Shares of the time budget after which no new workflow is started (the rest is for the lists). */
const PRODUCT_START_SHARE = 0.65;
const BASELINE_START_SHARE = 0.2;

/** Workflows started before measuring, so neither side pays the worker's cold start in its figure. */
const WARMUP_WORKFLOWS = 5;

async function warmUp(startOne: (i: number) => Promise<void>): Promise<void> {
  // A warm-up that is slow to answer (the cold start itself) has done its job: it is not a figure.
  await Promise.all(Array.from({ length: WARMUP_WORKFLOWS }, (_, i) => startOne(i).catch(() => undefined)));
}

async function terminateAll(client: Client, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 50) {
    await Promise.all(
      ids.slice(i, i + 50).map((id) =>
        client.workflow
          .getHandle(id)
          .terminate('bench finished')
          .catch(() => undefined),
      ),
    );
  }
}

async function waitForVisibility(client: Client, query: string, expected: number, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { count } = await client.workflow.count(query);
    if (count >= expected) return;
    if (Date.now() > deadline)
      throw new Error(`visibility shows ${count} of ${expected} cases after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** How to end the run in progress at once (the CLI's watchdog): kill the measured processes, stop the server. */
let abortRun: (() => Promise<void>) | null = null;

export async function abortRunningBench(): Promise<void> {
  await abortRun?.();
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.log ?? console.log;
  const startedAt = new Date();
  const budgetMs = options.timeLimitSeconds * 1000;
  const runId = randomUUID().slice(0, 8);
  const campaignId = `bench-${runId}`;
  const children: MeasuredChild[] = [];
  const startedIds: string[] = [];
  let server: BenchServer | undefined;
  let connection: Connection | undefined;
  // The product worker's embedded database, on disk: the web process opens it once the worker has stopped, so the
  // pages read the case index the cases wrote (a database in memory would die with the worker).
  const productDbDir = mkdtempSync(path.join(os.tmpdir(), 'tdkt-bench-db-'));
  const inputs = await openNominationInputs(campaignId);
  abortRun = async () => {
    children.forEach((child) => child.kill());
    await server?.close();
  };
  try {
    if (options.server) {
      server = { ...options.server, dbFile: null, close: async () => undefined };
    } else {
      log('Temporal: starting the dev server (SQLite on disk, loopback only)…');
      server = await startBenchServer();
    }
    const { address, namespace } = server;
    connection = await Connection.connect({ address });
    const client = new Client({ connection, namespace });
    const units = options.units ?? inputs.units;
    const focusUnit = options.focusUnit ?? (units.includes('hd-kv2') ? 'hd-kv2' : units[0]!);
    const unitInputs = inputs.restrictTo(units);
    const inboxUser = await inputs.headOf(focusUnit);
    const n = options.nominations;
    /** One measured worker process on a task queue of its own (bench/processes/worker.ts). */
    const startWorker = async (kind: 'product' | 'baseline', { snapshots = true } = {}) => {
      const queue = `bench-${kind}-${runId}`;
      const snapshot =
        options.heapSnapshotDir && snapshots ? [path.join(options.heapSnapshotDir, `${runId}-${kind}`)] : [];
      const worker = await MeasuredChild.start(`${kind} worker`, WORKER_SCRIPT, [
        kind,
        address,
        namespace,
        queue,
        kind === 'product' ? productDbDir : '-',
        ...snapshot,
      ]);
      children.push(worker);
      return { queue, worker };
    };
    // Writing a snapshot of a large workflow heap takes minutes; a worker asked to stop is not killed meanwhile.
    const stopGraceMs = options.heapSnapshotDir ? 15 * 60_000 : undefined;
    if (options.heapSnapshotDir) mkdirSync(options.heapSnapshotDir, { recursive: true });

    const baselineQuery = campaignOnlyQuery(campaignId);
    const account = await inputs.account(inboxUser);
    const inbox = inboxQuery(account);
    const inboxIndexFilter = inboxFilter(account);
    if (!inbox || !inboxIndexFilter) throw new Error(`${inboxUser} has no inbox`);
    const smallCases = options.indexSmallCases ?? DEFAULT_INDEX_SMALL_CASES;
    const withIndexFigure = smallCases > 0 && smallCases < n;
    const indexRepeats = options.indexRepeats ?? DEFAULT_INDEX_REPEATS;
    /** The case index figure at the store's present size: a web process of its own, then the data layer, then visibility. */
    const measureIndexAt = async (casesInStore: number): Promise<{ cases: number; lists: IndexListAtSize[] }> => {
      await waitForVisibility(client, baselineQuery, casesInStore);
      const web = await startWeb();
      let lists: { scenario: IndexListScenario; http: IndexListAtSize['figures']['http'] }[];
      try {
        const baseUrl = `http://127.0.0.1:${web.port}`;
        const scenarios = indexScenarios(
          await WebAgent.signIn(baseUrl, inboxUser),
          await WebAgent.signIn(baseUrl, 'admin'),
        );
        lists = [];
        for (const scenario of scenarios)
          lists.push({ scenario, http: await measureIndexHttp(scenario, indexRepeats) });
      } finally {
        await web.stop();
      }
      // The web process has closed the embedded database: the data layer is measured on it here, in process.
      const db = await openMigratedDatabase(`pglite:${productDbDir}`);
      const out: IndexListAtSize[] = [];
      try {
        for (const { scenario, http } of lists) {
          const data = await measureIndexData(db, scenario, indexRepeats);
          const visibility = await measureIndexVisibility(client, scenario, indexRepeats);
          out.push({ name: scenario.name, pageSize: scenario.pageSize, figures: { http, data, visibility } });
          log(
            `  ${scenario.name} with ${casesInStore} cases, p95 first / deepest (ms): HTTP ${http.first.latency.p95Ms} / ${http.deepest.latency.p95Ms}` +
              ` (${http.pages} pages), data ${data.first.latency.p95Ms} / ${data.deepest.latency.p95Ms}, visibility ${visibility.first.latency.p95Ms} / ${visibility.deepest.latency.p95Ms}`,
          );
        }
      } finally {
        await db.close();
      }
      return { cases: casesInStore, lists: out };
    };
    /** The inbox and the admin search as the routes build them (the admin is an admin: no draft rule applies). */
    const indexScenarios = (inboxAgent: WebAgent, admin: WebAgent): IndexListScenario[] => [
      {
        name: `inbox of ${inboxUser}`,
        pageSize: UI_PAGE_SIZES.inbox,
        http: { agent: inboxAgent, path: '/' },
        filter: inboxIndexFilter,
        visibilityQuery: inbox,
      },
      {
        name: 'admin search: campaign',
        pageSize: UI_PAGE_SIZES.adminSearch,
        http: { agent: admin, path: `/quan-tri/ho-so?${new URLSearchParams({ campaign: campaignId }).toString()}` },
        filter: { kinds: ['nomination'], campaignId },
        visibilityQuery: adminSearchQuery({ campaign: campaignId }),
      },
    ];
    /** The web UI in its own process, on the product worker's database (the worker must have stopped). */
    const startWeb = async () => {
      const web = await MeasuredChild.start('web', WEB_SCRIPT, [
        address,
        namespace,
        productQueue,
        [inboxUser, 'admin'].join(','),
        productDbDir,
      ]);
      children.push(web);
      return web;
    };

    // --- 1. Start + settle, each side with its own worker process. The product goes first and gets most of
    // the time budget; the baseline then starts as many as the product settled, so both figures cover the same N.
    // With the case index figure, the first `smallCases` nominations are started before (untimed) and the case index
    // measured with them alone; the timed start + settle then covers the rest, so the store ends with N.
    const productQueue = `bench-product-${runId}`;
    const numbered = (i: number) => `b${String(i).padStart(6, '0')}`;
    const cases = new CasesClient(client, productQueue);
    const startProduct = async (input: NominationStartInput, number: string) => {
      startedIds.push(nominationId(input.campaignId, input.unitId, number));
      await cases.startNomination(input, number);
    };
    let smallIndex: { cases: number; lists: IndexListAtSize[] } | null = null;
    let settledBefore = 0;
    if (withIndexFigure) {
      log(`Case index with a small store: ${smallCases} nominations first…`);
      const { worker: smallWorker } = await startWorker('product', { snapshots: false });
      const small = await startAndSettle({
        label: 'product (small store)',
        count: smallCases,
        concurrency: options.concurrency,
        deadline: Date.now() + budgetMs * PRODUCT_START_SHARE,
        worker: smallWorker,
        log,
        startOne: (i) => startProduct(unitInputs.input(i), numbered(i)),
      });
      await smallWorker.stop();
      settledBefore = small.settled;
      smallIndex = await measureIndexAt(settledBefore);
    }
    log(
      `Start + settle: ${n - settledBefore} nominations, then as many bare workflows (${options.concurrency} at a time)…`,
    );
    const { worker: productWorker } = await startWorker('product');
    // Warm-up cases go to a campaign of their own, so the lists below count exactly the measured N.
    const warmupCampaign = `${campaignId}-warmup`;
    await warmUp((i) => startProduct({ ...unitInputs.input(i), campaignId: warmupCampaign }, `w${i}`));
    const product = await startAndSettle({
      label: 'product',
      count: n - settledBefore,
      concurrency: options.concurrency,
      deadline: Date.now() + budgetMs * PRODUCT_START_SHARE,
      worker: productWorker,
      log,
      startOne: (i) => startProduct(unitInputs.input(settledBefore + i), numbered(settledBefore + i)),
    });
    const inStore = settledBefore + product.settled;
    // The in-process lists read visibility (the old path), the web pages the case index the cases wrote: no worker
    // is needed from here on, and the two cores go to the lists. Stopping it frees its database for the web process.
    await productWorker.stop(stopGraceMs);

    const { queue: baselineQueue, worker: baselineWorker } = await startWorker('baseline');
    const startBaseline = async (id: string) => {
      startedIds.push(id);
      await waitUntilReady(await client.workflow.start(benchBaseline, { taskQueue: baselineQueue, workflowId: id }));
    };
    await warmUp((i) => startBaseline(`bench/${runId}/baseline-warmup/${i}`));
    const baseline = await startAndSettle({
      label: 'baseline',
      count: product.settled,
      concurrency: options.concurrency,
      deadline: Date.now() + budgetMs * BASELINE_START_SHARE,
      worker: baselineWorker,
      log,
      startOne: (i) => startBaseline(`bench/${runId}/baseline/${i}`),
    });
    await baselineWorker.stop(stopGraceMs);

    const startSettle: StartSettleComparison = {
      product,
      baseline,
      ratio: {
        throughput: ratio(product.workflowsPerSecond, baseline.workflowsPerSecond),
        perWorkflowP50: ratio(product.perWorkflow?.p50Ms ?? 0, baseline.perWorkflow?.p50Ms ?? 0),
        perWorkflowP95: ratio(product.perWorkflow?.p95Ms ?? 0, baseline.perWorkflow?.p95Ms ?? 0),
        workerRssPeak: ratio(product.worker.rssPeakMb, baseline.worker.rssPeakMb),
        workerHeapPeak: ratio(product.worker.heapUsedPeakMb, baseline.worker.heapUsedPeakMb),
      },
    };

    // --- 2. Lists in process: the inbox and the admin search over the N cases. ---
    await waitForVisibility(client, baselineQuery, inStore);
    const bare = new BareListBaseline(client, baselineQuery, options.repeats);
    const inboxSize = options.pageSize ?? UI_PAGE_SIZES.inbox;
    const adminSize = options.pageSize ?? UI_PAGE_SIZES.adminSearch;
    const overdueAt = new Date(Date.now() + OVERDUE_LOOKAHEAD_DAYS * 86_400_000).toISOString();
    const scenarios: ListScenario[] = [
      { name: `inbox of ${inboxUser}`, query: inbox, pageSize: inboxSize },
      { name: 'admin search: campaign', query: adminSearchQuery({ campaign: campaignId }), pageSize: adminSize },
      {
        name: `admin search: campaign + unit ${focusUnit}`,
        query: adminSearchQuery({ campaign: campaignId, unit: focusUnit }),
        pageSize: adminSize,
      },
      {
        name: 'admin search: campaign + stage draft',
        query: adminSearchQuery({ campaign: campaignId, stage: 'draft' }),
        pageSize: adminSize,
      },
      {
        name: `admin search: campaign + overdue at +${OVERDUE_LOOKAHEAD_DAYS} d`,
        query: adminSearchQuery({ campaign: campaignId, status: 'open', overdueAt }),
        pageSize: adminSize,
      },
    ];
    log('Lists in process (product list code vs bare client.workflow.list())…');
    const lists = await measureLists(scenarios, {
      client,
      baseline: bare,
      repeats: options.repeats,
      deepPage: options.deepPage,
      log,
    });

    // --- 3. The HTTP path through the real web server in its own process. ---
    log('HTTP through the web server…');
    const web = await startWeb();
    const baseUrl = `http://127.0.0.1:${web.port}`;
    const inboxAgent = await WebAgent.signIn(baseUrl, inboxUser);
    const admin = await WebAgent.signIn(baseUrl, 'admin');
    const search = (params: Record<string, string>) =>
      `/quan-tri/ho-so?${new URLSearchParams({ campaign: campaignId, ...params }).toString()}`;
    const httpScenarios: HttpScenario[] = [
      { name: `/ (inbox of ${inboxUser})`, agent: inboxAgent, path: '/', pageSize: UI_PAGE_SIZES.inbox },
      { name: '/quan-tri/ho-so campaign', agent: admin, path: search({}), pageSize: UI_PAGE_SIZES.adminSearch },
      {
        name: `/quan-tri/ho-so campaign + unit ${focusUnit}`,
        agent: admin,
        path: search({ unit: focusUnit }),
        pageSize: UI_PAGE_SIZES.adminSearch,
      },
      {
        name: '/quan-tri/ho-so campaign + stage draft',
        agent: admin,
        path: search({ stage: 'draft' }),
        pageSize: UI_PAGE_SIZES.adminSearch,
      },
      {
        name: '/quan-tri/ho-so campaign + overdue now',
        agent: admin,
        path: search({ overdue: '1' }),
        pageSize: UI_PAGE_SIZES.adminSearch,
      },
    ];
    const http = await measureHttp(httpScenarios, {
      baseline: bare,
      web,
      healthzAgent: admin,
      repeats: options.repeats,
      deepPage: options.deepPage,
      log,
    });
    await web.stop();

    // --- 4. The case index with the full store, against the small store measured before. ---
    let caseIndex: IndexFigure | null = null;
    if (smallIndex) {
      log(`Case index with the full store (${inStore} cases)…`);
      caseIndex = indexFigure(smallIndex, await measureIndexAt(inStore), indexRepeats);
    }

    const { log: _log, server: _server, ...reportedOptions } = options;
    const cpus = os.cpus();
    return {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? 'unknown',
        memoryMb: Math.round(os.totalmem() / (1024 * 1024)),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
      },
      options: reportedOptions,
      server: { address, ownServer: !options.server, sqliteFile: server.dbFile },
      campaignId,
      focusUnit,
      inboxUser,
      startSettle,
      lists,
      http,
      caseIndex,
      truncated: product.truncated || baseline.truncated,
    };
  } finally {
    abortRun = null;
    for (const child of children.reverse()) await child.stop().catch(() => child.kill());
    if (options.server && connection) {
      // A shared server outlives the bench: leave nothing running on it.
      await terminateAll(new Client({ connection, namespace: options.server.namespace }), startedIds);
    }
    await connection?.close();
    await inputs.close();
    await server?.close();
    rmSync(productDbDir, { recursive: true, force: true });
  }
}
