/**
 * The commendation book (Sổ khen thưởng điện tử) as plain JSON: what eligibility rules, workflows and screens
 * read about awards already given. The SQL storage lives in store/book.ts.
 */

import type { DecidingLevel } from './catalogue.js';
import type { AwardBasis } from './eligibility.js';

/** Who received an award: one person, or a collective (a unit, department or team). */
export type AwardSubject = 'individual' | 'collective';

/** What eligibility needs to know about one award held by a person or a collective. */
export interface AwardRecord {
  /** Code of the title or award form in the catalogue, e.g. "chien-si-thi-dua-co-so" (domain/catalogue.ts). */
  awardCode: string;
  subject: AwardSubject;
  /** The person awarded (individual awards); null for a collective. */
  personId: string | null;
  /** The collective awarded, or the unit the person belonged to when awarded (quotas count per unit). */
  unitId: string;
  /** The emulation year the award is for, which may differ from the year of the decision. */
  year: number;
  decisionNumber: string;
  /** Calendar date of the decision in Vietnam, "YYYY-MM-DD". */
  decisionDate: string;
  /** Level of the authority that decided: provincial or supreme procuracy, the government, the state. */
  decidedByLevel: DecidingLevel;
  /** Regular (công trạng), ad hoc (đột xuất) or thematic (chuyên đề): the ladder of titles counts regular ones. */
  basis: AwardBasis;
  /** A revoked award stays in the book but no longer counts. */
  revoked: boolean;
}

/** One row of the book as recorded, with its idempotency key and revocation trail. */
export interface BookEntry extends AwardRecord {
  id: number;
  /** Derived from the workflow id and step that recorded it: the same case never records twice. */
  caseKey: string;
  campaignId: string | null;
  /** ISO-8601 instant. */
  recordedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
  revokedBy: string | null;
}
