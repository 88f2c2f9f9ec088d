/**
 * A plan while it runs (kế hoạch thi đua năm): the year's child cases, the short drives' opening and closing,
 * progress, and amendments (a deadline moved, a drive added) by the standing body or the leadership.
 * Plain JSON: it is workflow state, the answer of the `progress` query and the input of continue-as-new.
 */
import { z } from 'zod';
import {
  addDays,
  daysInMonth,
  deadlineInstant,
  formatCalendarDateVN,
  formatDateVN,
  instantMs,
  reminderInstants,
  vnCalendarDate,
  windowInstants,
  type CalendarDate,
} from '../calendar.js';
import {
  DEFAULT_DRIVE_NOMINATION_DAYS,
  DriveSchema,
  findDeadline,
  planDeadlineInstant,
  type Drive,
  type Plan,
  type PlanDeadlineKind,
} from '../plan.js';
import type { Actor } from '../org.js';
import { ActorSchema } from '../nomination/actions.js';
import { calendarDateSchema } from '../zod-vi.js';
import {
  refuse,
  requirePlanAuthority,
  standingBody,
  type CouncilRef,
  type NoticeDraft,
  type Recipient,
  type YearAuditEntry,
} from './common.js';

/** The organisation facts a plan needs, loaded once from the directory when it starts. */
export interface PlanYearContext {
  council: CouncilRef;
  orgName: string;
  units: { id: string; name: string; clusterId: string | null }[];
  clusters: { id: string; name: string; headUnitId: string; memberUnitIds: string[] }[];
}

export interface PlanStartInput {
  plan: Plan;
  startedBy: Actor | null;
  /** Continue as new once the history has this many events (default: when the server suggests it). */
  continueAsNewAfterEvents?: number;
}

export type ChildStatus =
  'not_started' | 'running' | 'registered' | 'not_registered' | 'signing' | 'sent' | 'closed' | 'selected';

export interface ChildProgress {
  workflowId: string;
  status: ChildStatus;
  /** Compacts: members signed / all; advanced models: units that proposed / all. */
  done: number;
  total: number;
  updatedAt: string;
}

export interface DriveProgress {
  driveId: string;
  openedAt: string | null;
  closedAt: string | null;
}

/**
 * The nomination campaign a short drive opens at its close (đề nghị khen thưởng sau đợt thi đua): nominations
 * started with this campaign id belong to the drive, and their quota ledger is the drive's (quota/<campaign>/<unit>).
 */
export interface DriveCampaign {
  campaignId: string;
  driveId: string;
  title: string;
  openedAt: string;
  /** Units send their nominations by the end of this day (Vietnam time). */
  dueAt: string;
}

export interface PlanRunState {
  plan: Plan;
  context: PlanYearContext;
  startedAt: string;
  childrenStarted: boolean;
  registrations: Record<string, ChildProgress>;
  compacts: Record<string, ChildProgress>;
  advancedModels: ChildProgress | null;
  drives: Record<string, DriveProgress>;
  /** By drive id: the campaigns opened at the drives' close. (Absent in runs started before it existed.) */
  campaigns?: Record<string, DriveCampaign>;
  audit: YearAuditEntry[];
  /** Incremented at each continue-as-new (for the timeline). */
  generation: number;
}

export function initialPlanRunState(input: PlanStartInput, context: PlanYearContext, now: string): PlanRunState {
  return {
    plan: input.plan,
    context,
    startedAt: now,
    childrenStarted: false,
    registrations: {},
    compacts: {},
    advancedModels: null,
    drives: Object.fromEntries(input.plan.drives.map((d) => [d.id, { driveId: d.id, openedAt: null, closedAt: null }])),
    campaigns: {},
    audit: [{ at: now, action: 'start', actor: input.startedBy, reason: null, details: { planId: input.plan.id } }],
    generation: 0,
  };
}

export function deadlineDueAt(plan: Plan, kind: PlanDeadlineKind): string | null {
  const d = findDeadline(plan, kind);
  return d ? planDeadlineInstant(d) : null;
}

export function scheduleFor(plan: Plan, kind: PlanDeadlineKind) {
  return findDeadline(plan, kind)?.reminders ?? plan.reminders;
}

/** When the plan's workflow may end: after the year, the last drive and the last escalation of every deadline. */
export function planEndsAt(plan: Plan): string {
  const instants = [planDeadlineInstant({ date: { day: 31, month: 12, year: plan.year } })];
  for (const d of plan.drives) instants.push(windowInstants(d.window).endsAt);
  for (const d of plan.deadlines) {
    const rs = reminderInstants(planDeadlineInstant(d), d.reminders ?? plan.reminders);
    if (rs.length > 0) instants.push(rs[rs.length - 1]!.at);
  }
  return instants.reduce((a, b) => (instantMs(a) >= instantMs(b) ? a : b));
}

// -----------------------------------------------------------------------------------------------------------
// Drives

export type DriveEvent = { kind: 'open' | 'close'; drive: Drive; at: string };

/** The next opening or closing of a drive not yet done, soonest first. */
export function pendingDriveEvents(state: PlanRunState): DriveEvent[] {
  const out: DriveEvent[] = [];
  for (const drive of state.plan.drives) {
    const p = state.drives[drive.id] ?? { driveId: drive.id, openedAt: null, closedAt: null };
    const { startsAt, endsAt } = windowInstants(drive.window);
    if (!p.openedAt) out.push({ kind: 'open', drive, at: startsAt });
    if (!p.closedAt) out.push({ kind: 'close', drive, at: endsAt });
  }
  return out.sort((a, b) => instantMs(a.at) - instantMs(b.at) || (a.kind === 'open' ? -1 : 1));
}

export function applyDriveEvent(state: PlanRunState, event: DriveEvent, now: string): NoticeDraft {
  const p = (state.drives[event.drive.id] ??= { driveId: event.drive.id, openedAt: null, closedAt: null });
  // The drive's own instants (its window), not the moment the timer was handled, which may be a tick later.
  if (event.kind === 'open') p.openedAt = event.at;
  else {
    p.openedAt ??= windowInstants(event.drive.window).startsAt;
    p.closedAt = event.at;
  }
  state.audit.push({
    at: now,
    action: event.kind === 'open' ? 'drive_opened' : 'drive_closed',
    actor: null,
    reason: null,
    details: { driveId: event.drive.id, at: event.at },
  });
  if (event.kind === 'close') {
    const campaign = driveCampaign(event.drive, event.at);
    (state.campaigns ??= {})[event.drive.id] = campaign;
    state.audit.push({
      at: now,
      action: 'campaign_opened',
      actor: null,
      reason: null,
      details: { campaignId: campaign.campaignId, dueAt: campaign.dueAt },
    });
  }
  return driveNotice(state, event);
}

/**
 * When the year's review campaign (tổng kết, its id the plan's) stops taking nominations: the end of 31/01 of the
 * next year, because the review and its nominations straddle the new year. Its due date only makes a nomination
 * late; this closes its quota ledgers. The one place of the rule: the web's form offers the campaign until then
 * (client/web/campaign-options.ts) and the living demo puts its nominations in it until then (client/demo).
 */
export function yearCampaignClosesAt(year: number): string {
  return deadlineInstant({ day: 31, month: 1 }, year + 1);
}

/** The campaign a drive opens when it closes: the drive's id, due the drive's nominationDays after its last day. */
export function driveCampaign(drive: Drive, closedAt: string): DriveCampaign {
  const { endsAt } = windowInstants(drive.window);
  return {
    campaignId: drive.id,
    driveId: drive.id,
    title: `Đề nghị khen thưởng: ${drive.title}`,
    openedAt: closedAt,
    // endsAt is 23:59:59.999 of the last day; whole days later it is still the end of a day in Vietnam.
    dueAt: addDays(endsAt, drive.nominationDays ?? DEFAULT_DRIVE_NOMINATION_DAYS),
  };
}

/** The campaigns whose nomination window is open at an instant (what a unit may nominate in now). */
export function openCampaigns(state: PlanRunState, now: string): DriveCampaign[] {
  return Object.values(state.campaigns ?? {})
    .filter((c) => instantMs(now) <= instantMs(c.dueAt))
    .sort((a, b) => instantMs(a.dueAt) - instantMs(b.dueAt));
}

function driveNotice(state: PlanRunState, event: DriveEvent): NoticeDraft {
  const { drive } = event;
  const window = `từ ngày ${formatCalendarDateVN(drive.window.from)} đến ngày ${formatCalendarDateVN(drive.window.to)}`;
  const to: Recipient[] = [
    ...standingBody(state.context.council),
    ...state.context.units.map((u): Recipient => ({ role: 'unit_head', unitId: u.id })),
  ];
  if (event.kind === 'open') {
    return {
      event: 'drive_opened',
      key: `drive.${drive.id}.open`,
      to,
      headline: `Phát động đợt thi đua: ${drive.title}`,
      facts: [
        ['Kế hoạch', state.plan.title],
        ['Đợt thi đua', drive.title],
        ['Thời điểm thi đua', window],
        ['Căn cứ', drive.source],
      ],
    };
  }
  const campaign = state.campaigns?.[drive.id] ?? driveCampaign(drive, event.at);
  return {
    event: 'drive_closed',
    key: `drive.${drive.id}.close`,
    to,
    headline: `Kết thúc đợt thi đua: ${drive.title} — đề nghị khen thưởng`,
    facts: [
      ['Kế hoạch', state.plan.title],
      ['Đợt thi đua', drive.title],
      ['Thời điểm thi đua', window],
      [
        'Việc cần làm',
        'Các đơn vị sơ kết đợt thi đua, bình xét và gửi đề nghị khen thưởng tập thể, cá nhân có thành tích xuất sắc',
      ],
      ['Mã đợt đề nghị khen thưởng', campaign.campaignId],
      ['Hạn gửi đề nghị khen thưởng', `23:59 ngày ${formatDateVN(campaign.dueAt)}`],
      ['Số đơn vị tham gia', String(state.context.units.length)],
    ],
  };
}

// -----------------------------------------------------------------------------------------------------------
// Amendments

export const AmendPlanSchema = z.lazy(() =>
  z
    .object({
      actor: ActorSchema,
      reason: z
        .string({ error: 'Lý do điều chỉnh là bắt buộc' })
        .trim()
        .min(3, { error: 'Lý do điều chỉnh phải có ít nhất 3 ký tự' })
        .max(2000, { error: 'Lý do điều chỉnh dài quá 2000 ký tự' }),
      moveDeadline: z
        .object({ deadlineId: z.string().trim().min(1).max(64), date: calendarDateSchema('Ngày hạn mới') })
        .optional(),
      addDrive: DriveSchema.optional(),
    })
    .refine((a) => !!a.moveDeadline || !!a.addDrive, {
      error: 'Chưa có nội dung điều chỉnh (dời hạn hoặc thêm đợt thi đua)',
    }),
);
export type AmendPlanInput = z.infer<typeof AmendPlanSchema>;

export function checkAmendment(state: PlanRunState, input: AmendPlanInput, now: string): void {
  requirePlanAuthority(input.actor, state.context.council, 'điều chỉnh kế hoạch thi đua');
  checkPlanChange(state.plan, input, now);
}

/**
 * What an amendment may change in a plan at `now`, whoever makes it: the running plan's validator, and the
 * staff page before it writes the amendment to the database (also for a plan not running yet), ask the same.
 */
export function checkPlanChange(
  plan: Plan,
  input: Pick<AmendPlanInput, 'moveDeadline' | 'addDrive'>,
  now: string,
): void {
  if (input.moveDeadline) {
    const d = plan.deadlines.find((x) => x.id === input.moveDeadline!.deadlineId);
    if (!d) {
      refuse(
        'unknown-deadline',
        `Kế hoạch không có mốc thời hạn “${input.moveDeadline.deadlineId}”.`,
        `no deadline ${input.moveDeadline.deadlineId}`,
      );
    }
    if (instantMs(now) > instantMs(planDeadlineInstant(d))) {
      refuse(
        'deadline-passed',
        `Mốc “${d.title}” đã qua (hạn ${formatCalendarDateVN(d.date)}): không thể điều chỉnh.`,
        `deadline ${d.id} has passed`,
      );
    }
    if (instantMs(now) > instantMs(planDeadlineInstant({ date: input.moveDeadline.date }))) {
      refuse(
        'date-in-past',
        `Hạn mới ${formatCalendarDateVN(input.moveDeadline.date)} đã qua.`,
        'new date is in the past',
      );
    }
  }
  if (input.addDrive) {
    if (plan.drives.some((x) => x.id === input.addDrive!.id)) {
      refuse(
        'duplicate-drive',
        `Đợt thi đua “${input.addDrive.id}” đã có trong kế hoạch.`,
        `drive ${input.addDrive.id} exists`,
      );
    }
    if (instantMs(now) > instantMs(windowInstants(input.addDrive.window).endsAt)) {
      refuse('drive-over', 'Đợt thi đua mới đã kết thúc: không thể thêm.', 'drive window is over');
    }
  }
}

export interface AmendmentOutcome {
  movedKind: PlanDeadlineKind | null;
  newDueAt: string | null;
  notice: NoticeDraft | null;
}

export function applyAmendment(state: PlanRunState, input: AmendPlanInput, now: string, seq: number): AmendmentOutcome {
  checkAmendment(state, input, now);
  const out: AmendmentOutcome = { movedKind: null, newDueAt: null, notice: null };
  if (input.moveDeadline) {
    const d = state.plan.deadlines.find((x) => x.id === input.moveDeadline!.deadlineId)!;
    const from = d.date;
    d.date = input.moveDeadline.date;
    out.movedKind = d.kind;
    out.newDueAt = planDeadlineInstant(d);
    state.audit.push({
      at: now,
      action: 'deadline_moved',
      actor: input.actor,
      reason: input.reason,
      details: { deadlineId: d.id, from: formatCalendarDateVN(from), to: formatCalendarDateVN(d.date) },
    });
    const audience: Recipient[] =
      d.audience === 'clusters'
        ? state.context.clusters.map((c): Recipient => ({ role: 'cluster_head', unitId: c.headUnitId }))
        : state.context.units.map((u): Recipient => ({ role: 'unit_head', unitId: u.id }));
    out.notice = {
      event: 'deadline_moved',
      key: `amend.${seq}`,
      to: [...standingBody(state.context.council), ...audience],
      headline: `Điều chỉnh kế hoạch: ${d.title} — hạn mới ${formatCalendarDateVN(d.date)}`,
      facts: [
        ['Kế hoạch', state.plan.title],
        ['Mốc thời hạn', d.title],
        ['Hạn cũ', formatCalendarDateVN(from)],
        ['Hạn mới', formatCalendarDateVN(d.date)],
        ['Lý do', input.reason],
      ],
    };
  }
  if (input.addDrive) {
    state.plan.drives.push(input.addDrive);
    state.drives[input.addDrive.id] = { driveId: input.addDrive.id, openedAt: null, closedAt: null };
    state.audit.push({
      at: now,
      action: 'drive_added',
      actor: input.actor,
      reason: input.reason,
      details: { driveId: input.addDrive.id },
    });
  }
  return out;
}

// -----------------------------------------------------------------------------------------------------------
// Progress

export interface PlanProgressSummary {
  planId: string;
  year: number;
  registrations: { registered: number; total: number };
  compacts: { sent: number; total: number; signed: number; members: number };
  drives: { open: string[]; closed: string[] };
  nextDeadline: { id: string; title: string; dueAt: string } | null;
}

export function progressSummary(state: PlanRunState, now: string): PlanProgressSummary {
  const regs = Object.values(state.registrations);
  const comps = Object.values(state.compacts);
  const next = state.plan.deadlines
    .map((d) => ({ id: d.id, title: d.title, dueAt: planDeadlineInstant(d) }))
    .filter((d) => instantMs(d.dueAt) >= instantMs(now))
    .sort((a, b) => instantMs(a.dueAt) - instantMs(b.dueAt))[0];
  return {
    planId: state.plan.id,
    year: state.plan.year,
    registrations: {
      registered: regs.filter((r) => r.status === 'registered').length,
      total: state.context.units.length,
    },
    compacts: {
      sent: comps.filter((c) => c.status === 'sent' || c.status === 'closed').length,
      total: state.context.clusters.length,
      signed: comps.reduce((n, c) => n + c.done, 0),
      members: comps.reduce((n, c) => n + c.total, 0),
    },
    drives: {
      open: Object.values(state.drives)
        .filter((d) => d.openedAt && !d.closedAt)
        .map((d) => d.driveId),
      closed: Object.values(state.drives)
        .filter((d) => d.closedAt)
        .map((d) => d.driveId),
    },
    nextDeadline: next ?? null,
  };
}

// -----------------------------------------------------------------------------------------------------------
// Next year's plan

function shiftDate(d: CalendarDate, years: number): CalendarDate {
  const year = d.year + years;
  return { day: Math.min(d.day, daysInMonth(year, d.month)), month: d.month, year };
}

/**
 * The same plan for another year: every date moves by whole years (29/02 becomes 28/02 when needed), ids get
 * the new year. What a yearly Schedule starts, and what tests use to replay the 2025 calendar in a future year.
 */
export function planForYear(plan: Plan, year: number): Plan {
  const by = year - plan.year;
  // Ids must differ from year to year: a drive's id names its campaign and that campaign's quota ledgers.
  const rename = (id: string) =>
    id.includes(String(plan.year)) ? id.replace(String(plan.year), String(year)) : `${id}-${year}`;
  return {
    ...plan,
    id: rename(plan.id),
    year,
    title: plan.title.replaceAll(String(plan.year), String(year)),
    deadlines: plan.deadlines.map((d) => ({ ...d, date: shiftDate(d.date, by) })),
    drives: plan.drives.map((d) => ({
      ...d,
      id: rename(d.id),
      window: { from: shiftDate(d.window.from, by), to: shiftDate(d.window.to, by) },
    })),
  };
}

/** Formats the plan's deadlines for a mail or screen: "Đăng ký thi đua: 15/01/2025". */
export function describeDeadlines(plan: Plan): string {
  return plan.deadlines.map((d) => `${d.title}: ${formatDateVN(planDeadlineInstant(d))}`).join('; ');
}

/**
 * The plan year a start at `now` prepares: the year whose registration day (15/01) comes next in Vietnam. The
 * Schedule fires on 01/12, so that is the year after; a manual re-run in January (as the NoPlanData message
 * asks) still means the year that has just begun.
 */
export function upcomingPlanYear(now: string): number {
  const { month, year } = vnCalendarDate(now);
  return month === 12 ? year + 1 : year;
}

export function planWorkflowId(orgUnitId: string, year: number): string {
  return `plan/${orgUnitId}/${year}`;
}
