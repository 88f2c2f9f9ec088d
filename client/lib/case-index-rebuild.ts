/**
 * Rebuilds the case index from Temporal (`npm run index:rebuild`): lists every case by visibility, reads each
 * one's state through its `state` query and writes the row the case itself would write (domain/case-index.ts).
 * A run that has ended waits on nobody (endedRow). Safe while cases run: each row is written under the version
 * visibility gave (the history length, less one), so a case that changes meanwhile writes a newer row that wins.
 */
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';
import {
  advancedModelIndexRow,
  compactIndexRow,
  complaintIndexRow,
  endedRow,
  nominationIndexRow,
  registrationIndexRow,
  type CaseIndexKind,
  type CaseIndexRow,
} from '../../domain/case-index.js';
import { SA } from '../../domain/search-attributes.js';
import { writeCaseIndexRow } from '../../store/case-index.js';
import type { SqlSession } from '../../store/sql.js';
import { compactStateQuery } from '../../workflows/compact/messages.js';
import { complaintStateQuery } from '../../workflows/complaint/messages.js';
import { nominationStateQuery } from '../../workflows/nomination/messages.js';
import { advancedModelStateQuery } from '../../workflows/plan/advanced-model-messages.js';
import { registrationStateQuery } from '../../workflows/registration/messages.js';
import { CASE_READ_TIMEOUT_MS } from './cases.js';
import { quote } from './visibility-query.js';

/** How each kind's state becomes its row. */
const READERS: { [K in CaseIndexKind]: (client: Client, id: string) => Promise<CaseIndexRow> } = {
  nomination: async (c, id) => nominationIndexRow(await stateOf(c, id, nominationStateQuery)),
  registration: async (c, id) => registrationIndexRow(await stateOf(c, id, registrationStateQuery), id),
  compact: async (c, id) => compactIndexRow(await stateOf(c, id, compactStateQuery), id),
  'advanced-model': async (c, id) => advancedModelIndexRow(await stateOf(c, id, advancedModelStateQuery), id),
  complaint: async (c, id) => complaintIndexRow(await stateOf(c, id, complaintStateQuery), id),
};

export const INDEXED_KINDS = Object.keys(READERS) as CaseIndexKind[];

function stateOf<T>(client: Client, workflowId: string, query: QueryDefinition<T, []>): Promise<T> {
  // A query is answered by a worker: one that does not answer in time is reported, not waited on for a minute.
  return client.withDeadline(Date.now() + CASE_READ_TIMEOUT_MS, () =>
    client.workflow.getHandle(workflowId).query(query),
  );
}

export interface RebuildReport {
  written: number;
  /** Rows the index already held in a newer version (the case wrote one while the rebuild read it). */
  newer: number;
  /** Cases whose state could not be read (no worker answered, a broken run): id and the reason. */
  unreadable: { caseId: string; error: string }[];
}

/**
 * Writes a row for every case visibility lists (and `where`, an extra visibility clause, allows: a task queue in
 * tests, which share one Temporal server). Reads a few cases at a time.
 */
export async function rebuildCaseIndex(
  deps: { client: Client; db: SqlSession },
  options: { where?: string; concurrency?: number; log?: (line: string) => void } = {},
): Promise<RebuildReport> {
  const kinds = INDEXED_KINDS.map(quote).join(', ');
  const query = [`${SA.kind.name} IN (${kinds})`, ...(options.where ? [`(${options.where})`] : [])].join(' AND ');
  const report: RebuildReport = { written: 0, newer: 0, unreadable: [] };
  const batch: WorkflowExecutionInfo[] = [];
  const concurrency = options.concurrency ?? 8;
  const flush = async () => {
    await Promise.all(batch.splice(0).map((execution) => rebuildOne(deps, execution, report)));
  };
  for await (const execution of deps.client.workflow.list({ query })) {
    batch.push(execution);
    if (batch.length >= concurrency) await flush();
  }
  await flush();
  options.log?.(
    `case index: ${report.written} rows written, ${report.newer} already newer, ${report.unreadable.length} unreadable`,
  );
  return report;
}

async function rebuildOne(
  deps: { client: Client; db: SqlSession },
  execution: WorkflowExecutionInfo,
  report: RebuildReport,
): Promise<void> {
  const kind = execution.typedSearchAttributes.get(SA.kind) as CaseIndexKind | undefined;
  const read = kind ? READERS[kind] : undefined;
  if (!read) return;
  try {
    const row = await read(deps.client, execution.workflowId);
    const ended = execution.status.name !== 'RUNNING';
    const { written } = await writeCaseIndexRow(deps.db, {
      ...(ended ? endedRow(row) : row),
      // Visibility's history length can equal the one of a task still running, whose own write must win.
      version: Math.max(0, execution.historyLength - 1),
    });
    if (written) report.written += 1;
    else report.newer += 1;
  } catch (error) {
    report.unreadable.push({
      caseId: execution.workflowId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
