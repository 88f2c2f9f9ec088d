/**
 * An emulation & commendation plan (kế hoạch công tác thi đua, khen thưởng) as data: its deadlines, short drives,
 * reminder schedules and council. Deadlines differ per plan and per year, so they live here, never in code.
 */
import { z } from 'zod';
import {
  deadlineInstant,
  isWithinWindow,
  windowInstants,
  type CalendarDate,
  type ReminderSchedule,
} from './calendar.js';
import { calendarDateSchema, dayMonthSchema, idString, intIn, list, obj, oneOf, optionalText, text } from './zod-vi.js';

export const PLAN_DEADLINE_KINDS = [
  'unit_plan', // units send their own emulation plan/programme
  'registration', // units register titles for their collective and people
  'compact', // clusters/blocs launch and sign the emulation compact
  'advanced_model_registration', // units send their list of advanced models (seed 002)
  'interim_review', // sơ kết
  'final_review', // tổng kết
  'nomination', // nominations for the year's awards
  'other',
] as const;
export type PlanDeadlineKind = (typeof PLAN_DEADLINE_KINDS)[number];

/** Who must act by a deadline. */
export const DEADLINE_AUDIENCES = ['units', 'clusters', 'standing_body', 'council'] as const;
export type DeadlineAudience = (typeof DEADLINE_AUDIENCES)[number];

const reminderOffsetSchema = z.lazy(() =>
  obj('Mốc nhắc việc', {
    days: intIn('Số ngày', -366, 366),
    hours: intIn('Số giờ', -23, 23).optional(),
  }),
);

export const ReminderScheduleSchema = z.lazy(() =>
  obj('Lịch nhắc việc', {
    reminders: list('Các mốc nhắc trước hạn', reminderOffsetSchema, { max: 10 }).refine(
      (xs) => xs.every((o) => o.days * 24 + (o.hours ?? 0) <= 0),
      { error: 'Mốc nhắc việc phải ở trước hoặc đúng hạn' },
    ),
    escalations: list('Các mốc báo cáo quá hạn', reminderOffsetSchema, { max: 10 }).refine(
      (xs) => xs.every((o) => o.days * 24 + (o.hours ?? 0) > 0),
      { error: 'Mốc báo cáo quá hạn phải ở sau hạn' },
    ),
  }),
);

export const PlanDeadlineSchema = z.lazy(() =>
  obj('Mốc thời hạn', {
    id: idString('Mã mốc thời hạn'),
    kind: oneOf('Loại mốc thời hạn', PLAN_DEADLINE_KINDS),
    title: text('Tên mốc thời hạn', { max: 300 }),
    date: calendarDateSchema('Ngày hạn'),
    audience: oneOf('Đối tượng thực hiện', DEADLINE_AUDIENCES),
    /** Overrides the plan's reminder schedule for this deadline. */
    reminders: ReminderScheduleSchema.optional(),
    /** The sentence of the plan that sets it. */
    source: text('Căn cứ', { max: 2000 }),
  }),
);
export type PlanDeadline = z.infer<typeof PlanDeadlineSchema>;

export const DriveSchema = z.lazy(() =>
  obj('Đợt thi đua', {
    id: idString('Mã đợt thi đua'),
    title: text('Tên đợt thi đua', { max: 500 }),
    window: obj('Thời điểm thi đua', {
      from: calendarDateSchema('Ngày bắt đầu'),
      to: calendarDateSchema('Ngày kết thúc'),
    }).refine(
      (w) => {
        try {
          windowInstants(w);
          return true;
        } catch {
          return false;
        }
      },
      { error: 'Ngày kết thúc phải sau ngày bắt đầu' },
    ),
    source: text('Căn cứ', { max: 2000 }),
    /**
     * Days after the drive's last day for units to send their nominations in the drive's campaign. Seed 003 (III.2)
     * leaves each drive's details to the standing body's guidance; absent, DEFAULT_DRIVE_NOMINATION_DAYS.
     */
    nominationDays: intIn('Số ngày gửi đề nghị khen thưởng sau đợt thi đua', 1, 90).optional(),
    /**
     * What the drive is about and what units aim for (nội dung, chỉ tiêu): seed 003 III.2 has the standing body
     * "hướng dẫn nội dung, chỉ tiêu các đợt thi đua ngắn hạn". Optional, so plans stored before and the copies
     * running workflows hold stay valid; no workflow reads them.
     */
    content: optionalText('Nội dung đợt thi đua', 5000),
    targets: list('Chỉ tiêu của đợt thi đua', text('Chỉ tiêu', { max: 500 }), { max: 30 }).optional(),
  }),
);
export type Drive = z.infer<typeof DriveSchema>;

/** The nomination window after a drive when its data does not set one: ten days, as in the demo plan. */
export const DEFAULT_DRIVE_NOMINATION_DAYS = 10;

export const PlanCouncilSchema = z.lazy(() =>
  obj('Hội đồng', {
    /** The unit whose council it is (directory id). */
    unitId: idString('Mã đơn vị của Hội đồng'),
    chair: text('Chủ tịch Hội đồng', { max: 200 }),
    standingBody: text('Thường trực Hội đồng', { max: 200 }),
    secretariat: text('Cơ quan tham mưu', { max: 200 }),
  }),
);
export type PlanCouncil = z.infer<typeof PlanCouncilSchema>;

export const PlanSchema = z.lazy(() =>
  obj('Kế hoạch', {
    id: idString('Mã kế hoạch'),
    /** The issuing organisation (directory unit id), e.g. the provincial procuracy. */
    orgUnitId: idString('Mã đơn vị ban hành'),
    year: intIn('Năm kế hoạch', 2000, 2100),
    title: text('Tên kế hoạch', { max: 500 }),
    documentNumber: optionalText('Số hiệu văn bản', 100),
    status: oneOf('Trạng thái kế hoạch', ['draft', 'issued'] as const),
    theme: optionalText('Chủ đề thi đua', 1000),
    legalBasis: list('Căn cứ ban hành', text('Căn cứ', { max: 1000 }), { max: 30 }),
    /** For movements whose year is not the calendar year (seed 001: 01/06 → 31/05). */
    movementYearStart: dayMonthSchema('Ngày bắt đầu năm thi đua').nullable(),
    deadlines: list('Các mốc thời hạn', PlanDeadlineSchema, { min: 1, max: 100 }).refine(
      (ds) => new Set(ds.map((d) => d.id)).size === ds.length,
      { error: 'Mã mốc thời hạn bị trùng' },
    ),
    drives: list('Các đợt thi đua', DriveSchema, { max: 50 }).refine(
      (ds) => new Set(ds.map((d) => d.id)).size === ds.length,
      { error: 'Mã đợt thi đua bị trùng' },
    ),
    reminders: ReminderScheduleSchema,
    council: PlanCouncilSchema,
    /** Clusters/blocs taking part; null: every cluster of the organisation in the directory. */
    clusterIds: list('Các cụm, khối thi đua', idString('Mã cụm, khối'), { max: 200 }).nullable(),
  }),
);
export type Plan = z.infer<typeof PlanSchema>;

/** The deadline instant (end of the day, Vietnam time) of a plan deadline. */
export function planDeadlineInstant(deadline: Pick<PlanDeadline, 'date'>): string {
  const d: CalendarDate = deadline.date;
  return deadlineInstant(d, d.year);
}

/** The deadlines of a plan with their due instants, soonest first. */
export function planDeadlineInstants(
  plan: Plan,
): { deadline: PlanDeadline; dueAt: string; reminders: ReminderSchedule }[] {
  return plan.deadlines
    .map((deadline) => ({
      deadline,
      dueAt: planDeadlineInstant(deadline),
      reminders: deadline.reminders ?? plan.reminders,
    }))
    .sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
}

export function findDeadline(plan: Plan, kind: PlanDeadlineKind): PlanDeadline | undefined {
  return plan.deadlines.find((d) => d.kind === kind);
}

/** The drives running at an instant. */
export function activeDrivesAt(plan: Plan, iso: string): Drive[] {
  return plan.drives.filter((d) => isWithinWindow(iso, d.window));
}
