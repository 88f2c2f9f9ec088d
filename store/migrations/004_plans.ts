/**
 * Migration 4: each organisation's plans as data (issue 11) — the year's plan (kế hoạch năm), a programme
 * (kế hoạch chuyên đề, seed 002) or a movement (phong trào, seed 001) — with their life: one draft (dự thảo) at a
 * time, issued versions (ban hành: number, date, signer) and amendments (sửa đổi, bổ sung), each a new version
 * that keeps who, when and why. Versions are never deleted, so what a running case started from stays readable.
 * Frozen once released: change the schema with a new migration, never by editing this one.
 */
export const version = 4;
export const name = 'plans';

export const sql = `
CREATE TABLE plans (
  id          text PRIMARY KEY,
  -- The issuing organisation. Not a foreign key: a deployment keeps plans of the level above it (the Supreme
  -- Procuracy's movement and programme) without that unit in its own directory.
  org_unit_id text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('year', 'programme', 'movement')),
  -- The plan's year; for a programme or a movement, its first year.
  year        integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  text NOT NULL
);
-- One year's plan per organisation and year: that is what the yearly Schedule starts.
CREATE UNIQUE INDEX plans_one_year_plan_idx ON plans (org_unit_id, year) WHERE kind = 'year';
CREATE INDEX plans_org_year_idx ON plans (org_unit_id, year);

CREATE TABLE plan_versions (
  plan_id        text NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  version        integer NOT NULL CHECK (version >= 1),
  -- draft: being written; issued: the version in force; superseded: an issued version an amendment replaced.
  status         text NOT NULL CHECK (status IN ('draft', 'issued', 'superseded')),
  -- The plan (domain/plan.ts Plan) or movement (domain/plan-year/movement.ts Movement), as JSON.
  content        jsonb NOT NULL,
  -- The clusters/blocs of that year with their heads (domain/plan-authoring), when the plan sets them.
  clusters       jsonb,
  -- What the author must still confirm ("cần xác nhận") and why each item was flagged.
  review         jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Optimistic concurrency for drafts: each update must name the revision it read.
  revision       integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  created_by     text NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  updated_by     text NOT NULL,
  -- Set when the version is issued (ban hành).
  issue_number   text,
  issue_date     date,
  signer         text,
  issued_at      timestamptz,
  issued_by      text,
  -- Set on a version made by an amendment of the one before it.
  amends_version integer,
  amend_reason   text,
  amended_by     text,
  amended_at     timestamptz,
  PRIMARY KEY (plan_id, version),
  CHECK ((status = 'draft') = (issued_at IS NULL)),
  -- The date may be unknown only for a historical document imported from a copy that does not show it;
  -- issuing in the product always records it (store/plans.ts).
  CHECK (status = 'draft' OR (issue_number IS NOT NULL AND signer IS NOT NULL AND issued_by IS NOT NULL)),
  CHECK ((amends_version IS NULL) = (amend_reason IS NULL) AND (amends_version IS NULL) = (amended_by IS NULL)
         AND (amends_version IS NULL) = (amended_at IS NULL))
);
-- At most one draft and one version in force per plan.
CREATE UNIQUE INDEX plan_versions_one_draft_idx ON plan_versions (plan_id) WHERE status = 'draft';
CREATE UNIQUE INDEX plan_versions_one_issued_idx ON plan_versions (plan_id) WHERE status = 'issued';
`;
