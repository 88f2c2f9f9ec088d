/**
 * The commendation book (Sổ khen thưởng điện tử): recording, revoking and searching awards.
 * Writes are idempotent so Temporal activities can retry them freely: the key of a row derives from the
 * workflow id and step that records it, and a row is never deleted.
 */
import { foldVietnamese, vietnameseFoldTable } from '../domain/text-fold.js';
import type { AwardRecord, AwardSubject, BookEntry } from '../domain/book.js';
import { isAwardCode, type DecidingLevel } from '../domain/catalogue.js';
import type { AwardBasis } from '../domain/eligibility.js';
import type { SqlParam, SqlSession } from './sql.js';

/** Why a book operation was refused; `code` lets activities map it to a non-retryable failure. */
export class BookError extends Error {
  constructor(
    readonly code: 'not_found' | 'key_conflict' | 'invalid_input',
    message: string,
  ) {
    super(message);
    this.name = 'BookError';
  }
}

/** The idempotency key of a book row: the recording workflow's id and the step within it. */
export function awardCaseKey(workflowId: string, step: string): string {
  return `${workflowId}#${step}`;
}

export interface RecordAwardInput {
  caseKey: string;
  awardCode: string;
  subject: AwardSubject;
  /** Required for an individual award, absent or null for a collective one. */
  personId?: string | null;
  unitId: string;
  year: number;
  decisionNumber: string;
  /** "YYYY-MM-DD". */
  decisionDate: string;
  decidedByLevel: DecidingLevel;
  /** Default 'regular'. */
  basis?: AwardBasis;
  campaignId?: string | null;
}

export interface RecordAwardResult {
  entry: BookEntry;
  /** False when the case key was already in the book (a retry): the existing row is returned unchanged. */
  created: boolean;
}

/** Columns selected for a BookEntry, with types both engines return identically. */
const ENTRY_COLUMNS = `
  id, case_key, award_code, subject, person_id, unit_id, year, decision_number,
  to_char(decision_date, 'YYYY-MM-DD') AS decision_date, decided_by_level, basis, campaign_id,
  ${isoInstant('recorded_at')} AS recorded_at, ${isoInstant('revoked_at')} AS revoked_at, revoke_reason, revoked_by`;

interface EntryRow {
  id: number;
  case_key: string;
  award_code: string;
  subject: AwardSubject;
  person_id: string | null;
  unit_id: string;
  year: number;
  decision_number: string;
  decision_date: string;
  decided_by_level: DecidingLevel;
  basis: AwardBasis;
  campaign_id: string | null;
  recorded_at: string;
  revoked_at: string | null;
  revoke_reason: string | null;
  revoked_by: string | null;
}

export async function recordAward(db: SqlSession, input: RecordAwardInput): Promise<RecordAwardResult> {
  validateRecordInput(input);
  const personId = input.personId ?? null;
  const inserted = await db.query<EntryRow>(
    `INSERT INTO awards (case_key, award_code, subject, person_id, unit_id, year, decision_number, decision_date,
                         decided_by_level, basis, campaign_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9, $10, $11)
     ON CONFLICT (case_key) DO NOTHING
     RETURNING ${ENTRY_COLUMNS}`,
    [
      input.caseKey,
      input.awardCode,
      input.subject,
      personId,
      input.unitId,
      input.year,
      input.decisionNumber,
      input.decisionDate,
      input.decidedByLevel,
      input.basis ?? 'regular',
      input.campaignId ?? null,
    ],
  );
  const row = inserted[0];
  if (row) return { entry: toEntry(row), created: true };

  const existing = await findByCaseKey(db, input.caseKey);
  if (!existing) throw new Error(`Award ${input.caseKey} neither inserted nor found: concurrent delete?`);
  // A retry carries the same facts. Different facts under one key mean two steps share a key: a bug to surface.
  const differs =
    existing.awardCode !== input.awardCode ||
    existing.subject !== input.subject ||
    existing.personId !== personId ||
    existing.unitId !== input.unitId ||
    existing.year !== input.year ||
    existing.decisionNumber !== input.decisionNumber ||
    existing.basis !== (input.basis ?? 'regular');
  if (differs) {
    throw new BookError(
      'key_conflict',
      `Case key ${input.caseKey} already records ${existing.awardCode} (${existing.year}, ${existing.decisionNumber}); refusing to record a different award under it.`,
    );
  }
  return { entry: existing, created: false };
}

export interface RevokeAwardInput {
  caseKey: string;
  reason: string;
  /** Who revoked it (a user id, or a name for a legacy record). */
  by: string;
}

export interface RevokeAwardResult {
  entry: BookEntry;
  /** False when it was already revoked: the first revocation is kept. */
  changed: boolean;
}

const withoutNul = (text: string): string => text.replaceAll('\u0000', '');

/** Marks an award revoked; the row stays in the book. Revoking twice keeps the first reason and time. */
export async function revokeAward(db: SqlSession, input: RevokeAwardInput): Promise<RevokeAwardResult> {
  if (input.reason.trim() === '') throw new BookError('invalid_input', 'A revocation needs a reason.');
  if (input.by.trim() === '') throw new BookError('invalid_input', 'A revocation needs the name of who revoked it.');
  const updated = await db.query<EntryRow>(
    `UPDATE awards SET revoked_at = now(), revoke_reason = $2, revoked_by = $3
     WHERE case_key = $1 AND revoked_at IS NULL
     RETURNING ${ENTRY_COLUMNS}`,
    // PostgreSQL text cannot hold U+0000: a reason with one (the CLI's JSON can carry it, the web refuses it) would
    // fail the revocation activity on every retry. The character is invisible; the rest of the reason is kept.
    [input.caseKey, withoutNul(input.reason), withoutNul(input.by)],
  );
  const row = updated[0];
  if (row) return { entry: toEntry(row), changed: true };
  const existing = await findByCaseKey(db, input.caseKey);
  if (!existing) throw new BookError('not_found', `No award with case key ${input.caseKey} in the book.`);
  return { entry: existing, changed: false };
}

export async function findByCaseKey(db: SqlSession, caseKey: string): Promise<BookEntry | null> {
  const rows = await db.query<EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM awards WHERE case_key = $1`, [caseKey]);
  return rows[0] ? toEntry(rows[0]) : null;
}

export interface AwardSearch {
  personId?: string;
  unitId?: string;
  year?: number;
  awardCode?: string;
  subject?: AwardSubject;
  /** Revoked awards are left out unless asked for. */
  includeRevoked?: boolean;
  /** Part of the person's name (or a collective's unit name), typed with or without diacritics. */
  name?: string;
  /** Page size, 1..500. */
  limit: number;
  offset: number;
}

export interface AwardPage {
  items: BookEntry[];
  /** Rows matching the filters across all pages. */
  total: number;
}

export const MAX_PAGE_SIZE = 500;

/** Searches the book; newest year first, then newest decision. */
export async function searchAwards(db: SqlSession, search: AwardSearch): Promise<AwardPage> {
  if (!Number.isInteger(search.limit) || search.limit < 1 || search.limit > MAX_PAGE_SIZE) {
    throw new BookError('invalid_input', `limit must be an integer from 1 to ${MAX_PAGE_SIZE}.`);
  }
  if (!Number.isInteger(search.offset) || search.offset < 0) {
    throw new BookError('invalid_input', 'offset must be a non-negative integer.');
  }
  const conditions: string[] = [];
  const params: SqlParam[] = [];
  const filter = (column: string, value: string | number | undefined): void => {
    if (value === undefined) return;
    params.push(value);
    conditions.push(`${column} = $${params.length}`);
  };
  filter('person_id', search.personId);
  filter('unit_id', search.unitId);
  filter('year', search.year);
  filter('award_code', search.awardCode);
  filter('subject', search.subject);
  if (!search.includeRevoked) conditions.push('revoked_at IS NULL');
  const name = search.name === undefined ? '' : foldVietnamese(search.name);
  if (name !== '') {
    const { from, to } = vietnameseFoldTable();
    params.push(from, to, `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    // The book keeps names as the directory has them: folded here by the same table as foldVietnamese.
    const folded = (column: string) =>
      `lower(translate(${column}, $${params.length - 2}, $${params.length - 1})) LIKE $${params.length}`;
    conditions.push(
      `(EXISTS (SELECT 1 FROM people p WHERE p.id = awards.person_id AND ${folded('p.full_name')})
        OR (awards.subject = 'collective' AND EXISTS (SELECT 1 FROM units u WHERE u.id = awards.unit_id AND ${folded('u.name')})))`,
    );
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';

  const [count] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM awards ${where}`, params);
  const rows = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM awards ${where}
     ORDER BY year DESC, decision_date DESC, id DESC
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, search.limit, search.offset],
  );
  return { items: rows.map(toEntry), total: count?.total ?? 0 };
}

/** Every award a person has received, revoked ones included (flagged), oldest first: what eligibility reads. */
export async function awardHistoryOfPerson(db: SqlSession, personId: string): Promise<AwardRecord[]> {
  const rows = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM awards WHERE person_id = $1 ORDER BY year, decision_date, id`,
    [personId],
  );
  return rows.map((row) => toRecord(toEntry(row)));
}

/** Award histories of several people at once (e.g. every nominee of a campaign), keyed by person id. */
export async function awardHistoriesOfPeople(
  db: SqlSession,
  personIds: readonly string[],
): Promise<Record<string, AwardRecord[]>> {
  const histories: Record<string, AwardRecord[]> = Object.fromEntries(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return histories;
  const rows = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM awards WHERE person_id = ANY($1::text[]) ORDER BY year, decision_date, id`,
    [personIds],
  );
  for (const row of rows) histories[row.person_id ?? '']?.push(toRecord(toEntry(row)));
  return histories;
}

/**
 * Awards the unit received as a collective, revoked ones included (flagged), oldest first. Individual awards
 * of its people are not the unit's history; search by unitId for those.
 */
export async function awardHistoryOfUnit(db: SqlSession, unitId: string): Promise<AwardRecord[]> {
  const rows = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM awards WHERE unit_id = $1 AND subject = 'collective' ORDER BY year, decision_date, id`,
    [unitId],
  );
  return rows.map((row) => toRecord(toEntry(row)));
}

function validateRecordInput(input: RecordAwardInput): void {
  const problems: string[] = [];
  if (input.caseKey.trim() === '') problems.push('caseKey is empty');
  // A code outside the catalogue would be invisible to eligibility rules: refuse it rather than store a typo.
  if (!isAwardCode(input.awardCode)) problems.push(`awardCode "${input.awardCode}" is not in the catalogue`);
  if (input.subject === 'individual' && !input.personId) problems.push('an individual award needs personId');
  if (input.subject === 'collective' && input.personId) problems.push('a collective award has no personId');
  if (!Number.isInteger(input.year)) problems.push('year must be an integer');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.decisionDate)) problems.push('decisionDate must be YYYY-MM-DD');
  if (input.decisionNumber.trim() === '') problems.push('decisionNumber is empty');
  if (problems.length > 0)
    throw new BookError('invalid_input', `Cannot record award ${input.caseKey}: ${problems.join('; ')}.`);
}

function toEntry(row: EntryRow): BookEntry {
  return {
    id: row.id,
    caseKey: row.case_key,
    awardCode: row.award_code,
    subject: row.subject,
    personId: row.person_id,
    unitId: row.unit_id,
    year: row.year,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    decidedByLevel: row.decided_by_level,
    basis: row.basis,
    campaignId: row.campaign_id,
    recordedAt: row.recorded_at,
    revoked: row.revoked_at !== null,
    revokedAt: row.revoked_at,
    revokeReason: row.revoke_reason,
    revokedBy: row.revoked_by,
  };
}

function toRecord(entry: BookEntry): AwardRecord {
  const { awardCode, subject, personId, unitId, year, decisionNumber, decisionDate, decidedByLevel, basis, revoked } =
    entry;
  return { awardCode, subject, personId, unitId, year, decisionNumber, decisionDate, decidedByLevel, basis, revoked };
}

/** A timestamptz as an ISO-8601 UTC string, whatever the session's time zone: JSON-friendly and engine-neutral. */
function isoInstant(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
