/**
 * Directory import for the admin screen: JSON (units, clusters, people, users, councils in one document) or CSV
 * (one kind per file, a header row). Every row is validated with the domain's zod schemas and every reference
 * is checked against the rows imported and the database, so a dry run reports all errors before anything is
 * written.
 */
import { z } from 'zod';
import type { DirectoryData } from '../../store/directory.js';
import { getPerson, getUnit } from '../../store/directory.js';
import type { SqlSession } from '../../store/sql.js';
import type { Cluster, Council, Person, Unit, User } from '../../domain/org.js';
import { ClusterSchema, PersonSchema, UnitSchema, UserSchema, formatZodErrorVN } from '../../domain/schemas.js';

export const CSV_KINDS = ['units', 'people', 'users', 'clusters'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

export const CSV_HEADERS: Record<CsvKind, string> = {
  units: 'id,name,level,parentId,staffCount,collectiveCount,email',
  people: 'id,fullName,unitId,position,email',
  users: 'id,username,displayName,unitId,roles,email,personId',
  clusters: 'id,name,kind,memberUnitIds,headUnitByYear,deputyUnitByYear',
};

const KIND_LABELS: Record<CsvKind | 'councils', string> = {
  units: 'Đơn vị',
  people: 'Cá nhân',
  users: 'Người dùng',
  clusters: 'Cụm, khối',
  councils: 'Hội đồng',
};

export interface ImportReport {
  data: DirectoryData;
  counts: Record<CsvKind | 'councils', number>;
  errors: string[];
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const list = (s: string | undefined) =>
  (s ?? '')
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);
const byYear = (s: string | undefined) =>
  Object.fromEntries(
    list(s).map((pair) => {
      const [year, unit] = pair.split(':');
      return [(year ?? '').trim(), (unit ?? '').trim()];
    }),
  );
const orNull = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s.trim());
const num = (s: string | undefined) => (s !== undefined && /^\s*\d+\s*$/.test(s) ? Number(s) : s);

function rowToObject(kind: CsvKind, cells: Record<string, string>): unknown {
  switch (kind) {
    case 'units':
      return {
        ...cells,
        parentId: orNull(cells.parentId),
        staffCount: num(cells.staffCount),
        collectiveCount: num(cells.collectiveCount),
      };
    case 'people':
      return { ...cells, email: orNull(cells.email) };
    case 'users':
      return { ...cells, roles: list(cells.roles), personId: orNull(cells.personId) };
    case 'clusters':
      return {
        ...cells,
        memberUnitIds: list(cells.memberUnitIds),
        headUnitByYear: byYear(cells.headUnitByYear),
        deputyUnitByYear: byYear(cells.deputyUnitByYear),
      };
  }
}

const SCHEMAS = { units: UnitSchema, people: PersonSchema, users: UserSchema, clusters: ClusterSchema } as const;

const CouncilSchema = z.object({
  unitId: z.string().min(1),
  chairUserId: z.string().min(1),
  standingBodyUserIds: z.array(z.string()),
  memberUserIds: z.array(z.string()),
  secretariatUnitId: z.string().min(1),
});

export async function prepareImport(
  db: SqlSession,
  input: { format: 'json' | 'csv'; kind?: string; text: string },
): Promise<ImportReport> {
  const errors: string[] = [];
  const data: Required<DirectoryData> = { units: [], clusters: [], people: [], users: [], councils: [] };
  const accept = (kind: CsvKind | 'councils', raw: unknown, where: string) => {
    if (kind === 'councils') {
      const parsed = CouncilSchema.safeParse(raw);
      if (parsed.success) (data.councils as Council[]).push(parsed.data);
      else errors.push(`${KIND_LABELS[kind]} ${where}: ${formatZodErrorVN(parsed.error)}`);
      return;
    }
    const parsed = SCHEMAS[kind].safeParse(raw);
    if (!parsed.success) {
      errors.push(`${KIND_LABELS[kind]} ${where}: ${formatZodErrorVN(parsed.error)}`);
      return;
    }
    if (kind === 'units') (data.units as Unit[]).push(parsed.data as Unit);
    if (kind === 'people') (data.people as Person[]).push(parsed.data as Person);
    if (kind === 'users') (data.users as User[]).push(parsed.data as User);
    if (kind === 'clusters') (data.clusters as Cluster[]).push(parsed.data as Cluster);
  };

  if (input.format === 'json') {
    let doc: unknown;
    try {
      doc = JSON.parse(input.text);
    } catch (error) {
      errors.push(`JSON không hợp lệ: ${error instanceof Error ? error.message : String(error)}`);
      return report(data, errors);
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      errors.push('JSON phải là một đối tượng có các mục units, clusters, people, users, councils.');
      return report(data, errors);
    }
    for (const kind of [...CSV_KINDS, 'councils'] as const) {
      const rows = (doc as Record<string, unknown>)[kind];
      if (rows === undefined) continue;
      if (!Array.isArray(rows)) {
        errors.push(`Mục "${kind}" phải là một danh sách.`);
        continue;
      }
      rows.forEach((row, i) => accept(kind, row, `mục ${i + 1}`));
    }
  } else {
    const kind = CSV_KINDS.find((k) => k === input.kind);
    if (!kind) {
      errors.push('Chưa chọn loại dữ liệu của tệp CSV.');
      return report(data, errors);
    }
    const [header, ...rows] = parseCsv(input.text);
    const columns = (header ?? []).map((h) => h.trim());
    const expected = CSV_HEADERS[kind].split(',');
    const missing = expected.filter((c) => !columns.includes(c));
    if (missing.length > 0) {
      errors.push(`Dòng tiêu đề thiếu cột: ${missing.join(', ')} (cần: ${CSV_HEADERS[kind]}).`);
      return report(data, errors);
    }
    rows.forEach((cells, i) => {
      const record = Object.fromEntries(columns.map((c, j) => [c, (cells[j] ?? '').trim()]));
      accept(kind, rowToObject(kind, record), `dòng ${i + 2}`);
    });
  }

  // References: to rows of this import, or to what the directory already holds.
  const unitIds = new Set(data.units.map((u) => u.id));
  const personIds = new Set(data.people.map((p) => p.id));
  const unitExists = async (id: string) => unitIds.has(id) || (await getUnit(db, id)) !== null;
  for (const u of data.units)
    if (u.parentId && !(await unitExists(u.parentId)))
      errors.push(`Đơn vị ${u.id}: đơn vị cấp trên không tồn tại (${u.parentId}).`);
  for (const p of data.people)
    if (!(await unitExists(p.unitId))) errors.push(`Cá nhân ${p.id}: đơn vị không tồn tại (${p.unitId}).`);
  for (const u of data.users) {
    if (!(await unitExists(u.unitId))) errors.push(`Người dùng ${u.username}: đơn vị không tồn tại (${u.unitId}).`);
    if (u.personId && !personIds.has(u.personId) && !(await getPerson(db, u.personId)))
      errors.push(`Người dùng ${u.username}: cá nhân không tồn tại (${u.personId}).`);
  }
  for (const c of data.clusters) {
    for (const m of c.memberUnitIds)
      if (!(await unitExists(m))) errors.push(`Cụm ${c.id}: đơn vị thành viên không tồn tại (${m}).`);
    for (const head of [...Object.values(c.headUnitByYear), ...Object.values(c.deputyUnitByYear)])
      if (!c.memberUnitIds.includes(head))
        errors.push(`Cụm ${c.id}: cụm trưởng, cụm phó phải là thành viên (${head}).`);
  }
  return report(data, errors);
}

function report(data: Required<DirectoryData>, errors: string[]): ImportReport {
  return {
    data,
    errors,
    counts: {
      units: data.units.length,
      clusters: data.clusters.length,
      people: data.people.length,
      users: data.users.length,
      councils: data.councils.length,
    },
  };
}
