/**
 * Committed workflow histories: recorded once from a real run (scripts/record-histories.ts), replayed
 * in CI against the current workflow code so that a non-deterministic change fails the build.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { History } from '@temporalio/common/lib/proto-utils.js';

export interface StoredHistory {
  workflowId: string;
  history: History;
}

export async function saveHistory(handle: WorkflowHandle, file: string): Promise<void> {
  const history = await handle.fetchHistory();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, historyToJSON(history) + '\n');
}

/** Loads every `*.json` history of a folder, sorted by file name; the file name (less .json) is the workflow id. */
export function loadHistories(dir: string): StoredHistory[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      workflowId: f.replace(/\.json$/, ''),
      history: historyFromJSON(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))),
    }));
}
