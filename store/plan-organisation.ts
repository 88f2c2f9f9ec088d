/**
 * Which organisation's plans this deployment runs: PLAN_ORG_UNIT_ID when configured, otherwise the one unit of
 * the directory that has an emulation and commendation council (a provincial deployment has exactly one: its
 * own). Never a constant, so a procuracy sets itself up by loading its directory, not by changing code.
 */
import type { SqlSession } from './sql.js';

export type PlanOrganisation =
  { orgUnitId: string; from: 'configuration' | 'directory' } | { orgUnitId: null; reason: string };

export async function planOrganisation(db: SqlSession, configured: string | undefined): Promise<PlanOrganisation> {
  if (configured) return { orgUnitId: configured, from: 'configuration' };
  const rows = await db.query<{ unit_id: string }>('SELECT unit_id FROM councils ORDER BY unit_id');
  if (rows.length === 1) return { orgUnitId: rows[0]!.unit_id, from: 'directory' };
  return {
    orgUnitId: null,
    reason:
      rows.length === 0
        ? 'the directory has no council yet (load the directory, or set PLAN_ORG_UNIT_ID)'
        : `the directory has ${rows.length} councils (${rows.map((r) => r.unit_id).join(', ')}): set PLAN_ORG_UNIT_ID`,
  };
}
