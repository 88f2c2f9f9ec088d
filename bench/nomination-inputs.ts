/**
 * The nominations the bench starts: ordinary drafts (a certificate of merit, giấy khen, for one person) from
 * every unit of the demo organisation in turn, each created by that unit's clerk, so the cases spread over
 * units and clusters the way a province's would and the inbox and unit filters have realistic shares.
 */
import {
  listUnits,
  openMigratedDatabase,
  peopleOfUnit,
  seedDemoData,
  usersByRole,
  type SqlDatabase,
} from '../store/index.js';
import { loadAccount, type Account } from '../store/credentials.js';
import { awardByCode, requiredDossierItems } from '../domain/catalogue.js';
import type { NominationStartInput } from '../domain/nomination/types.js';
import type { Person } from '../domain/org.js';
import { getUserByUsername } from '../store/directory.js';

const AWARD_CODE = 'giay-khen';

interface UnitSource {
  unitId: string;
  people: Person[];
  clerk: NominationStartInput['createdBy'];
}

export interface NominationSequence {
  /** The i-th nomination of the run (units in turn, people of the unit in turn). */
  input(i: number): NominationStartInput;
}

export interface NominationInputs {
  /** Every unit that can nominate (has people and a clerk). */
  units: string[];
  /** The run's nominations, from these units only. */
  restrictTo(unitIds: readonly string[]): NominationSequence;
  /** Username of a unit's head (whose inbox receives the unit's drafts). */
  headOf(unitId: string): Promise<string>;
  /** A demo account as the web UI loads it (roles, councils), for the inbox query. */
  account(username: string): Promise<Account>;
  close(): Promise<void>;
}

export async function openNominationInputs(campaignId: string, year = 2025): Promise<NominationInputs> {
  const db: SqlDatabase = await openMigratedDatabase('pglite:');
  await seedDemoData(db);
  const award = awardByCode(AWARD_CODE);
  const sources: UnitSource[] = [];
  for (const unit of await listUnits(db)) {
    const people = await peopleOfUnit(db, unit.id);
    const [clerk] = await usersByRole(db, 'unit_clerk', { unitId: unit.id });
    if (people.length === 0 || !clerk) continue; // e.g. the Supreme Procuracy: no one nominates from it here
    sources.push({
      unitId: unit.id,
      people,
      clerk: { userId: clerk.id, displayName: clerk.displayName, role: 'unit_clerk', unitId: unit.id, actingFor: null },
    });
  }
  if (sources.length === 0) throw new Error('the demo organisation has no unit with people and a clerk');
  const dossier = requiredDossierItems(award, 'individual').map((item) => ({
    code: item.code,
    title: item.label,
    reference: `HS-${item.code}`,
  }));

  const sequence = (chosen: UnitSource[]): NominationSequence => ({
    input(i) {
      const source = chosen[i % chosen.length]!;
      const person = source.people[Math.floor(i / chosen.length) % source.people.length]!;
      return {
        campaignId,
        year,
        track: 'regular',
        unitId: source.unitId,
        createdBy: source.clerk,
        draft: {
          awardCode: AWARD_CODE,
          nominee: { subject: 'individual', personId: person.id, unitId: source.unitId, displayName: person.fullName },
          dossier,
          achievements: 'Hoàn thành xuất sắc nhiệm vụ được giao.',
        },
      };
    },
  });

  return {
    units: sources.map((s) => s.unitId),
    restrictTo(unitIds) {
      const chosen = sources.filter((s) => unitIds.includes(s.unitId));
      const unknown = unitIds.filter((id) => !chosen.some((s) => s.unitId === id));
      if (unknown.length > 0 || chosen.length === 0) {
        throw new Error(`no people or clerk to nominate from: ${unknown.join(', ') || '(no unit given)'}`);
      }
      return sequence(chosen);
    },
    async headOf(unitId) {
      const [head] = await usersByRole(db, 'unit_head', { unitId });
      if (!head) throw new Error(`unit ${unitId} has no head in the demo organisation`);
      return head.username;
    },
    async account(username) {
      const user = await getUserByUsername(db, username);
      const account = user ? await loadAccount(db, user.id) : null;
      if (!account) throw new Error(`no demo account ${username}`);
      return account;
    },
    close: () => db.close(),
  };
}
