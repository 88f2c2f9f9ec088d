/**
 * The HTTP path: list pages through the real Fastify server in its own process (GET / and /quan-tri/ho-so),
 * signed in through the form, first page and a deep page reached by following the page's own "next" link,
 * against the bare list baseline of the page size the route uses. The web process's memory is watched
 * during these runs; GET /healthz gives the floor of one HTTP round trip.
 */
import { ratios, type Comparison } from './lists.js';
import { memoryFigures, type MemoryFigures } from './memory.js';
import { walkPages, type BareListBaseline, type PageFigures } from './pages.js';
import type { MeasuredChild } from './processes/measured-child.js';
import { timeRepeated, type LatencySummary } from './stats.js';
import { caseRows, firstCaseId, nextPageLink, type WebAgent } from './web-agent.js';

export interface HttpScenario {
  name: string;
  agent: WebAgent;
  path: string;
  /** The route's page size (client/web/routes: 20 for the inbox, 25 for the admin search). */
  pageSize: number;
}

export interface HttpFigures {
  name: string;
  path: string;
  pageSize: number;
  first: Comparison;
  deep: (Comparison & { path: string }) | null;
}

export interface HttpRun {
  pages: HttpFigures[];
  healthz: LatencySummary;
  webMemory: MemoryFigures;
}

async function getPage(
  agent: WebAgent,
  path: string,
): Promise<{ rows: number; firstId: string | null; next: string | null }> {
  const { status, body } = await agent.get(path);
  if (status !== 200) throw new Error(`GET ${path}: HTTP ${status}`);
  return { rows: caseRows(body), firstId: firstCaseId(body), next: nextPageLink(body) };
}

export async function measureHttp(
  scenarios: HttpScenario[],
  options: {
    baseline: BareListBaseline;
    web: MeasuredChild;
    healthzAgent: WebAgent;
    repeats: number;
    deepPage: number;
    log: (line: string) => void;
  },
): Promise<HttpRun> {
  const { baseline, web, repeats, deepPage, log } = options;
  web.mark();
  const pages: HttpFigures[] = [];
  for (const { name, agent, path, pageSize } of scenarios) {
    const links = await walkPages((next: string | null) => getPage(agent, next ?? path), deepPage);
    const measure = async (depth: number): Promise<Comparison & { path: string }> => {
      const url = links[depth] ?? path;
      const { latency, last } = await timeRepeated(() => getPage(agent, url), repeats);
      const product: PageFigures = {
        pageIndex: depth,
        rows: last.rows,
        firstId: last.firstId,
        hasNext: last.next !== null,
        latency,
      };
      const base = await baseline.page(pageSize, depth);
      return { product, baseline: base, ratio: ratios(product.latency, base.latency), path: url };
    };
    const depth = links.length - 1;
    const { path: _first, ...first } = await measure(0);
    const deep = depth > 0 ? await measure(depth) : null;
    log(
      `  GET ${name}: page 1 has ${first.product.rows} rows, p50 ${first.product.latency.p50Ms} ms` +
        (deep ? `; page ${depth + 1} has ${deep.product.rows} rows, p50 ${deep.product.latency.p50Ms} ms` : ''),
    );
    pages.push({ name, path, pageSize, first, deep });
  }
  const healthz = await timeRepeated(async () => {
    const { status } = await options.healthzAgent.get('/healthz');
    if (status !== 200) throw new Error(`GET /healthz: HTTP ${status}`);
  }, repeats);
  return { pages, healthz: healthz.latency, webMemory: memoryFigures(web.window()) };
}
