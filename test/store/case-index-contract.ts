/**
 * The case index part of the store contract (issue 13), run on both engines by contract.ts: versioned writes
 * (an older write never replaces a newer one), due-date order across keyset pages, inbox clauses, the
 * diacritic-free name search, counts, and the row of a case whose run was ended.
 */
import { describe, expect, it } from 'vitest';
import type { VersionedCaseIndexRow } from '../../domain/case-index.js';
import { foldVietnamese } from '../../domain/text-fold.js';
import {
  allIndexedCases,
  countIndexedCases,
  countIndexedCasesBy,
  getIndexedCase,
  latestChangedCases,
  listIndexedCases,
  markCaseEnded,
  writeCaseIndexRow,
  type CaseIndexFilter,
} from '../../store/case-index.js';
import { migrate } from '../../store/migrations/migrate.js';
import { recordAward, searchAwards } from '../../store/book.js';
import { importDirectory } from '../../store/directory.js';
import { FX_DIRECTORY } from './fixtures.js';
import type { SqlDatabase } from '../../store/sql.js';

type WithDb = (fn: (db: SqlDatabase) => Promise<void>) => Promise<void>;

function row(n: number, overrides: Partial<VersionedCaseIndexRow> = {}): VersionedCaseIndexRow {
  const name = overrides.nomineeName ?? `Cán bộ số ${n}`;
  return {
    caseId: `nomination/c/u/${String(n).padStart(3, '0')}`,
    kind: 'nomination',
    year: 2025,
    campaignId: 'c',
    unitId: 'u',
    unitName: 'Viện kiểm sát nhân dân khu vực 2',
    clusterId: 'cum1',
    nomineeName: name,
    nomineeFolded: foldVietnamese(name),
    awardCode: 'giay-khen',
    awardName: 'Giấy khen',
    stage: 'draft',
    status: 'open',
    waitingRole: 'unit_head',
    waitingUnit: 'u',
    waitingUsers: null,
    dueAt: '2025-12-20T16:59:59.999Z',
    changedAt: '2025-12-01T03:00:00.000Z',
    version: 10,
    ...overrides,
  };
}

async function everyPage(db: SqlDatabase, filter: CaseIndexFilter, pageSize: number) {
  const pages: string[][] = [];
  let after: string | null = null;
  do {
    const page = await listIndexedCases(db, filter, { pageSize, after });
    pages.push(page.items.map((i) => i.caseId));
    after = page.next;
  } while (after && pages.length < 100);
  return pages;
}

/** Soonest first, none last (plain code-point order: ISO instants and case ids sort as text). */
const byDue = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : Date.parse(a) - Date.parse(b);

export function describeCaseIndexContract(withDb: WithDb): void {
  describe('case index', () => {
    it('keeps the newest version of a row: an older write is ignored, the same one repeated is harmless', async () => {
      await withDb(async (db) => {
        await migrate(db);
        expect(await writeCaseIndexRow(db, row(1, { version: 20, stage: 'cluster_review' }))).toEqual({
          written: true,
        });
        expect(await writeCaseIndexRow(db, row(1, { version: 12, stage: 'draft' }))).toEqual({ written: false });
        expect((await getIndexedCase(db, row(1).caseId))?.stage).toBe('cluster_review');
        expect(await writeCaseIndexRow(db, row(1, { version: 20, stage: 'cluster_review' }))).toEqual({
          written: true,
        });
        await writeCaseIndexRow(db, row(1, { version: 31, stage: 'council_vote', dueAt: null }));
        const stored = await getIndexedCase(db, row(1).caseId);
        expect(stored).toMatchObject({ stage: 'council_vote', version: 31, dueAt: null, overdue: false });
        expect(await allIndexedCases(db)).toHaveLength(1);
      });
    });

    it('lists in due-date order across keyset pages, cases without a due date last, none twice', async () => {
      await withDb(async (db) => {
        await migrate(db);
        // 23 cases with scattered due dates, two pairs sharing one (the case id breaks the tie), two with none.
        const days = [9, 3, 17, 1, 25, 3, 12, 30, 7, 21, 14, 2, 28, 19, 5, 11, 26, 8, 16, 22, 16];
        for (const [i, day] of days.entries())
          await writeCaseIndexRow(db, row(i, { dueAt: `2025-12-${String(day).padStart(2, '0')}T16:59:59.999Z` }));
        await writeCaseIndexRow(db, row(98, { dueAt: null }));
        await writeCaseIndexRow(db, row(99, { dueAt: null }));
        const pages = await everyPage(db, { kinds: ['nomination'] }, 5);
        expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
        const all = await allIndexedCases(db);
        const expected = [...all]
          .sort((a, b) => byDue(a.dueAt, b.dueAt) || (a.caseId < b.caseId ? -1 : 1))
          .map((r) => r.caseId);
        expect(pages.flat()).toEqual(expected);
        expect(pages.flat().slice(-2)).toEqual([row(98).caseId, row(99).caseId]);
        // A cursor cut by hand gives the first page, not an error.
        expect((await listIndexedCases(db, {}, { pageSize: 5, after: 'garbage' })).items.map((i) => i.caseId)).toEqual(
          pages[0],
        );
      });
    });

    it('an inbox lists what waits on its (role, units) and is still open; overdue is read at the given instant', async () => {
      await withDb(async (db) => {
        await migrate(db);
        await writeCaseIndexRow(
          db,
          row(1, { waitingRole: 'unit_head', waitingUnit: 'u', dueAt: '2025-12-01T00:00:00Z' }),
        );
        await writeCaseIndexRow(db, row(2, { waitingRole: 'cluster_head', waitingUnit: 'kv1' }));
        await writeCaseIndexRow(db, row(3, { waitingRole: 'unit_head', waitingUnit: 'other' }));
        await writeCaseIndexRow(db, row(4, { status: 'closed', waitingRole: 'unit_head', waitingUnit: 'u' }));
        await writeCaseIndexRow(
          db,
          row(5, { kind: 'registration', status: 'not_registered', waitingRole: 'unit_head', waitingUnit: 'u' }),
        );
        const inbox = await listIndexedCases(
          db,
          {
            waiting: [
              { role: 'unit_head', units: ['u'] },
              { role: 'cluster_head', units: ['kv1'] },
            ],
          },
          { pageSize: 10, now: '2025-12-10T00:00:00Z' },
        );
        expect(inbox.items.map((i) => [i.caseId.slice(-3), i.overdue])).toEqual([
          ['001', true],
          ['002', false],
          ['005', false],
        ]);
        expect(await countIndexedCases(db, { waiting: [] })).toBe(0);
        expect(await countIndexedCases(db, { overdueAt: '2025-12-10T00:00:00Z' })).toBe(1);
        await markCaseEnded(db, row(1).caseId);
        expect(await getIndexedCase(db, row(1).caseId)).toMatchObject({ status: 'closed', waitingRole: null });
        expect(await countIndexedCases(db, { overdueAt: '2025-12-10T00:00:00Z' })).toBe(0);
      });
    });

    it('a case that names the people it waits on is in their inboxes only, and in a clause naming nobody', async () => {
      await withDb(async (db) => {
        await migrate(db);
        const vote = { stage: 'council_vote', waitingRole: 'council_member', waitingUnit: 'hd' };
        await writeCaseIndexRow(db, row(1, { ...vote, waitingUsers: ['m2', 'm3'] }));
        await writeCaseIndexRow(db, row(2, { ...vote, waitingUsers: null }));
        const inboxOf = async (userId?: string) =>
          (
            await listIndexedCases(
              db,
              { waiting: [{ role: 'council_member', units: ['hd'], ...(userId ? { userId } : {}) }] },
              { pageSize: 10 },
            )
          ).items.map((i) => i.caseId.slice(-3));
        expect(await inboxOf('m1')).toEqual(['002']);
        expect(await inboxOf('m2')).toEqual(['001', '002']);
        expect(await inboxOf()).toEqual(['001', '002']);
        // The same with a second clause beside it, which reads each pair's page apart and merges them.
        const twoClauses = await listIndexedCases(
          db,
          {
            waiting: [
              { role: 'council_member', units: ['hd'], userId: 'm1' },
              { role: 'unit_head', units: ['u'] },
            ],
          },
          { pageSize: 10 },
        );
        expect(twoClauses.items.map((i) => i.caseId.slice(-3))).toEqual(['002']);
        expect((await getIndexedCase(db, row(1).caseId))?.waitingUsers).toEqual(['m2', 'm3']);
        await markCaseEnded(db, row(1).caseId);
        expect((await getIndexedCase(db, row(1).caseId))?.waitingUsers).toBeNull();
      });
    });

    it("an administrator's attention list has the held and the overdue open cases, not the ones on time", async () => {
      await withDb(async (db) => {
        await migrate(db);
        await writeCaseIndexRow(db, row(1, { dueAt: '2025-12-01T00:00:00Z' }));
        await writeCaseIndexRow(db, row(2, { dueAt: '2025-12-30T00:00:00Z' }));
        await writeCaseIndexRow(db, row(3, { stage: 'on_hold', waitingRole: null, waitingUnit: null, dueAt: null }));
        await writeCaseIndexRow(db, row(4, { status: 'closed', stage: 'on_hold', waitingRole: null }));
        await writeCaseIndexRow(db, row(5, { status: 'closed', waitingRole: null, dueAt: '2025-12-01T00:00:00Z' }));
        const list = await listIndexedCases(db, { attentionAt: '2025-12-10T00:00:00Z' }, { pageSize: 10 });
        expect(list.items.map((i) => i.caseId.slice(-3))).toEqual(['001', '003']);
      });
    });

    it('an inbox of several (role, units) pairs pages in one due-date order across its pairs, none twice', async () => {
      await withDb(async (db) => {
        await migrate(db);
        // Each pair's page is read apart and the pages merge (store/case-index.ts): interleaved due dates, ties
        // across pairs (the case id breaks them), a clause with two units, and rows the inbox must leave out.
        const waits = [
          ['unit_head', 'u'],
          ['cluster_member', 'cum1'],
          ['cluster_member', 'cum2'],
          ['unit_head', 'other'],
        ] as const;
        for (let i = 0; i < 26; i += 1) {
          const [role, unit] = waits[i % waits.length]!;
          const day = String(1 + ((i * 7) % 9)).padStart(2, '0');
          await writeCaseIndexRow(
            db,
            row(i, { waitingRole: role, waitingUnit: unit, dueAt: i % 11 === 5 ? null : `2025-12-${day}T00:00:00Z` }),
          );
        }
        await writeCaseIndexRow(db, row(90, { status: 'closed' }));
        const filter: CaseIndexFilter = {
          kinds: ['nomination'],
          waiting: [
            { role: 'unit_head', units: ['u'] },
            { role: 'cluster_member', units: ['cum1', 'cum2'] },
          ],
        };
        const expected = (await allIndexedCases(db))
          .filter((r) => r.status === 'open' && r.waitingUnit !== 'other')
          .sort((a, b) => byDue(a.dueAt, b.dueAt) || (a.caseId < b.caseId ? -1 : 1))
          .map((r) => r.caseId);
        expect(expected).toHaveLength(20);
        const pages = await everyPage(db, filter, 3);
        expect(pages.map((p) => p.length)).toEqual([3, 3, 3, 3, 3, 3, 2]);
        expect(pages.flat()).toEqual(expected);
        expect(await countIndexedCases(db, filter)).toBe(20);
      });
    });

    it('finds a nominee by name typed without diacritics, in any case, literally', async () => {
      await withDb(async (db) => {
        await migrate(db);
        await writeCaseIndexRow(db, row(1, { nomineeName: 'Nguyễn Văn An' }));
        await writeCaseIndexRow(db, row(2, { nomineeName: 'Đỗ Thị Hằng' }));
        await writeCaseIndexRow(db, row(3, { nomineeName: 'Nguyễn Văn Anh 100%' }));
        const names = async (name: string) =>
          (await listIndexedCases(db, { name }, { pageSize: 10 })).items.map((i) => i.nomineeName);
        expect(await names('nguyen van an')).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Anh 100%']);
        expect(await names('NGUYỄN VĂN ANH')).toEqual(['Nguyễn Văn Anh 100%']);
        expect(await names('do thi hang')).toEqual(['Đỗ Thị Hằng']);
        expect(await names('%')).toEqual(['Nguyễn Văn Anh 100%']);
        expect(await names('tran')).toEqual([]);
      });
    });

    it('the book finds a person, or a collective by its unit, from a name typed without diacritics', async () => {
      await withDb(async (db) => {
        await migrate(db);
        await importDirectory(db, FX_DIRECTORY);
        const base = {
          awardCode: 'giay-khen',
          unitId: 'fx-kv1',
          year: 2025,
          decisionNumber: '1/QĐ',
          decisionDate: '2025-12-01',
          decidedByLevel: 'provincial',
        } as const;
        await recordAward(db, { ...base, caseKey: 'k1', subject: 'individual', personId: 'fx-kv1-nv02' });
        await recordAward(db, { ...base, caseKey: 'k2', subject: 'individual', personId: 'fx-kv1-nv03' });
        await recordAward(db, { ...base, caseKey: 'k3', subject: 'collective', personId: null });
        const keys = async (name: string) =>
          (await searchAwards(db, { name, limit: 10, offset: 0 })).items.map((e) => e.caseKey).sort();
        expect(await keys('le duc minh')).toEqual(['k1']);
        expect(await keys('PHAM THU')).toEqual(['k2']);
        expect(await keys('Lê Đức')).toEqual(['k1']);
        expect(await keys('zzz')).toEqual([]);
        expect(await keys('kiem sat nhan dan khu vuc 1')).toEqual(['k3']);
        expect((await searchAwards(db, { name: 'le duc minh', limit: 10, offset: 0 })).total).toBe(1);
      });
    });

    it('counts per stage and per cluster, and lists the latest changes first', async () => {
      await withDb(async (db) => {
        await migrate(db);
        await writeCaseIndexRow(db, row(1, { stage: 'draft', clusterId: 'cum1', changedAt: '2025-12-01T00:00:00Z' }));
        await writeCaseIndexRow(db, row(2, { stage: 'draft', clusterId: 'cum2', changedAt: '2025-12-03T00:00:00Z' }));
        await writeCaseIndexRow(db, row(3, { stage: 'awarded', clusterId: 'cum2', changedAt: '2025-12-02T00:00:00Z' }));
        await writeCaseIndexRow(db, row(4, { kind: 'registration', stage: 'open', year: 2025 }));
        const stages = await countIndexedCasesBy(db, { kinds: ['nomination'], year: 2025 }, 'stage');
        expect(Object.fromEntries(stages)).toEqual({ draft: 2, awarded: 1 });
        const clusters = await countIndexedCasesBy(db, { kinds: ['nomination'] }, 'cluster_id');
        expect(Object.fromEntries(clusters)).toEqual({ cum1: 1, cum2: 2 });
        const latest = await latestChangedCases(db, { kinds: ['nomination'] }, 2);
        expect(latest.map((r) => r.caseId.slice(-3))).toEqual(['002', '003']);
      });
    });
  });
}
