/**
 * Migration 2: the commendation book (Sổ khen thưởng điện tử), the permanent register of awards given.
 * Rows are never deleted: a revoked award keeps its row with the revocation recorded on it.
 */
export const version = 2;
export const name = 'commendation_book';

export const sql = `
CREATE TABLE awards (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Idempotency key derived from the workflow id and step that records the award: a retried activity
  -- finds its row instead of adding a second one.
  case_key         text NOT NULL UNIQUE,
  award_code       text NOT NULL,
  subject          text NOT NULL CHECK (subject IN ('individual', 'collective')),
  person_id        text REFERENCES people (id),
  -- The collective awarded, or the person's unit at the time (quotas are counted per unit).
  unit_id          text NOT NULL REFERENCES units (id),
  year             integer NOT NULL CHECK (year BETWEEN 1945 AND 2200),
  decision_number  text NOT NULL,
  decision_date    date NOT NULL,
  decided_by_level text NOT NULL CHECK (decided_by_level IN ('provincial', 'supreme', 'government', 'state')),
  -- Only regular (công trạng) awards count toward the ladder of titles; ad hoc and thematic ones are kept apart.
  basis            text NOT NULL DEFAULT 'regular' CHECK (basis IN ('regular', 'ad_hoc', 'thematic')),
  campaign_id      text,
  recorded_at      timestamptz NOT NULL DEFAULT now(),
  revoked_at       timestamptz,
  revoke_reason    text,
  revoked_by       text,
  CHECK ((subject = 'individual') = (person_id IS NOT NULL)),
  -- A revocation is all or nothing: when, why and by whom.
  CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL) AND (revoked_at IS NULL) = (revoked_by IS NULL))
);
-- One index per search of the book: by person, by unit, by year and award form.
CREATE INDEX awards_person_year_idx ON awards (person_id, year) WHERE person_id IS NOT NULL;
CREATE INDEX awards_unit_year_idx ON awards (unit_id, year);
CREATE INDEX awards_year_code_idx ON awards (year, award_code);
CREATE INDEX awards_code_year_idx ON awards (award_code, year);
`;
