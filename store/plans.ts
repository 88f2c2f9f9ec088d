/**
 * Plans as data (issue 11): each organisation's year plan, programmes and movements, with their life — one draft
 * (dự thảo) at a time, issued (ban hành: number, date, signer), amended (each amendment a new version that keeps
 * who, when and why; the version it replaced stays, superseded). What the yearly Schedule starts is the issued
 * version of a year's plan, read here; a running case keeps its own copy, so an amendment never changes it.
 *
 * Every write validates its input with zod and refuses in Vietnamese (PlanStoreError, with a code the web layer
 * and activities map); the checks that need the whole draft (its year, its clusters, what is left to confirm)
 * are domain/plan-authoring's.
 */
import type { z } from 'zod';
import {
  ClusterLineupSchema,
  IssuableDraftSchema,
  ReviewItemSchema,
  confirmReviewItem,
  lineupProblems,
  planYearProblems,
  reconcileReview,
  unconfirmedRefusal,
  type ClusterLineup,
  type ReviewItem,
} from '../domain/plan-authoring/index.js';
import { MovementSchema, type Movement } from '../domain/plan-year/movement.js';
import { PlanSchema, type Plan } from '../domain/plan.js';
import { formatZodErrorVN, idString, isoDate, list, obj, oneOf, text } from '../domain/zod-vi.js';
import { applyLineupHeads } from './plan-lineup.js';
import { PlanStoreError } from './plans-error.js';
import type { SqlDatabase, SqlSession } from './sql.js';

export type PlanKind = 'year' | 'programme' | 'movement';
export type PlanVersionStatus = 'draft' | 'issued' | 'superseded';
/** Where a plan is in its life, as the standing body sees it. */
export type PlanLife = 'draft' | 'issued' | 'amended';

export { PlanStoreError };

export interface PlanIssue {
  number: string;
  /** yyyy-mm-dd; null only for a historical document imported from a copy that does not show it. */
  date: string | null;
  signer: string;
  issuedAt: string;
  issuedBy: string;
}

export interface PlanAmendment {
  version: number;
  amendsVersion: number;
  reason: string;
  by: string;
  at: string;
}

export interface PlanVersion {
  planId: string;
  version: number;
  status: PlanVersionStatus;
  /** A Plan for kinds 'year' and 'programme', a Movement for 'movement'. */
  content: Plan | Movement;
  clusters: ClusterLineup[] | null;
  review: ReviewItem[];
  revision: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  issue: PlanIssue | null;
  amendment: PlanAmendment | null;
}

export interface PlanRecord {
  id: string;
  orgUnitId: string;
  kind: PlanKind;
  year: number;
  life: PlanLife;
  /** The version in force; null while the plan has only a draft. */
  issued: PlanVersion | null;
  /** The draft being written; null once issued (an amendment does not go through a draft). */
  draft: PlanVersion | null;
  /** Every amendment, oldest first. */
  amendments: PlanAmendment[];
}

export interface PlanSummary {
  id: string;
  orgUnitId: string;
  kind: PlanKind;
  year: number;
  title: string;
  life: PlanLife;
  issuedVersion: number | null;
  hasDraft: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs (validated at this boundary)

const actorId = () => idString('Người thực hiện');

const IssueInputSchema = obj('Thông tin ban hành', {
  number: text('Số hiệu văn bản', { max: 100 }),
  date: isoDate('Ngày ban hành'),
  signer: text('Người ký', { max: 200 }),
});

/** An amendment's reason (lý do): the store's rule, which the staff form checks too before anything is asked. */
export const AmendReasonSchema = text('Lý do sửa đổi, bổ sung', { max: 2000, min: 5 });

export interface CreatePlanDraftInput {
  kind: PlanKind;
  content: Plan | Movement;
  /** A movement's organisation (a plan names its own). */
  orgUnitId?: string;
  clusters?: ClusterLineup[] | null;
  review?: ReviewItem[];
  by: string;
}

export interface UpdatePlanDraftInput {
  planId: string;
  /** The draft's revision the author read: a draft changed since is refused (two people editing at once). */
  expectedRevision: number;
  content?: Plan | Movement;
  clusters?: ClusterLineup[] | null;
  review?: ReviewItem[];
  by: string;
}

export interface IssuePlanInput {
  planId: string;
  number: string;
  /** yyyy-mm-dd. */
  date: string;
  signer: string;
  by: string;
}

export interface AmendPlanInput {
  planId: string;
  content: Plan | Movement;
  clusters?: ClusterLineup[] | null;
  reason: string;
  by: string;
  /** The amending document, when it has its own number, date or signer; otherwise the issue's are kept. */
  number?: string;
  date?: string;
  signer?: string;
  /**
   * The idempotency key of the form it came from (`_request`): an amendment already made from that form is
   * returned as it is, not made again (a double click, a browser retry, a retry after an unanswered request).
   */
  requestId?: string;
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new PlanStoreError('invalid', formatZodErrorVN(result.error));
  return result.data;
}

/**
 * The content checked against its kind's schema, and its identity (id, organisation, year). A movement does not
 * name its organisation in its data (the Supreme Procuracy's movement is carried out by every province), so it
 * comes from the plan row or the input.
 */
function checkedContent(
  kind: PlanKind,
  content: unknown,
  movementOrgUnitId?: string,
): { content: Plan | Movement; id: string; orgUnitId: string; year: number } {
  if (kind === 'movement') {
    const movement = parse(MovementSchema, content);
    const orgUnitId = parse(idString('Mã đơn vị ban hành'), movementOrgUnitId);
    return { content: movement, id: movement.id, orgUnitId, year: movement.fromYear };
  }
  const plan = parse(PlanSchema, content);
  const problems = planYearProblems(plan);
  if (problems.length > 0) throw new PlanStoreError('invalid', problems.join('; '));
  return { content: plan, id: plan.id, orgUnitId: plan.orgUnitId, year: plan.year };
}

/**
 * A line-up of the right shape. A draft may still have a cluster without a head or a unit in two clusters (it is
 * copied from the directory, and the author fixes it in steps); issuing refuses them (IssuableDraftSchema), and
 * so does an amendment, which is issued at once (`strict`).
 */
function checkedClusters(clusters: ClusterLineup[] | null | undefined, strict = false): ClusterLineup[] | null {
  if (!clusters) return null;
  const lineup = parse(list('Các cụm, khối thi đua của năm', ClusterLineupSchema, { max: 200 }), clusters);
  const problems = strict ? lineupProblems(lineup) : [];
  if (problems.length > 0) throw new PlanStoreError('invalid', problems.join('; '));
  return lineup;
}

function checkedReview(review: ReviewItem[] | undefined): ReviewItem[] {
  return parse(list('Các mục cần xác nhận', ReviewItemSchema, { max: 500 }), review ?? []);
}

// ---------------------------------------------------------------------------------------------------------------
// Writes

/** Creates a plan with its first draft. A plan id, or a year plan of the same organisation and year, is refused. */
export async function createPlanDraft(
  target: SqlDatabase | SqlSession,
  input: CreatePlanDraftInput,
): Promise<PlanVersion> {
  return atomically(target, (db) => createDraftIn(db, input));
}

async function createDraftIn(db: SqlSession, input: CreatePlanDraftInput): Promise<PlanVersion> {
  const by = parse(actorId(), input.by);
  const kind = parse(oneOf('Loại kế hoạch', ['year', 'programme', 'movement'] as const), input.kind);
  const { content, id, orgUnitId, year } = checkedContent(kind, input.content, input.orgUnitId);
  const clusters = checkedClusters(input.clusters);
  const review = checkedReview(input.review);
  const [same] = await db.query<{ id: string }>(
    `SELECT id FROM plans WHERE id = $1 OR (kind = 'year' AND $2 = 'year' AND org_unit_id = $3 AND year = $4)`,
    [id, kind, orgUnitId, year],
  );
  if (same)
    throw new PlanStoreError(
      'conflict',
      same.id === id
        ? `Đã có kế hoạch mã ${id}`
        : `Đơn vị ${orgUnitId} đã có kế hoạch năm ${year} (mã ${same.id}): hãy sửa bản đó`,
    );
  await db.query(`INSERT INTO plans (id, org_unit_id, kind, year, created_by) VALUES ($1, $2, $3, $4, $5)`, [
    id,
    orgUnitId,
    kind,
    year,
    by,
  ]);
  await db.query(
    `INSERT INTO plan_versions (plan_id, version, status, content, clusters, review, created_by, updated_by)
     VALUES ($1, 1, 'draft', $2::jsonb, $3::jsonb, $4::jsonb, $5, $5)`,
    [id, json(content), clusters ? json(clusters) : null, json(review), by],
  );
  return (await versionOf(db, id, 'draft'))!;
}

/** Changes the draft (content, line-up, review) if nobody changed it since `expectedRevision`. */
export async function updatePlanDraft(db: SqlSession, input: UpdatePlanDraftInput): Promise<PlanVersion> {
  const by = parse(actorId(), input.by);
  const { plan, draft } = await requireDraft(db, input.planId);
  if (draft.revision !== input.expectedRevision)
    throw new PlanStoreError(
      'stale',
      `Dự thảo kế hoạch ${plan.id} đã được sửa sau khi bạn mở (bản sửa thứ ${draft.revision}): hãy tải lại rồi sửa tiếp`,
    );
  const checked = input.content ? checkedContent(plan.kind, input.content, plan.org_unit_id) : null;
  if (checked && (checked.id !== plan.id || checked.orgUnitId !== plan.org_unit_id || checked.year !== plan.year))
    throw new PlanStoreError('invalid', 'Không được đổi mã, đơn vị ban hành hoặc năm của kế hoạch trong dự thảo');
  const clusters = input.clusters === undefined ? draft.clusters : checkedClusters(input.clusters);
  const given = input.review === undefined ? draft.review : checkedReview(input.review);
  // The reasons to check follow the edited dates (a drive moved off a Sunday loses that reason).
  const review =
    checked && plan.kind !== 'movement'
      ? reconcileReview({ plan: checked.content as Plan, clusters, review: given })
      : given;
  const rows = await db.query<{ revision: number }>(
    `UPDATE plan_versions SET content = $3::jsonb, clusters = $4::jsonb, review = $5::jsonb,
            revision = revision + 1, updated_at = now(), updated_by = $6
      WHERE plan_id = $1 AND status = 'draft' AND revision = $2
      RETURNING revision`,
    [
      plan.id,
      input.expectedRevision,
      json(checked?.content ?? draft.content),
      clusters ? json(clusters) : null,
      json(review),
      by,
    ],
  );
  // Another writer got in between the read and the update.
  if (rows.length === 0) throw new PlanStoreError('stale', `Dự thảo kế hoạch ${plan.id} vừa được sửa: hãy tải lại`);
  return (await versionOf(db, plan.id, 'draft'))!;
}

/** The author confirms one flagged item of the draft ("cần xác nhận" → đã xác nhận). */
export async function confirmPlanDraftItem(
  db: SqlSession,
  input: { planId: string; key: string; expectedRevision: number; by: string; at?: string },
): Promise<PlanVersion> {
  const { draft } = await requireDraft(db, input.planId);
  let review: ReviewItem[];
  try {
    review = confirmReviewItem(draft.review, input.key, input.by, input.at ?? new Date().toISOString());
  } catch (error) {
    throw new PlanStoreError('invalid', (error as Error).message);
  }
  return updatePlanDraft(db, { planId: input.planId, expectedRevision: input.expectedRevision, review, by: input.by });
}

/**
 * Issues (ban hành) the draft: refused while any item waits for confirmation or the draft does not validate,
 * and when the plan is already issued (a change after issue is an amendment, with its reason).
 */
export async function issuePlan(target: SqlDatabase | SqlSession, input: IssuePlanInput): Promise<PlanVersion> {
  return atomically(target, (db) => issueIn(db, input));
}

async function issueIn(db: SqlSession, input: IssuePlanInput): Promise<PlanVersion> {
  const by = parse(actorId(), input.by);
  const issue = parse(IssueInputSchema, { number: input.number, date: input.date, signer: input.signer });
  const plan = await requirePlan(db, input.planId);
  if (await versionOf(db, plan.id, 'issued'))
    throw new PlanStoreError(
      'conflict',
      `Kế hoạch ${plan.id} đã được ban hành: thay đổi sau khi ban hành là sửa đổi, bổ sung (ghi rõ lý do)`,
    );
  const draft = await versionOf(db, plan.id, 'draft');
  if (!draft) throw new PlanStoreError('not_found', `Kế hoạch ${plan.id} không có bản dự thảo để ban hành`);
  const refusal = unconfirmedRefusal(draft.review);
  if (refusal) throw new PlanStoreError('unconfirmed', refusal);
  let content = draft.content;
  if (plan.kind !== 'movement') {
    const checked = parse(IssuableDraftSchema, {
      plan: { ...draft.content, status: 'issued', documentNumber: issue.number },
      clusters: draft.clusters,
      review: draft.review,
    });
    content = checked.plan;
    await refuseReusedDriveIds(db, plan, checked.plan);
  }
  const updated = await db.query(
    `UPDATE plan_versions SET status = 'issued', content = $2::jsonb, issue_number = $3, issue_date = $4::date,
            signer = $5, issued_at = now(), issued_by = $6, updated_at = now(), updated_by = $6
      WHERE plan_id = $1 AND status = 'draft' AND revision = $7
      RETURNING version`,
    [plan.id, json(content), issue.number, issue.date, issue.signer, by, draft.revision],
  );
  // Someone issued or edited it between the read and the write: what was checked is not what is there.
  if (updated.length === 0) throw new PlanStoreError('stale', `Dự thảo kế hoạch ${plan.id} vừa thay đổi: hãy tải lại`);
  // The year's heads go where the year's cases look them up.
  if (draft.clusters) await applyLineupHeads(db, plan.year, draft.clusters);
  return (await versionOf(db, plan.id, 'issued'))!;
}

/**
 * Amends (sửa đổi, bổ sung) the issued plan: a new issued version with who, when and why; the one it replaces
 * is kept, superseded. The issue's number, date and signer carry over unless the amending document has its own.
 */
export async function amendPlan(target: SqlDatabase | SqlSession, input: AmendPlanInput): Promise<PlanVersion> {
  return atomically(target, (db) => amendIn(db, input));
}

async function amendIn(db: SqlSession, input: AmendPlanInput): Promise<PlanVersion> {
  const by = parse(actorId(), input.by);
  const reason = parse(AmendReasonSchema, input.reason);
  const plan = await requirePlan(db, input.planId);
  // One amendment at a time per plan (the next version number is read, then written); on PostgreSQL a second
  // writer waits here, then finds the first one's version, or its own form's amendment.
  await db.query(`SELECT id FROM plans WHERE id = $1 FOR UPDATE`, [plan.id]);
  if (input.requestId) {
    const earlier = await amendmentOfRequest(db, plan.id, input.requestId);
    if (earlier) return earlier;
  }
  const current = await versionOf(db, plan.id, 'issued');
  if (!current)
    throw new PlanStoreError('conflict', `Kế hoạch ${plan.id} chưa được ban hành: hãy sửa bản dự thảo rồi ban hành`);
  const checked = checkedContent(plan.kind, input.content, plan.org_unit_id);
  if (checked.id !== plan.id || checked.orgUnitId !== plan.org_unit_id || checked.year !== plan.year)
    throw new PlanStoreError('invalid', 'Không được đổi mã, đơn vị ban hành hoặc năm của kế hoạch khi sửa đổi');
  const clusters = input.clusters === undefined ? current.clusters : checkedClusters(input.clusters, true);
  const issue = parse(IssueInputSchema, {
    number: input.number ?? current.issue!.number,
    date: input.date ?? current.issue!.date ?? undefined,
    signer: input.signer ?? current.issue!.signer,
  });
  const content =
    plan.kind === 'movement' ? checked.content : { ...(checked.content as Plan), status: 'issued' as const };
  if (plan.kind !== 'movement') await refuseReusedDriveIds(db, plan, content as Plan);
  const [{ next }] = (await db.query<{ next: number }>(
    `SELECT max(version)::int + 1 AS next FROM plan_versions WHERE plan_id = $1`,
    [plan.id],
  )) as [{ next: number }];
  if (input.clusters) await applyLineupHeads(db, plan.year, clusters!);
  await db.query(`UPDATE plan_versions SET status = 'superseded' WHERE plan_id = $1 AND status = 'issued'`, [plan.id]);
  await db.query(
    `INSERT INTO plan_versions (plan_id, version, status, content, clusters, review, created_by, updated_by,
                                issue_number, issue_date, signer, issued_at, issued_by,
                                amends_version, amend_reason, amended_by, amended_at, amend_request)
     VALUES ($1, $2, 'issued', $3::jsonb, $4::jsonb, '[]'::jsonb, $5, $5, $6, $7::date, $8, now(), $5,
             $9, $10, $5, now(), $11)`,
    [
      plan.id,
      next,
      json(content),
      clusters ? json(clusters) : null,
      by,
      issue.number,
      issue.date,
      issue.signer,
      current.version,
      reason,
      input.requestId ?? null,
    ],
  );
  return (await versionOf(db, plan.id, 'issued'))!;
}

/** The version an amendment made from this form (`_request` key), or null when the form made none. */
export async function amendmentOfRequest(
  db: SqlSession,
  planId: string,
  requestId: string,
): Promise<PlanVersion | null> {
  const [row] = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM plan_versions WHERE plan_id = $1 AND amend_request = $2`,
    [planId, requestId],
  );
  return row ? versionFrom(row) : null;
}

/**
 * A drive's id is the id of the campaign it opens, and the campaign's quota ledgers are named after it: a drive id
 * that another of the organisation's plans has issued (another year's) would reach that campaign's ended ledgers
 * (refused as closed) instead of opening its own. Drafts do not count: nothing runs from them.
 */
async function refuseReusedDriveIds(db: SqlSession, plan: PlanRow, content: Plan): Promise<void> {
  if (content.drives.length === 0) return;
  const [reused] = await db.query<{ drive_id: string; title: string | null }>(
    `SELECT d->>'id' AS drive_id, v.content->>'title' AS title
       FROM plans p JOIN plan_versions v ON v.plan_id = p.id
       CROSS JOIN LATERAL jsonb_array_elements(
         CASE WHEN jsonb_typeof(v.content->'drives') = 'array' THEN v.content->'drives' ELSE '[]'::jsonb END) d
      WHERE p.org_unit_id = $1 AND p.id <> $2 AND v.status <> 'draft'
        AND d->>'id' IN (SELECT jsonb_array_elements_text($3::jsonb))
      ORDER BY p.year DESC, p.id, v.version DESC
      LIMIT 1`,
    [plan.org_unit_id, plan.id, json(content.drives.map((d) => d.id))],
  );
  if (!reused) return;
  const drive = content.drives.find((d) => d.id === reused.drive_id)!;
  throw new PlanStoreError(
    'invalid',
    `Đợt thi đua “${drive.title}” dùng mã ${drive.id}, mã này đã dùng cho một đợt của kế hoạch “${reused.title ?? ''}”: ` +
      'mỗi đợt thi đua cần một mã riêng, hãy đổi mã của đợt này',
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Reads

/** The year plan of an organisation (or its programme / movement starting that year): issued version and draft. */
export async function getPlanOfYear(
  db: SqlSession,
  orgUnitId: string,
  year: number,
  kind: PlanKind = 'year',
): Promise<PlanRecord | null> {
  const [row] = await db.query<PlanRow>(
    `SELECT ${PLAN_COLUMNS} FROM plans WHERE org_unit_id = $1 AND year = $2 AND kind = $3 ORDER BY id LIMIT 1`,
    [orgUnitId, year, kind],
  );
  return row ? recordOf(db, row) : null;
}

/** Every version of a plan, oldest first (drafts, versions in force, superseded ones): an amendment history. */
export async function planVersions(db: SqlSession, planId: string): Promise<PlanVersion[]> {
  const rows = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM plan_versions WHERE plan_id = $1 ORDER BY version`,
    [planId],
  );
  return rows.map(versionFrom);
}

export async function getPlanById(db: SqlSession, planId: string): Promise<PlanRecord | null> {
  const [row] = await db.query<PlanRow>(`SELECT ${PLAN_COLUMNS} FROM plans WHERE id = $1`, [planId]);
  return row ? recordOf(db, row) : null;
}

/** What the yearly Schedule starts: the issued version of that year's plan, or null when there is none. */
export async function issuedYearPlan(db: SqlSession, orgUnitId: string, year: number): Promise<Plan | null> {
  const [row] = await db.query<{ content: Plan }>(
    `SELECT v.content FROM plans p JOIN plan_versions v ON v.plan_id = p.id AND v.status = 'issued'
      WHERE p.org_unit_id = $1 AND p.year = $2 AND p.kind = 'year'`,
    [orgUnitId, year],
  );
  return row ? PlanSchema.parse(row.content) : null;
}

/** The plans, newest year first; filtered by organisation, kind or year. */
export async function listPlans(
  db: SqlSession,
  filter: { orgUnitId?: string; kind?: PlanKind; year?: number } = {},
): Promise<PlanSummary[]> {
  const rows = await db.query<
    PlanRow & { title: string; issued_version: number | null; has_draft: boolean; amended: boolean }
  >(
    `SELECT p.id, p.org_unit_id, p.kind, p.year,
            coalesce(i.content, d.content) ->> 'title' AS title,
            i.version AS issued_version, d.version IS NOT NULL AS has_draft, i.amends_version IS NOT NULL AS amended
       FROM plans p
       LEFT JOIN plan_versions i ON i.plan_id = p.id AND i.status = 'issued'
       LEFT JOIN plan_versions d ON d.plan_id = p.id AND d.status = 'draft'
      WHERE ($1::text IS NULL OR p.org_unit_id = $1) AND ($2::text IS NULL OR p.kind = $2)
        AND ($3::int IS NULL OR p.year = $3)
      ORDER BY p.year DESC, p.org_unit_id, p.id`,
    [filter.orgUnitId ?? null, filter.kind ?? null, filter.year ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    orgUnitId: r.org_unit_id,
    kind: r.kind,
    year: r.year,
    title: r.title,
    life: r.issued_version === null ? 'draft' : r.amended ? 'amended' : 'issued',
    issuedVersion: r.issued_version,
    hasDraft: r.has_draft,
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Rows

interface PlanRow {
  id: string;
  org_unit_id: string;
  kind: PlanKind;
  year: number;
}
const PLAN_COLUMNS = 'id, org_unit_id, kind, year';

interface VersionRow {
  plan_id: string;
  version: number;
  status: PlanVersionStatus;
  content: Plan | Movement;
  clusters: ClusterLineup[] | null;
  review: ReviewItem[];
  revision: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  issue_number: string | null;
  issue_date: string | null;
  signer: string | null;
  issued_at: string | null;
  issued_by: string | null;
  amends_version: number | null;
  amend_reason: string | null;
  amended_by: string | null;
  amended_at: string | null;
}

const VERSION_COLUMNS = `plan_id, version, status, content, clusters, review, revision,
  ${instant('created_at')} AS created_at, created_by, ${instant('updated_at')} AS updated_at, updated_by,
  issue_number, to_char(issue_date, 'YYYY-MM-DD') AS issue_date, signer, ${instant('issued_at')} AS issued_at,
  issued_by, amends_version, amend_reason, amended_by, ${instant('amended_at')} AS amended_at`;

function instant(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

function versionFrom(r: VersionRow): PlanVersion {
  return {
    planId: r.plan_id,
    version: r.version,
    status: r.status,
    content: r.content,
    clusters: r.clusters,
    review: r.review,
    revision: r.revision,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    issue:
      r.issued_at === null
        ? null
        : {
            number: r.issue_number!,
            date: r.issue_date,
            signer: r.signer!,
            issuedAt: r.issued_at,
            issuedBy: r.issued_by!,
          },
    amendment:
      r.amends_version === null
        ? null
        : {
            version: r.version,
            amendsVersion: r.amends_version,
            reason: r.amend_reason!,
            by: r.amended_by!,
            at: r.amended_at!,
          },
  };
}

async function versionOf(db: SqlSession, planId: string, status: 'draft' | 'issued'): Promise<PlanVersion | null> {
  const [row] = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM plan_versions WHERE plan_id = $1 AND status = $2`,
    [planId, status],
  );
  return row ? versionFrom(row) : null;
}

async function recordOf(db: SqlSession, row: PlanRow): Promise<PlanRecord> {
  const rows = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM plan_versions WHERE plan_id = $1 ORDER BY version`,
    [row.id],
  );
  const versions = rows.map(versionFrom);
  const issued = versions.find((v) => v.status === 'issued') ?? null;
  return {
    id: row.id,
    orgUnitId: row.org_unit_id,
    kind: row.kind,
    year: row.year,
    life: !issued ? 'draft' : issued.amendment ? 'amended' : 'issued',
    issued,
    draft: versions.find((v) => v.status === 'draft') ?? null,
    amendments: versions.flatMap((v) => (v.amendment ? [v.amendment] : [])),
  };
}

async function requirePlan(db: SqlSession, planId: string): Promise<PlanRow> {
  const [row] = await db.query<PlanRow>(`SELECT ${PLAN_COLUMNS} FROM plans WHERE id = $1`, [planId]);
  if (!row) throw new PlanStoreError('not_found', `Không tìm thấy kế hoạch ${planId}`);
  return row;
}

async function requireDraft(db: SqlSession, planId: string): Promise<{ plan: PlanRow; draft: PlanVersion }> {
  const plan = await requirePlan(db, planId);
  const draft = await versionOf(db, planId, 'draft');
  if (!draft) throw new PlanStoreError('not_found', `Kế hoạch ${planId} không có bản dự thảo`);
  return { plan, draft };
}

/**
 * Runs several statements as one: in a transaction of its own on a whole database, or in the caller's
 * transaction when given a session (e.g. the demo seeding's), since transactions do not nest.
 */
async function atomically<T>(target: SqlDatabase | SqlSession, fn: (db: SqlSession) => Promise<T>): Promise<T> {
  return 'transaction' in target ? target.transaction(fn) : fn(target);
}

function json(value: unknown): string {
  return JSON.stringify(value);
}
