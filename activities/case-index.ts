/**
 * The case index's one activity: a case writes its row (domain/case-index.ts computes it from the case's state) as
 * a local activity after each change. The store keeps the newest version, so retries and replays are harmless.
 */
import type { VersionedCaseIndexRow } from '../domain/case-index.js';
import { writeCaseIndexRow } from '../store/case-index.js';
import type { SqlDatabase } from '../store/sql.js';

export function createCaseIndexActivities(deps: { db: SqlDatabase }) {
  return {
    async writeCaseIndex(row: VersionedCaseIndexRow): Promise<{ written: boolean }> {
      return writeCaseIndexRow(deps.db, row);
    },
  };
}
