/**
 * The organisation's plan of a year as the pages show it (issue 11), never a shipped constant: the running
 * plan's own copy when the year's plan workflow runs, else the version issued in the database, else the draft
 * (shown as "Dự thảo – chưa ban hành"), else nothing ("chưa có kế hoạch"). The organisation is the
 * deployment's (PLAN_ORG_UNIT_ID, else the directory's one council: store/plan-organisation.ts).
 */
import type { Plan } from '../../../domain/plan.js';
import type { PlanRunState } from '../../../domain/plan-year/plan-run.js';
import { comingYearPlanNotice, type ComingYearNotice } from '../../../domain/plan-authoring/index.js';
import type { Account } from '../../../store/credentials.js';
import { getPlanOfYear, listPlans, type PlanRecord } from '../../../store/plans.js';
import type { WebDeps } from './deps.js';

export type YearPlanSource = 'running' | 'issued' | 'draft';

export interface YearPlanView {
  orgUnitId: string | null;
  year: number;
  run: PlanRunState | null;
  plan: Plan | null;
  source: YearPlanSource | null;
  record: PlanRecord | null;
}

/** What the page says of where the plan is in its life; null for a running plan (nothing to warn about). */
export function yearPlanLabel(view: YearPlanView): string | null {
  if (view.source === 'draft')
    return `Dự thảo – chưa ban hành: kế hoạch năm ${view.year} đang được Thường trực Hội đồng soạn thảo; các mốc dưới đây có thể còn thay đổi, chưa mở đăng ký và giao ước.`;
  if (view.source === 'issued')
    return `Kế hoạch năm ${view.year} đã ban hành nhưng chưa được khởi động trên hệ thống: chưa mở đăng ký và giao ước.`;
  return null;
}

export async function yearPlanOf(deps: Pick<WebDeps, 'db' | 'yearCases' | 'organisation'>, year: number) {
  const orgUnitId = await deps.organisation();
  const empty: YearPlanView = { orgUnitId, year, run: null, plan: null, source: null, record: null };
  if (!orgUnitId) return empty;
  const [run, record] = await Promise.all([
    // A running plan that does not answer (its worker gone) must not take the page down: the database has the plan.
    deps.yearCases.planState(orgUnitId, year).catch((error: unknown) => {
      console.warn(`plan/${orgUnitId}/${year} did not answer its state query: ${String(error)}`);
      return null;
    }),
    getPlanOfYear(deps.db, orgUnitId, year),
  ]);
  const view: YearPlanView = { ...empty, run, record };
  if (run) return { ...view, plan: run.plan, source: 'running' as const };
  if (record?.issued) return { ...view, plan: record.issued.content as Plan, source: 'issued' as const };
  if (record?.draft) return { ...view, plan: record.draft.content as Plan, source: 'draft' as const };
  return view;
}

/**
 * The banner of the standing body (and the leadership, who may draft too) from 01/11 while the coming year has
 * no issued plan (domain/plan-authoring comingYearPlanNotice); null for everyone else and once it is issued.
 */
export async function comingYearNoticeFor(
  deps: Pick<WebDeps, 'db' | 'organisation'>,
  account: Account,
  now: string = new Date().toISOString(),
): Promise<ComingYearNotice | null> {
  if (!account.user.roles.some((r) => r === 'council_secretary' || r === 'leadership')) return null;
  const orgUnitId = await deps.organisation();
  if (!orgUnitId) return null;
  const issuedYears = (await listPlans(deps.db, { orgUnitId, kind: 'year' }))
    .filter((p) => p.issuedVersion !== null)
    .map((p) => p.year);
  return comingYearPlanNotice(now, issuedYears);
}
