/**
 * `npm run bench [-- --nominations 2000 …]`: runs bench/bench.ts on its own Temporal dev server, prints the
 * table and writes the JSON summary under bench/results/. Flags win over environment variables:
 *
 *   --nominations N   BENCH_NOMINATIONS   cases to start (default 20000)
 *   --concurrency C   BENCH_CONCURRENCY   starts in flight (default 16)
 *   --repeats R       BENCH_REPEATS       timed calls per list figure (default 30)
 *   --deep-page P     BENCH_DEEP_PAGE     page number of the deep page, 1-based (default 41)
 *   --page-size S     BENCH_PAGE_SIZE     in-process page size (default: the UI's, 20 inbox / 25 admin)
 *   --time-limit SEC  BENCH_TIME_LIMIT    overall budget in seconds (default 2400); a watchdog ends the run 180 s later
 *   --heap-snapshots DIR  BENCH_HEAP_SNAPSHOTS  write heap snapshots of each worker's workflow threads into DIR
 *   --index-small K   BENCH_INDEX_SMALL   the case index figure's small store, started first (default 100; 0: no figure)
 *   --index-repeats R BENCH_INDEX_REPEATS timed calls per page of the case index figure (default 100)
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { abortRunningBench, runBench } from './bench.js';
import { formatReport, writeReport } from './report.js';

const { values } = parseArgs({
  options: {
    nominations: { type: 'string' },
    concurrency: { type: 'string' },
    repeats: { type: 'string' },
    'deep-page': { type: 'string' },
    'page-size': { type: 'string' },
    'time-limit': { type: 'string' },
    'heap-snapshots': { type: 'string' },
    'index-small': { type: 'string' },
    'index-repeats': { type: 'string' },
  },
});

function positive(name: string, flag: string | undefined, env: string | undefined, fallback: number): number {
  const raw = flag ?? env;
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function nonNegative(name: string, flag: string | undefined, env: string | undefined, fallback: number): number {
  return (flag ?? env) === '0' ? 0 : positive(name, flag, env, fallback);
}

const env = process.env;
const options = {
  nominations: positive('--nominations', values.nominations, env.BENCH_NOMINATIONS, 20_000),
  concurrency: positive('--concurrency', values.concurrency, env.BENCH_CONCURRENCY, 16),
  repeats: positive('--repeats', values.repeats, env.BENCH_REPEATS, 30),
  deepPage: positive('--deep-page', values['deep-page'], env.BENCH_DEEP_PAGE, 41) - 1,
  indexSmallCases: nonNegative('--index-small', values['index-small'], env.BENCH_INDEX_SMALL, 100),
  indexRepeats: positive('--index-repeats', values['index-repeats'], env.BENCH_INDEX_REPEATS, 100),
  timeLimitSeconds: positive('--time-limit', values['time-limit'], env.BENCH_TIME_LIMIT, 2400),
  ...((values['heap-snapshots'] ?? env.BENCH_HEAP_SNAPSHOTS)
    ? { heapSnapshotDir: path.resolve((values['heap-snapshots'] ?? env.BENCH_HEAP_SNAPSHOTS)!) }
    : {}),
  ...(values['page-size'] || env.BENCH_PAGE_SIZE
    ? { pageSize: positive('--page-size', values['page-size'], env.BENCH_PAGE_SIZE, 25) }
    : {}),
};

Runtime.install({ logger: new DefaultLogger('WARN') });
// The bench must end by itself: past its budget plus a grace period, give up (children die with their IPC channel).
const watchdog = setTimeout(
  () => {
    console.error(`bench: still running ${options.timeLimitSeconds + 180} s after start; giving up`);
    const forced = setTimeout(() => process.exit(2), 20_000);
    void abortRunningBench().finally(() => {
      clearTimeout(forced);
      process.exit(2);
    });
  },
  (options.timeLimitSeconds + 180) * 1000,
);
watchdog.unref();

const report = await runBench(options);
console.log(`\n${formatReport(report)}\n`);
console.log(`JSON summary: ${writeReport(report)}`);
clearTimeout(watchdog);
