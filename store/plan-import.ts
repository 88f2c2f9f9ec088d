/**
 * Loads plan documents into the database (issue 11): the plans shipped with the product at start-up, and later
 * any organisation's own. Idempotent — a plan already there is left exactly as it is (the standing body may have
 * edited or issued it since), so it runs on every start, in the caller's transaction or one of its own.
 */
import { SHIPPED_PLAN_IMPORTS, type PlanImport } from '../domain/plans/shipped.js';
import { createPlanDraft, getPlanById, type PlanVersion } from './plans.js';
import type { SqlDatabase, SqlSession } from './sql.js';

/** Who the import is recorded as, in the plans' history. */
export const PLAN_IMPORT_ACTOR = 'system-import';

export interface PlanImportReport {
  imported: string[];
  existing: string[];
}

export async function importPlans(
  target: SqlDatabase | SqlSession,
  imports: readonly PlanImport[],
  by: string = PLAN_IMPORT_ACTOR,
): Promise<PlanImportReport> {
  const run = async (db: SqlSession) => {
    const report: PlanImportReport = { imported: [], existing: [] };
    for (const doc of imports) {
      if (await getPlanById(db, doc.content.id)) {
        report.existing.push(doc.content.id);
        continue;
      }
      await createPlanDraft(db, {
        kind: doc.kind,
        content: doc.content,
        ...(doc.kind === 'movement' ? { orgUnitId: doc.orgUnitId } : {}),
        by,
      });
      if (doc.issue) await recordIssue(db, doc.content.id, doc.issue, by);
      report.imported.push(doc.content.id);
    }
    return report;
  };
  return 'transaction' in target ? target.transaction(run) : run(target);
}

/** The shipped plans (domain/plans/shipped.ts). */
export function importShippedPlans(target: SqlDatabase | SqlSession): Promise<PlanImportReport> {
  return importPlans(target, SHIPPED_PLAN_IMPORTS);
}

/**
 * An imported document is already issued: its issue is recorded as the copy shows it (the date may be unknown),
 * without the authoring checks a draft written in the product must pass.
 */
async function recordIssue(
  db: SqlSession,
  planId: string,
  issue: PlanImport['issue'] & object,
  by: string,
): Promise<PlanVersion | void> {
  await db.query(
    `UPDATE plan_versions
        SET status = 'issued', content = CASE WHEN content ? 'status' THEN jsonb_set(content, '{status}', '"issued"')
                                         ELSE content END,
            issue_number = $2, issue_date = $3::date, signer = $4, issued_at = now(), issued_by = $5
      WHERE plan_id = $1 AND status = 'draft'`,
    [planId, issue.number, issue.date, issue.signer, by],
  );
}
