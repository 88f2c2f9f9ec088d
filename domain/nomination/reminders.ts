/** When a case's reminders and escalations fire: the rule set's schedule around the step's due date. */
import { instantMs, reminderInstants, toUtcIso, type ReminderInstant, type ReminderSchedule } from '../calendar.js';

/**
 * The schedule's instants, rounded up to the whole second: due dates end at 23:59:59.999, so an offset
 * of -15 hours is 08:59:59.999, and a mail stamped 09:00:00 is what people expect to see.
 */
export function noticeInstants(dueAt: string, schedule: ReminderSchedule): ReminderInstant[] {
  return reminderInstants(dueAt, schedule).map((r) => ({
    ...r,
    at: toUtcIso(Math.ceil(instantMs(r.at) / 1000) * 1000),
  }));
}
