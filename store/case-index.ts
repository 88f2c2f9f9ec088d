/**
 * The case index (migration 005): one row per case, written by the case itself after each change (an activity,
 * activities/case-index.ts) and rebuilt from Temporal by `npm run index:rebuild`. Staff lists read it: sorted by
 * due date across all pages (keyset pages, no OFFSET), searched by accent-folded name, counted per stage or cluster.
 */
import {
  WAITING_STATUSES,
  type CaseIndexKind,
  type CaseIndexRow,
  type VersionedCaseIndexRow,
} from '../domain/case-index.js';
import { foldVietnamese } from '../domain/text-fold.js';
import type { SqlParam, SqlSession } from './sql.js';

export interface IndexedCase extends CaseIndexRow {
  version: number;
  /** Still waiting on someone, and its due date has passed (at the instant the list was read). */
  overdue: boolean;
}

/** One inbox clause: cases waiting on this role in one of these units (and, where a case names them, on this user). */
export interface WaitingClause {
  role: string;
  units: readonly string[];
  /** The reader: a case that waits on named people (waiting_users) matches only if they are among them. */
  userId?: string;
}

export interface CaseIndexFilter {
  kinds?: readonly CaseIndexKind[];
  year?: number;
  campaignId?: string;
  unitId?: string;
  unitIds?: readonly string[];
  clusterId?: string;
  stages?: readonly string[];
  statuses?: readonly string[];
  awardCode?: string;
  /** Cases waiting on any of these (role, units): an inbox. */
  waiting?: readonly WaitingClause[];
  /** Only cases still waiting on someone whose due date is before this instant (ISO). */
  overdueAt?: string;
  /**
   * Only open cases that need an administrator's eye at this instant (ISO): overdue ones, and ones held (on hold
   * on a complaint or a review) whatever their due date.
   */
  attentionAt?: string;
  /** Part of the nominee's name, typed with or without diacritics. */
  name?: string;
  /**
   * Drafts (stage `draft`: never submitted; a returned case is `returned`) only of this unit: a draft belongs to its
   * unit until submitted (issue 14), so a reader other than an admin sees no other unit's drafts.
   */
  draftsOnlyOfUnit?: string;
}

export interface IndexPage {
  items: IndexedCase[];
  /** Opaque cursor of the next page, null on the last page. */
  next: string | null;
}

export const MAX_INDEX_PAGE = 200;

const COLUMNS = `case_id, kind, year, campaign_id, unit_id, unit_name, cluster_id, nominee_name, nominee_folded,
  award_code, award_name, stage, status, waiting_role, waiting_unit, waiting_users,
  (extract(epoch FROM due_at) * 1000)::float8 AS due_ms, (extract(epoch FROM changed_at) * 1000)::float8 AS changed_ms,
  version::text AS version, due_sort::text AS due_cursor`;

interface Row {
  case_id: string;
  kind: CaseIndexKind;
  year: number | null;
  campaign_id: string | null;
  unit_id: string | null;
  unit_name: string | null;
  cluster_id: string | null;
  nominee_name: string | null;
  nominee_folded: string | null;
  award_code: string | null;
  award_name: string | null;
  stage: string;
  status: string;
  waiting_role: string | null;
  waiting_unit: string | null;
  waiting_users: string[] | null;
  due_ms: number | null;
  changed_ms: number;
  version: string;
  /** due_sort as text, for the cursor (named apart: ORDER BY due_sort must mean the column, not this text). */
  due_cursor: string;
}

function toIndexed(row: Row, now: number): IndexedCase {
  const dueAt = row.due_ms === null ? null : new Date(row.due_ms).toISOString();
  return {
    caseId: row.case_id,
    kind: row.kind,
    year: row.year,
    campaignId: row.campaign_id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    clusterId: row.cluster_id,
    nomineeName: row.nominee_name,
    nomineeFolded: row.nominee_folded,
    awardCode: row.award_code,
    awardName: row.award_name,
    stage: row.stage,
    status: row.status,
    waitingRole: row.waiting_role,
    waitingUnit: row.waiting_unit,
    waitingUsers: row.waiting_users,
    dueAt,
    changedAt: new Date(row.changed_ms).toISOString(),
    version: Number(row.version),
    overdue: row.waiting_role !== null && row.due_ms !== null && row.due_ms < now,
  };
}

/**
 * Writes a case's row, unless the index already holds a newer version of it (a late retry of an older write, or a
 * rebuild that read the case before its last change). An equal version replaces: the same write repeated.
 */
export async function writeCaseIndexRow(db: SqlSession, row: VersionedCaseIndexRow): Promise<{ written: boolean }> {
  const written = await db.query<{ case_id: string }>(
    `INSERT INTO case_index (case_id, kind, year, campaign_id, unit_id, unit_name, cluster_id, nominee_name,
       nominee_folded, award_code, award_name, stage, status, waiting_role, waiting_unit, due_at, due_sort,
       changed_at, version, waiting_users)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::timestamptz,
       COALESCE($16::timestamptz, 'infinity'::timestamptz), $17::timestamptz, $18, $19::text[])
     ON CONFLICT (case_id) DO UPDATE SET
       kind = EXCLUDED.kind, year = EXCLUDED.year, campaign_id = EXCLUDED.campaign_id, unit_id = EXCLUDED.unit_id,
       unit_name = EXCLUDED.unit_name, cluster_id = EXCLUDED.cluster_id, nominee_name = EXCLUDED.nominee_name,
       nominee_folded = EXCLUDED.nominee_folded, award_code = EXCLUDED.award_code, award_name = EXCLUDED.award_name,
       stage = EXCLUDED.stage, status = EXCLUDED.status, waiting_role = EXCLUDED.waiting_role,
       waiting_unit = EXCLUDED.waiting_unit, waiting_users = EXCLUDED.waiting_users, due_at = EXCLUDED.due_at, due_sort = EXCLUDED.due_sort,
       changed_at = EXCLUDED.changed_at, version = EXCLUDED.version, written_at = now()
     WHERE case_index.version <= EXCLUDED.version
     RETURNING case_id`,
    [
      row.caseId,
      row.kind,
      row.year,
      row.campaignId,
      row.unitId,
      row.unitName,
      row.clusterId,
      row.nomineeName,
      row.nomineeFolded,
      row.awardCode,
      row.awardName,
      row.stage,
      row.status,
      row.waitingRole,
      row.waitingUnit,
      row.dueAt,
      row.changedAt,
      row.version,
      // A row written by a worker from before waitingUsers: it names nobody.
      row.waitingUsers ?? null,
    ],
  );
  return { written: written.length > 0 };
}

/**
 * An administrator ended the case's run (terminate): it writes no row any more, so its row stops waiting on anyone
 * here, as domain/case-index.ts `endedRow` would make it.
 */
export async function markCaseEnded(db: SqlSession, caseId: string): Promise<void> {
  await db.query(
    `UPDATE case_index SET status = CASE WHEN status = 'open' THEN 'closed' ELSE status END,
       waiting_role = NULL, waiting_unit = NULL, waiting_users = NULL, written_at = now() WHERE case_id = $1`,
    [caseId],
  );
}

function whereOf(filter: CaseIndexFilter, params: SqlParam[]): string {
  const conditions: string[] = [];
  const bind = (value: SqlParam) => {
    params.push(value);
    return `$${params.length}`;
  };
  const eq = (column: string, value: string | number | undefined) => {
    if (value !== undefined) conditions.push(`${column} = ${bind(value)}`);
  };
  // One value binds as `=`, not `= ANY(...)`: the planner then walks the (…, due_sort, case_id) indexes in order
  // and stops at the page, instead of sorting every match.
  const match = (column: string, values: readonly string[]) =>
    values.length === 1 ? `${column} = ${bind(values[0]!)}` : `${column} = ANY(${bind(values)}::text[])`;
  const anyOf = (column: string, values: readonly string[] | undefined) => {
    if (values !== undefined) conditions.push(match(column, values));
  };
  anyOf('kind', filter.kinds);
  eq('year', filter.year);
  eq('campaign_id', filter.campaignId);
  eq('unit_id', filter.unitId);
  anyOf('unit_id', filter.unitIds);
  eq('cluster_id', filter.clusterId);
  anyOf('stage', filter.stages);
  anyOf('status', filter.statuses);
  eq('award_code', filter.awardCode);
  if (filter.waiting !== undefined) {
    const ors = filter.waiting.map((c) => {
      const named =
        c.userId === undefined ? '' : ` AND (waiting_users IS NULL OR ${bind(c.userId)} = ANY(waiting_users))`;
      return `(waiting_role = ${bind(c.role)} AND ${match('waiting_unit', c.units)}${named})`;
    });
    conditions.push(ors.length > 0 ? `(${ors.join(' OR ')})` : 'false');
    anyOf('status', WAITING_STATUSES);
  }
  if (filter.overdueAt !== undefined) {
    conditions.push(`waiting_role IS NOT NULL AND due_at < ${bind(filter.overdueAt)}::timestamptz`);
  }
  if (filter.attentionAt !== undefined) {
    conditions.push(
      `status = 'open' AND (stage = 'on_hold' OR (waiting_role IS NOT NULL AND due_at < ${bind(filter.attentionAt)}::timestamptz))`,
    );
  }
  if (filter.draftsOnlyOfUnit !== undefined) {
    conditions.push(`(stage <> 'draft' OR unit_id = ${bind(filter.draftsOnlyOfUnit)})`);
  }
  const name = filter.name === undefined ? '' : foldVietnamese(filter.name);
  if (name !== '') {
    // The typed text is matched literally: LIKE's own wildcards in it are escaped.
    conditions.push(`nominee_folded LIKE ${bind(`%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  }
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

function encodeCursor(row: Row): string {
  return Buffer.from(JSON.stringify([row.due_cursor, row.case_id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string'))
      return [value[0] as string, value[1] as string];
  } catch {
    // a cursor typed or cut by hand: the first page
  }
  return null;
}

/**
 * One page of cases matching the filter, soonest due first (overdue cases therefore first, cases without a due
 * date last), across all pages: the next page starts after the last row of this one (keyset), so a case written
 * meanwhile neither repeats nor hides rows. A cursor that does not parse gives the first page.
 */
export async function listIndexedCases(
  db: SqlSession,
  filter: CaseIndexFilter,
  page: { pageSize: number; after?: string | null; now?: string },
): Promise<IndexPage> {
  if (!Number.isInteger(page.pageSize) || page.pageSize < 1 || page.pageSize > MAX_INDEX_PAGE)
    throw new Error(`pageSize must be an integer from 1 to ${MAX_INDEX_PAGE}`);
  const params: SqlParam[] = [];
  const after = page.after ? decodeCursor(page.after) : null;
  const limit = page.pageSize + 1;
  /** One filter's page in (due_sort, case_id) order, after the cursor; `extra` adds columns to the select list. */
  const pageOf = (f: CaseIndexFilter, extra = ''): string => {
    let where = whereOf(f, params);
    if (after) {
      params.push(after[0], after[1]);
      const keyset = `(due_sort, case_id) > ($${params.length - 1}::timestamptz, $${params.length})`;
      where = where ? `${where} AND ${keyset}` : `WHERE ${keyset}`;
    }
    params.push(limit);
    return `SELECT ${COLUMNS}${extra} FROM case_index ${where} ORDER BY due_sort, case_id LIMIT $${params.length}`;
  };
  // An inbox waits on several (role, unit) pairs. An OR of them makes the planner fetch every match and sort it, so
  // a page cost as much as the whole inbox (EXPLAIN: 1,000 rows read for a page of 20 with 20,000 cases). Each pair
  // instead reads its own page from the waiting index in order, and the pages merge: a page reads at most
  // (page size + 1) rows per pair, whatever the inbox holds. A case waits on one pair at most: no duplicates.
  const pairs = (filter.waiting ?? []).flatMap((c) => c.units.map((unit) => ({ ...c, units: [unit] })));
  let sql: string;
  if (pairs.length > 1) {
    const branches = pairs.map((pair) => `(${pageOf({ ...filter, waiting: [pair] }, ', due_sort AS due_order')})`);
    params.push(limit);
    sql = `SELECT * FROM (${branches.join(' UNION ALL ')}) AS merged ORDER BY due_order, case_id LIMIT $${params.length}`;
  } else {
    sql = pageOf(filter);
  }
  const rows = await db.query<Row>(sql, params);
  const now = Date.parse(page.now ?? new Date().toISOString());
  const more = rows.length > page.pageSize;
  const shown = more ? rows.slice(0, page.pageSize) : rows;
  return { items: shown.map((r) => toIndexed(r, now)), next: more ? encodeCursor(shown.at(-1)!) : null };
}

/** The cases of a filter that changed last, newest first (e.g. the council's votes closed lately). */
export async function latestChangedCases(
  db: SqlSession,
  filter: CaseIndexFilter,
  limit: number,
): Promise<IndexedCase[]> {
  const params: SqlParam[] = [];
  const where = whereOf(filter, params);
  params.push(limit);
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM case_index ${where} ORDER BY changed_at DESC, case_id LIMIT $${params.length}`,
    params,
  );
  const now = Date.now();
  return rows.map((r) => toIndexed(r, now));
}

export async function countIndexedCases(db: SqlSession, filter: CaseIndexFilter): Promise<number> {
  const params: SqlParam[] = [];
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM case_index ${whereOf(filter, params)}`,
    params,
  );
  return row?.n ?? 0;
}

/** Counts of a filter per stage or per cluster, in one query (the dashboard's bars). */
export async function countIndexedCasesBy(
  db: SqlSession,
  filter: CaseIndexFilter,
  by: 'stage' | 'cluster_id',
): Promise<Map<string, number>> {
  const params: SqlParam[] = [];
  const column = by === 'stage' ? 'stage' : 'cluster_id';
  const rows = await db.query<{ key: string | null; n: number }>(
    `SELECT ${column} AS key, count(*)::int AS n FROM case_index ${whereOf(filter, params)} GROUP BY ${column}`,
    params,
  );
  return new Map(rows.filter((r) => r.key !== null).map((r) => [r.key!, r.n]));
}

export async function getIndexedCase(db: SqlSession, caseId: string): Promise<IndexedCase | null> {
  const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM case_index WHERE case_id = $1`, [caseId]);
  return row ? toIndexed(row, Date.now()) : null;
}

/** The rows of these cases (e.g. to name the cases a bulk action answered for), in no particular order. */
export async function indexedCasesByIds(db: SqlSession, caseIds: readonly string[]): Promise<IndexedCase[]> {
  if (caseIds.length === 0) return [];
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM case_index WHERE case_id = ANY($1::text[])`, [caseIds]);
  const now = Date.now();
  return rows.map((r) => toIndexed(r, now));
}

/** Every row, by case id: what a rebuild is compared with. */
export async function allIndexedCases(db: SqlSession): Promise<IndexedCase[]> {
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM case_index ORDER BY case_id`);
  const now = Date.now();
  return rows.map((r) => toIndexed(r, now));
}

/** Empties the index (before a rebuild from Temporal, or in a test). */
export async function clearCaseIndex(db: SqlSession): Promise<void> {
  await db.exec('DELETE FROM case_index');
}
