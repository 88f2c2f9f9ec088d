/**
 * The inbox and the admin search with N cases, in process: the product's own list code (client/web/inbox.ts
 * `listCases` over client/lib/cases.ts `listByQuery`, the inbox query built from a demo account), first page
 * and a deep page reached through real page tokens, against the bare baseline of the same page size, and
 * against the bare client running the product's very query.
 */
import type { Client } from '@temporalio/client';
import { listByQuery, type CasePage } from '../client/lib/cases.js';
import { buildCaseQuery, quote, type CaseFilter } from '../client/lib/visibility-query.js';
import { listCases } from '../client/web/inbox.js';
import { SA } from '../domain/search-attributes.js';
import { BareListBaseline, walkPages, type PageFigures } from './pages.js';
import { ratio, timeRepeated, type LatencySummary } from './stats.js';

export interface Ratios {
  p50: number | null;
  p95: number | null;
}

export interface Comparison {
  product: PageFigures;
  baseline: PageFigures;
  ratio: Ratios;
  /**
   * The product's own query through the bare client, same page: what the visibility store charges for that
   * query, so that `ratio` (against the one-attribute baseline) splits into the query's cost and the code's.
   */
  sameQuery?: { baseline: PageFigures; ratio: Ratios };
}

export interface ListFigures {
  name: string;
  query: string;
  pageSize: number;
  /** How many workflows match the query (visibility count), to compare with the rows one page returns. */
  matching: number;
  first: Comparison;
  /** Null when the query has a single page. */
  deep: Comparison | null;
}

export interface ListScenario {
  name: string;
  query: string;
  pageSize: number;
}

export function ratios(product: LatencySummary, baseline: LatencySummary): Ratios {
  return { p50: ratio(product.p50Ms, baseline.p50Ms), p95: ratio(product.p95Ms, baseline.p95Ms) };
}

export async function measureLists(
  scenarios: ListScenario[],
  options: {
    client: Client;
    baseline: BareListBaseline;
    repeats: number;
    deepPage: number;
    log: (line: string) => void;
  },
): Promise<ListFigures[]> {
  const { client, baseline, repeats, deepPage, log } = options;
  const results: ListFigures[] = [];
  for (const { name, query, pageSize } of scenarios) {
    const sameQuery = new BareListBaseline(client, query, repeats);
    const fetchPage = (next: string | null): Promise<CasePage> =>
      listCases({ cases: { listByQuery: (q, page) => listByQuery(client, q, page) } }, query, { pageSize, next });
    const tokens = await walkPages(
      async (next: string | null) => fetchPage(next).then((page) => ({ rows: page.items.length, next: page.next })),
      deepPage,
    );
    const measure = async (depth: number): Promise<Comparison> => {
      const token = tokens[depth]!;
      const { latency, last } = await timeRepeated(() => fetchPage(token), repeats);
      const product: PageFigures = {
        pageIndex: depth,
        rows: last.items.length,
        firstId: last.items[0]?.caseId ?? null,
        hasNext: last.next !== null,
        latency,
      };
      const base = await baseline.page(pageSize, depth);
      const same = await sameQuery.page(pageSize, depth);
      return {
        product,
        baseline: base,
        ratio: ratios(product.latency, base.latency),
        sameQuery: { baseline: same, ratio: ratios(product.latency, same.latency) },
      };
    };
    const depth = tokens.length - 1;
    const first = await measure(0);
    const deep = depth > 0 ? await measure(depth) : null;
    const { count } = await client.workflow.count(query);
    log(
      `  ${name}: page 1 has ${first.product.rows}/${pageSize} rows of ${count}, p50 ${first.product.latency.p50Ms} ms` +
        (deep ? `; page ${depth + 1} has ${deep.product.rows} rows, p50 ${deep.product.latency.p50Ms} ms` : ''),
    );
    results.push({ name, query, pageSize, matching: count, first, deep });
  }
  return results;
}

/** The admin search's query as routes/admin.ts builds it from the form (kind is always nomination). */
export function adminSearchQuery(filter: Omit<CaseFilter, 'kind'>): string {
  return buildCaseQuery({ kind: 'nomination', ...filter });
}

/** The baseline's query: one attribute, matching every nomination of the run and nothing else. */
export function campaignOnlyQuery(campaignId: string): string {
  return `${SA.campaign.name} = ${quote(campaignId)}`;
}
