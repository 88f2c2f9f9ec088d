/**
 * The bench's own arithmetic and paging, without Temporal: nearest-rank percentiles, and the page walk that
 * reaches a deep page through tokens (dropping the empty page a full last page's token leads to), and the case
 * index figure's ratios against its target.
 */
import { describe, expect, it } from 'vitest';
import { indexFigure } from '../../bench/index-figure.js';
import { walkPages } from '../../bench/pages.js';
import { formatIndexFigure } from '../../bench/report.js';
import { percentile, ratio, summarise } from '../../bench/stats.js';
import { caseRows, firstCaseId, nextPageLink } from '../../bench/web-agent.js';

/** A fake paged source of `total` rows, `size` per page, whose tokens are the next row's index. */
function pagedSource(total: number, size: number) {
  const fetched: (number | null)[] = [];
  const fetchPage = async (next: number | null) => {
    fetched.push(next);
    const from = next ?? 0;
    const rows = Math.max(0, Math.min(size, total - from));
    // Like Temporal's SQL visibility: a full page always carries a token, even when nothing follows.
    return { rows, next: rows === size ? from + size : null };
  };
  return { fetchPage, fetched };
}

describe('bench statistics', () => {
  it('takes percentiles by nearest rank, never interpolating', () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20
    expect(percentile(sorted, 50)).toBe(10);
    expect(percentile(sorted, 95)).toBe(19);
    expect(percentile([7], 95)).toBe(7);
    expect(summarise([30, 10, 20])).toEqual({ samples: 3, p50Ms: 20, p95Ms: 30, meanMs: 20 });
  });

  it('gives no ratio against a zero baseline', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNull();
  });
});

describe('walking to a deep page', () => {
  it('reaches the requested page through tokens, fetching each page before it once', async () => {
    const source = pagedSource(100, 10);
    const tokens = await walkPages(source.fetchPage, 3);
    expect(tokens).toEqual([null, 10, 20, 30]);
    expect(source.fetched).toEqual([null, 10, 20, 30]);
  });

  it('stops at the last page that has rows when the query runs out', async () => {
    // 30 rows in pages of 10: the third page is full, so its token leads to an empty fourth page.
    const tokens = await walkPages(pagedSource(30, 10).fetchPage, 10);
    expect(tokens).toEqual([null, 10, 20]);
    expect(await walkPages(pagedSource(25, 10).fetchPage, 10)).toEqual([null, 10, 20]);
    expect(await walkPages(pagedSource(5, 10).fetchPage, 10)).toEqual([null]);
  });
});

describe('reading a list page of the web UI', () => {
  const html = `<tbody>
    <tr><td data-label="Được đề nghị"><a href="/ho-so/nomination%2Fc%2Fhd-kv2%2Fb1">c / hd-kv2 / b1</a></td></tr>
    <tr class="overdue"><td data-label="Được đề nghị"><a href="/ho-so/nomination%2Fc%2Fhd-kv2%2Fb2">c / hd-kv2 / b2</a></td></tr>
  </tbody>
  <p><a rel="next" href="/quan-tri/ho-so?campaign=c&amp;trang=AbC%2B%3D">Trang sau →</a></p>`;

  it('counts case rows, reads the first case and the next-page link', () => {
    expect(caseRows(html)).toBe(2);
    expect(firstCaseId(html)).toBe('nomination/c/hd-kv2/b1');
    expect(nextPageLink(html)).toBe('/quan-tri/ho-so?campaign=c&trang=AbC%2B%3D');
  });

  it('sees an empty last page as such', () => {
    const empty = '<p class="empty">Không có hồ sơ nào.</p>';
    expect(caseRows(empty)).toBe(0);
    expect(firstCaseId(empty)).toBeNull();
    expect(nextPageLink(empty)).toBeNull();
  });
});

describe('the case index figure (issue 13)', () => {
  const page = (p95Ms: number, pageIndex = 0) => ({
    pageIndex,
    rows: 20,
    firstId: `case-${pageIndex}`,
    hasNext: false,
    latency: { samples: 100, p50Ms: p95Ms / 2, p95Ms, meanMs: p95Ms / 2 },
  });
  /** One store size: every path costs `ms` at its first page and `deepMs` at its deepest. */
  const size = (ms: number, deepMs: number, visibilityDeepMs = deepMs) => ({
    http: { pages: 3, first: page(ms), deepest: page(deepMs, 2) },
    data: { pages: 3, first: page(ms / 10), deepest: page(deepMs / 10, 2) },
    visibility: { pages: 3, first: page(ms), deepest: page(visibilityDeepMs, 2) },
  });
  const at = (cases: number, figures: ReturnType<typeof size>) => ({
    cases,
    lists: [{ name: 'inbox', pageSize: 20, figures }],
  });

  it('divides the full store by the small one, per path and page, and judges only the index against 1.5×', () => {
    // The visibility path's deepest page grows 10×: it is shown, not judged.
    const figure = indexFigure(at(100, size(20, 20)), at(20_000, size(24, 30, 200)), 100);
    expect(figure).toMatchObject({ target: 1.5, smallCases: 100, largeCases: 20_000, met: { http: true, data: true } });
    expect(figure.lists[0]!.ratioP95).toEqual({
      http: { first: 1.2, deepest: 1.5 },
      data: { first: 1.2, deepest: 1.5 },
      visibility: { first: 1.2, deepest: 10 },
    });
    expect(figure.lists[0]!.ratioP50.http).toEqual({ first: 1.2, deepest: 1.5 });
  });

  it('says the target is missed when one page of the index grows past it', () => {
    const figure = indexFigure(at(100, size(20, 20)), at(20_000, size(20, 31)), 100);
    expect(figure.met).toEqual({ http: false, data: false });
    expect(formatIndexFigure(figure)).toMatch(/met over HTTP: NO; at the data layer: NO/);
  });

  it('refuses to pair lists measured under other names', () => {
    const other = { cases: 20_000, lists: [{ name: 'search', pageSize: 25, figures: size(1, 1) }] };
    expect(() => indexFigure(at(100, size(1, 1)), other, 100)).toThrow(/no large measurement of "inbox"/);
  });
});
