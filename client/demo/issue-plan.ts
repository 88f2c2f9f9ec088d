/**
 * The demo standing body settles a drafted plan and issues it (issue 11): its edits (calendar.ts
 * `demoPlanEdits`), the confirmation of every flagged item and the issue land in ONE transaction. The edits are
 * counted from the draft as drafted (anniversaries +1, the yearly directives' years, the late deadlines), so they
 * must never be applied to a draft they were already applied to: a crash or a refused issue anywhere in here
 * leaves the draft as it was, and the next start settles it once. Launching the issued plan (Temporal) is the
 * seeder's next step, after the commit.
 */
import type { CalendarDate } from '../../domain/calendar.js';
import { unconfirmedItems } from '../../domain/plan-authoring/index.js';
import type { Plan } from '../../domain/plan.js';
import {
  confirmPlanDraftItem,
  getPlanOfYear,
  issuePlan,
  updatePlanDraft,
  type PlanVersion,
} from '../../store/plans.js';
import type { SqlDatabase } from '../../store/sql.js';
import { demoPlanEdits } from './calendar.js';

export interface DemoPlanIssue {
  orgUnitId: string;
  year: number;
  /** The year of the plan the draft was made from (its anniversaries and directives are counted from it). */
  fromYear: number;
  /** The day the plan is issued on, and the issue's number and signer. */
  issued: CalendarDate;
  issue: { number: string; date: string; signer: string };
  /** The standing body's account, and when it confirms. */
  by: string;
  at: string;
}

/** Settles and issues the draft of `year`; null when there is no draft to issue (already issued, or none). */
export async function settleAndIssueDemoPlan(db: SqlDatabase, input: DemoPlanIssue): Promise<PlanVersion | null> {
  return db.transaction(async (tx) => {
    const record = await getPlanOfYear(tx, input.orgUnitId, input.year);
    if (!record || record.issued || !record.draft) return null;
    const planId = record.id;
    let version = await updatePlanDraft(tx, {
      planId,
      expectedRevision: record.draft.revision,
      content: demoPlanEdits(record.draft.content as Plan, input.fromYear, input.issued),
      by: input.by,
    });
    for (const item of unconfirmedItems(version.review)) {
      version = await confirmPlanDraftItem(tx, {
        planId,
        key: item.key,
        expectedRevision: version.revision,
        by: input.by,
        at: input.at,
      });
    }
    return issuePlan(tx, { planId, ...input.issue, by: input.by });
  });
}
