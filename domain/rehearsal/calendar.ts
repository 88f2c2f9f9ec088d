/**
 * The reminder calendar of a rehearsed scenario, as the standing body reads it: every reminder and escalation
 * by date (Vietnam time), with who received it (names) and why, the counts per unit and per cluster, and the
 * days a conflict falls on. Pure: built from the scenario's notices and the organisation's snapshot.
 */
import { formatCalendarDateVN, parseDateKey, vnDateKey, vnDateParts } from '../calendar.js';
import type { Plan } from '../plan.js';
import type { PlanYearContext } from '../plan-year/plan-run.js';
import { WEEKDAYS_VI, deadlineTitle, findConflicts, type Conflict } from './conflicts.js';
import type { RehearsalNotice, ScenarioResult } from './types.js';

/**
 * The mails of one moment for one reason ("09:00, registration, 7 days before"): one line on the page, with each
 * unit it is about and who received it, instead of twenty lines that say the same.
 */
export interface CalendarEntry {
  /** HH:mm, Vietnam time. */
  time: string;
  kind: 'reminder' | 'escalation';
  kindLabel: string;
  /** The step and what the mail says: "Đăng ký thi đua — Nhắc trước hạn 7 ngày". */
  reason: string;
  mails: { aboutUnit: string | null; headline: string; recipients: string[] }[];
}

export interface CalendarDay {
  /** yyyy-mm-dd */
  date: string;
  /** dd/mm/yyyy */
  label: string;
  weekday: string;
  entries: CalendarEntry[];
  conflicts: Conflict[];
}

export interface UnitCount {
  unitId: string;
  name: string;
  clusterName: string | null;
  /** Reminders the unit's staff received. */
  reminders: number;
  /** Escalations to the standing body about the unit. */
  escalations: number;
}

export interface ClusterCount {
  clusterId: string;
  name: string;
  units: number;
  reminders: number;
  escalations: number;
}

export interface ScenarioCalendar {
  days: CalendarDay[];
  units: UnitCount[];
  clusters: ClusterCount[];
  conflicts: Conflict[];
  totals: { reminders: number; escalations: number; other: number };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function scenarioCalendar(input: {
  plan: Plan;
  context: PlanYearContext;
  issueDate: string;
  scenario: Pick<ScenarioResult, 'notices'>;
}): ScenarioCalendar {
  const { plan, context } = input;
  const unitNames = new Map(context.units.map((u) => [u.id, u.name]));
  const unitName = (id: string) => unitNames.get(id) ?? id;
  const timed = input.scenario.notices
    .filter((n): n is RehearsalNotice & { kind: 'reminder' | 'escalation' } => n.kind !== 'other')
    .sort((a, b) => a.at.localeCompare(b.at));
  const conflicts = findConflicts({ plan, issueDate: input.issueDate, notices: timed, unitName });

  const days = new Map<string, CalendarDay>();
  for (const n of timed) {
    const key = vnDateKey(n.at);
    const p = vnDateParts(n.at);
    const day = days.get(key) ?? {
      date: key,
      label: formatCalendarDateVN(parseDateKey(key)),
      weekday: WEEKDAYS_VI[p.weekday]!,
      entries: [],
      conflicts: conflicts.filter(
        (c) => c.date === key && (c.code === 'sunday' || c.code === 'holiday' || c.code === 'same_morning'),
      ),
    };
    const time = `${pad(p.hour)}:${pad(p.minute)}`;
    const reason = [deadlineTitle(plan, n.series), n.label].filter(Boolean).join(' — ');
    let entry = day.entries.find((e) => e.time === time && e.kind === n.kind && e.reason === reason);
    if (!entry) {
      entry = {
        time,
        kind: n.kind,
        kindLabel: n.kind === 'escalation' ? 'Báo cáo quá hạn' : 'Nhắc việc',
        reason,
        mails: [],
      };
      day.entries.push(entry);
    }
    entry.mails.push({
      aboutUnit: n.aboutUnitId ? unitName(n.aboutUnitId) : null,
      headline: n.headline,
      recipients: n.recipients.map((r) => r.displayName),
    });
    days.set(key, day);
  }

  const clusterOf = new Map(context.units.map((u) => [u.id, u.clusterId]));
  const clusterName = new Map(context.clusters.map((c) => [c.id, c.name]));
  const units: UnitCount[] = context.units.map((u) => ({
    unitId: u.id,
    name: u.name,
    clusterName: u.clusterId ? (clusterName.get(u.clusterId) ?? null) : null,
    reminders: timed.filter((n) => n.kind === 'reminder' && n.to.some((r) => r.unitId === u.id)).length,
    escalations: timed.filter((n) => n.kind === 'escalation' && n.aboutUnitId === u.id).length,
  }));
  const clusters: ClusterCount[] = context.clusters.map((c) => {
    const members = units.filter((u) => clusterOf.get(u.unitId) === c.id);
    return {
      clusterId: c.id,
      name: c.name,
      units: members.length,
      reminders: members.reduce((s, u) => s + u.reminders, 0),
      escalations: members.reduce((s, u) => s + u.escalations, 0),
    };
  });
  return {
    days: [...days.values()],
    units,
    clusters,
    conflicts,
    totals: {
      reminders: timed.filter((n) => n.kind === 'reminder').length,
      escalations: timed.filter((n) => n.kind === 'escalation').length,
      other: input.scenario.notices.length - timed.length,
    },
  };
}
