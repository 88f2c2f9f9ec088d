/**
 * Who the journeys nominate, spread so that no quota runs out and nobody is refused as already awarded: one
 * person per journey (Giấy khen is once a year per person), the twelve regional procuracies in turn, and a campaign
 * per round, so each unit's ledger in a campaign holds one place (their quotas are 1–2, domain/quota.ts). One
 * journey in four also sends a rival submit (JourneyPlan.rival).
 */
import { getUserByUsername, peopleOfUnit, type SqlDatabase } from '../../store/index.js';
import { awardByCode, requiredDossierItems } from '../../domain/catalogue.js';
import type { Actor } from '../../domain/org.js';
import { COUNCIL_SEATS, type JourneyPlan } from './journey.js';

const AWARD = 'giay-khen';
const REGIONAL_UNITS = Array.from({ length: 12 }, (_, i) => i + 1);

export async function loadActors(db: SqlDatabase): Promise<Map<string, Actor>> {
  const usernames = [
    ...REGIONAL_UNITS.flatMap((n) => [`truong.kv${n}`, `vanthu.kv${n}`]),
    'cumtruong.c1',
    'cumtruong.c2',
    'cumtruong.c3',
    ...COUNCIL_SEATS,
  ];
  const actors = new Map<string, Actor>();
  for (const username of usernames) {
    const user = await getUserByUsername(db, username);
    if (!user) throw new Error(`no demo user ${username}`);
    actors.set(username, {
      userId: user.id,
      displayName: user.displayName,
      role: user.roles[0]!,
      unitId: user.unitId,
      actingFor: null,
    });
  }
  return actors;
}

export async function planJourneys(
  db: SqlDatabase,
  actors: Map<string, Actor>,
  runId: string,
  count: number,
): Promise<JourneyPlan[]> {
  const people = new Map<number, Awaited<ReturnType<typeof peopleOfUnit>>>();
  for (const n of REGIONAL_UNITS) people.set(n, await peopleOfUnit(db, `hd-kv${n}`));
  const award = awardByCode(AWARD);
  const plans: JourneyPlan[] = [];
  for (let round = 0; plans.length < count; round++) {
    const before = plans.length;
    for (const n of REGIONAL_UNITS) {
      const person = people.get(n)![round];
      if (!person || plans.length >= count) continue;
      const unitId = `hd-kv${n}`;
      plans.push({
        index: plans.length,
        campaignId: `chaos-${runId}-${round}`,
        unitId,
        head: `truong.kv${n}`,
        clusterHead: `cumtruong.c${Math.ceil(n / 4)}`,
        createdBy: actors.get(`vanthu.kv${n}`)!,
        rival: plans.length % 4 === 1,
        draft: {
          awardCode: AWARD,
          nominee: { subject: 'individual', personId: person.id, unitId, displayName: person.fullName },
          dossier: requiredDossierItems(award, 'individual').map((item) => ({
            code: item.code,
            title: item.label,
            reference: `HS-${item.code}`,
          })),
          achievements: 'Hoàn thành xuất sắc nhiệm vụ được giao.',
        },
      });
    }
    if (plans.length === before) throw new Error(`the demo data has people for ${plans.length} journeys only`);
  }
  return plans;
}
