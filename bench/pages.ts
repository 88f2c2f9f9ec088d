/**
 * Paging helpers shared by the list and HTTP measurements: walking to a deep page through real page tokens,
 * and the bare Temporal baseline (client.workflow.list() of the same page size, one attribute), measured once
 * per page size and depth and reused by every figure that compares with it.
 */
import type { Client } from '@temporalio/client';
import { timeRepeated, type LatencySummary } from './stats.js';

export interface PageFigures {
  /** 0 is the first page. */
  pageIndex: number;
  rows: number;
  /** The page's first workflow id: a deep page that repeats the first page's rows would show here. */
  firstId: string | null;
  hasNext: boolean;
  latency: LatencySummary;
}

/**
 * Tokens (or links) of a query's pages, the first page's being null, up to `depth` (fewer when the query runs
 * out). A full last page may still carry a token whose page is empty: that token is dropped, so the deepest
 * page returned always has rows.
 */
export async function walkPages<T>(
  fetchPage: (next: T | null) => Promise<{ rows: number; next: T | null }>,
  depth: number,
): Promise<(T | null)[]> {
  const tokens: (T | null)[] = [null];
  for (;;) {
    const page = await fetchPage(tokens[tokens.length - 1]!);
    if (page.rows === 0 && tokens.length > 1) {
      tokens.pop();
      break;
    }
    if (!page.next || tokens.length > depth) break;
    tokens.push(page.next);
  }
  return tokens;
}

/** The bare baseline's first page: the SDK's list iterator, stopped after one page. */
async function bareFirstPage(client: Client, query: string, pageSize: number) {
  let rows = 0;
  let firstId: string | null = null;
  for await (const execution of client.workflow.list({ query, pageSize })) {
    firstId ??= execution.workflowId;
    rows += 1;
    if (rows === pageSize) break;
  }
  return { rows, firstId, next: rows === pageSize };
}

/** A later page of the baseline: list() cannot resume from a token, so this is the raw call list() makes. */
async function bareRawPage(client: Client, query: string, pageSize: number, next: string | null) {
  const response = await client.workflowService.listWorkflowExecutions({
    namespace: client.options.namespace,
    query,
    pageSize,
    nextPageToken: next ? Buffer.from(next, 'base64') : undefined,
  });
  const token = response.nextPageToken;
  return {
    rows: response.executions?.length ?? 0,
    firstId: response.executions?.[0]?.execution?.workflowId ?? null,
    next: token && token.length > 0 ? Buffer.from(token).toString('base64') : null,
  };
}

export class BareListBaseline {
  private readonly measured = new Map<string, Promise<PageFigures>>();

  constructor(
    private readonly client: Client,
    /** One attribute, matching every workflow of the run. */
    readonly query: string,
    private readonly repeats: number,
  ) {}

  /** Page `depth` (0 = first) of the baseline query at this page size, measured on first use. */
  page(pageSize: number, depth: number): Promise<PageFigures> {
    const key = `${pageSize}:${depth}`;
    let figures = this.measured.get(key);
    if (!figures) {
      figures = depth === 0 ? this.measureFirst(pageSize) : this.measureDeep(pageSize, depth);
      this.measured.set(key, figures);
    }
    return figures;
  }

  private async measureFirst(pageSize: number): Promise<PageFigures> {
    const { latency, last } = await timeRepeated(() => bareFirstPage(this.client, this.query, pageSize), this.repeats);
    return { pageIndex: 0, rows: last.rows, firstId: last.firstId, hasNext: last.next, latency };
  }

  private async measureDeep(pageSize: number, depth: number): Promise<PageFigures> {
    const tokens = await walkPages(
      (next: string | null) => bareRawPage(this.client, this.query, pageSize, next),
      depth,
    );
    const reached = tokens.length - 1;
    const token = tokens[reached]!;
    const { latency, last } = await timeRepeated(
      () => bareRawPage(this.client, this.query, pageSize, token),
      this.repeats,
    );
    return { pageIndex: reached, rows: last.rows, firstId: last.firstId, hasNext: last.next !== null, latency };
  }
}
