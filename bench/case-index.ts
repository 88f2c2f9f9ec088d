/**
 * The case index's own figure (issue 13): the inbox and the admin search read from the case index
 * (store/case-index.ts, exactly as the routes call it) with 20,000 rows against the same lists with 100 rows, on
 * the embedded engine, first page and deepest page (reached by walking real cursors), p50/p95 over repeated calls
 * and the ratio large / small. The old visibility path's figures are the main bench's (npm run bench).
 *
 *   npx tsx bench/case-index.ts [--large 20000] [--small 100] [--repeats 200] [--postgres URL] [--explain]
 *
 * Rows: 20 units, each with its share of nominations in every stage, scattered due dates, Vietnamese names.
 * `--postgres URL` measures on PostgreSQL instead (in a schema of its own, dropped after); `--explain` prints the
 * plan (EXPLAIN ANALYZE) of each list's first and deepest page with the large store, instead of timing them.
 */
import { parseArgs } from 'node:util';
import { foldVietnamese } from '../domain/text-fold.js';
import type { VersionedCaseIndexRow } from '../domain/case-index.js';
import { listIndexedCases, writeCaseIndexRow, type CaseIndexFilter } from '../store/case-index.js';
import { INBOX_KINDS } from '../client/web/case-links.js';
import { openMigratedDatabase } from '../store/open.js';
import { openPostgresDatabase } from '../store/postgres.js';
import type { SqlDatabase, SqlParam, SqlSession } from '../store/sql.js';
import { ratio, timeRepeated, type LatencySummary } from './stats.js';

const UNITS = 20;
const FOCUS_UNIT = 'hd-kv2';
const CAMPAIGN = 'bench-index';
const STAGES = ['draft', 'cluster_review', 'standing_body_check', 'council_vote', 'leadership_approval'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const GIVEN = ['Văn An', 'Thị Hằng', 'Đức Minh', 'Thu Hà', 'Quang Hải', 'Ngọc Lan', 'Minh Tuấn', 'Thị Hương'];

function rowOf(i: number): VersionedCaseIndexRow {
  const unit = i % UNITS === 0 ? FOCUS_UNIT : `hd-u${i % UNITS}`;
  const stage = STAGES[i % STAGES.length]!;
  const name = `${FAMILY[i % FAMILY.length]} ${GIVEN[(i * 7) % GIVEN.length]} ${i}`;
  // Due dates scattered over a year, deterministic (a multiplicative hash of i).
  const dueMs = Date.UTC(2025, 0, 1) + ((i * 2_654_435_761) % 365) * 86_400_000;
  return {
    caseId: `nomination/${CAMPAIGN}/${unit}/${String(i).padStart(6, '0')}`,
    kind: 'nomination',
    year: 2025,
    campaignId: CAMPAIGN,
    unitId: unit,
    unitName: `Viện kiểm sát nhân dân ${unit}`,
    clusterId: `hd-cum${i % 3}`,
    nomineeName: name,
    nomineeFolded: foldVietnamese(name),
    awardCode: 'giay-khen',
    awardName: 'Giấy khen',
    stage,
    status: 'open',
    waitingRole: stage === 'draft' ? 'unit_head' : 'council_secretary',
    waitingUnit: stage === 'draft' ? unit : 'hd-vp',
    waitingUsers: null,
    dueAt: new Date(dueMs).toISOString(),
    changedAt: '2025-01-01T00:00:00.000Z',
    version: 1,
  };
}

async function seed(db: SqlDatabase, n: number): Promise<void> {
  for (let start = 0; start < n; start += 1000)
    await db.transaction(async (tx) => {
      for (let i = start; i < Math.min(n, start + 1000); i += 1) await writeCaseIndexRow(tx, rowOf(i));
    });
}

interface Scenario {
  name: string;
  filter: CaseIndexFilter;
  pageSize: number;
}

const SCENARIOS: Scenario[] = [
  {
    // The filter client/web/inbox.ts inboxFilter builds for the head of hd-kv2 in the demo organisation: its unit's
    // drafts, and the votes of the cluster it is a member of.
    name: `inbox of the head of ${FOCUS_UNIT}`,
    filter: {
      kinds: INBOX_KINDS,
      waiting: [
        { role: 'unit_head', units: [FOCUS_UNIT] },
        { role: 'cluster_member', units: ['hd-cum1'] },
      ],
    },
    pageSize: 20,
  },
  { name: 'admin search: campaign', filter: { kinds: ['nomination'], campaignId: CAMPAIGN }, pageSize: 25 },
  {
    name: 'admin search: campaign + name "nguyen van an"',
    filter: { kinds: ['nomination'], campaignId: CAMPAIGN, name: 'nguyen van an' },
    pageSize: 25,
  },
];

interface Figure {
  scenario: string;
  rows: number;
  pages: number;
  first: LatencySummary;
  deepest: LatencySummary;
}

/** A session that prints the plan of every list query instead of only running it. */
function explaining(db: SqlSession, label: string): SqlSession {
  return {
    exec: (text) => db.exec(text),
    async query<T extends object>(text: string, params?: readonly SqlParam[]): Promise<T[]> {
      const plan = await db.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
      console.log(`--- ${label}\n${plan.map((r) => Object.values(r)[0]).join('\n')}\n`);
      return db.query<T>(text, params);
    },
  };
}

async function openStore(postgres: string | undefined): Promise<{ db: SqlDatabase; drop: () => Promise<void> }> {
  if (!postgres) return { db: await openMigratedDatabase('pglite:'), drop: async () => undefined };
  const schema = `tdkt_bench_index_${process.pid}_${Date.now().toString(36)}`;
  const db = await openMigratedDatabase({ url: postgres, schema });
  return {
    db,
    drop: async () => {
      const admin = await openPostgresDatabase(postgres);
      await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
    },
  };
}

async function measure(n: number, repeats: number, postgres?: string, explain = false): Promise<Figure[]> {
  const { db, drop } = await openStore(postgres);
  try {
    await seed(db, n);
    await db.exec('ANALYZE case_index');
    const out: Figure[] = [];
    for (const s of SCENARIOS) {
      // Walk every page by its cursor, as "Trang sau" does, to find the deepest one.
      let cursor: string | null = null;
      let last: string | null = null;
      let pages = 0;
      do {
        last = cursor;
        cursor = (await listIndexedCases(db, s.filter, { pageSize: s.pageSize, after: cursor })).next;
        pages += 1;
      } while (cursor);
      if (explain) {
        await listIndexedCases(explaining(db, `${s.name}, ${n} rows, first page`), s.filter, { pageSize: s.pageSize });
        const deepest = `${s.name}, ${n} rows, deepest page (${pages})`;
        await listIndexedCases(explaining(db, deepest), s.filter, { pageSize: s.pageSize, after: last });
        continue;
      }
      const first = await timeRepeated(() => listIndexedCases(db, s.filter, { pageSize: s.pageSize }), repeats);
      const deepest = await timeRepeated(
        () => listIndexedCases(db, s.filter, { pageSize: s.pageSize, after: last }),
        repeats,
      );
      out.push({ scenario: s.name, rows: n, pages, first: first.latency, deepest: deepest.latency });
    }
    return out;
  } finally {
    await db.close();
    await drop();
  }
}

const { values } = parseArgs({
  options: {
    large: { type: 'string' },
    small: { type: 'string' },
    repeats: { type: 'string' },
    postgres: { type: 'string' },
    explain: { type: 'boolean' },
  },
});
const large = Number(values.large ?? 20_000);
const small = Number(values.small ?? 100);
const repeats = Number(values.repeats ?? 200);
if (values.explain) {
  await measure(small, 1, values.postgres, true);
  await measure(large, 1, values.postgres, true);
  process.exit(0);
}
const smallFigures = await measure(small, repeats, values.postgres);
const largeFigures = await measure(large, repeats, values.postgres);
const engine = values.postgres ? 'PostgreSQL' : 'PGlite (in memory)';
console.log(`case index on ${engine}: ${large} rows vs ${small} rows, ${repeats} calls per figure\n`);
console.log(
  '| list (page size) | page | pages at large / small | p50 small | p95 small | p50 large | p95 large | ratio p50 | ratio p95 |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [i, s] of SCENARIOS.entries()) {
  const a = smallFigures[i]!;
  const b = largeFigures[i]!;
  for (const which of ['first', 'deepest'] as const)
    console.log(
      `| ${which === 'first' ? `${s.name} (${s.pageSize})` : ''} | ${which === 'first' ? 1 : 'last'} | ${b.pages} / ${a.pages} | ${a[which].p50Ms} | ${a[which].p95Ms} | ${b[which].p50Ms} | ${b[which].p95Ms} | ${ratio(b[which].p50Ms, a[which].p50Ms)} | ${ratio(b[which].p95Ms, a[which].p95Ms)} |`,
    );
}
