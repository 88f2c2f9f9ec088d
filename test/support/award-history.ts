/** Finding nominees in the demo commendation book whose history meets an award's prerequisites. */
import { peopleOfUnit, searchAwards } from '../../store/index.js';
import type { CaseWorld } from './case-world.js';

/**
 * The index (in peopleOfUnit order, as `draftFor` takes it) of a person of the unit who held `awardCode` in
 * every one of `years`: the demo book gives each regional unit one such "star" for the base emulation title.
 */
export async function personWhoHeld(
  world: CaseWorld,
  unitId: string,
  awardCode: string,
  years: readonly number[],
): Promise<number> {
  const people = await peopleOfUnit(world.db, unitId);
  const holdersIn = async (year: number) =>
    new Set(
      (await searchAwards(world.db, { unitId, year, awardCode, limit: 500, offset: 0 })).items.map((a) => a.personId),
    );
  const perYear = await Promise.all(years.map(holdersIn));
  const index = people.findIndex((p) => perYear.every((holders) => holders.has(p.id)));
  if (index < 0) throw new Error(`no one in ${unitId} held ${awardCode} in ${years.join(', ')}`);
  return index;
}
