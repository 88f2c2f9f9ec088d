/**
 * A movement (phong trào thi đua) that runs over several movement years, e.g. seed 001's "văn hóa công sở"
 * 2019 – 2025: its movement year (01/06 → 31/05), its quotas, and its review points — the interim review
 * (sơ kết) and the final review (tổng kết) — each of which opens a nomination campaign for the units. Data, so a
 * province runs the sector's movement with the same code; the workflow (workflows/movement) only keeps time.
 */
import { z } from 'zod';
import {
  addDays,
  formatCalendarDateVN,
  formatDateVN,
  instantMs,
  movementYearStartingIn,
  toUtcIso,
  windowInstants,
  type CalendarDate,
} from '../calendar.js';
import { findAward } from '../catalogue.js';
import type { Actor } from '../org.js';
import { dayMonthSchema, idString, intIn, list, obj, oneOf, text } from '../zod-vi.js';
import { standingBody, type CouncilRef, type NoticeDraft, type Recipient, type YearAuditEntry } from './common.js';

const fractionSchema = (label: string) =>
  obj(label, { numerator: intIn('Tử số', 1, 1000), denominator: intIn('Mẫu số', 1, 1000) });

export const MovementReviewSchema = z.lazy(() =>
  obj('Mốc sơ kết, tổng kết', {
    id: idString('Mã đợt sơ kết, tổng kết'),
    kind: oneOf('Loại', ['interim', 'final'] as const),
    title: text('Tên đợt sơ kết, tổng kết', { max: 500 }),
    /** The review covers the movement years up to the one that ends on movementYearStart − 1 day of this year. */
    year: intIn('Năm sơ kết, tổng kết', 2000, 2100),
    /** Days after the review opens for units to send their nominations. */
    nominationDays: intIn('Số ngày gửi đề nghị khen thưởng', 1, 120),
    /** The highest forms of award the review may propose (quoted from the movement's plan). */
    awards: text('Hình thức khen thưởng', { max: 1000 }),
    /**
     * The same award forms as catalogue codes: the review's campaign accepts only these (the form offers the
     * campaign only for them, and the nomination refuses any other under it).
     */
    awardCodes: list(
      'Mã hình thức khen thưởng của đợt',
      z.string().superRefine((code, ctx) => {
        if (findAward(code)?.nominable !== true)
          ctx.addIssue({ code: 'custom', message: `Hình thức khen thưởng “${code}” không có trong danh mục` });
      }),
      { min: 1, max: 30 },
    ).refine((codes) => new Set(codes).size === codes.length, { error: 'Mã hình thức khen thưởng bị trùng' }),
    source: text('Căn cứ', { max: 2000 }),
  }),
);
export type MovementReview = z.infer<typeof MovementReviewSchema>;

export const MovementSchema = z.lazy(() =>
  obj('Phong trào thi đua', {
    id: idString('Mã phong trào'),
    title: text('Tên phong trào', { max: 500 }),
    fromYear: intIn('Năm bắt đầu', 2000, 2100),
    toYear: intIn('Năm kết thúc', 2000, 2100),
    movementYearStart: dayMonthSchema('Ngày bắt đầu năm thi đua'),
    quotas: obj('Tỷ lệ đề nghị khen thưởng', {
      collective: fractionSchema('Tỷ lệ tập thể'),
      individual: fractionSchema('Tỷ lệ cá nhân'),
    }),
    reviews: list('Các mốc sơ kết, tổng kết', MovementReviewSchema, { min: 1, max: 20 }),
    source: text('Căn cứ', { max: 2000 }),
  }),
);
export type Movement = z.infer<typeof MovementSchema>;

export interface MovementStartInput {
  movement: Movement;
  /** The unit that carries the movement out locally (its council, its units), e.g. a provincial procuracy. */
  orgUnitId: string;
  startedBy: Actor | null;
}

/** The organisation facts a movement needs, loaded once from the directory. */
export interface MovementContext {
  council: CouncilRef;
  orgName: string;
  units: { id: string; name: string }[];
}

/** A review's nomination campaign: nominations started with this id count on quota/<campaign>/<unit>. */
export interface MovementCampaign {
  campaignId: string;
  reviewId: string;
  kind: MovementReview['kind'];
  /** The achievement window it rewards: from the movement's first day to the end of the review's movement year. */
  window: { from: string; to: string };
  openedAt: string;
  dueAt: string;
}

export interface MovementState {
  movement: Movement;
  orgUnitId: string;
  context: MovementContext;
  campaigns: Record<string, MovementCampaign>;
  audit: YearAuditEntry[];
}

export function initialMovementState(input: MovementStartInput, context: MovementContext, now: string): MovementState {
  return {
    movement: input.movement,
    orgUnitId: input.orgUnitId,
    context,
    campaigns: {},
    audit: [
      { at: now, action: 'start', actor: input.startedBy, reason: null, details: { movementId: input.movement.id } },
    ],
  };
}

/**
 * The award codes a review's campaign accepts; null for a review stored before reviews carried them (its campaign
 * then accepts any award, as it did).
 */
export function reviewAwardCodes(review: Pick<MovementReview, 'id'> & Partial<MovementReview>): string[] | null {
  return review.awardCodes ?? null;
}

/** When a review opens (the first instant after its movement year) and what it covers. */
export function reviewCampaign(movement: Movement, review: MovementReview): MovementCampaign {
  const first = movementYearStartingIn(movement.fromYear, movement.movementYearStart);
  const last = movementYearStartingIn(review.year - 1, movement.movementYearStart);
  const { startsAt } = windowInstants(first);
  const { endsAt } = windowInstants(last);
  const openedAt = toUtcIso(instantMs(endsAt) + 1);
  return {
    campaignId: review.id,
    reviewId: review.id,
    kind: review.kind,
    window: { from: startsAt, to: endsAt },
    openedAt,
    dueAt: addDays(endsAt, review.nominationDays),
  };
}

/** The reviews not opened yet, soonest first. */
export function pendingReviews(state: MovementState): { review: MovementReview; campaign: MovementCampaign }[] {
  return state.movement.reviews
    .filter((r) => !state.campaigns[r.id])
    .map((review) => ({ review, campaign: reviewCampaign(state.movement, review) }))
    .sort((a, b) => instantMs(a.campaign.openedAt) - instantMs(b.campaign.openedAt));
}

const fraction = (f: { numerator: number; denominator: number }) =>
  f.denominator === 100 ? `${f.numerator}%` : `${f.numerator}/${f.denominator}`;

/** Opens a review's campaign and drafts the notice to the standing body and every unit's head. */
export function openReview(
  state: MovementState,
  review: MovementReview,
  campaign: MovementCampaign,
  now: string,
): NoticeDraft {
  state.campaigns[review.id] = campaign;
  state.audit.push({
    at: now,
    action: 'review_opened',
    actor: null,
    reason: null,
    details: { reviewId: review.id, campaignId: campaign.campaignId, dueAt: campaign.dueAt },
  });
  const { quotas } = state.movement;
  const word = review.kind === 'interim' ? 'Sơ kết' : 'Tổng kết';
  const year = movementYearStartingIn(state.movement.fromYear, state.movement.movementYearStart);
  const dayMonth = (d: CalendarDate) => formatCalendarDateVN(d).slice(0, 5);
  return {
    event: 'movement_review_opened',
    key: `review.${review.id}`,
    to: [
      ...standingBody(state.context.council),
      ...state.context.units.map((u): Recipient => ({ role: 'unit_head', unitId: u.id })),
    ],
    headline: `${word} phong trào thi đua ${state.movement.title} — đề nghị khen thưởng`,
    facts: [
      ['Phong trào', state.movement.title],
      ['Đợt', review.title],
      ['Thành tích tính từ', `${formatDateVN(campaign.window.from)} đến ${formatDateVN(campaign.window.to)}`],
      ['Mã đợt đề nghị khen thưởng', campaign.campaignId],
      ['Hạn gửi đề nghị khen thưởng', `23:59 ngày ${formatDateVN(campaign.dueAt)}`],
      [
        'Tỷ lệ đề nghị khen thưởng',
        `Tập thể không quá ${fraction(quotas.collective)} tổng số tập thể; cá nhân không quá ${fraction(quotas.individual)} tổng số công chức, viên chức, người lao động của đơn vị`,
      ],
      ['Hình thức khen thưởng', review.awards],
      ['Năm thi đua', `từ ${dayMonth(year.from)} năm trước đến ${dayMonth(year.to)} năm sau`],
    ],
  };
}

/**
 * The same movement some whole years later (ids keep their shape: the years in them move too). Tests replay the
 * 2019 – 2025 calendar in years that lie ahead of the server's clock.
 */
export function movementShifted(movement: Movement, years: number): Movement {
  const move = (s: string) => s.replace(/\b(20\d\d)\b/g, (y) => String(Number(y) + years));
  return {
    ...movement,
    id: move(movement.id),
    title: move(movement.title),
    fromYear: movement.fromYear + years,
    toYear: movement.toYear + years,
    reviews: movement.reviews.map((r) => ({ ...r, id: move(r.id), title: move(r.title), year: r.year + years })),
  };
}

export function movementWorkflowId(orgUnitId: string, movementId: string): string {
  return `movement/${orgUnitId}/${movementId}`;
}
