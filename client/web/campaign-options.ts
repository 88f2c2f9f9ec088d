/**
 * The campaigns a unit may nominate in right now, for the new-nomination form and its POST: the year's campaign
 * (the plan's year-end review), the drive campaigns a running plan opened when a drive closed, and the review
 * campaigns of a running movement. Each option carries a Vietnamese label with its due date (dd/mm/yyyy, Vietnam
 * time) and the year the nomination belongs to. The POST accepts only an id from this list, so a campaign that is
 * closed, not yet open, or run for other units is refused before any workflow starts.
 *
 * Drive and movement campaigns are read from the workflows' `state` queries rather than their `campaigns` queries,
 * because the state also says which units the plan or movement covers; the open window is the domain's own rule
 * (`openCampaigns`), the same one the plan's `campaigns` query answers with.
 */
import { formatDateVN } from '../../domain/calendar.js';
import { findDeadline, planDeadlineInstant, type Plan } from '../../domain/plan.js';
import { openCampaigns, yearCampaignClosesAt } from '../../domain/plan-year/plan-run.js';
import { reviewAwardCodes, type Movement, type MovementReview } from '../../domain/plan-year/movement.js';
import { awardOutsideCampaign } from '../../domain/catalogue.js';
import { vnCalendarDate } from '../../domain/calendar.js';
import { getPlanById, issuedYearPlan, listPlans } from '../../store/plans.js';
import type { SqlSession } from '../../store/sql.js';
import { badRequest } from './errors.js';
import type { YearCasesClient } from '../lib/year-cases.js';

export type CampaignKind = 'year' | 'drive' | 'movement';

export interface CampaignOption {
  id: string;
  kind: CampaignKind;
  /** Vietnamese, with the due date when there is one. */
  label: string;
  /** The year the nomination is for (its rule set and quota year). */
  year: number;
  dueAt: string | null;
  /** When the campaign stops taking nominations, so its quota ledgers close (campaignClosesAt); null: never known. */
  closesAt: string | null;
  /** The award forms the campaign accepts (a movement review's); null: any award. */
  awardCodes: string[] | null;
}

/** A campaign offered whatever the running workflows say (the year's review, or a test's own campaign). */
export interface FixedCampaign {
  id: string;
  title: string;
  year?: number;
  dueAt?: string | null;
  /** When the form stops offering it (its quota ledgers close then); absent: offered for as long as it is given. */
  closesAt?: string | null;
}

/** Where the form looks for open campaigns. */
export interface CampaignSources {
  orgUnitId: string;
  fixed: FixedCampaign[];
  /** Years whose running plan (`plan/<org>/<year>`) may have opened drive campaigns. */
  planYears: number[];
  /** Movements (`movement/<org>/<id>`) whose reviews may have opened campaigns. */
  movements: Movement[];
  /** The issued plans of `planYears`, whose drives the admin search offers as filters. */
  plans: Plan[];
}

/**
 * The year's review campaign of a plan, due at the plan's nomination (else final-review) deadline. Seed 003 sets
 * neither (the standing body announces it), so the demo's year campaign has no due date and says so.
 */
export function yearCampaignOf(plan: Plan): FixedCampaign {
  const deadline = findDeadline(plan, 'nomination') ?? findDeadline(plan, 'final_review');
  return {
    id: plan.id,
    title: `Tổng kết công tác thi đua, khen thưởng năm ${plan.year}`,
    year: plan.year,
    dueAt: deadline ? planDeadlineInstant(deadline) : null,
    closesAt: yearCampaignClosesAt(plan.year),
  };
}

/**
 * Where the form looks, read from the database (issue 11; never a shipped constant): the year-end review of a
 * year's issued plan is offered from 01/11 of that year to 31/01 of the next (yearCampaignClosesAt: the review and
 * its nominations straddle the new year; lateness is the rule set's business), the drives of the current year's
 * running plan, and the reviews of every issued movement.
 */
export async function campaignSourcesFromDatabase(
  db: SqlSession,
  orgUnitId: string | null,
  now: string = new Date().toISOString(),
): Promise<CampaignSources> {
  const { year, month } = vnCalendarDate(now);
  if (!orgUnitId) return { orgUnitId: '', fixed: [], planYears: [], movements: [], plans: [] };
  const [current, previous] = await Promise.all([
    issuedYearPlan(db, orgUnitId, year),
    month === 1 ? issuedYearPlan(db, orgUnitId, year - 1) : null,
  ]);
  const reviewed = month >= 11 ? current : previous;
  const movements = await Promise.all(
    (await listPlans(db, { kind: 'movement' }))
      .filter((m) => m.issuedVersion !== null)
      .map(async (m) => (await getPlanById(db, m.id))?.issued?.content as Movement | undefined),
  );
  return {
    orgUnitId,
    fixed: reviewed ? [yearCampaignOf(reviewed)] : [],
    planYears: [year],
    movements: movements.filter((m): m is Movement => !!m),
    plans: current ? [current] : [],
  };
}

/** How a movement's review campaign is named on screen. */
function movementReviewTitle(movement: Movement, review: MovementReview): string {
  return `${review.title}: phong trào ${movement.title}`;
}

/**
 * Every campaign the sources can ever offer, open or not, for filters over existing cases (the admin search): the
 * fixed ones, the drives of the issued plans of the source years, the movements' reviews. No workflow is asked.
 */
export function allCampaigns(sources: CampaignSources): { id: string; title: string }[] {
  const drives = sources.plans
    .filter((p) => p.orgUnitId === sources.orgUnitId && sources.planYears.includes(p.year))
    .flatMap((p) => p.drives.map((d) => ({ id: d.id, title: d.title })));
  const reviews = sources.movements.flatMap((m) =>
    m.reviews.map((r) => ({ id: r.id, title: movementReviewTitle(m, r) })),
  );
  return [...sources.fixed.map((c) => ({ id: c.id, title: c.title })), ...drives, ...reviews];
}

function withDue(title: string, dueAt: string | null): string {
  return `${title} (hạn gửi hồ sơ ${dueAt ? formatDateVN(dueAt) : 'theo thông báo của Thường trực Hội đồng'})`;
}

/**
 * A fixed campaign as a form option (open while it is given: lateness in it is the rule set's business, not the
 * form's). The year's review closes when the form stops offering it (yearCampaignClosesAt); a campaign given by
 * configuration without a closing instant keeps its ledgers open.
 */
export function fixedOption(c: FixedCampaign): CampaignOption {
  const dueAt = c.dueAt ?? null;
  const year = c.year ?? vnCalendarDate(new Date().toISOString()).year;
  return {
    id: c.id,
    kind: 'year',
    label: withDue(c.title, dueAt),
    year,
    dueAt,
    closesAt: c.closesAt ?? null,
    awardCodes: null,
  };
}

function isOpen(now: string, openedAt: string, dueAt: string): boolean {
  const t = Date.parse(now);
  return Date.parse(openedAt) <= t && t <= Date.parse(dueAt);
}

async function driveOptions(yearCases: YearCasesClient, orgUnitId: string, year: number, unitId: string, now: string) {
  const run = await yearCases.planState(orgUnitId, year);
  if (!run || !run.context.units.some((u) => u.id === unitId)) return [];
  return openCampaigns(run, now).map((c): CampaignOption => ({
    id: c.campaignId,
    kind: 'drive',
    label: withDue(c.title, c.dueAt),
    year: run.plan.year,
    dueAt: c.dueAt,
    closesAt: c.dueAt, // a drive's campaign is offered until its due date, then closes
    awardCodes: null,
  }));
}

async function movementOptions(
  yearCases: YearCasesClient,
  orgUnitId: string,
  movement: Movement,
  unitId: string,
  now: string,
) {
  const state = await yearCases.movement(orgUnitId, movement.id);
  if (!state || !state.context.units.some((u) => u.id === unitId)) return [];
  return Object.values(state.campaigns)
    .filter((c) => isOpen(now, c.openedAt, c.dueAt))
    .flatMap((c): CampaignOption[] => {
      // A campaign is opened from one of the movement's reviews, so the review is always there.
      const review = state.movement.reviews.find((r) => r.id === c.reviewId);
      if (!review) return [];
      // A movement started before reviews carried award codes has none in its state: the issued movement has them.
      const awardCodes =
        reviewAwardCodes(review) ?? reviewAwardCodes(movement.reviews.find((r) => r.id === review.id) ?? review);
      const title = movementReviewTitle(state.movement, review);
      return [
        {
          id: c.campaignId,
          kind: 'movement',
          label: withDue(title, c.dueAt),
          year: review.year,
          dueAt: c.dueAt,
          closesAt: c.dueAt, // offered until its due date (isOpen), then closed
          awardCodes,
        },
      ];
    });
}

/**
 * Every campaign the unit may nominate in at `now`, the year's campaign first, then by due date. The year's campaign
 * is always offered: a late nomination in it is the rule set's business (its due dates), not the form's.
 */
export async function openCampaignOptions(
  yearCases: YearCasesClient,
  sources: CampaignSources,
  unitId: string,
  now: string = new Date().toISOString(),
): Promise<CampaignOption[]> {
  const fixed = sources.fixed.map(fixedOption);
  const running = await Promise.all([
    ...sources.planYears.map((year) => driveOptions(yearCases, sources.orgUnitId, year, unitId, now)),
    ...sources.movements.map((m) => movementOptions(yearCases, sources.orgUnitId, m, unitId, now)),
  ]);
  const opened = running.flat().sort((a, b) => Date.parse(a.dueAt ?? '') - Date.parse(b.dueAt ?? ''));
  return [...fixed, ...opened];
}

/** The options under which this award may be filed (a movement review takes only its own award forms). */
export function campaignsForAward(options: readonly CampaignOption[], awardCode: string): CampaignOption[] {
  return options.filter((c) => awardOutsideCampaign(c.awardCodes, awardCode) === null);
}

/**
 * The option a form chose, or a 400 in Vietnamese when it is not open for the unit now, or does not take the award
 * (nothing is started).
 */
export async function chosenCampaign(
  deps: { yearCases: YearCasesClient; campaignSources: () => Promise<CampaignSources> },
  unitId: string,
  id: string,
  awardCode: string,
) {
  if (!id) throw badRequest('Chưa chọn đợt, phong trào thi đua.', 'no campaign chosen');
  const option = (await openCampaignOptions(deps.yearCases, await deps.campaignSources(), unitId)).find(
    (c) => c.id === id,
  );
  if (!option)
    throw badRequest(
      'Đợt, phong trào thi đua này không nhận hồ sơ của đơn vị vào lúc này (chưa mở, đã hết hạn hoặc không dành cho đơn vị).',
      `campaign ${id} is not open for unit ${unitId}`,
    );
  const outside = awardOutsideCampaign(option.awardCodes, awardCode);
  if (outside) throw badRequest(outside, `campaign ${id} does not accept award ${awardCode}`);
  return option;
}
