/**
 * The behaviour every engine of the store must show, written once and run against PGlite and PostgreSQL.
 * Each engine supplies `openDb`, which must return a fresh, empty database and a way to dispose of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwardRecord } from '../../domain/book.js';
import { ROLES } from '../../domain/org.js';
import {
  BookError,
  awardCaseKey,
  awardHistoriesOfPeople,
  awardHistoryOfPerson,
  awardHistoryOfUnit,
  findByCaseKey,
  recordAward,
  revokeAward,
  searchAwards,
  type RecordAwardInput,
} from '../../store/book.js';
import { DEMO_USERNAMES, seedDemoData } from '../../store/demo-data.js';
import {
  clusterHeadsForYear,
  clusterOfUnit,
  clustersHeadedBy,
  countDirectory,
  getCluster,
  getCouncil,
  getPerson,
  getUnit,
  getUser,
  getUserByUsername,
  importDirectory,
  listClusters,
  listUnits,
  peopleOfUnit,
  quotaBasisOfUnit,
  usersByRole,
} from '../../store/directory.js';
import { MIGRATIONS } from '../../store/migrations/index.js';
import { migrate } from '../../store/migrations/migrate.js';
import type { SqlDatabase } from '../../store/sql.js';
import { describeCaseIndexContract } from './case-index-contract.js';
import { describePlanStoreContract } from './plans-contract.js';
import { FX_CLUSTERS, FX_COUNCIL, FX_DIRECTORY, FX_PEOPLE, FX_UNITS, FX_USERS } from './fixtures.js';

export interface TestDatabase {
  db: SqlDatabase;
  dispose(): Promise<void>;
}

export interface ContractOptions {
  /** Skip the whole suite (the engine is not available); the suite's name should say why. */
  skip?: boolean;
}

/** Opens a fresh database, runs `fn` on it and always disposes of it. */
async function withFreshDb<T>(openDb: () => Promise<TestDatabase>, fn: (db: SqlDatabase) => Promise<T>): Promise<T> {
  const handle = await openDb();
  try {
    return await fn(handle.db);
  } finally {
    await handle.dispose();
  }
}

function award(overrides: Partial<RecordAwardInput> & Pick<RecordAwardInput, 'caseKey'>): RecordAwardInput {
  return {
    awardCode: 'chien-si-thi-dua-co-so',
    subject: 'individual',
    personId: 'fx-kv1-nv02',
    unitId: 'fx-kv1',
    year: 2024,
    decisionNumber: '12/QĐ-VKS',
    decisionDate: '2024-12-31',
    decidedByLevel: 'provincial',
    ...overrides,
  };
}

async function countRows(db: SqlDatabase, caseKey: string): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM awards WHERE case_key = $1', [caseKey]);
  return row?.n ?? -1;
}

export function describeStoreContract(
  name: string,
  openDb: () => Promise<TestDatabase>,
  options: ContractOptions = {},
): void {
  describe.skipIf(options.skip ?? false)(name, () => {
    describePlanStoreContract((fn) => withFreshDb(openDb, fn));
    describeCaseIndexContract((fn) => withFreshDb(openDb, fn));
    describe('migrations', () => {
      it('applies every migration once; running again changes nothing', async () => {
        await withFreshDb(openDb, async (db) => {
          const first = await migrate(db);
          expect(first.applied).toEqual(MIGRATIONS.map((m) => m.version));
          expect(first.alreadyApplied).toEqual([]);

          const second = await migrate(db);
          expect(second.applied).toEqual([]);
          expect(second.alreadyApplied).toEqual(MIGRATIONS.map((m) => m.version));

          const rows = await db.query<{ version: number; name: string }>(
            'SELECT version, name FROM schema_migrations ORDER BY version',
          );
          expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
          const tables = await db.query<{ table_name: string }>(
            `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
          );
          expect(tables.map((t) => t.table_name)).toEqual([
            'awards',
            'case_index',
            'cluster_heads',
            'cluster_members',
            'clusters',
            'council_seats',
            'councils',
            'people',
            'plan_versions',
            'plans',
            'schema_migrations',
            'units',
            'user_roles',
            'users',
            'web_secrets',
            'web_sessions',
          ]);
        });
      });

      it('survives two migrations started at once, and refuses a database from newer code', async () => {
        await withFreshDb(openDb, async (db) => {
          const [a, b] = await Promise.all([migrate(db), migrate(db)]);
          expect([...a.applied, ...b.applied].sort()).toEqual(MIGRATIONS.map((m) => m.version));

          const newer = [
            ...MIGRATIONS,
            { version: MIGRATIONS.length + 1, name: 'from_the_future', sql: 'CREATE TABLE future_table (x int)' },
          ];
          expect((await migrate(db, newer)).applied).toEqual([MIGRATIONS.length + 1]);
          await expect(migrate(db)).rejects.toThrow(/newer version/);
        });
      });
    });

    describe('commendation book', () => {
      let handle: TestDatabase;
      let db: SqlDatabase;
      beforeAll(async () => {
        handle = await openDb();
        db = handle.db;
        await migrate(db);
        await importDirectory(db, FX_DIRECTORY);
      });
      afterAll(async () => {
        await handle.dispose();
      });

      it('records an award once per case and step, however often the activity retries', async () => {
        const caseKey = awardCaseKey('nomination/2024-annual/fx-kv1/1', 'record-award');
        expect(caseKey).toBe('nomination/2024-annual/fx-kv1/1#record-award');

        const first = await recordAward(db, award({ caseKey }));
        const second = await recordAward(db, award({ caseKey }));
        expect(first.created).toBe(true);
        expect(second.created).toBe(false);
        expect(second.entry).toEqual(first.entry);
        expect(await countRows(db, caseKey)).toBe(1);

        expect(first.entry).toMatchObject({
          caseKey,
          awardCode: 'chien-si-thi-dua-co-so',
          subject: 'individual',
          personId: 'fx-kv1-nv02',
          unitId: 'fx-kv1',
          year: 2024,
          decisionNumber: '12/QĐ-VKS',
          // A date near midnight must not shift by the engine's time zone.
          decisionDate: '2024-12-31',
          revoked: false,
          revokedAt: null,
          campaignId: null,
        });
        expect(first.entry.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        expect(Math.abs(Date.parse(first.entry.recordedAt) - Date.now())).toBeLessThan(5 * 60_000);

        // The other step of the same case is a different row.
        const other = await recordAward(
          db,
          award({ caseKey: awardCaseKey('nomination/2024-annual/fx-kv1/1', 'second-award'), awardCode: 'giay-khen' }),
        );
        expect(other.created).toBe(true);
        expect(other.entry.id).not.toBe(first.entry.id);
      });

      it('keeps one row when the same award is recorded concurrently', async () => {
        const caseKey = awardCaseKey('nomination/concurrent/fx-kv2/1', 'record-award');
        const results = await Promise.all(
          Array.from({ length: 5 }, () =>
            recordAward(db, award({ caseKey, personId: 'fx-kv2-nv02', unitId: 'fx-kv2' })),
          ),
        );
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
        expect(await countRows(db, caseKey)).toBe(1);
      });

      it('refuses a different award under a key already used, and malformed awards', async () => {
        const caseKey = awardCaseKey('nomination/conflict/fx-kv1/1', 'record-award');
        await recordAward(db, award({ caseKey }));
        await expect(recordAward(db, award({ caseKey, awardCode: 'bang-khen-vksndtc' }))).rejects.toMatchObject({
          code: 'key_conflict',
        });
        await expect(recordAward(db, award({ caseKey, basis: 'ad_hoc' }))).rejects.toMatchObject({
          code: 'key_conflict',
        });
        await expect(recordAward(db, award({ caseKey: 'bad/1', personId: null }))).rejects.toBeInstanceOf(BookError);
        await expect(recordAward(db, award({ caseKey: 'bad/5', awardCode: 'chien_si_thi_dua' }))).rejects.toMatchObject(
          {
            code: 'invalid_input',
          },
        );
        await expect(recordAward(db, award({ caseKey: 'bad/2', subject: 'collective' }))).rejects.toMatchObject({
          code: 'invalid_input',
        });
        await expect(recordAward(db, award({ caseKey: 'bad/3', decisionDate: '31/12/2024' }))).rejects.toMatchObject({
          code: 'invalid_input',
        });
        // The database refuses what slips past validation: a person who is not in the directory.
        await expect(recordAward(db, award({ caseKey: 'bad/4', personId: 'nobody' }))).rejects.toThrow();
        expect(await countRows(db, 'bad/4')).toBe(0);
      });

      it('revokes by marking the row, never deleting it; revoking again keeps the first revocation', async () => {
        const caseKey = awardCaseKey('nomination/revoke/fx-kv3/1', 'record-award');
        await recordAward(db, award({ caseKey, personId: 'fx-kv3-nv01', unitId: 'fx-kv3', year: 2023 }));

        const first = await revokeAward(db, { caseKey, reason: 'Khai sai thành tích', by: 'u-chief' });
        expect(first.changed).toBe(true);
        expect(first.entry).toMatchObject({ revoked: true, revokeReason: 'Khai sai thành tích', revokedBy: 'u-chief' });
        expect(first.entry.revokedAt).toMatch(/Z$/);

        const again = await revokeAward(db, { caseKey, reason: 'Lý do khác', by: 'u-admin' });
        expect(again.changed).toBe(false);
        expect(again.entry).toEqual(first.entry);

        expect(await countRows(db, caseKey)).toBe(1);
        expect(await findByCaseKey(db, caseKey)).toEqual(first.entry);
        expect((await searchAwards(db, { personId: 'fx-kv3-nv01', limit: 10, offset: 0 })).total).toBe(0);
        const withRevoked = await searchAwards(db, {
          personId: 'fx-kv3-nv01',
          includeRevoked: true,
          limit: 10,
          offset: 0,
        });
        expect(withRevoked.items.map((e) => e.caseKey)).toEqual([caseKey]);

        // Recording the same case again after revocation does not resurrect it.
        const retried = await recordAward(
          db,
          award({ caseKey, personId: 'fx-kv3-nv01', unitId: 'fx-kv3', year: 2023 }),
        );
        expect(retried).toMatchObject({ created: false, entry: { revoked: true } });

        await expect(revokeAward(db, { caseKey: 'no-such-case', reason: 'x', by: 'u-chief' })).rejects.toMatchObject({
          code: 'not_found',
        });
        await expect(revokeAward(db, { caseKey, reason: '  ', by: 'u-chief' })).rejects.toMatchObject({
          code: 'invalid_input',
        });
      });

      it('revokes with a reason that carries a NUL character (the CLI can send one; the column cannot hold it)', async () => {
        const caseKey = awardCaseKey('nomination/revoke-nul/fx-kv1/1', 'record-award');
        await recordAward(db, award({ caseKey, personId: 'fx-kv1-nv03', unitId: 'fx-kv1', year: 2019 }));
        const revoked = await revokeAward(db, { caseKey, reason: 'Khai sai\u0000 thành tích', by: 'u-chief' });
        expect(revoked.entry).toMatchObject({ revoked: true, revokeReason: 'Khai sai thành tích' });
      });

      it('searches by person, unit, year and form, page by page, with totals', async () => {
        // fx-vp is used by this test only, so the totals are exact.
        const rows: RecordAwardInput[] = [
          award({ caseKey: 's/1', personId: 'fx-vp-nv01', unitId: 'fx-vp', year: 2022, decisionDate: '2022-12-20' }),
          award({ caseKey: 's/2', personId: 'fx-vp-nv01', unitId: 'fx-vp', year: 2023, decisionDate: '2023-12-20' }),
          award({ caseKey: 's/3', personId: 'fx-vp-nv01', unitId: 'fx-vp', year: 2024, decisionDate: '2024-12-20' }),
          award({
            caseKey: 's/4',
            personId: 'fx-vp-nv02',
            unitId: 'fx-vp',
            year: 2023,
            awardCode: 'giay-khen',
            decisionDate: '2023-12-21',
          }),
          award({
            caseKey: 's/5',
            personId: 'fx-vp-nv02',
            unitId: 'fx-vp',
            year: 2024,
            awardCode: 'giay-khen',
            decisionDate: '2024-12-21',
          }),
          award({
            caseKey: 's/6',
            subject: 'collective',
            personId: null,
            unitId: 'fx-vp',
            year: 2023,
            awardCode: 'tap-the-lao-dong-xuat-sac',
          }),
          award({
            caseKey: 's/7',
            subject: 'collective',
            personId: null,
            unitId: 'fx-vp',
            year: 2024,
            awardCode: 'tap-the-lao-dong-xuat-sac',
          }),
        ];
        for (const row of rows) await recordAward(db, row);

        const pages = await Promise.all(
          [0, 3, 6, 9].map((offset) => searchAwards(db, { unitId: 'fx-vp', limit: 3, offset })),
        );
        expect(pages.map((p) => p.total)).toEqual([7, 7, 7, 7]);
        expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1, 0]);
        const all = pages.flatMap((p) => p.items);
        expect(new Set(all.map((e) => e.caseKey))).toEqual(new Set(rows.map((r) => r.caseKey)));
        const years = all.map((e) => e.year);
        expect(years).toEqual([...years].sort((a, b) => b - a)); // newest year first

        const byPerson = await searchAwards(db, { personId: 'fx-vp-nv01', limit: 2, offset: 0 });
        expect(byPerson.total).toBe(3);
        expect(byPerson.items.map((e) => e.caseKey)).toEqual(['s/3', 's/2']);

        const byYear = await searchAwards(db, { unitId: 'fx-vp', year: 2023, limit: 50, offset: 0 });
        expect(byYear.items.map((e) => e.caseKey).sort()).toEqual(['s/2', 's/4', 's/6']);

        const byForm = await searchAwards(db, { unitId: 'fx-vp', awardCode: 'giay-khen', limit: 50, offset: 0 });
        expect(byForm.total).toBe(2);
        expect(byForm.items.every((e) => e.awardCode === 'giay-khen')).toBe(true);

        const combined = await searchAwards(db, {
          year: 2024,
          awardCode: 'tap-the-lao-dong-xuat-sac',
          unitId: 'fx-vp',
          limit: 50,
          offset: 0,
        });
        expect(combined.items.map((e) => e.caseKey)).toEqual(['s/7']);
        const collectivesOnly = await searchAwards(db, {
          unitId: 'fx-vp',
          subject: 'collective',
          limit: 50,
          offset: 0,
        });
        expect(collectivesOnly.total).toBe(2);

        await expect(searchAwards(db, { limit: 0, offset: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
        await expect(searchAwards(db, { limit: 10, offset: -1 })).rejects.toMatchObject({ code: 'invalid_input' });
      });

      it("returns a person's and a unit's history as eligibility needs it", async () => {
        await recordAward(
          db,
          award({ caseKey: 'h/2', personId: 'fx-kv2-nv03', unitId: 'fx-kv2', year: 2023, decisionDate: '2023-12-28' }),
        );
        await recordAward(
          db,
          award({ caseKey: 'h/1', personId: 'fx-kv2-nv03', unitId: 'fx-kv2', year: 2022, decisionDate: '2022-12-28' }),
        );
        await recordAward(
          db,
          award({
            caseKey: 'h/3',
            personId: 'fx-kv2-nv03',
            unitId: 'fx-kv2',
            year: 2024,
            awardCode: 'bang-khen-vksndtc',
            decisionNumber: '40/QĐ-VKSTC',
            decisionDate: '2025-01-10',
            decidedByLevel: 'supreme',
            basis: 'thematic',
          }),
        );
        await revokeAward(db, { caseKey: 'h/2', reason: 'Hủy', by: 'u-chief' });
        await recordAward(
          db,
          award({
            caseKey: 'h/unit',
            subject: 'collective',
            personId: null,
            unitId: 'fx-kv2',
            year: 2024,
            awardCode: 'tap-the-lao-dong-xuat-sac',
          }),
        );

        const base = {
          awardCode: 'chien-si-thi-dua-co-so',
          subject: 'individual',
          personId: 'fx-kv2-nv03',
          unitId: 'fx-kv2',
          decisionNumber: '12/QĐ-VKS',
          decidedByLevel: 'provincial',
          basis: 'regular',
        } as const;
        const expected: AwardRecord[] = [
          { ...base, year: 2022, decisionDate: '2022-12-28', revoked: false },
          { ...base, year: 2023, decisionDate: '2023-12-28', revoked: true },
          {
            ...base,
            year: 2024,
            awardCode: 'bang-khen-vksndtc',
            decisionNumber: '40/QĐ-VKSTC',
            decisionDate: '2025-01-10',
            decidedByLevel: 'supreme',
            basis: 'thematic',
            revoked: false,
          },
        ];
        expect(await awardHistoryOfPerson(db, 'fx-kv2-nv03')).toEqual(expected);
        expect(await awardHistoryOfPerson(db, 'fx-kv3-nv01')).toEqual([expect.objectContaining({ revoked: true })]);
        expect(await awardHistoryOfPerson(db, 'nobody')).toEqual([]);

        const batch = await awardHistoriesOfPeople(db, ['fx-kv2-nv03', 'fx-vp-nv02', 'nobody']);
        expect(batch['fx-kv2-nv03']).toEqual(expected);
        expect(batch['fx-vp-nv02']?.map((r) => r.year)).toEqual([2023, 2024]);
        expect(batch['nobody']).toEqual([]);

        // The unit's own (collective) history, not its people's awards.
        expect(await awardHistoryOfUnit(db, 'fx-kv2')).toEqual([
          {
            awardCode: 'tap-the-lao-dong-xuat-sac',
            subject: 'collective',
            personId: null,
            unitId: 'fx-kv2',
            year: 2024,
            decisionNumber: '12/QĐ-VKS',
            decisionDate: '2024-12-31',
            decidedByLevel: 'provincial',
            basis: 'regular',
            revoked: false,
          },
        ]);
      });
    });

    describe('directory', () => {
      let handle: TestDatabase;
      let db: SqlDatabase;
      beforeAll(async () => {
        handle = await openDb();
        db = handle.db;
        await migrate(db);
      });
      afterAll(async () => {
        await handle.dispose();
      });

      it('imports everything in one go and reads it back as the org types', async () => {
        expect(await importDirectory(db, FX_DIRECTORY)).toEqual({
          units: 5,
          clusters: 2,
          people: 10,
          users: 8,
          councils: 1,
        });
        expect(await countDirectory(db)).toEqual({ units: 5, clusters: 2, people: 10, users: 8, councils: 1 });

        for (const unit of FX_UNITS) expect(await getUnit(db, unit.id)).toEqual(unit);
        expect(await getUnit(db, 'nowhere')).toBeNull();
        expect((await listUnits(db, { level: 'regional' })).map((u) => u.id)).toEqual(['fx-kv1', 'fx-kv2', 'fx-kv3']);
        expect((await listUnits(db, { parentId: 'fx' })).map((u) => u.id)).toEqual([
          'fx-kv1',
          'fx-kv2',
          'fx-kv3',
          'fx-vp',
        ]);
        expect((await listUnits(db, { parentId: null })).map((u) => u.id)).toEqual(['fx']);
        expect((await listUnits(db, { level: 'department', parentId: 'fx' })).map((u) => u.id)).toEqual(['fx-vp']);

        expect(await listClusters(db)).toEqual(FX_CLUSTERS); // ordered by id: fx-cum1, fx-khoi
        expect(await getCluster(db, 'fx-cum1')).toEqual(FX_CLUSTERS[0]);
        expect((await clusterOfUnit(db, 'fx-kv2'))?.id).toBe('fx-cum1');
        expect(await clusterOfUnit(db, 'fx')).toBeNull();
        expect(await clusterHeadsForYear(db, 'fx-cum1', 2025)).toEqual({
          clusterId: 'fx-cum1',
          year: 2025,
          headUnitId: 'fx-kv1',
          deputyUnitId: 'fx-kv2',
        });
        expect(await clusterHeadsForYear(db, 'fx-cum1', 2024)).toEqual({
          clusterId: 'fx-cum1',
          year: 2024,
          headUnitId: 'fx-kv3',
          deputyUnitId: null,
        });
        expect(await clusterHeadsForYear(db, 'fx-cum1', 2023)).toBeNull();
        expect((await clustersHeadedBy(db, 'fx-kv1', 2025)).map((c) => c.id)).toEqual(['fx-cum1']);
        expect(await clustersHeadedBy(db, 'fx-kv2', 2025)).toEqual([]); // deputy, not head

        expect(await peopleOfUnit(db, 'fx-kv1')).toEqual(FX_PEOPLE.filter((p) => p.unitId === 'fx-kv1'));
        expect(await getPerson(db, 'fx-kv1-nv02')).toEqual(FX_PEOPLE[2]);
        expect(await getPerson(db, 'nobody')).toBeNull();

        for (const user of FX_USERS) {
          const sorted = { ...user, roles: [...user.roles].sort() };
          expect(await getUser(db, user.id)).toEqual(sorted);
          expect(await getUserByUsername(db, user.username.toUpperCase())).toEqual(sorted);
        }
        expect(await getUserByUsername(db, 'nobody')).toBeNull();
        expect((await usersByRole(db, 'unit_clerk')).map((u) => u.username)).toEqual(['clerk.kv1', 'multi.kv2']);
        expect((await usersByRole(db, 'unit_clerk', { unitId: 'fx-kv2' })).map((u) => u.username)).toEqual([
          'multi.kv2',
        ]);
        for (const role of ROLES) expect((await usersByRole(db, role)).length, role).toBeGreaterThan(0);

        expect(await getCouncil(db, 'fx')).toEqual(FX_COUNCIL);
        expect(await getCouncil(db, 'fx-kv1')).toBeNull();

        expect(await quotaBasisOfUnit(db, 'fx-kv1')).toEqual({
          unitId: 'fx-kv1',
          staffCount: 20,
          collectiveCount: 3,
          peopleOnRecord: 3,
        });
        expect(await quotaBasisOfUnit(db, 'nowhere')).toBeNull();
      });

      it('re-imports as updates: no duplicates, replaced members, heads, roles and seats', async () => {
        await importDirectory(db, FX_DIRECTORY);
        await importDirectory(db, {
          units: [{ ...FX_UNITS[1]!, name: 'VKSND khu vực 2 (sau sáp nhập)', staffCount: 15 }],
          clusters: [
            {
              ...FX_CLUSTERS[0]!,
              memberUnitIds: ['fx-kv1', 'fx-kv2'],
              headUnitByYear: { '2025': 'fx-kv2' },
              deputyUnitByYear: {},
            },
          ],
          users: [{ ...FX_USERS[3]!, roles: ['unit_head'] }],
          councils: [{ ...FX_COUNCIL, memberUserIds: ['u-chief', 'u-member'] }],
        });
        expect(await countDirectory(db)).toEqual({ units: 5, clusters: 2, people: 10, users: 8, councils: 1 });
        expect(await getUnit(db, 'fx-kv2')).toMatchObject({ name: 'VKSND khu vực 2 (sau sáp nhập)', staffCount: 15 });
        expect(await getCluster(db, 'fx-cum1')).toMatchObject({
          memberUnitIds: ['fx-kv1', 'fx-kv2'],
          headUnitByYear: { '2025': 'fx-kv2' },
          deputyUnitByYear: {},
        });
        expect(await clusterOfUnit(db, 'fx-kv3')).toBeNull();
        expect((await getUserByUsername(db, 'multi.kv2'))?.roles).toEqual(['unit_head']);
        expect((await getCouncil(db, 'fx'))?.memberUserIds).toEqual(['u-chief', 'u-member']);
      });

      it('rejects inconsistent data as a whole: nothing of a failed import is kept', async () => {
        const before = await countDirectory(db);
        await expect(
          importDirectory(db, {
            units: [
              {
                id: 'fx-new',
                name: 'Đơn vị mới',
                level: 'department',
                parentId: 'fx',
                staffCount: 1,
                collectiveCount: 1,
                email: 'new@fx.test',
              },
            ],
            // The head must be a member of the cluster.
            clusters: [
              {
                id: 'fx-cum9',
                name: 'Cụm 9',
                kind: 'cluster',
                memberUnitIds: ['fx-new'],
                headUnitByYear: { '2025': 'fx-kv1' },
                deputyUnitByYear: {},
              },
            ],
          }),
        ).rejects.toThrow();
        expect(await getUnit(db, 'fx-new')).toBeNull();
        await expect(
          importDirectory(db, { units: [{ ...FX_UNITS[0]!, id: 'fx-orphan', parentId: 'missing' }] }),
        ).rejects.toThrow();
        await expect(
          importDirectory(db, { users: [{ ...FX_USERS[0]!, id: 'u-bad', username: 'Có Dấu' }] }),
        ).rejects.toThrow();
        expect(await countDirectory(db)).toEqual(before);
      });
    });

    describe('demo data', () => {
      it('loads once into an empty directory, with the shape the demo promises', async () => {
        await withFreshDb(openDb, async (db) => {
          await migrate(db);
          const first = await seedDemoData(db);
          expect(first.seeded).toBe(true);
          expect(first.directory.people).toBeGreaterThanOrEqual(280);
          expect(first.directory.people).toBeLessThanOrEqual(320);
          expect(first.revoked).toBe(1);
          const counts = await countDirectory(db);
          expect(counts).toEqual(first.directory);
          const [books] = await db.query<{ n: number; revoked: number; years: number[] }>(
            `SELECT count(*)::int AS n, count(revoked_at)::int AS revoked, array_agg(DISTINCT year ORDER BY year) AS years FROM awards`,
          );
          expect(books).toEqual({ n: first.awards, revoked: 1, years: [2022, 2023, 2024] });

          const second = await seedDemoData(db);
          expect(second.seeded).toBe(false);
          expect(await countDirectory(db)).toEqual(counts);
          const [after] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM awards');
          expect(after?.n).toBe(first.awards);

          const provincial = await getUnit(db, 'hd');
          expect(provincial?.name).toBe('Viện kiểm sát nhân dân tỉnh Hải Dương');
          const regional = await listUnits(db, { level: 'regional', parentId: 'hd' });
          expect(regional.length).toBeGreaterThanOrEqual(12);
          expect(regional.length).toBeLessThanOrEqual(16);
          expect((await listUnits(db, { level: 'department', parentId: 'hd' })).length).toBeGreaterThan(0);

          const clusters = await listClusters(db);
          expect(clusters.length).toBeGreaterThanOrEqual(3);
          expect(clusters.length).toBeLessThanOrEqual(4);
          for (const cluster of clusters) {
            const heads = await clusterHeadsForYear(db, cluster.id, 2025);
            expect(heads, cluster.id).not.toBeNull();
            expect(cluster.memberUnitIds).toContain(heads?.headUnitId);
            const headUsers = await usersByRole(db, 'cluster_head', { unitId: heads?.headUnitId ?? '' });
            expect(headUsers.length, `cluster head user for ${cluster.id}`).toBeGreaterThan(0);
          }

          // Staff counts agree with the people on record, so quotas computed from either match.
          for (const unit of [...regional, ...(await listUnits(db, { level: 'department' }))]) {
            const basis = await quotaBasisOfUnit(db, unit.id);
            expect(basis?.peopleOnRecord, unit.id).toBe(unit.staffCount);
            expect(unit.collectiveCount).toBeGreaterThan(0);
          }

          for (const role of ROLES) expect((await usersByRole(db, role)).length, role).toBeGreaterThan(0);
          expect((await usersByRole(db, 'leadership')).map((u) => u.username).sort()).toEqual([
            'phovientruong',
            'vientruong',
          ]);
          expect((await usersByRole(db, 'council_member')).length).toBeGreaterThanOrEqual(3);
          for (const username of DEMO_USERNAMES) {
            const user = await getUserByUsername(db, username);
            expect(user?.email, username).toBe(`${username}@vks-haiduong.test`);
            if (user?.personId) expect((await getPerson(db, user.personId))?.unitId, username).toBe(user.unitId);
          }
          const council = await getCouncil(db, 'hd');
          expect(council?.chairUserId).toBe((await getUserByUsername(db, 'vientruong'))?.id);
          expect(council?.memberUserIds.length).toBeGreaterThanOrEqual(5);

          // Some people have history to be eligible on.
          const [star] = await db.query<{ person_id: string }>(
            `SELECT person_id FROM awards WHERE award_code = 'chien-si-thi-dua-co-so' GROUP BY person_id HAVING count(DISTINCT year) = 3 LIMIT 1`,
          );
          expect(star).toBeDefined();
          expect((await awardHistoryOfPerson(db, star?.person_id ?? '')).length).toBeGreaterThanOrEqual(3);
        });
      });
    });
  });
}
