/**
 * The bench's code path in the normal suite, with a tiny N on the shared dev server: it must start real
 * nominations and bare workflows, page through real page tokens (a full page, then a deeper page with other
 * rows), go through the real web server, and produce a report the table and the JSON file can show.
 * No timing is asserted: speed is the bench's to print (npm run bench), never a test's to judge.
 */
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import { runBench, UI_PAGE_SIZES, type BenchReport } from '../../bench/bench.js';
import { formatReport, writeReport } from '../../bench/report.js';

const N = 20;
const PAGE_SIZE = 5;
/** The case index figure's small store: started first, measured, then the rest up to N. */
const SMALL = 5;
// A unit no other test nominates from: the inbox measured below holds only this run's cases.
const UNIT = 'hd-p6';

describe('bench (npm run bench) with a tiny N', () => {
  it(
    'reports start + settle, paginated lists and the HTTP path against the bare baseline',
    { timeout: 420_000 },
    async () => {
      const snapshots = mkdtempSync(path.join(tmpdir(), 'tdkt-bench-snapshots-'));
      const report: BenchReport = await runBench({
        nominations: N,
        concurrency: 4,
        repeats: 2,
        deepPage: 2,
        pageSize: PAGE_SIZE,
        timeLimitSeconds: 240,
        units: [UNIT],
        server: { address: inject('temporalAddress'), namespace: inject('temporalNamespace') },
        heapSnapshotDir: snapshots,
        indexSmallCases: SMALL,
        indexRepeats: 2,
        log: () => undefined,
      });

      // Start + settle: every workflow of both sides waits for a person; both workers were measured. The first
      // SMALL nominations were started before, for the case index figure's small store.
      const { product, baseline } = report.startSettle;
      expect(report.truncated).toBe(false);
      for (const side of [product, baseline]) {
        expect(side).toMatchObject({ requested: N - SMALL, settled: N - SMALL, failed: 0, truncated: false });
        expect(side.workflowsPerSecond).toBeGreaterThan(0);
        expect(side.perWorkflow?.samples).toBe(N - SMALL);
        expect(side.worker.rssStartMb).toBeGreaterThan(0); // the worker process reported its memory
      }
      expect(report.startSettle.ratio.throughput).not.toBeNull();

      // In process: the admin search over the run's campaign has N cases; a page holds exactly the page size,
      // and the deep page (the third) is a different full page reached by token.
      const campaign = report.lists.find((l) => l.name === 'admin search: campaign')!;
      expect(campaign.matching).toBe(N);
      expect(campaign.first.product).toMatchObject({ pageIndex: 0, rows: PAGE_SIZE, hasNext: true });
      expect(campaign.deep?.product).toMatchObject({ pageIndex: 2, rows: PAGE_SIZE, hasNext: true });
      expect(campaign.deep?.product.firstId).not.toBe(campaign.first.product.firstId);
      expect(campaign.first.product.firstId).toMatch(new RegExp(`^nomination/${report.campaignId}/${UNIT}/`));
      // The bare baseline pages the same way over the same N workflows.
      expect(campaign.first.baseline).toMatchObject({ pageIndex: 0, rows: PAGE_SIZE, hasNext: true });
      expect(campaign.deep?.baseline).toMatchObject({ pageIndex: 2, rows: PAGE_SIZE });
      expect(campaign.first.ratio.p50).not.toBeNull();
      // The product's own query through the bare client returns the same pages as the product's list code.
      expect(campaign.first.sameQuery?.baseline).toMatchObject({ pageIndex: 0, rows: PAGE_SIZE, hasNext: true });
      expect(campaign.deep?.sameQuery?.baseline).toMatchObject({ pageIndex: 2, rows: PAGE_SIZE });
      // The unit filter keeps every case (all from UNIT); the inbox is the unit head's.
      expect(report.lists.find((l) => l.name === `admin search: campaign + unit ${UNIT}`)?.matching).toBe(N);
      const inbox = report.lists.find((l) => l.name.startsWith('inbox of '))!;
      expect(inbox.first.product.rows).toBe(PAGE_SIZE);
      expect(inbox.matching).toBeGreaterThanOrEqual(N);

      // HTTP: the admin search of the campaign shows the N cases on one page of the route's size (25);
      // the inbox (N cases plus the warm-up ones) fills a page of 20 and links to a next page with the rest.
      const adminPage = report.http.pages.find((p) => p.name === '/quan-tri/ho-so campaign')!;
      expect(adminPage.first.product).toMatchObject({ rows: N, hasNext: false });
      expect(adminPage.deep).toBeNull();
      const inboxPage = report.http.pages.find((p) => p.name.startsWith('/ (inbox'))!;
      expect(inboxPage.first.product).toMatchObject({ rows: UI_PAGE_SIZES.inbox, hasNext: true });
      expect(inboxPage.deep?.product.rows).toBeGreaterThan(0);
      expect(inboxPage.deep?.path).toContain('trang=');
      expect(report.http.webMemory.rssPeakMb).toBeGreaterThan(0);

      // The case index figure: the inbox and the admin search with SMALL cases and with N, by HTTP, by the route's
      // data layer and by the old visibility path, each page walked to its end; every p95 and ratio is a number.
      const index = report.caseIndex!;
      expect(index).toMatchObject({ target: 1.5, smallCases: SMALL, largeCases: N, repeats: 2 });
      expect(index.lists.map((l) => l.name)).toEqual([inbox.name, 'admin search: campaign']);
      for (const list of index.lists) {
        for (const path of ['http', 'data', 'visibility'] as const) {
          for (const size of [list.small, list.large]) {
            for (const page of [size[path].first, size[path].deepest]) {
              expect(page.rows).toBeGreaterThan(0);
              expect(page.latency.p95Ms).toBeGreaterThan(0);
            }
          }
          for (const ratio of [list.ratioP95[path].first, list.ratioP95[path].deepest])
            expect(ratio).toBeGreaterThan(0);
          // The walk reached the end: the deepest page has no next page.
          expect(list.large[path].deepest.hasNext).toBe(false);
        }
        // The page over HTTP shows what the data layer returns for it, at both ends of the list.
        for (const size of [list.small, list.large]) {
          expect(size.http.pages).toBe(size.data.pages);
          expect(size.http.first.firstId).toBe(size.data.first.firstId);
          expect(size.http.deepest.firstId).toBe(size.data.deepest.firstId);
        }
      }
      const [indexInbox, indexSearch] = index.lists;
      // The admin search of the campaign: SMALL cases, then N, one page of 25 either way.
      expect(indexSearch!.small.http.first).toMatchObject({ rows: SMALL, hasNext: false });
      expect(indexSearch!.large.http.first).toMatchObject({ rows: N, hasNext: false });
      expect(indexSearch!.large.visibility.first.rows).toBe(N);
      // The inbox: SMALL drafts (the warm-up cases come after), then N plus the warm-up ones over two pages of 20.
      expect(indexInbox!.small.http).toMatchObject({ pages: 1, first: { rows: SMALL } });
      expect(indexInbox!.large.http.pages).toBe(2);
      expect(indexInbox!.large.http.deepest.firstId).not.toBe(indexInbox!.large.http.first.firstId);

      // The table shows each figure with its baseline and ratio; the JSON file holds the same report.
      const table = formatReport(report);
      expect(table).toContain('throughput (workflows/s)');
      expect(table).toContain('ratio p50');
      expect(table).toContain('ratio p50 vs same query');
      expect(table).toContain('GET /quan-tri/ho-so campaign');
      expect(table).toContain('Case index (issue 13)');
      expect(table).toMatch(/Target p95 ≤ 1\.5× met over HTTP: (yes|NO); at the data layer: (yes|NO)/);
      // --heap-snapshots: each worker wrote a V8 heap snapshot of its workflow thread, its cached cases in it.
      try {
        const files = readdirSync(snapshots).sort();
        expect(files).toEqual([
          expect.stringMatching(/-baseline-thread-1\.heapsnapshot$/),
          expect.stringMatching(/-product-thread-1\.heapsnapshot$/),
        ]);
        for (const file of files) {
          const head = Buffer.alloc(12);
          const fd = openSync(path.join(snapshots, file), 'r');
          readSync(fd, head, 0, head.length, 0);
          closeSync(fd);
          expect(head.toString()).toBe('{"snapshot":');
        }
      } finally {
        rmSync(snapshots, { recursive: true, force: true });
      }
      const dir = mkdtempSync(path.join(tmpdir(), 'tdkt-bench-results-'));
      try {
        expect(JSON.parse(readFileSync(writeReport(report, dir), 'utf8'))).toEqual(report);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
