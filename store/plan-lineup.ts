/**
 * The clusters/blocs of a plan year and the directory (issue 11). A new year's line-up starts from the
 * directory's clusters with the heads named for that year, or last year's when none are named yet (flagged:
 * heads rotate by year). Issuing a plan writes its heads into the directory for that year, which is where the
 * year's compacts and registrations look them up (cluster_heads).
 */
import type { ClusterLineup, ReviewFlag, UnitNameOf } from '../domain/plan-authoring/index.js';
import { listClusters, listUnits } from './directory.js';
import { PlanStoreError } from './plans-error.js';
import type { SqlSession } from './sql.js';

/** The directory's unit names, for messages staff read (an unknown id is shown as itself). */
export async function unitNamesOf(db: SqlSession): Promise<UnitNameOf> {
  const names = new Map((await listUnits(db)).map((u) => [u.id, u.name]));
  return (unitId) => names.get(unitId) ?? unitId;
}

export async function lineupFromDirectory(
  db: SqlSession,
  fromYear: number,
  toYear: number,
): Promise<{ lineup: ClusterLineup[]; flags: ReviewFlag[] }> {
  const flags: ReviewFlag[] = [];
  // The standing body reads unit names, not directory ids.
  const names = new Map((await listUnits(db)).map((u) => [u.id, u.name]));
  const lineup = (await listClusters(db)).map((c): ClusterLineup => {
    const noun = c.kind === 'bloc' ? 'khối' : 'cụm';
    const named = c.headUnitByYear[String(toYear)];
    const copied = c.headUnitByYear[String(fromYear)];
    if (!named)
      flags.push({
        code: 'copied',
        message: copied
          ? `${c.name}: chưa xác định đơn vị ${noun} trưởng năm ${toYear}, đang để đơn vị của năm ${fromYear} (${names.get(copied) ?? copied}); ${noun} trưởng luân phiên hằng năm, hãy kiểm tra`
          : `${c.name}: chưa có đơn vị ${noun} trưởng năm ${toYear}`,
      });
    return {
      clusterId: c.id,
      name: c.name,
      kind: c.kind,
      headUnitId: named ?? copied ?? null,
      deputyUnitId: named
        ? (c.deputyUnitByYear[String(toYear)] ?? null)
        : (c.deputyUnitByYear[String(fromYear)] ?? null),
      memberUnitIds: [...c.memberUnitIds],
    };
  });
  return { lineup, flags };
}

/**
 * Writes the line-up's heads and deputies for the year into the directory. The members must already be the
 * directory's (membership is not per year there): a line-up that differs is refused, so the directory is
 * brought up to date first, not silently overridden by a plan.
 */
export async function applyLineupHeads(db: SqlSession, year: number, lineup: readonly ClusterLineup[]): Promise<void> {
  const directory = new Map((await listClusters(db)).map((c) => [c.id, c]));
  const nameOf = await unitNamesOf(db);
  for (const c of lineup) {
    const known = directory.get(c.clusterId);
    if (!known)
      throw new PlanStoreError(
        'invalid',
        `${c.name} (${c.clusterId}) chưa có trong danh bạ: hãy thêm vào danh bạ trước khi ban hành`,
      );
    const outside = c.memberUnitIds.filter((u) => !known.memberUnitIds.includes(u));
    if (outside.length > 0)
      throw new PlanStoreError(
        'invalid',
        `${c.name}: ${outside.map(nameOf).join(', ')} chưa là thành viên trong danh bạ: hãy cập nhật danh bạ trước khi ban hành`,
      );
    await db.query('DELETE FROM cluster_heads WHERE cluster_id = $1 AND year = $2', [c.clusterId, year]);
    if (c.headUnitId)
      await db.query(`INSERT INTO cluster_heads (cluster_id, year, seat, unit_id) VALUES ($1, $2, 'head', $3)`, [
        c.clusterId,
        year,
        c.headUnitId,
      ]);
    if (c.deputyUnitId)
      await db.query(`INSERT INTO cluster_heads (cluster_id, year, seat, unit_id) VALUES ($1, $2, 'deputy', $3)`, [
        c.clusterId,
        year,
        c.deputyUnitId,
      ]);
  }
}
