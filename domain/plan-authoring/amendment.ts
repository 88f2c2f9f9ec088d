/**
 * Sửa đổi, bổ sung kế hoạch (issue 11): the two changes the standing body makes to an issued plan from its page —
 * a deadline moved to a new date, or a drive added — as the plan they make, and what each amendment changed, in
 * Vietnamese, for its history. The checks that need the clock are the running plan's (checkPlanChange), those
 * that need the database (a drive id another plan used) the store's.
 */
import { formatCalendarDateVN, type CalendarDate } from '../calendar.js';
import { refuse } from '../nomination/refusal.js';
import type { Drive, Plan } from '../plan.js';

export type PlanChange =
  { kind: 'move_deadline'; deadlineId: string; date: CalendarDate } | { kind: 'add_drive'; drive: Drive };

const sameDate = (a: CalendarDate, b: CalendarDate) => a.day === b.day && a.month === b.month && a.year === b.year;
const window = (d: Drive) => `${formatCalendarDateVN(d.window.from)} – ${formatCalendarDateVN(d.window.to)}`;

/** The plan with the change made; a change that changes nothing is refused (Refusal, in Vietnamese). */
export function amendedPlan(plan: Plan, change: PlanChange): Plan {
  const next: Plan = structuredClone(plan);
  if (change.kind === 'move_deadline') {
    const deadline = next.deadlines.find((d) => d.id === change.deadlineId);
    if (!deadline)
      refuse('unknown-deadline', 'Kế hoạch không có mốc thời hạn đã chọn.', `no deadline ${change.deadlineId}`);
    if (sameDate(deadline.date, change.date))
      refuse(
        'same-date',
        `Mốc “${deadline.title}” đã có hạn ${formatCalendarDateVN(change.date)}: hãy nhập ngày hạn mới khác ngày hạn hiện tại.`,
        'the new date is the current one',
      );
    deadline.date = change.date;
  } else {
    if (next.drives.some((d) => d.id === change.drive.id))
      refuse(
        'duplicate-drive',
        `Mã đợt ${change.drive.id} đã có trong kế hoạch này: mỗi đợt thi đua cần một mã riêng.`,
        `drive ${change.drive.id} exists`,
      );
    next.drives.push(change.drive);
  }
  return next;
}

/** What an amendment changed (the version it replaced → its own), one Vietnamese line per change. */
export function amendmentChanges(before: Plan, after: Plan): string[] {
  const lines: string[] = [];
  for (const d of after.deadlines) {
    const old = before.deadlines.find((x) => x.id === d.id);
    if (!old) lines.push(`Thêm mốc “${d.title}”, hạn ${formatCalendarDateVN(d.date)}`);
    else if (!sameDate(old.date, d.date))
      lines.push(`Dời hạn mốc “${d.title}”: ${formatCalendarDateVN(old.date)} → ${formatCalendarDateVN(d.date)}`);
    else if (old.title !== d.title) lines.push(`Đổi tên mốc “${old.title}” thành “${d.title}”`);
  }
  for (const d of before.deadlines) if (!after.deadlines.some((x) => x.id === d.id)) lines.push(`Bỏ mốc “${d.title}”`);
  for (const d of after.drives) {
    const old = before.drives.find((x) => x.id === d.id);
    if (!old) lines.push(`Thêm đợt thi đua “${d.title}” (${window(d)})`);
    else if (!sameDate(old.window.from, d.window.from) || !sameDate(old.window.to, d.window.to))
      lines.push(`Đổi thời điểm đợt “${d.title}”: ${window(old)} → ${window(d)}`);
    else if (old.title !== d.title) lines.push(`Đổi tên đợt “${old.title}” thành “${d.title}”`);
  }
  for (const d of before.drives) if (!after.drives.some((x) => x.id === d.id)) lines.push(`Bỏ đợt “${d.title}”`);
  if (before.title !== after.title) lines.push(`Đổi tên kế hoạch thành “${after.title}”`);
  if (lines.length === 0) lines.push('Sửa nội dung khác của kế hoạch (không đổi mốc thời hạn, đợt thi đua)');
  return lines;
}
