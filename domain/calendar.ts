/**
 * Vietnam time for deadlines, reminders and emulation years.
 *
 * Asia/Ho_Chi_Minh is a fixed UTC+7 offset: Vietnam has observed no daylight saving time since 1975, so plain
 * arithmetic on epoch milliseconds is exact and needs neither the host time zone nor Intl. That keeps this module
 * deterministic inside Temporal workflow code (no wall clock here: every instant is passed in).
 *
 * Instants travel as ISO-8601 strings in UTC (`2025-01-15T16:59:59.999Z`). Calendar dates travel as
 * `{ day, month, year }` objects or `yyyy-mm-dd` keys, always meaning the date as seen in Vietnam.
 */

/** Offset of Vietnam time from UTC, in milliseconds (UTC+7, fixed). */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** A day of the year without a year, e.g. the 15/01 registration deadline that recurs every year. */
export interface DayMonth {
  day: number;
  month: number;
}

/** A calendar date in Vietnam. */
export interface CalendarDate extends DayMonth {
  year: number;
}

/** The parts of an instant as read on a clock in Vietnam. `weekday`: 0 = Sunday … 6 = Saturday. */
export interface VnDateParts extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when the numbers name a real date of the Gregorian calendar (years 1900–9999 are accepted). */
export function isValidCalendarDate(date: CalendarDate): boolean {
  const { day, month, year } = date;
  return (
    Number.isInteger(day) &&
    Number.isInteger(month) &&
    Number.isInteger(year) &&
    year >= 1900 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function assertCalendarDate(date: CalendarDate): void {
  if (!isValidCalendarDate(date)) {
    throw new RangeError(`Ngày không tồn tại: ${pad(date.day)}/${pad(date.month)}/${date.year}`);
  }
}

/** Epoch milliseconds of 00:00:00.000 Vietnam time on the date. */
function startOfDayMs(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) - VN_OFFSET_MS;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Epoch milliseconds of an ISO instant. The string must carry `Z` or an explicit offset: a bare local date-time
 * would be read in the host's time zone, which differs between machines and would make workflows non-deterministic.
 */
export function instantMs(iso: string): number {
  if (!ISO_INSTANT.test(iso)) {
    throw new RangeError(`Thời điểm không hợp lệ (cần ISO-8601 có múi giờ, ví dụ 2025-01-15T16:59:59.999Z): ${iso}`);
  }
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Thời điểm không hợp lệ: ${iso}`);
  return ms;
}

/** Normalises any ISO instant (with offset) to the canonical UTC form `yyyy-mm-ddTHH:mm:ss.sssZ`. */
export function toUtcIso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The deadline instant of a day: the END of that day in Vietnam, 23:59:59.999 (UTC+7), i.e. 16:59:59.999Z.
 *
 * End-of-day semantics: the plans say "trước ngày 15/01/2025" / "xong trước 15/02/2025" and, in practice, a document
 * sent at any time on the named day is accepted; a step is late only once that day is over in Vietnam. Reminders
 * counted "N days before" a deadline are therefore N×24h before this instant.
 */
export function deadlineInstant(dayMonth: DayMonth, year: number): string {
  const date = { day: dayMonth.day, month: dayMonth.month, year };
  assertCalendarDate(date);
  return toUtcIso(startOfDayMs(date) + DAY_MS - 1);
}

/** The first instant of a day in Vietnam: 00:00:00.000 UTC+7, i.e. 17:00:00.000Z of the previous UTC day. */
export function startOfDayInstant(dayMonth: DayMonth, year: number): string {
  const date = { day: dayMonth.day, month: dayMonth.month, year };
  assertCalendarDate(date);
  return toUtcIso(startOfDayMs(date));
}

/** Reads an instant on a Vietnamese clock. */
export function vnDateParts(iso: string): VnDateParts {
  const shifted = new Date(instantMs(iso) + VN_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
  };
}

/** The Vietnamese calendar date of an instant. */
export function vnCalendarDate(iso: string): CalendarDate {
  const { day, month, year } = vnDateParts(iso);
  return { day, month, year };
}

/** "dd/mm/yyyy" as written in Vietnamese documents, computed in UTC+7. */
export function formatDateVN(iso: string): string {
  return formatCalendarDateVN(vnDateParts(iso));
}

export function formatCalendarDateVN(date: CalendarDate): string {
  return `${pad(date.day)}/${pad(date.month)}/${pad(date.year, 4)}`;
}

/** "HH:mm dd/mm/yyyy" in UTC+7, the order used in Vietnamese notices ("16:30 ngày 15/01/2025"). */
export function formatDateTimeVN(iso: string): string {
  const p = vnDateParts(iso);
  return `${pad(p.hour)}:${pad(p.minute)} ${formatCalendarDateVN(p)}`;
}

/** `yyyy-mm-dd` key of a calendar date (the form holidays are given in). */
export function dateKey(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** `yyyy-mm-dd` of the Vietnamese date of an instant. */
export function vnDateKey(iso: string): string {
  return dateKey(vnDateParts(iso));
}

/** Parses a `yyyy-mm-dd` key into a calendar date; throws a Vietnamese message when it is not a real date. */
export function parseDateKey(key: string): CalendarDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) throw new RangeError(`Ngày không hợp lệ: "${key}" (định dạng yyyy-mm-dd)`);
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!isValidCalendarDate(date)) throw new RangeError(`Ngày không tồn tại: "${key}"`);
  return date;
}

/**
 * Parses "15/01/2025" (also "5/1/2025") into a calendar date. Errors are in Vietnamese because they are shown to
 * staff as they are.
 */
export function parseDateVN(text: string): CalendarDate {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) throw new RangeError(`Ngày không hợp lệ: "${text}" (định dạng dd/mm/yyyy, ví dụ 15/01/2025)`);
  const date = { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) };
  if (!isValidCalendarDate(date)) throw new RangeError(`Ngày không tồn tại: "${text}"`);
  return date;
}

/** Adds whole days (24 hours each: no DST in Vietnam, so the clock time is kept). */
export function addDays(iso: string, days: number): string {
  return toUtcIso(instantMs(iso) + days * DAY_MS);
}

/** Adds hours. */
export function addHours(iso: string, hours: number): string {
  return toUtcIso(instantMs(iso) + hours * 60 * 60 * 1000);
}

/** Saturday and Sunday, read in Vietnam time. */
export function isWeekendVN(iso: string): boolean {
  const { weekday } = vnDateParts(iso);
  return weekday === 0 || weekday === 6;
}

/**
 * A working day is a weekday that is not a holiday. Holidays are `yyyy-mm-dd` dates in Vietnam, passed in as data:
 * Tết and compensatory days-off change every year by government decision, so they are never hard-coded here.
 */
export function isWorkingDayVN(iso: string, holidays: readonly string[]): boolean {
  return !isWeekendVN(iso) && !holidays.includes(vnDateKey(iso));
}

/**
 * Moves `n` working days forward (negative: backward), keeping the clock time. Starting on a non-working day,
 * the first working day reached counts as one, which matches "within N working days of receipt".
 * `addWorkingDays(x, 0, h)` returns `x` unchanged.
 */
export function addWorkingDays(iso: string, n: number, holidays: readonly string[]): string {
  if (!Number.isInteger(n)) throw new RangeError(`Số ngày làm việc phải là số nguyên: ${n}`);
  const step = n >= 0 ? 1 : -1;
  let remaining = Math.abs(n);
  let cursor = toUtcIso(instantMs(iso));
  while (remaining > 0) {
    cursor = addDays(cursor, step);
    if (isWorkingDayVN(cursor, holidays)) remaining -= 1;
  }
  return cursor;
}

/** Whole calendar days between the Vietnamese dates of two instants (b − a). */
export function calendarDaysBetween(aIso: string, bIso: string): number {
  const a = vnCalendarDate(aIso);
  const b = vnCalendarDate(bIso);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

// ---------------------------------------------------------------------------------------------------------------
// Windows (short drives, movement years)

/** A date window, inclusive of both days (e.g. "từ ngày 01/12/2024 đến ngày 28/02/2025"). */
export interface DateWindow {
  from: CalendarDate;
  to: CalendarDate;
}

/** The instants of a window: from the start of its first day to the end of its last day, Vietnam time. */
export function windowInstants(window: DateWindow): { startsAt: string; endsAt: string } {
  const startsAt = startOfDayInstant(window.from, window.from.year);
  const endsAt = deadlineInstant(window.to, window.to.year);
  if (instantMs(endsAt) < instantMs(startsAt)) {
    throw new RangeError(
      `Khoảng thời gian không hợp lệ: ${formatCalendarDateVN(window.from)} sau ${formatCalendarDateVN(window.to)}`,
    );
  }
  return { startsAt, endsAt };
}

export function isWithinWindow(iso: string, window: DateWindow): boolean {
  const { startsAt, endsAt } = windowInstants(window);
  const t = instantMs(iso);
  return t >= instantMs(startsAt) && t <= instantMs(endsAt);
}

/** A movement (emulation) year that does not follow the calendar year, e.g. 01/06 of one year → 31/05 of the next. */
export interface MovementYear extends DateWindow {
  /** The year in which it starts. */
  startYear: number;
  endYear: number;
  /** "2019–2020" style label; a movement year that is the calendar year is labelled by its single year. */
  label: string;
}

/** The movement year that starts on `start` of `startYear`. */
export function movementYearStartingIn(startYear: number, start: DayMonth): MovementYear {
  const from = { day: start.day, month: start.month, year: startYear };
  assertCalendarDate(from);
  // The last day is the day before the next start (31/05 for a 01/06 start; 31/12 for a 01/01 start).
  const nextStartMs = startOfDayMs({ ...from, year: startYear + 1 });
  const to = vnCalendarDate(toUtcIso(nextStartMs - 1));
  const label = to.year === startYear ? String(startYear) : `${startYear}–${to.year}`;
  return { from, to, startYear, endYear: to.year, label };
}

/**
 * The movement year containing an instant. Seed 001 sets "từ 01/6 năm trước đến 31/5 năm sau": an instant on
 * 31/05/2020 (Vietnam time) belongs to 2019–2020, one on 01/06/2020 to 2020–2021.
 */
export function movementYearOf(iso: string, start: DayMonth): MovementYear {
  const today = vnCalendarDate(iso);
  const startsThisYear = today.month > start.month || (today.month === start.month && today.day >= start.day);
  return movementYearStartingIn(startsThisYear ? today.year : today.year - 1, start);
}

// ---------------------------------------------------------------------------------------------------------------
// Reminders

/** An offset from a due instant. Negative before the due instant, positive after. */
export interface ReminderOffset {
  days: number;
  hours?: number;
}

/**
 * When to remind and when to escalate, relative to a step's due instant. Data, not code: each rule set and each
 * plan deadline can carry its own.
 */
export interface ReminderSchedule {
  /** Reminders to whoever must act, e.g. [{days:-7},{days:-1},{days:0}]. */
  reminders: ReminderOffset[];
  /** After the due instant: escalate to the supervising level (e.g. the council's standing body). */
  escalations: ReminderOffset[];
}

export type ReminderKind = 'reminder' | 'due' | 'escalation';

export interface ReminderInstant {
  at: string;
  kind: ReminderKind;
  offset: ReminderOffset;
  /** Vietnamese label, e.g. "Nhắc trước hạn 7 ngày". */
  label: string;
  /** Stable key for idempotency (mail Message-ID, timer names): "reminder:-7d0h". */
  key: string;
}

function offsetMs(o: ReminderOffset): number {
  return o.days * DAY_MS + (o.hours ?? 0) * 60 * 60 * 1000;
}

function describeOffset(o: ReminderOffset): string {
  const totalHours = Math.abs(o.days * 24 + (o.hours ?? 0));
  const days = Math.floor(totalHours / 24);
  const hours = totalHours % 24;
  const parts = [days > 0 ? `${days} ngày` : '', hours > 0 ? `${hours} giờ` : ''].filter(Boolean);
  return parts.join(' ');
}

/**
 * The instants at which reminders and escalations fire for a due instant, sorted by time (reminders before
 * escalations at the same instant). Duplicate offsets collapse into one.
 */
export function reminderInstants(dueIso: string, schedule: ReminderSchedule): ReminderInstant[] {
  const due = instantMs(dueIso);
  const out = new Map<string, ReminderInstant>();
  const add = (o: ReminderOffset, escalation: boolean): void => {
    const ms = offsetMs(o);
    // Offsets of zero days and zero-or-negative hours land on the due day itself: "đến hạn hôm nay".
    const kind: ReminderKind = escalation ? 'escalation' : o.days === 0 && ms <= 0 ? 'due' : 'reminder';
    const key = `${kind}:${o.days}d${o.hours ?? 0}h`;
    const text = describeOffset(o);
    const label =
      kind === 'due'
        ? 'Đến hạn hôm nay'
        : kind === 'escalation'
          ? `Quá hạn ${text} — báo cáo cấp trên`
          : ms < 0
            ? `Nhắc trước hạn ${text}`
            : `Nhắc sau hạn ${text}`;
    out.set(key, { at: toUtcIso(due + ms), kind, offset: { ...o }, label, key });
  };
  for (const o of schedule.reminders) add(o, false);
  for (const o of schedule.escalations) add(o, true);
  const rank: Record<ReminderKind, number> = { reminder: 0, due: 0, escalation: 1 };
  return [...out.values()].sort((a, b) => instantMs(a.at) - instantMs(b.at) || rank[a.kind] - rank[b.kind]);
}
