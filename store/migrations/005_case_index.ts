/**
 * Migration 5: the case index, one row per case of every kind, written by the case after each change it makes
 * (and rebuilt from Temporal by `npm run index:rebuild`). Staff lists read it: Temporal's SQL visibility can
 * neither sort nor search text, and this can.
 */
export const version = 5;
export const name = 'case_index';

export const sql = `
CREATE TABLE case_index (
  case_id        text PRIMARY KEY,
  kind           text NOT NULL,
  year           integer,
  campaign_id    text,
  unit_id        text,
  unit_name      text,
  cluster_id     text,
  nominee_name   text,
  nominee_folded text,
  award_code     text,
  award_name     text,
  stage          text NOT NULL,
  status         text NOT NULL,
  waiting_role   text,
  waiting_unit   text,
  due_at         timestamptz,
  -- due_at, or 'infinity' when the case has none: lists sort and page on (due_sort, case_id), no NULL cases.
  due_sort       timestamptz NOT NULL,
  changed_at     timestamptz NOT NULL,
  -- The writer's order (the workflow's history length): an older write never replaces a newer one.
  version        bigint NOT NULL,
  written_at     timestamptz NOT NULL DEFAULT now()
);
-- Inboxes: who must act, in due-date order (keyset pages on due_sort, case_id).
CREATE INDEX case_index_waiting_due_idx ON case_index (waiting_role, waiting_unit, due_sort, case_id)
  WHERE waiting_role IS NOT NULL;
-- Searches and lists by kind (admin search, overdue lists), in due-date order.
CREATE INDEX case_index_kind_due_idx ON case_index (kind, due_sort, case_id);
CREATE INDEX case_index_kind_year_stage_idx ON case_index (kind, year, stage);
CREATE INDEX case_index_nominee_folded_idx ON case_index (nominee_folded text_pattern_ops);
`;
