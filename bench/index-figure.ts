/**
 * Issue 13's figure: the inbox and the admin search on the case index with a small store (100 cases) and with
 * the full one (20,000), first page and deepest page, p95 large ÷ small against the target ≤ 1.5×, by three paths
 * measured in the same run over the same cases:
 *
 * - `http`: the page through the real web server (it reads the case index), rows counted in the HTML, the deepest
 *   page reached by following every "Trang sau" link to the end;
 * - `data`: the route's data layer alone (`listIndexPage`, the call the route makes, with the filter it builds),
 *   on the same database, the deepest page reached by following every keyset cursor — over HTTP the session,
 *   rendering and the loopback round trip are most of a page, so this shows what the index itself costs;
 * - `visibility`: the old path, Temporal visibility (`listByQuery`: ListWorkflowExecutions with the query the old
 *   pages used), the deepest page reached by following every nextPageToken.
 */
import type { Client } from '@temporalio/client';
import { listByQuery } from '../client/lib/cases.js';
import { listCases, listIndexPage } from '../client/web/inbox.js';
import type { CaseIndexFilter } from '../store/case-index.js';
import type { SqlSession } from '../store/sql.js';
import { walkPages, type PageFigures } from './pages.js';
import { ratio, timeRepeated } from './stats.js';
import { caseRows, firstCaseId, nextPageLink, type WebAgent } from './web-agent.js';

/** Issue 13: a page with 20,000 cases may cost at most this many times the same page with 100 (p95). */
export const INDEX_TARGET_RATIO = 1.5;

export const INDEX_PATHS = ['http', 'data', 'visibility'] as const;
export type IndexPath = (typeof INDEX_PATHS)[number];

/** One list, both sizes of the store. */
export interface IndexListScenario {
  name: string;
  pageSize: number;
  /** The page over HTTP (its first page), and who asks. */
  http: { agent: WebAgent; path: string };
  /** The filter the route builds for the same page. */
  filter: CaseIndexFilter;
  /** The visibility query the old code ran for it. */
  visibilityQuery: string;
}

export interface PathFigures {
  /** How many pages the list has (walked to the end). */
  pages: number;
  first: PageFigures;
  deepest: PageFigures;
}

export type SizeFigures = Record<IndexPath, PathFigures>;

/** One list measured at one store size, before the two sizes are paired. */
export interface IndexListAtSize {
  name: string;
  pageSize: number;
  figures: SizeFigures;
}

export interface RatioPair {
  first: number | null;
  deepest: number | null;
}

export interface IndexListFigures {
  name: string;
  pageSize: number;
  small: SizeFigures;
  large: SizeFigures;
  /** large ÷ small, p95 (the target's figure) and p50, per path. */
  ratioP95: Record<IndexPath, RatioPair>;
  ratioP50: Record<IndexPath, RatioPair>;
}

export interface IndexFigure {
  target: number;
  /** Cases in the store at each size (the run's campaign; the warm-up cases are not counted). */
  smallCases: number;
  largeCases: number;
  repeats: number;
  lists: IndexListFigures[];
  /** Whether every http and data ratio (p95, first and deepest page) is within the target. */
  met: { http: boolean; data: boolean };
}

type Page = { rows: number; firstId: string | null; next: string | null };

/** Walks the list to its end, then times its first and its deepest page. */
async function measurePath(fetchPage: (next: string | null) => Promise<Page>, repeats: number): Promise<PathFigures> {
  const tokens = await walkPages(fetchPage, Number.POSITIVE_INFINITY);
  const time = async (depth: number): Promise<PageFigures> => {
    const { latency, last } = await timeRepeated(() => fetchPage(tokens[depth]!), repeats);
    return { pageIndex: depth, rows: last.rows, firstId: last.firstId, hasNext: last.next !== null, latency };
  };
  const first = await time(0);
  return { pages: tokens.length, first, deepest: tokens.length > 1 ? await time(tokens.length - 1) : first };
}

async function httpPage(agent: WebAgent, path: string): Promise<Page> {
  const { status, body } = await agent.get(path);
  if (status !== 200) throw new Error(`GET ${path}: HTTP ${status}`);
  return { rows: caseRows(body), firstId: firstCaseId(body), next: nextPageLink(body) };
}

export function measureIndexHttp(s: IndexListScenario, repeats: number): Promise<PathFigures> {
  return measurePath((next) => httpPage(s.http.agent, next ?? s.http.path), repeats);
}

export function measureIndexData(db: SqlSession, s: IndexListScenario, repeats: number): Promise<PathFigures> {
  return measurePath(async (after) => {
    const page = await listIndexPage({ db }, s.filter, { pageSize: s.pageSize, after });
    return { rows: page.items.length, firstId: page.items[0]?.caseId ?? null, next: page.next };
  }, repeats);
}

export function measureIndexVisibility(client: Client, s: IndexListScenario, repeats: number): Promise<PathFigures> {
  return measurePath(async (next) => {
    const page = await listCases({ cases: { listByQuery: (q, p) => listByQuery(client, q, p) } }, s.visibilityQuery, {
      pageSize: s.pageSize,
      next,
    });
    return { rows: page.items.length, firstId: page.items[0]?.caseId ?? null, next: page.next };
  }, repeats);
}

function ratiosOf(small: SizeFigures, large: SizeFigures, p: 'p50Ms' | 'p95Ms'): Record<IndexPath, RatioPair> {
  const pair = (path: IndexPath): RatioPair => ({
    first: ratio(large[path].first.latency[p], small[path].first.latency[p]),
    deepest: ratio(large[path].deepest.latency[p], small[path].deepest.latency[p]),
  });
  return { http: pair('http'), data: pair('data'), visibility: pair('visibility') };
}

/** Pairs the lists measured at both sizes (same names, same order) into the figure. */
export function indexFigure(
  small: { cases: number; lists: IndexListAtSize[] },
  large: { cases: number; lists: IndexListAtSize[] },
  repeats: number,
): IndexFigure {
  const lists = small.lists.map((s, i): IndexListFigures => {
    const l = large.lists[i];
    if (!l || l.name !== s.name) throw new Error(`index figure: no large measurement of "${s.name}"`);
    return {
      name: s.name,
      pageSize: s.pageSize,
      small: s.figures,
      large: l.figures,
      ratioP95: ratiosOf(s.figures, l.figures, 'p95Ms'),
      ratioP50: ratiosOf(s.figures, l.figures, 'p50Ms'),
    };
  });
  const within = (path: IndexPath) =>
    lists.every((l) =>
      [l.ratioP95[path].first, l.ratioP95[path].deepest].every((r) => r !== null && r <= INDEX_TARGET_RATIO),
    );
  return {
    target: INDEX_TARGET_RATIO,
    smallCases: small.cases,
    largeCases: large.cases,
    repeats,
    lists,
    met: { http: within('http'), data: within('data') },
  };
}
