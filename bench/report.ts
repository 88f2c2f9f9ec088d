/**
 * Reading a bench report: a plain-text table (every product figure next to its baseline and the ratio
 * product / baseline) and the JSON file under bench/results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchReport } from './bench.js';
import { INDEX_PATHS, type IndexFigure, type IndexPath } from './index-figure.js';
import type { Comparison } from './lists.js';

export const RESULTS_DIR = new URL('./results/', import.meta.url).pathname;

function table(header: string[], rows: (string | number | null)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (c === null ? '—' : String(c))))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

function pageRows(name: string, pageSize: number, matching: number | null, c: Comparison, withSameQuery = false) {
  return [
    name,
    c.product.pageIndex + 1,
    `${c.product.rows}/${pageSize}`,
    matching,
    c.product.latency.p50Ms,
    c.product.latency.p95Ms,
    c.baseline.latency.p50Ms,
    c.baseline.latency.p95Ms,
    c.ratio.p50,
    c.ratio.p95,
    ...(withSameQuery ? [c.sameQuery?.baseline.latency.p50Ms ?? null, c.sameQuery?.ratio.p50 ?? null] : []),
  ];
}

const LIST_HEADER = [
  '',
  'page',
  'rows/size',
  'matching',
  'p50 ms',
  'p95 ms',
  'bare p50',
  'bare p95',
  'ratio p50',
  'ratio p95',
];
/** In process, each list is also run as the same query through the bare client (see Comparison.sameQuery). */
const LIST_HEADER_SAME_QUERY = [...LIST_HEADER, 'same-query bare p50', 'ratio p50 vs same query'];

export function formatReport(report: BenchReport): string {
  const { startSettle: s, machine } = report;
  const out: string[] = [];
  out.push(
    `tdkt-flow bench — ${report.options.nominations} nominations; ${machine.cpus} × ${machine.cpuModel}, ` +
      `${machine.memoryMb} MiB, Node ${machine.node}; Temporal ${report.server.ownServer ? 'CLI dev server, SQLite on disk' : 'existing server'} at ${report.server.address}`,
  );
  for (const [side, figures] of [
    ['product', s.product],
    ['baseline', s.baseline],
  ] as const) {
    if (figures.workerDied)
      out.push(`NOTE: the ${side} worker process died during the starts (${figures.workerDied}).`);
  }
  if (report.truncated) out.push('NOTE: a time budget stopped the starts early; figures cover the workflows settled.');
  out.push('', 'Start + settle (until each workflow waits for its first human action)');
  out.push(
    table(
      ['', 'product', 'bare baseline', 'ratio'],
      [
        ['workflows settled', s.product.settled, s.baseline.settled, null],
        ['not ready in time (errors)', s.product.failed, s.baseline.failed, null],
        ['seconds', s.product.seconds, s.baseline.seconds, null],
        ['throughput (workflows/s)', s.product.workflowsPerSecond, s.baseline.workflowsPerSecond, s.ratio.throughput],
        [
          'one start to ready p50 (ms)',
          s.product.perWorkflow?.p50Ms ?? null,
          s.baseline.perWorkflow?.p50Ms ?? null,
          s.ratio.perWorkflowP50,
        ],
        [
          'one start to ready p95 (ms)',
          s.product.perWorkflow?.p95Ms ?? null,
          s.baseline.perWorkflow?.p95Ms ?? null,
          s.ratio.perWorkflowP95,
        ],
        ['worker RSS peak (MiB)', s.product.worker.rssPeakMb, s.baseline.worker.rssPeakMb, s.ratio.workerRssPeak],
        [
          'worker main-thread heap peak (MiB)',
          s.product.worker.heapUsedPeakMb,
          s.baseline.worker.heapUsedPeakMb,
          s.ratio.workerHeapPeak,
        ],
        [
          'worker main-thread external peak (MiB)',
          s.product.worker.externalPeakMb,
          s.baseline.worker.externalPeakMb,
          null,
        ],
        ['worker RSS at end (MiB)', s.product.worker.rssEndMb, s.baseline.worker.rssEndMb, null],
        ['RSS growth per workflow (KiB)', s.product.rssGrowthPerWorkflowKb, s.baseline.rssGrowthPerWorkflowKb, null],
      ],
    ),
  );
  out.push('', 'Inbox and admin search in process (product list code vs bare client.workflow.list(), same page size)');
  out.push(
    table(
      LIST_HEADER_SAME_QUERY,
      report.lists.flatMap((l) => [
        pageRows(l.name, l.pageSize, l.matching, l.first, true),
        ...(l.deep ? [pageRows('', l.pageSize, null, l.deep, true)] : []),
      ]),
    ),
  );
  out.push('', 'HTTP through the web server (real Fastify process, signed in), vs the same bare list');
  out.push(
    table(
      LIST_HEADER,
      report.http.pages.flatMap((p) => [
        pageRows(`GET ${p.name}`, p.pageSize, null, p.first),
        ...(p.deep ? [pageRows('', p.pageSize, null, p.deep)] : []),
      ]),
    ),
  );
  out.push(
    `GET /healthz (one HTTP round trip): p50 ${report.http.healthz.p50Ms} ms, p95 ${report.http.healthz.p95Ms} ms`,
  );
  const m = report.http.webMemory;
  out.push(
    '',
    `Web process memory during the HTTP searches: RSS ${m.rssStartMb} → peak ${m.rssPeakMb} → ${m.rssEndMb} MiB; ` +
      `heap used ${m.heapUsedStartMb} → peak ${m.heapUsedPeakMb} → ${m.heapUsedEndMb} MiB`,
  );
  if (report.caseIndex) out.push('', formatIndexFigure(report.caseIndex));
  return out.join('\n');
}

const PATH_LABELS: Record<IndexPath, string> = {
  http: 'HTTP (index)',
  data: 'data layer (index)',
  visibility: 'old: visibility',
};

function within(value: number | null, target: number): string {
  if (value === null) return '—';
  return value <= target ? 'yes' : 'NO';
}

/** Issue 13's figure: each list by each path, first and deepest page, small and full store, p95 ratio vs target. */
export function formatIndexFigure(f: IndexFigure): string {
  const rows = f.lists.flatMap((l) =>
    INDEX_PATHS.flatMap((path, p) =>
      (['first', 'deepest'] as const).map((which, w) => {
        const small = l.small[path];
        const large = l.large[path];
        const r = l.ratioP95[path][which];
        return [
          p === 0 && w === 0 ? `${l.name} (${l.pageSize})` : '',
          w === 0 ? PATH_LABELS[path] : '',
          which === 'first' ? '1' : `last (${large.pages} / ${small.pages})`,
          `${large[which].rows}`,
          small[which].latency.p50Ms,
          small[which].latency.p95Ms,
          large[which].latency.p50Ms,
          large[which].latency.p95Ms,
          l.ratioP50[path][which],
          r,
          path === 'visibility' ? '—' : within(r, f.target),
        ];
      }),
    ),
  );
  const big = f.largeCases;
  const small = f.smallCases;
  return [
    `Case index (issue 13): the same pages with ${small} and with ${big} cases, ${f.repeats} calls each; ratio ${big} ÷ ${small}, target p95 ≤ ${f.target}×`,
    table(
      [
        '',
        'path',
        'page (pages large / small)',
        'rows',
        `p50 ${small}`,
        `p95 ${small}`,
        `p50 ${big}`,
        `p95 ${big}`,
        'ratio p50',
        'ratio p95',
        `≤ ${f.target}×`,
      ],
      rows,
    ),
    `Target p95 ≤ ${f.target}× met over HTTP: ${f.met.http ? 'yes' : 'NO'}; at the data layer: ${f.met.data ? 'yes' : 'NO'}`,
  ].join('\n');
}

/** Writes the report as JSON under bench/results/ (git-ignored) and returns the file's path. */
export function writeReport(report: BenchReport, dir = RESULTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const file = path.join(dir, `bench-${stamp}-n${report.options.nominations}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
