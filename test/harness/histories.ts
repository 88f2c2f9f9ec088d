/**
 * Committed workflow histories: recorded once from a real run (scripts/record-histories.ts), replayed
 * in CI against the current workflow code so that a non-deterministic change fails the build.
 *
 * A file holds `{ workflowId, history }`: a history does not say which workflow id it ran under, and a replay
 * must use the real one — a workflow that derives ids from its own (a forwarded case's child,
 * `forwarded/<case id>`) would otherwise issue a different command and fail as non-deterministic. Files holding
 * a bare history (recorded before) replay under their file name.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { History } from '@temporalio/common/lib/proto-utils.js';

export interface StoredHistory {
  /** The file name less `.json` (the scenario's name). */
  name: string;
  /** The workflow id the history ran under. */
  workflowId: string;
  history: History;
}

export async function saveHistory(handle: WorkflowHandle, file: string): Promise<void> {
  const history = await handle.fetchHistory();
  mkdirSync(path.dirname(file), { recursive: true });
  const stored = { workflowId: handle.workflowId, history: JSON.parse(historyToJSON(history)) as unknown };
  writeFileSync(file, JSON.stringify(stored, null, 2) + '\n');
}

/** Loads every `*.json` history of a folder, sorted by file name. */
export function loadHistories(dir: string): StoredHistory[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.json$/, '');
      const json = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { workflowId?: unknown; history?: unknown };
      const wrapped = typeof json.workflowId === 'string' && typeof json.history === 'object' && json.history !== null;
      return {
        name,
        workflowId: wrapped ? (json.workflowId as string) : name,
        history: historyFromJSON(wrapped ? json.history : json),
      };
    });
}

/** The ids of the patched() markers a history recorded, in order. */
export function patchIdsOf(history: History): string[] {
  return (history.events ?? []).flatMap((e) => {
    const attributes = e.markerRecordedEventAttributes;
    if (attributes?.markerName !== 'core_patch') return [];
    const data = attributes.details?.['patch-data']?.payloads?.[0]?.data;
    return data ? [(JSON.parse(Buffer.from(data).toString('utf8')) as { id: string }).id] : [];
  });
}
