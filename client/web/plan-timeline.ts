/**
 * The plan pages' timeline, computed from plan data and the running cases' state (pure, no I/O): the year's
 * deadlines and drive windows for one unit or the whole organisation, each drive's status, and the notes that
 * tell a unit its own step (registration, compact) or the organisation its progress.
 */
import { formatCalendarDateVN, formatDateVN, instantMs, windowInstants } from '../../domain/calendar.js';
import { DEADLINE_AUDIENCE_LABELS, DEADLINE_KIND_LABELS } from '../../domain/i18n.js';
import type { CompactState } from '../../domain/plan-year/compact.js';
import type { RegistrationState } from '../../domain/plan-year/registration.js';
import type { PlanRunState } from '../../domain/plan-year/plan-run.js';
import { planDeadlineInstant, type DeadlineAudience, type Plan, type PlanDeadlineKind } from '../../domain/plan.js';

export type TimelineStatus = 'past' | 'open' | 'upcoming';

export interface PlanTimelineRow {
  kind: 'deadline' | 'drive';
  id: string;
  title: string;
  /** "15/01/2025", or "01/02/2025 – 28/02/2025" for a drive's window. */
  when: string;
  /** For sorting and the `<time>` element: the deadline instant, or the drive's first instant. */
  at: string;
  what: string;
  audience: string;
  status: TimelineStatus;
  source: string;
  /** Where the viewer stands at this deadline: the unit's own step, or the organisation's progress. */
  note: string | null;
  /** A drive's content and targets (nội dung, chỉ tiêu), when the plan gives them. */
  content?: string;
  targets?: string[];
}

/** Who the timeline is for: a unit (its own deadlines) or the whole organisation (null). */
export interface TimelineScope {
  /** Deadlines of these audiences concern the viewer. */
  audiences: readonly DeadlineAudience[];
}

export const WHOLE_ORG: TimelineScope = { audiences: ['units', 'clusters', 'standing_body', 'council'] };

/** A unit's staff act on the units' and clusters' deadlines (members sign the compact too); council staff on theirs. */
export function unitScope(opts: { councilStaff: boolean }): TimelineScope {
  return { audiences: opts.councilStaff ? WHOLE_ORG.audiences : ['units', 'clusters'] };
}

/** A drive is open from its first to its last day (Vietnam time); the running plan's record wins when it has one. */
export function driveStatus(drive: Plan['drives'][number], run: PlanRunState | null, now: string): TimelineStatus {
  const record = run?.drives[drive.id];
  if (record?.closedAt) return 'past';
  if (record?.openedAt) return 'open';
  const { startsAt, endsAt } = windowInstants(drive.window);
  if (instantMs(now) > instantMs(endsAt)) return 'past';
  return instantMs(now) >= instantMs(startsAt) ? 'open' : 'upcoming';
}

export function planTimeline(
  plan: Plan,
  run: PlanRunState | null,
  scope: TimelineScope,
  now: string,
  notes: Partial<Record<PlanDeadlineKind, string>> = {},
): PlanTimelineRow[] {
  const rows: PlanTimelineRow[] = plan.deadlines
    .filter((d) => scope.audiences.includes(d.audience))
    .map((d) => {
      const at = planDeadlineInstant(d);
      return {
        kind: 'deadline' as const,
        id: d.id,
        title: d.title,
        when: formatCalendarDateVN(d.date),
        at,
        what: DEADLINE_KIND_LABELS[d.kind],
        audience: DEADLINE_AUDIENCE_LABELS[d.audience],
        status: instantMs(now) > instantMs(at) ? ('past' as const) : ('upcoming' as const),
        source: d.source,
        note: notes[d.kind] ?? null,
      };
    });
  for (const drive of plan.drives) {
    rows.push({
      kind: 'drive',
      id: drive.id,
      title: drive.title,
      when: `${formatCalendarDateVN(drive.window.from)} – ${formatCalendarDateVN(drive.window.to)}`,
      at: windowInstants(drive.window).startsAt,
      what: 'Đợt thi đua',
      audience: DEADLINE_AUDIENCE_LABELS.units,
      status: driveStatus(drive, run, now),
      source: drive.source,
      note: null,
      ...(drive.content ? { content: drive.content } : {}),
      ...(drive.targets?.length ? { targets: drive.targets } : {}),
    });
  }
  return rows.sort((a, b) => instantMs(a.at) - instantMs(b.at));
}

/** The unit's own step at the registration and compact deadlines. */
export function unitNotes(
  registration: RegistrationState | null,
  compacts: readonly CompactState[],
  unitId: string,
): Partial<Record<PlanDeadlineKind, string>> {
  const notes: Partial<Record<PlanDeadlineKind, string>> = {};
  if (registration) {
    notes.registration =
      registration.status === 'registered'
        ? `Đơn vị đã đăng ký ngày ${formatDateVN(registration.registeredAt!)}`
        : registration.locked
          ? 'Đơn vị chưa đăng ký (đã khóa)'
          : 'Đơn vị chưa đăng ký';
  }
  const signed = compacts.filter((c) => c.signatures.some((x) => x.unitId === unitId));
  if (compacts.length > 0) {
    notes.compact = compacts
      .map((c) =>
        signed.includes(c)
          ? `${c.clusterName}: đơn vị đã ký`
          : c.content
            ? `${c.clusterName}: đơn vị chưa ký`
            : `${c.clusterName}: chưa có dự thảo`,
      )
      .join('; ');
  }
  return notes;
}

/** The organisation's progress at the registration and compact deadlines, from the running plan. */
export function orgNotes(run: PlanRunState | null): Partial<Record<PlanDeadlineKind, string>> {
  if (!run) return {};
  const regs = Object.values(run.registrations);
  const comps = Object.values(run.compacts);
  return {
    registration: `Đã đăng ký: ${regs.filter((r) => r.status === 'registered').length}/${run.context.units.length} đơn vị`,
    compact: `Đã ký: ${comps.reduce((n, c) => n + c.done, 0)}/${comps.reduce((n, c) => n + c.total, 0)} đơn vị; đã tổng hợp ${
      comps.filter((c) => c.status === 'sent' || c.status === 'closed').length
    }/${run.context.clusters.length} cụm, khối`,
  };
}

export const TIMELINE_STATUS_LABELS: Record<TimelineStatus, string> = {
  past: 'Đã qua',
  open: 'Đang diễn ra',
  upcoming: 'Sắp tới',
};
