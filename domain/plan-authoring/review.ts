/**
 * What the author of a plan must still confirm ("cần xác nhận"). A plan made from last year's copies every item;
 * each copied item waits for the author's confirmation, with the reasons it was flagged (a date on a weekend, a
 * drive across Tết, last year's can chi…). Issuing refuses while any item is unconfirmed.
 */
import { z } from 'zod';
import { bool, idString, isoInstant, list, obj, oneOf, text } from '../zod-vi.js';

export const REVIEW_FLAG_CODES = [
  'weekend', // a date on a Saturday or Sunday
  'holiday', // a date on a public holiday
  'crosses_tet', // a drive window across Tết
  'holidays_unannounced', // the year's days off are not announced yet: Tết is estimated
  'can_chi', // the name of a lunar year
  'year_number', // a year's number in copied text
  'anniversary', // an anniversary counted for the year copied from
  'copied', // copied from last year, nothing else found
] as const;
export type ReviewFlagCode = (typeof REVIEW_FLAG_CODES)[number];

/** Review item keys: `title`, `theme`, `legal-basis`, `reminders`, `council`, `clusters`, `deadline:<id>`, `drive:<id>`. */
const REVIEW_KEY = /^(title|theme|legal-basis|reminders|council|clusters|(deadline|drive):[a-z0-9][a-z0-9-]{0,63})$/;

export const ReviewFlagSchema = z.lazy(() =>
  obj('Lý do cần xác nhận', {
    code: oneOf('Loại lý do', REVIEW_FLAG_CODES),
    message: text('Nội dung lý do', { max: 500 }),
  }),
);
export type ReviewFlag = z.infer<typeof ReviewFlagSchema>;

export const ReviewItemSchema = z.lazy(() =>
  obj('Mục cần xác nhận', {
    key: text('Mã mục', { max: 80 }).regex(REVIEW_KEY, { error: 'Mã mục cần xác nhận không hợp lệ' }),
    label: text('Tên mục', { max: 600 }),
    flags: list('Các lý do cần xác nhận', ReviewFlagSchema, { max: 30 }),
    confirmed: bool('Đã xác nhận'),
    confirmedBy: idString('Người xác nhận').nullable(),
    confirmedAt: isoInstant('Thời điểm xác nhận').nullable(),
  }),
);
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

export function reviewItem(key: string, label: string, flags: ReviewFlag[]): ReviewItem {
  return { key, label, flags, confirmed: false, confirmedBy: null, confirmedAt: null };
}

export function unconfirmedItems(review: readonly ReviewItem[]): ReviewItem[] {
  return review.filter((i) => !i.confirmed);
}

/** The review with one item confirmed by `userId` at `at`; an unknown key is refused in Vietnamese. */
export function confirmReviewItem(
  review: readonly ReviewItem[],
  key: string,
  userId: string,
  at: string,
): ReviewItem[] {
  if (!review.some((i) => i.key === key)) throw new RangeError(`Không có mục cần xác nhận “${key}” trong dự thảo`);
  return review.map((i) => (i.key === key ? { ...i, confirmed: true, confirmedBy: userId, confirmedAt: at } : i));
}

/** Vietnamese refusal of an issue while items wait for confirmation; null when everything is confirmed. */
export function unconfirmedRefusal(review: readonly ReviewItem[]): string | null {
  const open = unconfirmedItems(review);
  if (open.length === 0) return null;
  const shown = open
    .slice(0, 5)
    .map((i) => `“${i.label}”`)
    .join(', ');
  const more = open.length > 5 ? ` và ${open.length - 5} mục khác` : '';
  return `Chưa thể ban hành: còn ${open.length} mục cần xác nhận (${shown}${more})`;
}
