/**
 * The commendation book (Sổ khen thưởng điện tử): search, a person's award history, CSV and XLSX exports and a
 * printable decision. Reads the SQL book only; every signed-in user may read it.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { awardHistoryOfPerson, findByCaseKey, searchAwards, type AwardSearch } from '../../../store/book.js';
import { getPerson, getUnit, listUnits } from '../../../store/directory.js';
import type { BookEntry } from '../../../domain/book.js';
import { AWARD_CODES, awardByCode, findAward } from '../../../domain/catalogue.js';
import { DECIDING_LEVEL_LABELS, SUBJECT_LABELS } from '../../../domain/i18n.js';
import { notFound } from '../errors.js';
import { byName } from '../natural-order.js';
import { bookWorkbook } from '../book-xlsx.js';
import { helpers, renderPage } from '../render.js';
import { accountOf } from '../http/account.js';
import type { RouteOptions, WebDeps } from '../http/deps.js';
import { optionalText, parseForm } from '../http/form.js';

const PAGE = 25;
const EXPORT_MAX = 20_000;

const BookQuerySchema = z.object({
  unit: optionalText,
  year: optionalText,
  award: optionalText,
  person: optionalText,
  revoked: optionalText,
  /** A name, typed with or without diacritics. */
  q: optionalText,
  trang: optionalText,
});
type BookQuery = z.output<typeof BookQuerySchema>;
const bookQuery = parseForm(BookQuerySchema, 'book query');
const personParams = parseForm(z.object({ id: z.string() }), 'person address');
const decisionQuery = parseForm(z.object({ key: optionalText }), 'decision query');

function searchOf(q: BookQuery): Omit<AwardSearch, 'limit' | 'offset'> {
  const s: Omit<AwardSearch, 'limit' | 'offset'> = {};
  if (q.unit) s.unitId = q.unit;
  if (q.year && /^\d{4}$/.test(q.year)) s.year = Number(q.year);
  if (q.award) s.awardCode = q.award;
  if (q.person) s.personId = q.person;
  if (q.revoked === '1') s.includeRevoked = true;
  if (q.q) s.name = q.q;
  return s;
}

async function namesOf(deps: WebDeps, entries: readonly BookEntry[]) {
  const ids = [...new Set(entries.map((e) => e.personId).filter((id): id is string => id !== null))];
  const rows =
    ids.length === 0
      ? []
      : await deps.db.query<{ id: string; full_name: string }>(
          'SELECT id, full_name FROM people WHERE id = ANY($1::text[])',
          [ids],
        );
  const people = new Map(rows.map((r) => [r.id, r.full_name]));
  const units = new Map((await listUnits(deps.db)).map((u) => [u.id, u.name]));
  return entries.map((e) => {
    const personName = e.personId ? (people.get(e.personId) ?? e.personId) : null;
    const unitName = units.get(e.unitId) ?? e.unitId;
    return {
      ...e,
      awardName: findAward(e.awardCode)?.name ?? e.awardCode,
      personName,
      unitName,
      // Who was awarded, by name: the person, or the collective (a collective award is its unit's).
      awardeeName: personName ?? unitName,
      subjectLabel: SUBJECT_LABELS[e.subject],
    };
  });
}

async function allRows(deps: WebDeps, q: BookQuery) {
  const out: BookEntry[] = [];
  for (let offset = 0; offset < EXPORT_MAX; offset += 500) {
    const page = await searchAwards(deps.db, { ...searchOf(q), limit: 500, offset });
    out.push(...page.items);
    if (page.items.length < 500) break;
  }
  return namesOf(deps, out);
}

const EXPORT_COLUMNS = [
  'Năm',
  'Hình thức',
  'Đối tượng',
  'Cá nhân',
  'Đơn vị',
  'Số quyết định',
  'Ngày quyết định',
  'Cấp quyết định',
  'Đã hủy',
];

function exportRow(e: Awaited<ReturnType<typeof namesOf>>[number]): (string | number)[] {
  return [
    e.year,
    e.awardName,
    SUBJECT_LABELS[e.subject],
    e.personName ?? '',
    e.unitName,
    e.decisionNumber,
    helpers.ymd(e.decisionDate),
    DECIDING_LEVEL_LABELS[e.decidedByLevel],
    e.revoked ? 'Có' : '',
  ];
}

/** A CSV cell: quoted, and defused when a spreadsheet would read it as a formula. */
function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export const bookRoutes: FastifyPluginAsync<RouteOptions> = async (app, { deps }) => {
  app.get('/so-khen-thuong', async (request, reply) => {
    accountOf(request);
    const q = bookQuery(request.query);
    const pageNo = Math.max(1, Number(q.trang) || 1);
    const result = await searchAwards(deps.db, { ...searchOf(q), limit: PAGE, offset: (pageNo - 1) * PAGE });
    return renderPage(request, reply, 'book', {
      title: 'Sổ khen thưởng điện tử',
      rows: await namesOf(deps, result.items),
      total: result.total,
      pageNo,
      pages: Math.max(1, Math.ceil(result.total / PAGE)),
      q,
      filterQuery: { ...q, trang: undefined },
      units: byName(await listUnits(deps.db)),
      awards: AWARD_CODES.map((c) => awardByCode(c)),
    });
  });

  app.get('/so-khen-thuong/xuat.csv', async (request, reply) => {
    accountOf(request);
    const rows = await allRows(deps, bookQuery(request.query));
    const lines = [EXPORT_COLUMNS, ...rows.map(exportRow)].map((r) => r.map(csvCell).join(','));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="so-khen-thuong.csv"')
      .send(`\uFEFF${lines.join('\r\n')}\r\n`);
  });

  app.get('/so-khen-thuong/xuat.xlsx', async (request, reply) => {
    accountOf(request);
    const rows = await allRows(deps, bookQuery(request.query));
    // The sheet takes the decision date as a date (yyyy-mm-dd), not the dd/mm/yyyy text of the CSV.
    const workbook = bookWorkbook(
      EXPORT_COLUMNS.map((header) => ({ header, date: header === 'Ngày quyết định' })),
      rows.map((r) => exportRow(r).map((cell, i) => (EXPORT_COLUMNS[i] === 'Ngày quyết định' ? r.decisionDate : cell))),
    );
    const buffer = await workbook.xlsx.writeBuffer();
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="so-khen-thuong.xlsx"')
      .send(Buffer.from(buffer));
  });

  app.get('/so-khen-thuong/ca-nhan/:id', async (request, reply) => {
    accountOf(request);
    const person = await getPerson(deps.db, personParams(request.params).id);
    if (!person) throw notFound('Cá nhân');
    const unit = await getUnit(deps.db, person.unitId);
    const history = await awardHistoryOfPerson(deps.db, person.id);
    return renderPage(request, reply, 'person', {
      title: `Quá trình khen thưởng: ${person.fullName}`,
      person,
      unit,
      history: history.map((h) => ({ ...h, awardName: findAward(h.awardCode)?.name ?? h.awardCode })),
    });
  });

  app.get('/so-khen-thuong/quyet-dinh', async (request, reply) => {
    accountOf(request);
    const { key } = decisionQuery(request.query);
    const entry = key ? await findByCaseKey(deps.db, key) : null;
    if (!entry) throw notFound('Quyết định');
    const siblings = await deps.db.query<{ case_key: string }>(
      'SELECT case_key FROM awards WHERE decision_number = $1 AND year = $2 ORDER BY id LIMIT 500',
      [entry.decisionNumber, entry.year],
    );
    const entries: BookEntry[] = [];
    for (const s of siblings) {
      const e = await findByCaseKey(deps.db, s.case_key);
      if (e && e.awardCode === entry.awardCode) entries.push(e);
    }
    const named = await namesOf(deps, entries);
    return renderPage(request, reply, 'decision', {
      title: `Quyết định ${entry.decisionNumber}`,
      decision: { number: entry.decisionNumber, date: entry.decisionDate, signer: null },
      award: awardByCode(entry.awardCode),
      entries: named.map((e) => ({ name: e.personName ?? `Tập thể ${e.awardeeName}`, unit: e.unitName })),
      year: entry.year,
    });
  });
};
