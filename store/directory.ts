/**
 * The directory: units, emulation clusters/blocs, people, user accounts with their roles, and councils.
 * Imports are upserts in one transaction (nothing is deleted, so awards keep their people and units);
 * getters return the plain JSON types of domain/org.ts.
 */
import type { Cluster, ClusterKind, Council, Person, Role, Unit, UnitLevel, User } from '../domain/org.js';
import type { SqlDatabase, SqlSession } from './sql.js';

export interface DirectoryData {
  units?: readonly Unit[];
  clusters?: readonly Cluster[];
  people?: readonly Person[];
  users?: readonly User[];
  councils?: readonly Council[];
}

export interface DirectoryCounts {
  units: number;
  clusters: number;
  people: number;
  users: number;
  councils: number;
}

/** Inserts or updates everything given, in one transaction; returns how many of each were written. */
export async function importDirectory(db: SqlDatabase, data: DirectoryData): Promise<DirectoryCounts> {
  return db.transaction((tx) => writeDirectory(tx, data));
}

/**
 * The body of importDirectory, for callers that already hold a transaction (e.g. the demo seed).
 * A cluster's members and heads, a user's roles and a council's seats are replaced by what is given.
 */
export async function writeDirectory(tx: SqlSession, data: DirectoryData): Promise<DirectoryCounts> {
  const { units = [], clusters = [], people = [], users = [], councils = [] } = data;
  for (const unit of units) {
    await tx.query(
      `INSERT INTO units (id, name, level, parent_id, staff_count, collective_count, email)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_id = EXCLUDED.parent_id,
         staff_count = EXCLUDED.staff_count, collective_count = EXCLUDED.collective_count, email = EXCLUDED.email`,
      [unit.id, unit.name, unit.level, unit.parentId, unit.staffCount, unit.collectiveCount, unit.email],
    );
  }
  for (const cluster of clusters) {
    await tx.query(
      `INSERT INTO clusters (id, name, kind) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind`,
      [cluster.id, cluster.name, cluster.kind],
    );
    // Deleting the members cascades to the heads; both are rewritten from the given cluster.
    await tx.query('DELETE FROM cluster_members WHERE cluster_id = $1', [cluster.id]);
    for (const unitId of cluster.memberUnitIds) {
      await tx.query('INSERT INTO cluster_members (cluster_id, unit_id) VALUES ($1, $2)', [cluster.id, unitId]);
    }
    for (const [seat, byYear] of [
      ['head', cluster.headUnitByYear],
      ['deputy', cluster.deputyUnitByYear],
    ] as const) {
      for (const [year, unitId] of Object.entries(byYear)) {
        await tx.query('INSERT INTO cluster_heads (cluster_id, year, seat, unit_id) VALUES ($1, $2, $3, $4)', [
          cluster.id,
          Number(year),
          seat,
          unitId,
        ]);
      }
    }
  }
  for (const person of people) {
    await tx.query(
      `INSERT INTO people (id, full_name, unit_id, job_title, email) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET full_name = EXCLUDED.full_name, unit_id = EXCLUDED.unit_id,
         job_title = EXCLUDED.job_title, email = EXCLUDED.email`,
      [person.id, person.fullName, person.unitId, person.position, person.email],
    );
  }
  for (const user of users) {
    // password_hash is left alone: importing the directory must not lock anyone out.
    await tx.query(
      `INSERT INTO users (id, username, display_name, unit_id, email, person_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username, display_name = EXCLUDED.display_name,
         unit_id = EXCLUDED.unit_id, email = EXCLUDED.email, person_id = EXCLUDED.person_id`,
      [user.id, user.username, user.displayName, user.unitId, user.email, user.personId],
    );
    await tx.query('DELETE FROM user_roles WHERE user_id = $1', [user.id]);
    for (const role of new Set(user.roles)) {
      await tx.query('INSERT INTO user_roles (user_id, role) VALUES ($1, $2)', [user.id, role]);
    }
  }
  for (const council of councils) {
    await tx.query(
      `INSERT INTO councils (unit_id, chair_user_id, secretariat_unit_id) VALUES ($1, $2, $3)
       ON CONFLICT (unit_id) DO UPDATE SET chair_user_id = EXCLUDED.chair_user_id,
         secretariat_unit_id = EXCLUDED.secretariat_unit_id`,
      [council.unitId, council.chairUserId, council.secretariatUnitId],
    );
    await tx.query('DELETE FROM council_seats WHERE council_unit_id = $1', [council.unitId]);
    for (const [seat, userIds] of [
      ['standing', council.standingBodyUserIds],
      ['member', council.memberUserIds],
    ] as const) {
      for (const [ordinal, userId] of [...new Set(userIds)].entries()) {
        await tx.query('INSERT INTO council_seats (council_unit_id, seat, user_id, ordinal) VALUES ($1, $2, $3, $4)', [
          council.unitId,
          seat,
          userId,
          ordinal,
        ]);
      }
    }
  }
  return {
    units: units.length,
    clusters: clusters.length,
    people: people.length,
    users: users.length,
    councils: councils.length,
  };
}

/** How many rows each part of the directory holds. */
export async function countDirectory(db: SqlSession): Promise<DirectoryCounts> {
  const [row] = await db.query<DirectoryCounts>(`
    SELECT (SELECT count(*)::int FROM units) AS units, (SELECT count(*)::int FROM clusters) AS clusters,
           (SELECT count(*)::int FROM people) AS people, (SELECT count(*)::int FROM users) AS users,
           (SELECT count(*)::int FROM councils) AS councils`);
  if (!row) throw new Error('count query returned no row');
  return row;
}

// ---------------------------------------------------------------------------------------------- units

interface UnitRow {
  id: string;
  name: string;
  level: UnitLevel;
  parent_id: string | null;
  staff_count: number;
  collective_count: number;
  email: string;
}

const UNIT_COLUMNS = 'id, name, level, parent_id, staff_count, collective_count, email';

export async function getUnit(db: SqlSession, id: string): Promise<Unit | null> {
  const rows = await db.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units WHERE id = $1`, [id]);
  return rows[0] ? toUnit(rows[0]) : null;
}

/** Units filtered by level and/or parent (parentId null = top-level units), ordered by id. */
export async function listUnits(
  db: SqlSession,
  filter: { level?: UnitLevel; parentId?: string | null } = {},
): Promise<Unit[]> {
  const conditions: string[] = [];
  const params: string[] = [];
  if (filter.level !== undefined) {
    params.push(filter.level);
    conditions.push(`level = $${params.length}`);
  }
  if (filter.parentId === null) {
    conditions.push('parent_id IS NULL');
  } else if (filter.parentId !== undefined) {
    params.push(filter.parentId);
    conditions.push(`parent_id = $${params.length}`);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = await db.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units ${where} ORDER BY id`, params);
  return rows.map(toUnit);
}

/** What the quotas are computed from: ≤ 10% of staff for individuals, ≤ 1/4 of collectives. */
export interface QuotaBasis {
  unitId: string;
  staffCount: number;
  collectiveCount: number;
  /** People of the unit on record in the directory (may lag the official staff count). */
  peopleOnRecord: number;
}

export async function quotaBasisOfUnit(db: SqlSession, unitId: string): Promise<QuotaBasis | null> {
  const rows = await db.query<{ staff_count: number; collective_count: number; people_on_record: number }>(
    `SELECT staff_count, collective_count, (SELECT count(*)::int FROM people WHERE unit_id = units.id) AS people_on_record
     FROM units WHERE id = $1`,
    [unitId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    unitId,
    staffCount: row.staff_count,
    collectiveCount: row.collective_count,
    peopleOnRecord: row.people_on_record,
  };
}

function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    name: row.name,
    level: row.level,
    parentId: row.parent_id,
    staffCount: row.staff_count,
    collectiveCount: row.collective_count,
    email: row.email,
  };
}

// ------------------------------------------------------------------------------------------- clusters

export async function getCluster(db: SqlSession, id: string): Promise<Cluster | null> {
  const [cluster] = await loadClusters(db, [id]);
  return cluster ?? null;
}

export async function listClusters(db: SqlSession): Promise<Cluster[]> {
  return loadClusters(db, null);
}

/** The clusters/blocs a unit competes in (normally one), ordered by id. */
export async function clustersOfUnit(db: SqlSession, unitId: string): Promise<Cluster[]> {
  const rows = await db.query<{ cluster_id: string }>(
    'SELECT cluster_id FROM cluster_members WHERE unit_id = $1 ORDER BY cluster_id',
    [unitId],
  );
  return rows.length === 0
    ? []
    : loadClusters(
        db,
        rows.map((r) => r.cluster_id),
      );
}

/** The cluster a unit competes in; when it belongs to several, the first by id. */
export async function clusterOfUnit(db: SqlSession, unitId: string): Promise<Cluster | null> {
  const [first] = await clustersOfUnit(db, unitId);
  return first ?? null;
}

export interface ClusterLeadership {
  clusterId: string;
  year: number;
  headUnitId: string;
  deputyUnitId: string | null;
}

/** The head unit (cụm trưởng / khối trưởng) and deputy of a cluster for an emulation year, if named. */
export async function clusterHeadsForYear(
  db: SqlSession,
  clusterId: string,
  year: number,
): Promise<ClusterLeadership | null> {
  const rows = await db.query<{ seat: 'head' | 'deputy'; unit_id: string }>(
    'SELECT seat, unit_id FROM cluster_heads WHERE cluster_id = $1 AND year = $2',
    [clusterId, year],
  );
  const head = rows.find((r) => r.seat === 'head');
  if (!head) return null;
  return {
    clusterId,
    year,
    headUnitId: head.unit_id,
    deputyUnitId: rows.find((r) => r.seat === 'deputy')?.unit_id ?? null,
  };
}

/** The clusters whose head (not deputy) is this unit in that year: what a cluster_head user may endorse. */
export async function clustersHeadedBy(db: SqlSession, unitId: string, year: number): Promise<Cluster[]> {
  const rows = await db.query<{ cluster_id: string }>(
    `SELECT cluster_id FROM cluster_heads WHERE unit_id = $1 AND year = $2 AND seat = 'head' ORDER BY cluster_id`,
    [unitId, year],
  );
  return rows.length === 0
    ? []
    : loadClusters(
        db,
        rows.map((r) => r.cluster_id),
      );
}

async function loadClusters(db: SqlSession, ids: readonly string[] | null): Promise<Cluster[]> {
  const only = ids === null ? '' : 'WHERE c.id = ANY($1::text[])';
  const params = ids === null ? [] : [ids];
  const clusters = await db.query<{ id: string; name: string; kind: ClusterKind }>(
    `SELECT c.id, c.name, c.kind FROM clusters c ${only} ORDER BY c.id`,
    params,
  );
  const members = await db.query<{ cluster_id: string; unit_id: string }>(
    `SELECT m.cluster_id, m.unit_id FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id ${only}
     ORDER BY m.cluster_id, m.unit_id`,
    params,
  );
  const heads = await db.query<{ cluster_id: string; year: number; seat: 'head' | 'deputy'; unit_id: string }>(
    `SELECT h.cluster_id, h.year, h.seat, h.unit_id FROM cluster_heads h JOIN clusters c ON c.id = h.cluster_id ${only}
     ORDER BY h.cluster_id, h.year`,
    params,
  );
  return clusters.map((c) => {
    const cluster: Cluster = {
      id: c.id,
      name: c.name,
      kind: c.kind,
      memberUnitIds: [],
      headUnitByYear: {},
      deputyUnitByYear: {},
    };
    for (const m of members) if (m.cluster_id === c.id) cluster.memberUnitIds.push(m.unit_id);
    for (const h of heads) {
      if (h.cluster_id !== c.id) continue;
      (h.seat === 'head' ? cluster.headUnitByYear : cluster.deputyUnitByYear)[String(h.year)] = h.unit_id;
    }
    return cluster;
  });
}

// --------------------------------------------------------------------------------------------- people

interface PersonRow {
  id: string;
  full_name: string;
  unit_id: string;
  job_title: string;
  email: string | null;
}

const PERSON_COLUMNS = 'id, full_name, unit_id, job_title, email';

export async function getPerson(db: SqlSession, id: string): Promise<Person | null> {
  const rows = await db.query<PersonRow>(`SELECT ${PERSON_COLUMNS} FROM people WHERE id = $1`, [id]);
  return rows[0] ? toPerson(rows[0]) : null;
}

/** People of one unit (not of its sub-units), ordered by id. */
export async function peopleOfUnit(db: SqlSession, unitId: string): Promise<Person[]> {
  const rows = await db.query<PersonRow>(`SELECT ${PERSON_COLUMNS} FROM people WHERE unit_id = $1 ORDER BY id`, [
    unitId,
  ]);
  return rows.map(toPerson);
}

function toPerson(row: PersonRow): Person {
  return { id: row.id, fullName: row.full_name, unitId: row.unit_id, position: row.job_title, email: row.email };
}

// ---------------------------------------------------------------------------------------------- users

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  unit_id: string;
  email: string;
  person_id: string | null;
  roles: Role[] | null;
}

// Roles aggregated in a fixed order so a user's roles read the same on every engine and every call.
const USER_SELECT = `
  SELECT u.id, u.username, u.display_name, u.unit_id, u.email, u.person_id,
         (SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id) AS roles
  FROM users u`;

export async function getUser(db: SqlSession, id: string): Promise<User | null> {
  const rows = await db.query<UserRow>(`${USER_SELECT} WHERE u.id = $1`, [id]);
  return rows[0] ? toUser(rows[0]) : null;
}

/** Usernames are stored lower-case; the lookup folds case so "VanThu.KV1" finds "vanthu.kv1". */
export async function getUserByUsername(db: SqlSession, username: string): Promise<User | null> {
  const rows = await db.query<UserRow>(`${USER_SELECT} WHERE u.username = $1`, [username.trim().toLowerCase()]);
  return rows[0] ? toUser(rows[0]) : null;
}

/** Users holding a role, optionally only in one unit, ordered by username. */
export async function usersByRole(db: SqlSession, role: Role, filter: { unitId?: string } = {}): Promise<User[]> {
  const params: string[] = [role];
  let unitCondition = '';
  if (filter.unitId !== undefined) {
    params.push(filter.unitId);
    unitCondition = 'AND u.unit_id = $2';
  }
  const rows = await db.query<UserRow>(
    `${USER_SELECT} WHERE EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = $1) ${unitCondition}
     ORDER BY u.username`,
    params,
  );
  return rows.map(toUser);
}

export async function listUsers(db: SqlSession): Promise<User[]> {
  const rows = await db.query<UserRow>(`${USER_SELECT} ORDER BY u.username`);
  return rows.map(toUser);
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    unitId: row.unit_id,
    roles: row.roles ?? [],
    email: row.email,
    personId: row.person_id,
  };
}

// -------------------------------------------------------------------------------------------- council

/** The units that have a council of their own. */
export async function listCouncilUnitIds(db: SqlSession): Promise<string[]> {
  const rows = await db.query<{ unit_id: string }>('SELECT unit_id FROM councils ORDER BY unit_id');
  return rows.map((r) => r.unit_id);
}

/** The council of a unit (e.g. the provincial procuracy), seats in the order they were given. */
export async function getCouncil(db: SqlSession, unitId: string): Promise<Council | null> {
  const [council] = await db.query<{ unit_id: string; chair_user_id: string; secretariat_unit_id: string }>(
    'SELECT unit_id, chair_user_id, secretariat_unit_id FROM councils WHERE unit_id = $1',
    [unitId],
  );
  if (!council) return null;
  const seats = await db.query<{ seat: 'member' | 'standing'; user_id: string }>(
    'SELECT seat, user_id FROM council_seats WHERE council_unit_id = $1 ORDER BY seat, ordinal',
    [unitId],
  );
  return {
    unitId: council.unit_id,
    chairUserId: council.chair_user_id,
    standingBodyUserIds: seats.filter((s) => s.seat === 'standing').map((s) => s.user_id),
    memberUserIds: seats.filter((s) => s.seat === 'member').map((s) => s.user_id),
    secretariatUnitId: council.secretariat_unit_id,
  };
}
