/**
 * "Lập kế hoạch năm …": the coming year's draft made from the current plan. Every date moves to the new year
 * (29/02 becomes 28/02), year numbers and can chi in the text move with it, and every copied item is marked
 * "cần xác nhận" with the reasons a person should look at it: a date on a weekend or public holiday, a drive
 * window across Tết, text that belonged to last year (can chi, "năm 2025", anniversaries). Pure: the holidays
 * come in as data.
 */
import { dateKey, formatCalendarDateVN, isWeekendVN, startOfDayInstant, type CalendarDate } from '../calendar.js';
import { HOLIDAYS, type HolidayYear } from '../holidays.js';
import { planForYear } from '../plan-year/plan-run.js';
import type { Plan } from '../plan.js';
import type { ClusterLineup } from './clusters.js';
import type { PlanDraft } from './draft.js';
import { reviewItem, type ReviewFlag, type ReviewItem } from './review.js';
import { holidaysOf, tetWithin } from './tet.js';
import { canChi, moveYearText, yearSpecificText } from './year-text.js';

export interface NextYearOptions {
  /** Default: the year after the current plan's. */
  toYear?: number;
  /** The coming year's cluster line-up (heads rotate by year); copied items of it are confirmed like the rest. */
  clusters?: readonly ClusterLineup[] | null;
  holidays?: readonly HolidayYear[];
}

export function draftNextYear(current: Plan, options: NextYearOptions = {}): PlanDraft {
  const toYear = options.toYear ?? current.year + 1;
  if (!Number.isInteger(toYear) || toYear <= current.year)
    throw new RangeError(`Năm của kế hoạch mới (${toYear}) phải sau năm ${current.year}`);
  const holidays = options.holidays ?? HOLIDAYS;
  const from = current.year;
  const move = (s: string) => moveYearText(s, from, toYear);
  const shifted = planForYear(current, toYear);
  const plan: Plan = {
    ...shifted,
    status: 'draft',
    documentNumber: undefined,
    title: move(current.title),
    ...(current.theme !== undefined ? { theme: move(current.theme) } : {}),
    deadlines: shifted.deadlines.map((d) => ({ ...d, title: move(d.title), source: move(d.source) })),
    drives: shifted.drives.map((d) => ({
      ...d,
      title: move(d.title),
      source: move(d.source),
      ...(d.content !== undefined ? { content: move(d.content) } : {}),
      ...(d.targets !== undefined ? { targets: d.targets.map(move) } : {}),
    })),
  };
  delete plan.documentNumber;

  const textFlags = (...texts: (string | undefined)[]): ReviewFlag[] => {
    return texts
      .flatMap((t) => (t ? yearSpecificText(t, from, toYear) : []))
      .map(({ code, message }) => ({ code, message }));
  };
  // Every item is flagged at least as copied; the same reason found twice (two texts, two dates) is said once.
  const copied = (flags: ReviewFlag[]): ReviewFlag[] => {
    const unique = [...new Map(flags.map((f) => [`${f.code}|${f.message}`, f])).values()];
    return unique.length > 0 ? unique : [{ code: 'copied', message: `Sao chép từ kế hoạch năm ${from}: hãy kiểm tra` }];
  };

  const review: ReviewItem[] = [
    reviewItem('title', 'Tên kế hoạch', copied(textFlags(current.title))),
    reviewItem('theme', 'Chủ đề thi đua', copied(textFlags(current.theme))),
    reviewItem('legal-basis', 'Căn cứ ban hành', copied(textFlags(...current.legalBasis))),
    ...current.deadlines.map((old, i) => {
      const d = plan.deadlines[i]!;
      return reviewItem(
        `deadline:${d.id}`,
        `${d.title} (${formatCalendarDateVN(d.date)})`,
        copied([...dateFlags(d.date, holidays), ...textFlags(old.title, old.source)]),
      );
    }),
    ...current.drives.map((old, i) => {
      const d = plan.drives[i]!;
      const window = `${formatCalendarDateVN(d.window.from)} – ${formatCalendarDateVN(d.window.to)}`;
      return reviewItem(
        `drive:${d.id}`,
        `${d.title} (${window})`,
        copied([
          ...dateFlags(d.window.from, holidays, 'Ngày bắt đầu'),
          ...dateFlags(d.window.to, holidays, 'Ngày kết thúc'),
          ...tetFlags(d.window, holidays),
          ...textFlags(old.title, old.source, old.content, ...(old.targets ?? [])),
        ]),
      );
    }),
    reviewItem('reminders', 'Lịch nhắc việc', copied([])),
    reviewItem('council', 'Hội đồng thi đua, khen thưởng', copied([])),
  ];
  if (options.clusters)
    review.push(
      reviewItem('clusters', `Các cụm, khối thi đua năm ${toYear} và đơn vị cụm trưởng, khối trưởng`, copied([])),
    );
  return { plan, clusters: options.clusters ? [...options.clusters] : null, review };
}

const WEEKDAY = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** A date on a weekend or a public holiday; an unannounced year of holidays is said so. */
export function dateFlags(date: CalendarDate, holidays: readonly HolidayYear[], what = 'Ngày'): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  const at = startOfDayInstant(date, date.year);
  const shown = formatCalendarDateVN(date);
  if (isWeekendVN(at)) {
    const weekday = WEEKDAY[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()]!;
    flags.push({ code: 'weekend', message: `${what} ${shown} rơi vào ${weekday}` });
  }
  const { days, announced } = holidaysOf(date.year, holidays);
  if (days.includes(dateKey(date)))
    flags.push({
      code: 'holiday',
      message: `${what} ${shown} là ngày nghỉ lễ, Tết${announced ? '' : ' (dự kiến)'}`,
    });
  if (!announced)
    flags.push({
      code: 'holidays_unannounced',
      message: `Chưa có lịch nghỉ lễ, Tết chính thức năm ${date.year}: ngày nghỉ đang là dự kiến`,
    });
  return flags;
}

/** A window across Tết: units are on holiday for part of it. */
export function tetFlags(
  window: { from: CalendarDate; to: CalendarDate },
  holidays: readonly HolidayYear[],
): ReviewFlag[] {
  return tetWithin(window, holidays).map((tet) => ({
    code: 'crosses_tet' as const,
    message: `Đợt thi đua qua dịp nghỉ Tết ${canChi(tet.year)} (${tet.estimated ? 'dự kiến ' : ''}${formatKey(tet.from)} – ${formatKey(tet.to)})`,
  }));
}

function formatKey(key: string): string {
  const [y, m, d] = key.split('-');
  return `${d}/${m}/${y}`;
}

const DATE_FLAG_CODES = new Set<ReviewFlag['code']>(['weekend', 'holiday', 'crosses_tet', 'holidays_unannounced']);

/**
 * The review kept in step with the draft after an edit: items of deadlines or drives that were removed go, the
 * labels show the current titles and dates, and the date reasons are worked out again from the current dates (a
 * drive moved off a Sunday loses that reason). The other reasons and every confirmation stay as they were:
 * confirming stays the author's act. Items added by the author (not copied) need no confirmation.
 */
export function reconcileReview(draft: PlanDraft, holidays: readonly HolidayYear[] = HOLIDAYS): ReviewItem[] {
  const { plan } = draft;
  const deadlines = new Map(plan.deadlines.map((d) => [`deadline:${d.id}`, d]));
  const drives = new Map(plan.drives.map((d) => [`drive:${d.id}`, d]));
  const out: ReviewItem[] = [];
  for (const item of draft.review) {
    const deadline = deadlines.get(item.key);
    const drive = drives.get(item.key);
    if (!item.key.startsWith('deadline:') && !item.key.startsWith('drive:')) {
      out.push(item);
      continue;
    }
    if (!deadline && !drive) continue;
    const kept = item.flags.filter((f) => !DATE_FLAG_CODES.has(f.code) && f.code !== 'copied');
    const dated = deadline
      ? dateFlags(deadline.date, holidays)
      : [
          ...dateFlags(drive!.window.from, holidays, 'Ngày bắt đầu'),
          ...dateFlags(drive!.window.to, holidays, 'Ngày kết thúc'),
          ...tetFlags(drive!.window, holidays),
        ];
    const unique = [...new Map([...dated, ...kept].map((f) => [`${f.code}|${f.message}`, f])).values()];
    const label = deadline
      ? `${deadline.title} (${formatCalendarDateVN(deadline.date)})`
      : `${drive!.title} (${formatCalendarDateVN(drive!.window.from)} – ${formatCalendarDateVN(drive!.window.to)})`;
    out.push({
      ...item,
      label,
      flags: unique.length > 0 ? unique : [{ code: 'copied', message: 'Sao chép từ kế hoạch năm trước: hãy kiểm tra' }],
    });
  }
  return out;
}
