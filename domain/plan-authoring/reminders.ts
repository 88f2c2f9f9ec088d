/**
 * A plan's reminder schedule as its author reads and writes it: "7 ngày trước hạn, lúc 09:00" rather than the
 * offset {days: -7, hours: -15} it is stored as. A deadline ends at the end of its day (23:59:59.999, Vietnam
 * time), so an offset counts from midnight after the deadline day: -15 hours is 09:00 of the deadline day itself,
 * -7 days -15 hours 09:00 a week before, +9 hours 09:00 the next morning. Pure; the schedule's own rules (before
 * or on the deadline, after it) stay in ReminderScheduleSchema (domain/plan.ts).
 */
import type { ReminderOffset } from '../calendar.js';

/** A moment relative to the deadline's day: `day` days after it (negative: before), at `hour` o'clock (0–24). */
export interface DayAndHour {
  day: number;
  hour: number;
}

const totalHours = (o: ReminderOffset) => o.days * 24 + (o.hours ?? 0);

/** The day (relative to the deadline's day) and the hour of the day an offset falls on. */
export function dayAndHourOf(offset: ReminderOffset): DayAndHour {
  const fromDayStart = 24 + totalHours(offset);
  // The deadline itself (offset 0) is the end of its day: 24:00 of day 0, not 00:00 of the next one.
  if (fromDayStart === 24) return { day: 0, hour: 24 };
  const day = Math.floor(fromDayStart / 24);
  return { day, hour: fromDayStart - day * 24 };
}

/** The stored offset of a moment relative to the deadline's day; days and hours carry the same sign. */
export function offsetOf({ day, hour }: DayAndHour): ReminderOffset {
  const total = (day - 1) * 24 + hour;
  const days = Math.trunc(total / 24);
  const hours = total - days * 24;
  // -0 and +0 are the same day: stored as 0.
  return hours === 0 ? { days: days + 0 } : { days: days + 0, hours };
}

const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** "7 ngày trước hạn, lúc 09:00", "Ngày hạn, lúc 09:00", "1 ngày sau hạn, lúc 09:00", "Lúc hết hạn". */
export function describeReminderOffset(offset: ReminderOffset): string {
  const { day, hour } = dayAndHourOf(offset);
  if (day === 0 && hour === 24) return 'Lúc hết hạn (cuối ngày hạn)';
  if (day === 0) return `Ngày hạn, lúc ${clock(hour)}`;
  return `${Math.abs(day)} ngày ${day < 0 ? 'trước' : 'sau'} hạn, lúc ${clock(hour)}`;
}

/** Offsets soonest first, each moment once (two rows typed the same are one reminder, as reminderInstants has it). */
export function orderedOffsets(offsets: readonly ReminderOffset[]): ReminderOffset[] {
  const unique = new Map(offsets.map((o) => [totalHours(o), o]));
  return [...unique.entries()].sort(([a], [b]) => a - b).map(([, o]) => o);
}
