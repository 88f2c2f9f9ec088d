/**
 * When the standing body must be told that the coming year has no issued plan (issue 11): from 01/11, a month
 * before the 01/12 Schedule starts it, until that year's plan is issued — and, if it is still not issued when
 * the year begins, through that year, with a plainer message (the year's cases cannot start). Vietnam dates.
 */
import { formatCalendarDateVN, vnCalendarDate } from '../calendar.js';

/** The day of the year (Vietnam time) on which the yearly Schedule starts the coming year's plan. */
export const PLAN_START_DAY = { day: 1, month: 12 } as const;

export interface ComingYearNotice {
  year: number;
  late: boolean;
  message: string;
}

/** The plan year the standing body should be preparing at `now`: next year from 01/11, else the current one. */
export function planYearInPreparation(now: string): number {
  const { month, year } = vnCalendarDate(now);
  return month >= 11 ? year + 1 : year;
}

/** The start day of `year` as written ("01/12/2026"). */
const startDay = (year: number) => formatCalendarDateVN({ ...PLAN_START_DAY, year });

/** Whether `now` (Vietnam time) is before this calendar year's start day. */
function beforeStartDay(now: string): boolean {
  const { day, month } = vnCalendarDate(now);
  return month < PLAN_START_DAY.month || (month === PLAN_START_DAY.month && day < PLAN_START_DAY.day);
}

export function comingYearPlanNotice(now: string, issuedYears: readonly number[]): ComingYearNotice | null {
  const year = planYearInPreparation(now);
  if (issuedYears.includes(year)) return null;
  const { month, year: today } = vnCalendarDate(now);
  const late = year === today;
  if (!late && month < 11) return null;
  return {
    year,
    late,
    message: late
      ? `Kế hoạch thi đua, khen thưởng năm ${year} chưa được ban hành: các việc của năm (đăng ký thi đua, giao ước thi đua) chưa thể bắt đầu. Hãy hoàn thành và ban hành kế hoạch năm ${year}.`
      : beforeStartDay(now)
        ? `Chưa có kế hoạch thi đua, khen thưởng năm ${year} được ban hành. Hãy lập kế hoạch năm ${year} trước ngày ${startDay(today)} để kế hoạch được khởi động đúng hạn.`
        : // The start day has passed: the plan starts as soon as it is issued (client/lib/plan-issue.ts catches up).
          `Chưa có kế hoạch thi đua, khen thưởng năm ${year} được ban hành, đã quá ngày khởi động ${startDay(today)}. Hãy hoàn thành và ban hành kế hoạch năm ${year}: kế hoạch được khởi động ngay khi ban hành.`,
  };
}
