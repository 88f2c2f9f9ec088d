/**
 * What of an amendment made in the database can reach the plan already running (issue 11). A running plan keeps
 * its own copy of the data (replay-safe), and changes it only through its `amend` Update: a moved deadline
 * (the cases of that step re-arm their reminders) or an added drive. Anything else an amendment changed (a text,
 * a drive's window, a removed item) stays in the database's version for the record and the screens; the
 * standing body is told so, in Vietnamese, instead of it being silently ignored.
 */
import { formatCalendarDateVN, type CalendarDate } from '../calendar.js';
import type { Actor } from '../org.js';
import type { AmendPlanInput } from '../plan-year/plan-run.js';
import type { Plan } from '../plan.js';

export interface RunningAmendment {
  /** The `amend` Updates to send to `plan/<org>/<year>`, in order. */
  updates: AmendPlanInput[];
  /** What the running plan will not take, for the standing body. */
  notCarried: string[];
}

const sameDate = (a: CalendarDate, b: CalendarDate) => a.day === b.day && a.month === b.month && a.year === b.year;

export function runningAmendment(before: Plan, after: Plan, actor: Actor, reason: string): RunningAmendment {
  const updates: AmendPlanInput[] = [];
  const notCarried: string[] = [];
  for (const d of after.deadlines) {
    const old = before.deadlines.find((x) => x.id === d.id);
    if (!old) notCarried.push(`Mốc mới “${d.title}” chỉ được ghi vào kế hoạch, không tạo việc cho kế hoạch đang chạy`);
    else if (!sameDate(old.date, d.date))
      updates.push({ actor, reason, moveDeadline: { deadlineId: d.id, date: d.date } });
    else if (old.title !== d.title || old.audience !== d.audience || old.kind !== d.kind)
      notCarried.push(`Mốc “${old.title}”: thay đổi nội dung chỉ được ghi vào kế hoạch`);
  }
  for (const d of before.deadlines)
    if (!after.deadlines.some((x) => x.id === d.id))
      notCarried.push(`Mốc “${d.title}” bị bỏ khỏi kế hoạch nhưng kế hoạch đang chạy vẫn theo dõi mốc này`);
  for (const d of after.drives) {
    const old = before.drives.find((x) => x.id === d.id);
    if (!old) updates.push({ actor, reason, addDrive: d });
    else if (!sameDate(old.window.from, d.window.from) || !sameDate(old.window.to, d.window.to))
      notCarried.push(
        `Đợt thi đua “${old.title}”: thời điểm mới ${formatCalendarDateVN(d.window.from)} – ${formatCalendarDateVN(d.window.to)} chỉ được ghi vào kế hoạch; kế hoạch đang chạy vẫn theo thời điểm cũ`,
      );
  }
  for (const d of before.drives)
    if (!after.drives.some((x) => x.id === d.id))
      notCarried.push(`Đợt thi đua “${d.title}” bị bỏ khỏi kế hoạch nhưng kế hoạch đang chạy vẫn giữ đợt này`);
  return { updates, notCarried };
}
