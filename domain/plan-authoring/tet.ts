/**
 * When Tết (Lunar New Year) falls. domain/holidays.ts knows it only as the days off the Government announces each
 * year (the longest run of holidays in January–February); for a year not announced yet, the first day of the
 * lunar year is known from the calendar and the days off are estimated around it, marked as an estimate so the
 * author checks them against the notice when it comes out.
 */
import { dateKey, type CalendarDate } from '../calendar.js';
import { HOLIDAYS, type HolidayYear } from '../holidays.js';

/** Mùng 1 Tết by the Vietnamese lunar calendar (UTC+7), for the years plans are being written for. */
const LUNAR_NEW_YEAR_DAY: Readonly<Record<number, string>> = {
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};

export interface TetWindow {
  year: number;
  /** yyyy-mm-dd, first and last day off (inclusive). */
  from: string;
  to: string;
  /** True when taken from the lunar calendar rather than an announced list of days off. */
  estimated: boolean;
}

const DAY = 86_400_000;
const keyMs = (key: string) => Date.parse(`${key}T00:00:00Z`);
const msKey = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The longest run of consecutive listed holidays in January–February: Tết's days off that year. */
function announcedTet(entry: HolidayYear): TetWindow | null {
  const days = entry.days.filter((d) => d.slice(5, 7) === '01' || d.slice(5, 7) === '02').sort();
  let best: [string, string] | null = null;
  let start = days[0];
  for (let i = 1; i <= days.length; i += 1) {
    const continues = i < days.length && keyMs(days[i]!) - keyMs(days[i - 1]!) === DAY;
    if (continues) continue;
    const run: [string, string] = [start!, days[i - 1]!];
    if (!best || keyMs(run[1]) - keyMs(run[0]) > keyMs(best[1]) - keyMs(best[0])) best = run;
    start = days[i];
  }
  // A single day in January is New Year's Day, not Tết.
  if (!best || best[0] === best[1]) return null;
  return { year: entry.year, from: best[0], to: best[1], estimated: false };
}

/** Tết of a year: announced days off when listed, else an estimate (29 Tết to mùng 5); null when unknown. */
export function tetWindow(year: number, holidays: readonly HolidayYear[] = HOLIDAYS): TetWindow | null {
  const entry = holidays.find((h) => h.year === year);
  const announced = entry ? announcedTet(entry) : null;
  if (announced) return announced;
  const newYear = LUNAR_NEW_YEAR_DAY[year];
  if (!newYear) return null;
  return { year, from: msKey(keyMs(newYear) - 2 * DAY), to: msKey(keyMs(newYear) + 4 * DAY), estimated: true };
}

/** The Tết windows a date window overlaps (a window of Dec–Mar may touch the Tết of either year). */
export function tetWithin(
  window: { from: CalendarDate; to: CalendarDate },
  holidays: readonly HolidayYear[] = HOLIDAYS,
): TetWindow[] {
  const from = dateKey(window.from);
  const to = dateKey(window.to);
  const out: TetWindow[] = [];
  for (let y = window.from.year; y <= window.to.year; y += 1) {
    const tet = tetWindow(y, holidays);
    if (tet && tet.from <= to && tet.to >= from) out.push(tet);
  }
  return out;
}

/** The public holidays of a year: announced, or just Tết's estimate (and whether the year is announced at all). */
export function holidaysOf(
  year: number,
  holidays: readonly HolidayYear[] = HOLIDAYS,
): { days: string[]; announced: boolean } {
  const entry = holidays.find((h) => h.year === year);
  if (entry) return { days: entry.days, announced: true };
  const tet = tetWindow(year, holidays);
  const days: string[] = [];
  if (tet) for (let t = keyMs(tet.from); t <= keyMs(tet.to); t += DAY) days.push(msKey(t));
  return { days, announced: false };
}
