/**
 * "Lập kế hoạch năm …" against the database (issue 11): the coming year's draft made from the organisation's
 * latest year plan before it (its issued version, or its draft when it was never issued) and the directory's
 * clusters, saved as the new year's draft with everything to confirm. The drafting itself is pure
 * (domain/plan-authoring); this reads its inputs and saves its output.
 */
import { draftNextYear, reviewItem } from '../domain/plan-authoring/index.js';
import type { Plan } from '../domain/plan.js';
import { lineupFromDirectory } from './plan-lineup.js';
import { createPlanDraft, type PlanVersion } from './plans.js';
import { PlanStoreError } from './plans-error.js';
import type { SqlDatabase, SqlSession } from './sql.js';

/** The latest year plan of the organisation before `year`: its version in force, else its draft. */
async function currentPlanBefore(db: SqlSession, orgUnitId: string, year: number): Promise<Plan | null> {
  const [row] = await db.query<{ content: Plan }>(
    `SELECT v.content FROM plans p JOIN plan_versions v ON v.plan_id = p.id AND v.status IN ('issued', 'draft')
      WHERE p.org_unit_id = $1 AND p.kind = 'year' AND p.year < $2
      ORDER BY p.year DESC, (v.status = 'issued') DESC LIMIT 1`,
    [orgUnitId, year],
  );
  return row?.content ?? null;
}

export async function createNextYearDraft(
  target: SqlDatabase | SqlSession,
  input: { orgUnitId: string; toYear: number; by: string },
): Promise<PlanVersion> {
  const run = async (db: SqlSession) => {
    const current = await currentPlanBefore(db, input.orgUnitId, input.toYear);
    if (!current)
      throw new PlanStoreError(
        'not_found',
        `Chưa có kế hoạch năm nào trước năm ${input.toYear} của đơn vị ${input.orgUnitId} để lập kế hoạch năm ${input.toYear}`,
      );
    const { lineup, flags } = await lineupFromDirectory(db, current.year, input.toYear);
    const draft = draftNextYear(current, { toYear: input.toYear, clusters: lineup.length > 0 ? lineup : null });
    // The heads that were copied say so on the line-up's item, next to "copied from last year".
    const review = draft.review.map((item) =>
      item.key === 'clusters' && flags.length > 0 ? reviewItem(item.key, item.label, flags) : item,
    );
    return createPlanDraft(db, {
      kind: 'year',
      content: draft.plan,
      clusters: draft.clusters,
      review,
      by: input.by,
    });
  };
  return 'transaction' in target ? target.transaction(run) : run(target);
}
