/**
 * What a rehearsal finds wrong with a plan before it is issued (issue 11): a reminder or escalation that would
 * go out on a Sunday or a public holiday, a deadline before the issue date, and a unit that gets, on one
 * morning, reminders about two different deadlines (or two deadlines of the plan are due the same day for the
 * same people). Pure: the notices come from the rehearsed workflows, the
 * holidays are data (domain/holidays.ts, Tết estimated for a year not announced yet).
 */
import { formatCalendarDateVN, formatDateVN, parseDateKey, vnDateKey, vnDateParts } from '../calendar.js';
import { holidaysOf } from '../plan-authoring/tet.js';
import type { HolidayYear } from '../holidays.js';
import { HOLIDAYS } from '../holidays.js';
import type { Plan, PlanDeadlineKind } from '../plan.js';
import { dateKey } from '../calendar.js';
import type { RehearsalNotice } from './types.js';

export const CONFLICT_CODES = ['sunday', 'holiday', 'deadline_before_issue', 'same_morning'] as const;
export type ConflictCode = (typeof CONFLICT_CODES)[number];

export interface Conflict {
  code: ConflictCode;
  /** yyyy-mm-dd (Vietnam) the conflict is on. */
  date: string;
  unitId: string | null;
  message: string;
}

/** The step a reminder series belongs to, as the plan's deadline kinds name it. */
const SERIES_DEADLINE: Record<string, PlanDeadlineKind> = {
  registration: 'registration',
  compact: 'compact',
  advanced_model: 'advanced_model_registration',
};

const AUDIENCE_WHO: Record<string, string> = {
  units: 'Mỗi đơn vị',
  clusters: 'Mỗi cụm, khối',
  standing_body: 'Thường trực Hội đồng',
  council: 'Hội đồng',
};

export const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

/** Holidays (yyyy-mm-dd) of the years the dates fall in: announced, or Tết estimated. */
export function holidaySet(years: Iterable<number>, holidays: readonly HolidayYear[] = HOLIDAYS): Set<string> {
  const out = new Set<string>();
  for (const y of new Set(years)) for (const d of holidaysOf(y, holidays).days) out.add(d);
  return out;
}

/** The title of the plan's deadline a reminder is about ("Đăng ký thi đua"), else the series' own name. */
export function deadlineTitle(plan: Plan, series: string): string {
  const kind = SERIES_DEADLINE[series];
  const d = kind ? plan.deadlines.find((x) => x.kind === kind) : undefined;
  return d?.title ?? series;
}

export function findConflicts(input: {
  plan: Plan;
  /** yyyy-mm-dd */
  issueDate: string;
  notices: readonly RehearsalNotice[];
  unitName: (unitId: string) => string;
  holidays?: readonly HolidayYear[];
}): Conflict[] {
  const { plan, notices, unitName } = input;
  const out: Conflict[] = [];
  const timed = notices.filter((n) => n.kind !== 'other');

  // Sundays and holidays: one line per day, with what would go out that day.
  const holidays = holidaySet(
    timed.map((n) => vnDateParts(n.at).year),
    input.holidays,
  );
  const byDay = new Map<string, RehearsalNotice[]>();
  for (const n of timed) byDay.set(vnDateKey(n.at), [...(byDay.get(vnDateKey(n.at)) ?? []), n]);
  for (const [day, list] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
    const reminders = list.filter((n) => n.kind === 'reminder').length;
    const escalations = list.length - reminders;
    const what = [reminders ? `${reminders} thư nhắc việc` : '', escalations ? `${escalations} báo cáo quá hạn` : '']
      .filter(Boolean)
      .join(' và ');
    const label = formatCalendarDateVN(parseDateKey(day));
    if (holidays.has(day))
      out.push({ code: 'holiday', date: day, unitId: null, message: `Ngày ${label} là ngày nghỉ lễ, Tết: có ${what}` });
    else if (vnDateParts(list[0]!.at).weekday === 0)
      out.push({ code: 'sunday', date: day, unitId: null, message: `Ngày ${label} là Chủ nhật: có ${what}` });
  }

  // A deadline before the plan is issued: nobody can meet it.
  for (const d of plan.deadlines) {
    const key = dateKey(d.date);
    if (key < input.issueDate)
      out.push({
        code: 'deadline_before_issue',
        date: key,
        unitId: null,
        message: `Mốc “${d.title}” (hạn ${formatCalendarDateVN(d.date)}) ở trước ngày ban hành ${formatCalendarDateVN(parseDateKey(input.issueDate))}`,
      });
  }

  // Two deadlines of the plan due the same day for the same people: their reminders fall on the same mornings,
  // including a deadline whose step the system does not follow with reminders (a unit's own plan).
  const sameDay = new Map<string, string[]>();
  for (const d of plan.deadlines) {
    const slot = `${dateKey(d.date)}|${d.audience}`;
    sameDay.set(slot, [...(sameDay.get(slot) ?? []), d.title]);
  }
  for (const [slot, titles] of sameDay) {
    if (titles.length < 2) continue;
    const [day, audience] = slot.split('|') as [string, string];
    out.push({
      code: 'same_morning',
      date: day,
      unitId: null,
      message: `${AUDIENCE_WHO[audience] ?? 'Cùng một đối tượng'} có ${titles.length} mốc cùng hạn ngày ${formatCalendarDateVN(parseDateKey(day))}: ${titles.map((t) => `“${t}”`).join('; ')}`,
    });
  }

  // One unit, one morning, two deadlines: the unit's staff get reminders of both at once.
  const mornings = new Map<string, Map<string, string>>();
  for (const n of timed) {
    if (n.kind !== 'reminder' || !n.dueDate || vnDateParts(n.at).hour >= 12) continue;
    for (const unitId of new Set(n.to.map((r) => r.unitId))) {
      const slot = `${vnDateKey(n.at)}|${unitId}`;
      const deadlines = mornings.get(slot) ?? new Map<string, string>();
      deadlines.set(
        `${n.series}|${n.dueDate}`,
        `${deadlineTitle(plan, n.series)} (hạn ${formatCalendarDateVN(parseDateKey(n.dueDate))})`,
      );
      mornings.set(slot, deadlines);
    }
  }
  for (const [slot, deadlines] of [...mornings].sort(([a], [b]) => a.localeCompare(b))) {
    if (deadlines.size < 2) continue;
    const [day, unitId] = slot.split('|') as [string, string];
    out.push({
      code: 'same_morning',
      date: day,
      unitId,
      message: `Sáng ${formatCalendarDateVN(parseDateKey(day))}, ${unitName(unitId)} nhận nhắc việc của ${deadlines.size} mốc cùng lúc: ${[...deadlines.values()].join('; ')}`,
    });
  }
  return out.sort(
    (a, b) => a.date.localeCompare(b.date) || CONFLICT_CODES.indexOf(a.code) - CONFLICT_CODES.indexOf(b.code),
  );
}

/** "Thứ Hai 11/01/2027". */
export function weekdayDateVN(iso: string): string {
  return `${WEEKDAYS_VI[vnDateParts(iso).weekday]} ${formatDateVN(iso)}`;
}
