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

/** Vietnamese problems of a line-up: a cluster without a head (or with a head from outside it), a unit in two. */
export function lineupProblems(lineup: readonly ClusterLineup[]): string[] {
  const problems: string[] = [];
  const clusterOf = new Map<string, ClusterLineup>();
  for (const c of lineup) {
    if (!c.headUnitId) problems.push(`${cap(noun(c))} “${c.name}” chưa có đơn vị ${noun(c)} trưởng`);
    else if (!c.memberUnitIds.includes(c.headUnitId))
      problems.push(`Đơn vị ${noun(c)} trưởng ${c.headUnitId} không thuộc ${noun(c)} “${c.name}”`);
    if (c.deputyUnitId && c.deputyUnitId === c.headUnitId)
      problems.push(`${cap(noun(c))} “${c.name}”: một đơn vị không thể vừa là ${noun(c)} trưởng vừa là ${noun(c)} phó`);
    for (const unitId of new Set(c.memberUnitIds)) {
      const other = clusterOf.get(unitId);
      if (other) problems.push(`Đơn vị ${unitId} thuộc cả ${noun(other)} “${other.name}” và ${noun(c)} “${c.name}”`);
      else clusterOf.set(unitId, c);
    }
  }
  const ids = lineup.map((c) => c.clusterId);
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problems.push(`Mã cụm, khối ${id} bị trùng`);
  return problems;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
