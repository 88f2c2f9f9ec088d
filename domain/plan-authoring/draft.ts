/**
 * A plan being written (dự thảo): the plan data, the year's cluster line-up, and what is still to be confirmed.
 * The schema checks what the plan schema alone cannot: the plan's own year, the line-up, and (at issue time)
 * that the author has confirmed everything copied.
 */
import { z } from 'zod';
import { formatCalendarDateVN, windowInstants, type CalendarDate } from '../calendar.js';
import { PlanSchema, type Plan } from '../plan.js';
import { list, obj } from '../zod-vi.js';
import { ClusterLineupSchema, lineupProblems } from './clusters.js';
import { ReviewItemSchema, unconfirmedRefusal } from './review.js';

export const PlanDraftSchema = z.lazy(() =>
  obj('Dự thảo kế hoạch', {
    plan: PlanSchema,
    clusters: list('Các cụm, khối thi đua của năm', ClusterLineupSchema, { max: 200 }).nullable(),
    review: list('Các mục cần xác nhận', ReviewItemSchema, { max: 500 }),
  }).superRefine((draft, ctx) => {
    for (const message of planYearProblems(draft.plan)) ctx.addIssue({ code: 'custom', message, path: ['plan'] });
    // The schema knows no directory, so it names units by id; store/plans.ts checks the line-up with the
    // directory's names before it parses, so what staff read names the units.
    for (const message of lineupProblems(draft.clusters ?? [], (unitId) => unitId))
      ctx.addIssue({ code: 'custom', message, path: ['clusters'] });
  }),
);
export type PlanDraft = z.infer<typeof PlanDraftSchema>;

/** What issuing additionally requires: a valid draft with nothing left to confirm. */
export const IssuableDraftSchema = z.lazy(() =>
  PlanDraftSchema.superRefine((draft, ctx) => {
    const refusal = unconfirmedRefusal(draft.review);
    if (refusal) ctx.addIssue({ code: 'custom', message: refusal, path: ['review'] });
  }),
);

/**
 * Dates that do not fit the plan's year: a deadline outside it (or outside the movement year when the plan
 * follows one), a drive window that ends before it starts. Vietnamese, naming the item and its dates.
 */
export function planYearProblems(plan: Plan): string[] {
  const problems: string[] = [];
  const inYear = (d: CalendarDate) => {
    if (!plan.movementYearStart) return d.year === plan.year;
    const { day, month } = plan.movementYearStart;
    const key = d.year * 10_000 + d.month * 100 + d.day;
    const start = plan.year * 10_000 + month * 100 + day;
    return key >= start && key < start + 10_000;
  };
  for (const d of plan.deadlines) {
    if (!inYear(d.date))
      problems.push(`Mốc “${d.title}”: ngày ${formatCalendarDateVN(d.date)} nằm ngoài năm kế hoạch ${plan.year}`);
  }
  for (const drive of plan.drives) {
    if (!windowIsOrdered(drive.window))
      problems.push(
        `Đợt thi đua “${drive.title}”: ngày kết thúc ${formatCalendarDateVN(drive.window.to)} ở trước ngày bắt đầu ${formatCalendarDateVN(drive.window.from)}`,
      );
  }
  return problems;
}

function windowIsOrdered(window: { from: CalendarDate; to: CalendarDate }): boolean {
  try {
    windowInstants(window);
    return true;
  } catch {
    return false;
  }
}
