/**
 * The clusters and blocs (cụm, khối thi đua) of one plan year with their heads. Heads rotate by year and
 * membership changes with reorganisations (2025: district procuracies became regional ones, provinces merged),
 * so a plan carries its own line-up instead of reading last year's.
 */
import { z } from 'zod';
import { idString, list, obj, oneOf, text } from '../zod-vi.js';

export const ClusterLineupSchema = z.lazy(() =>
  obj('Cụm, khối thi đua', {
    clusterId: idString('Mã cụm, khối'),
    name: text('Tên cụm, khối', { max: 200 }),
    kind: oneOf('Loại', ['cluster', 'bloc'] as const),
    headUnitId: idString('Đơn vị cụm trưởng, khối trưởng').nullable(),
    deputyUnitId: idString('Đơn vị cụm phó, khối phó').nullable(),
    memberUnitIds: list('Các đơn vị thành viên', idString('Mã đơn vị'), { min: 1, max: 200 }),
  }),
);
export type ClusterLineup = z.infer<typeof ClusterLineupSchema>;

const noun = (c: Pick<ClusterLineup, 'kind'>) => (c.kind === 'bloc' ? 'khối' : 'cụm');

/** A unit's name as staff read it, from the directory (an id the directory does not know comes back as itself). */
export type UnitNameOf = (unitId: string) => string;

/**
 * Vietnamese problems of a line-up: a cluster without a head (or with a head from outside it), a unit in two.
 * Units are named by `nameOf` (staff see names, not directory ids); the one rule for every caller.
 */
export function lineupProblems(lineup: readonly ClusterLineup[], nameOf: UnitNameOf): string[] {
  const problems: string[] = [];
  const clusterOf = new Map<string, ClusterLineup>();
  for (const c of lineup) {
    if (!c.headUnitId) problems.push(`${cap(noun(c))} “${c.name}” chưa có đơn vị ${noun(c)} trưởng`);
    else if (!c.memberUnitIds.includes(c.headUnitId))
      problems.push(`Đơn vị ${noun(c)} trưởng ${nameOf(c.headUnitId)} không thuộc ${noun(c)} “${c.name}”`);
    if (c.deputyUnitId && c.deputyUnitId === c.headUnitId)
      problems.push(`${cap(noun(c))} “${c.name}”: một đơn vị không thể vừa là ${noun(c)} trưởng vừa là ${noun(c)} phó`);
    else if (c.deputyUnitId && !c.memberUnitIds.includes(c.deputyUnitId))
      problems.push(`Đơn vị ${noun(c)} phó ${nameOf(c.deputyUnitId)} không thuộc ${noun(c)} “${c.name}”`);
    for (const unitId of new Set(c.memberUnitIds)) {
      const other = clusterOf.get(unitId);
      if (other)
        problems.push(`Đơn vị ${nameOf(unitId)} thuộc cả ${noun(other)} “${other.name}” và ${noun(c)} “${c.name}”`);
      else clusterOf.set(unitId, c);
    }
  }
  const ids = lineup.map((c) => c.clusterId);
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problems.push(`Mã cụm, khối ${id} bị trùng`);
  return problems;
}

/**
 * The problems an edit brings into a draft's line-up: those of `after` that `before` did not have. A line-up copied
 * from the directory may start with a problem (a cluster whose head for the year is not named yet) that the author
 * fixes in steps, so a save is refused only for what it makes worse; issuing refuses every problem.
 */
export function introducedLineupProblems(
  before: readonly ClusterLineup[] | null,
  after: readonly ClusterLineup[] | null,
  nameOf: UnitNameOf,
): string[] {
  const had = new Set(lineupProblems(before ?? [], nameOf));
  return lineupProblems(after ?? [], nameOf).filter((p) => !had.has(p));
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
