/**
 * The plan year a page shows: `?nam=2026` (or a form's hidden `nam`), else the current emulation year.
 *
 * The one rule of the web for "which year is it" (issue 11): the current year is the Vietnam calendar year
 * (Asia/Ho_Chi_Minh), also in December. On 01/12/2026 the 01/12 Schedule starts the 2027 plan (its units'
 * plans are due 15/01/2027), but the year still under way is 2026: its year-end review (tổng kết), its
 * nominations and its council's sessions run through December and January, and the year's reports count
 * 2026. So `/ke-hoach`, `/thong-ke`, `/ke-hoach/dien-hinh` and the ICS feeds open on 2026, and the plan page
 * links to the coming year from the day it has a plan. The coming year is what the standing body prepares
 * from 01/11 (planYearInPreparation: the "Lập kế hoạch năm …" page and the banner).
 */
import { z } from 'zod';
import { vnCalendarDate } from '../../../domain/calendar.js';
import { planYearInPreparation } from '../../../domain/plan-authoring/index.js';

/** The emulation year under way at `now`: the calendar year in Vietnam. */
export function currentPlanYear(now: string = new Date().toISOString()): number {
  return vnCalendarDate(now).year;
}

/** The year the standing body is preparing at `now`: the coming year from 01/11, else the current one. */
export function yearInPreparation(now: string = new Date().toISOString()): number {
  return planYearInPreparation(now);
}

/** A four-digit year between 2000 and 2100, or null. */
export function parsedYear(raw: unknown): number | null {
  const text: unknown = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  if (typeof text === 'string' && /^\d{4}$/.test(text)) {
    const year = Number(text);
    if (year >= 2000 && year <= 2100) return year;
  }
  return null;
}

export function yearOf(raw: unknown): number {
  return parsedYear(raw) ?? currentPlanYear();
}

/** `nam` as a form or query field: never refused, a value absent or out of range shows the current year. */
// A preprocess, not `z.unknown().transform`: zod reads an absent key of an unknown() schema as a missing value.
export const yearField = z.preprocess(yearOf, z.number());
