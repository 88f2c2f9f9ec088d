/**
 * An iCalendar (RFC 5545) feed of a plan's deadlines and short drives for one unit, so staff see them in their
 * own calendar. Pure string building: CRLF line endings, UTF-8 text escaped and folded at 75 octets, instants in
 * UTC ("Z" form) so no VTIMEZONE is needed. DTSTAMP is passed in: no wall clock here.
 */
import { instantMs, formatCalendarDateVN, windowInstants, type ReminderOffset } from './calendar.js';
import { DEADLINE_AUDIENCES, planDeadlineInstants, type DeadlineAudience, type Plan } from './plan.js';

const CRLF = '\r\n';
const PRODID = '-//tdkt-flow//Thi dua khen thuong VKSND//VI';

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and newlines. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds a content line so no physical line exceeds 75 octets of UTF-8 (RFC 5545 §3.1). Continuation lines start
 * with one space, which counts toward their 75 octets. Never splits inside a character.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of the continuation line takes one octet
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** `20250115T165959Z`: UTC basic format, whole seconds. */
export function formatIcsInstant(iso: string): string {
  return new Date(Math.floor(instantMs(iso) / 1000) * 1000).toISOString().replace(/[-:]/g, '').replace('.000', '');
}

/** An alarm trigger before the event start, e.g. {days:-7} → "-P7D", {days:0,hours:-15} → "-PT15H". */
export function icsTrigger(offset: ReminderOffset): string {
  const totalHours = offset.days * 24 + (offset.hours ?? 0);
  const sign = totalHours < 0 ? '-' : '';
  const abs = Math.abs(totalHours);
  const days = Math.floor(abs / 24);
  const hours = abs % 24;
  if (abs === 0) return 'PT0S';
  return `${sign}P${days > 0 ? `${days}D` : ''}${hours > 0 ? `T${hours}H` : ''}`;
}

export interface UnitCalendarInput {
  plan: Plan;
  unitId: string;
  unitName: string;
  /** DTSTAMP of every event: when the feed was generated (passed in, never read from a clock). */
  generatedAt: string;
  /** Which deadlines to include; default: those for units and for clusters. */
  audiences?: readonly DeadlineAudience[];
}

/** The stable UID of a plan deadline's event: the same deadline keeps its UID across regenerations. */
export function deadlineUid(planId: string, deadlineId: string): string {
  return `${planId}.${deadlineId}@tdkt-flow`;
}

export function driveUid(planId: string, driveId: string): string {
  return `${planId}.drive.${driveId}@tdkt-flow`;
}

/** The calendar text for one unit. */
export function buildUnitCalendar(input: UnitCalendarInput): string {
  const { plan, unitName, generatedAt } = input;
  const audiences = input.audiences ?? DEADLINE_AUDIENCES.filter((a) => a === 'units' || a === 'clusters');
  const stamp = formatIcsInstant(generatedAt);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    // Calendar apps show X-WR-CALNAME without unescaping it (a comma came out as "\,"): the name has none to escape.
    `X-WR-CALNAME:${escapeIcsText(`Thi đua – khen thưởng ${plan.year} — ${unitName}`.replace(/\s*[,;]\s*/g, ' – '))}`,
  ];

  for (const { deadline, dueAt, reminders } of planDeadlineInstants(plan)) {
    if (!audiences.includes(deadline.audience)) continue;
    const dateText = formatCalendarDateVN(deadline.date);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${deadlineUid(plan.id, deadline.id)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${formatIcsInstant(dueAt)}`,
      `SUMMARY:${escapeIcsText(`Hạn: ${deadline.title}`)}`,
      `DESCRIPTION:${escapeIcsText(
        `Hạn chót: hết ngày ${dateText} (giờ Việt Nam).\n${plan.title}\n${deadline.source}`,
      )}`,
      'TRANSP:TRANSPARENT',
    );
    for (const offset of reminders.reminders) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `TRIGGER:${icsTrigger(offset)}`,
        `DESCRIPTION:${escapeIcsText(`Sắp đến hạn (${dateText}): ${deadline.title}`)}`,
        'END:VALARM',
      );
    }
    lines.push('END:VEVENT');
  }

  for (const drive of plan.drives) {
    const { startsAt, endsAt } = windowInstants(drive.window);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${driveUid(plan.id, drive.id)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${formatIcsInstant(startsAt)}`,
      // DTEND is exclusive: the start of the day after the window's last day.
      `DTEND:${formatIcsInstant(new Date(instantMs(endsAt) + 1).toISOString())}`,
      `SUMMARY:${escapeIcsText(`Đợt thi đua: ${drive.title}`)}`,
      `DESCRIPTION:${escapeIcsText(
        `Từ ngày ${formatCalendarDateVN(drive.window.from)} đến ngày ${formatCalendarDateVN(drive.window.to)}.\n${drive.source}`,
      )}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }

  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
