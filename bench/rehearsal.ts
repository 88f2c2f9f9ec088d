/**
 * `npm run bench:rehearsal [-- --repeats 3]`: how long a rehearsal (diễn tập) of a whole provincial year takes (issue
 * 11: "20 units, 4 clusters rehearses in well under a minute"), next to a bare Temporal baseline measured in the same
 * run on the same kind of server, with the ratio product / baseline.
 *
 * The product: `runRehearsal` (rehearsal/run.ts) exactly as the web page runs it, over the demo organisation (20
 * units in 4 clusters and blocs, from an embedded database) and the 2025 Hải Dương plan moved to next year, both
 * scenarios, each on its own Java time-skipping server. The workflow bundle is built once before the timed runs
 * (a rehearsal process reuses it from its cache, or from WORKFLOW_BUNDLE), and shown apart.
 *
 * The baseline: on the same number of servers, one bare workflow (bench/baseline/workflows.ts `bareYearCase`) per
 * case the product ran, each with a timer and a no-op activity at every instant where the product's case sent a
 * notice, skipped through to the same end. What it does not have is what the product adds: the plan starting its
 * cases through an activity, the cases' state, reminders re-armed by signals, search attributes, the Updates of
 * scenario B.
 *
 * Prints a table and writes the JSON to bench/results/rehearsal-<time>.json (git-ignored). No test asserts a timing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { addDays } from '../domain/calendar.js';
import { planEndsAt } from '../domain/plan-year/plan-run.js';
import type { RehearsalInput, RehearsalResult } from '../domain/rehearsal/types.js';
import { cachedWorkflowBundle } from '../rehearsal/bundle-cache.js';
import { runRehearsal } from '../rehearsal/run.js';
import { registerSearchAttributes, skipTo } from '../rehearsal/time-skipping.js';
import { ensureTestServer, repoRoot } from '../scripts/tools/index.js';
import { demoRehearsalInput } from '../store/demo-rehearsal-input.js';

const { values } = parseArgs({ options: { repeats: { type: 'string' } } });
const repeats = Number(values.repeats ?? process.env.BENCH_REPEATS ?? 3);
if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`--repeats must be a positive integer`);

Runtime.install({ logger: new DefaultLogger('WARN') });
const testServer = ensureTestServer();
if (!testServer) throw new Error('bench:rehearsal needs the Java time-skipping server (npm run tools)');

/** The bare year: per scenario, one server and one bare workflow per product case, timers at its notices. */
async function bareYear(input: RehearsalInput, product: RehearsalResult, bundle: { code: string }): Promise<number> {
  const started = Date.now();
  const envs: TestWorkflowEnvironment[] = [];
  for (const _ of product.scenarios) {
    const env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testServer!.path } },
    });
    await registerSearchAttributes(env);
    envs.push(env);
  }
  try {
    await Promise.all(
      product.scenarios.map(async (s, i) => {
        const env = envs[i]!;
        const worker = await Worker.create({
          connection: env.nativeConnection,
          taskQueue: 'bare',
          workflowBundle: bundle,
          activities: { notice: async () => undefined },
        });
        const byCase = new Map<string, string[]>();
        for (const n of s.notices) byCase.set(n.workflowId, [...(byCase.get(n.workflowId) ?? []), n.at]);
        await worker.runUntil(async () => {
          await skipTo(env, s.startedAt);
          for (const [id, instants] of byCase)
            await env.client.workflow.start('bareYearCase', {
              taskQueue: 'bare',
              workflowId: id,
              args: [{ instants }],
            });
          await skipTo(env, addDays(planEndsAt(input.plan), 1));
        });
      }),
    );
  } finally {
    await Promise.all(envs.map((e) => e.teardown()));
  }
  return (Date.now() - started) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

const input = await demoRehearsalInput(new Date(Date.now() + 7 * 3_600_000).getUTCFullYear() + 1);
const t0 = Date.now();
const productBundle = await cachedWorkflowBundle();
const bundleSeconds = (Date.now() - t0) / 1000;
const bareBundle = await bundleWorkflowCode({
  workflowsPath: path.join(repoRoot, 'bench', 'baseline', 'workflows.ts'),
  logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
});

const product: RehearsalResult[] = [];
const bare: number[] = [];
for (let i = 0; i < repeats; i += 1) {
  const result = await runRehearsal(input, { testServerPath: testServer.path, workflowBundle: productBundle });
  product.push(result);
  bare.push(await bareYear(input, result, bareBundle));
  console.error(`run ${i + 1}/${repeats}: product ${result.seconds} s, bare ${round(bare[i]!)} s`);
}

const last = product[product.length - 1]!;
const notices = last.scenarios.map((s) => `${s.scenario}: ${s.notices.length}`).join(', ');
const figures = {
  units: input.context.units.length,
  clusters: input.context.clusters.length,
  scenarios: last.scenarios.length,
  notices,
  repeats,
  bundleSeconds: round(bundleSeconds),
  productSeconds: round(median(product.map((r) => r.seconds))),
  productServersSeconds: round(median(product.map((r) => r.timings.serversSeconds))),
  productScenariosSeconds: round(median(product.map((r) => r.timings.scenariosSeconds))),
  bareSeconds: round(median(bare)),
};
const ratio = round((figures.productSeconds / figures.bareSeconds) * 100) / 100;
console.log(`
tdkt-flow bench:rehearsal — ${figures.units} units, ${figures.clusters} clusters, ${figures.scenarios} scenarios (${notices} notices); median of ${repeats}
                                          product   bare baseline   ratio
whole rehearsal, servers up to year end   ${String(figures.productSeconds).padStart(7)} s   ${String(figures.bareSeconds).padStart(11)} s   ${ratio}
  of which: starting the servers          ${String(figures.productServersSeconds).padStart(7)} s
  of which: the two years, side by side   ${String(figures.productScenariosSeconds).padStart(7)} s
workflow bundle (once, cached after)      ${String(figures.bundleSeconds).padStart(7)} s
`);
const dir = path.join(repoRoot, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `rehearsal-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ ...figures, ratio }, null, 2));
console.log(`JSON summary: ${file}`);
