/**
 * The bench's own arithmetic and paging, without Temporal: nearest-rank percentiles, and the page walk that
 * reaches a deep page through tokens (dropping the empty page a full last page's token leads to).
 */
import { describe, expect, it } from 'vitest';
import { walkPages } from '../../bench/pages.js';
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
