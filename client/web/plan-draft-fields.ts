/**
 * The parts of the draft's edit form on "Lập kế hoạch năm …" beyond titles and dates (issue 11): the reminder
 * schedule (one row per reminder: days before or after the deadline and the hour), the council, and the year's
 * clusters and blocs (head, deputy and members, picked by name from the directory). Each part has its form
 * fields (zod, Vietnamese messages about what was typed), the value it gives the draft, and what the page shows:
 * the draft's values, or what was typed when a save was refused. The rules of the values themselves stay in the
 * domain (ReminderScheduleSchema, PlanCouncilSchema, lineupProblems), which the store applies on save.
 */
import { z } from 'zod';
import type { ReminderOffset, ReminderSchedule } from '../../domain/calendar.js';
import {
  dayAndHourOf,
  describeReminderOffset,
  offsetOf,
  orderedOffsets,
  type ClusterLineup,
  type ReviewItem,
} from '../../domain/plan-authoring/index.js';
import type { PlanCouncil } from '../../domain/plan.js';
import { list, rawText, text, type FormBody } from './http/form.js';

/** A unit the author may put in a cluster: its directory id travels in the form, its name is what is shown. */
export interface UnitChoice {
  id: string;
  name: string;
}

const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const all = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

// ------------------------------------------------------------------------------------------- reminder schedule

/** ReminderScheduleSchema takes up to ten of each. */
const MAX_ROWS = 10;

const SIDES = {
  nhac: { key: 'reminders', rows: 'mốc nhắc trước hạn', days: 'Số ngày trước hạn' },
  bao: { key: 'escalations', rows: 'mốc báo cáo quá hạn', days: 'Số ngày sau hạn' },
} as const;
type Side = keyof typeof SIDES;

/** The row numbers a form sent for one side (`nhac.0.ngay`, `bao.2.gio`…), at most ten. */
function rowsSent(body: FormBody, side: Side): number[] {
  const pattern = new RegExp(`^${side}\\.(\\d{1,2})\\.(ngay|gio)$`);
  const rows = new Set<number>();
  for (const key of Object.keys(body)) {
    const m = pattern.exec(key);
    if (m && Number(m[1]) < MAX_ROWS) rows.add(Number(m[1]));
  }
  return [...rows].sort((a, b) => a - b);
}

const rowName = (side: Side, row: number) => `Dòng ${row + 1} của các ${SIDES[side].rows}`;

const daysField = (what: string) =>
  text.transform((s, ctx) => {
    if (s === '') return undefined;
    if (!/^\d{1,3}$/.test(s) || Number(s) > 366) {
      ctx.addIssue({ code: 'custom', message: `${what}: số ngày “${s}” phải là số từ 0 đến 366.` });
      return z.NEVER;
    }
    return Number(s);
  });

/** "09:00", "9", "9h", "9 giờ": a whole hour of the day, 00:00 to 24:00 (24:00: the end of the deadline's day). */
const hourField = (what: string) =>
  text.transform((s, ctx) => {
    if (s === '') return undefined;
    const m = /^(\d{1,2})\s*(?:(?::|h|giờ)\s*(\d{2})?)?$/iu.exec(s);
    const hour = m ? Number(m[1]) : Number.NaN;
    if (!m || hour > 24 || (m[2] !== undefined && m[2] !== '00')) {
      ctx.addIssue({
        code: 'custom',
        message: `${what}: giờ “${s}” không hợp lệ (nhập giờ chẵn từ 00:00 đến 24:00, ví dụ 09:00).`,
      });
      return z.NEVER;
    }
    return hour;
  });

/** The schedule's fields for the rows the form sent. */
export function scheduleShape(body: FormBody): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const side of Object.keys(SIDES) as Side[])
    for (const row of rowsSent(body, side)) {
      shape[`${side}.${row}.ngay`] = daysField(rowName(side, row));
      shape[`${side}.${row}.gio`] = hourField(rowName(side, row));
    }
  return shape;
}

/** A row with only one of its two values (an empty row is no reminder), as issues on the missing field. */
export function incompleteRows(parsed: Record<string, unknown>, body: FormBody, ctx: z.RefinementCtx): void {
  for (const side of Object.keys(SIDES) as Side[])
    for (const row of rowsSent(body, side)) {
      const days = parsed[`${side}.${row}.ngay`];
      const hour = parsed[`${side}.${row}.gio`];
      if ((days === undefined) === (hour === undefined)) continue;
      ctx.addIssue({
        code: 'custom',
        path: [`${side}.${row}.${days === undefined ? 'ngay' : 'gio'}`],
        message: `${rowName(side, row)}: ${days === undefined ? 'chưa nhập số ngày' : 'chưa nhập giờ (ví dụ 09:00)'}.`,
      });
    }
}

/**
 * The schedule the rows give: N days before (reminders) or after (escalations) the deadline's day, at an hour.
 * A form that sent no row at all (one from before the schedule was on the page) keeps `stored`: rows left empty
 * are sent, so only such a form leaves them out, and it must not wipe the schedule.
 */
export function scheduleOf(
  parsed: Record<string, unknown>,
  body: FormBody,
  stored: ReminderSchedule,
): ReminderSchedule {
  if (rowsSent(body, 'nhac').length === 0 && rowsSent(body, 'bao').length === 0) return stored;
  const side = (s: Side, sign: 1 | -1): ReminderOffset[] =>
    orderedOffsets(
      rowsSent(body, s).flatMap((row) => {
        const days = parsed[`${s}.${row}.ngay`] as number | undefined;
        const hour = parsed[`${s}.${row}.gio`] as number | undefined;
        return days === undefined || hour === undefined ? [] : [offsetOf({ day: sign * days + 0, hour })];
      }),
    );
  return { reminders: side('nhac', -1), escalations: side('bao', 1) };
}

const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** What the page shows of the schedule: the stored one in words, and the rows to edit (two blank ones to add). */
export function scheduleFields(schedule: ReminderSchedule, typed: FormBody | null) {
  const side = (s: Side) => {
    const stored = schedule[SIDES[s].key].map((o) => {
      const { day, hour } = dayAndHourOf(o);
      return { days: String(Math.abs(day)), hour: clock(hour), words: describeReminderOffset(o) };
    });
    const typedRows = typed ? rowsSent(typed, s) : [];
    const count = Math.min(MAX_ROWS, Math.max(stored.length + 2, (typedRows.at(-1) ?? -1) + 1));
    return {
      side: s,
      daysLabel: SIDES[s].days,
      words: stored.map((r) => r.words),
      rows: Array.from({ length: count }, (_, row) => ({
        row,
        days: typed ? first(typed[`${s}.${row}.ngay`]) : (stored[row]?.days ?? ''),
        hour: typed ? first(typed[`${s}.${row}.gio`]) : (stored[row]?.hour ?? ''),
      })),
    };
  };
  return { reminders: side('nhac'), escalations: side('bao') };
}

// ------------------------------------------------------------------------------------------------------ council

export const councilShape = { 'hd.chu_tich': text, 'hd.thuong_truc': text, 'hd.tham_muu': text };

/** The council as edited; the unit whose council it is stays. Empty names are refused by PlanCouncilSchema. */
export function councilOf(council: PlanCouncil, parsed: Record<string, unknown>): PlanCouncil {
  return {
    ...council,
    chair: parsed['hd.chu_tich'] as string,
    standingBody: parsed['hd.thuong_truc'] as string,
    secretariat: parsed['hd.tham_muu'] as string,
  };
}

export function councilFields(council: PlanCouncil, typed: FormBody | null) {
  const value = (name: string, stored: string) => (typed ? first(typed[name]) : stored);
  return {
    chair: value('hd.chu_tich', council.chair),
    standingBody: value('hd.thuong_truc', council.standingBody),
    secretariat: value('hd.tham_muu', council.secretariat),
  };
}

// ----------------------------------------------------------------------------------------------------- line-up

/** A unit the form names must be one of the directory's: a hand-made or outdated form is refused, not saved. */
const unitField = (units: ReadonlyMap<string, UnitChoice>, what: string) =>
  text.transform((s, ctx) => {
    if (s === '') return null;
    if (!units.has(s)) {
      ctx.addIssue({ code: 'custom', message: `${what}: đơn vị đã chọn không có trong danh bạ, hãy tải lại trang.` });
      return z.NEVER;
    }
    return s;
  });

const noun = (c: ClusterLineup) => (c.kind === 'bloc' ? 'khối' : 'cụm');

/** The fields of each cluster of the draft: head, deputy, members (a repeated checkbox). */
export function lineupShape(
  clusters: readonly ClusterLineup[] | null,
  units: ReadonlyMap<string, UnitChoice>,
): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const c of clusters ?? []) {
    shape[`cum.${c.clusterId}.truong`] = unitField(units, `Đơn vị ${noun(c)} trưởng của “${c.name}”`);
    shape[`cum.${c.clusterId}.pho`] = unitField(units, `Đơn vị ${noun(c)} phó của “${c.name}”`);
    shape[`cum.${c.clusterId}.don_vi`] = list.transform((ids, ctx) => {
      if (ids.some((id) => !units.has(id))) {
        ctx.addIssue({
          code: 'custom',
          message: `Các đơn vị thuộc “${c.name}”: có đơn vị không có trong danh bạ, hãy tải lại trang.`,
        });
        return z.NEVER;
      }
      return [...new Set(ids)];
    });
  }
  return shape;
}

/** The line-up as edited (ids, names and kinds stay); its rules are lineupProblems', applied by the store. */
export function lineupOf(
  clusters: readonly ClusterLineup[] | null,
  parsed: Record<string, unknown>,
): ClusterLineup[] | null {
  if (!clusters) return null;
  return clusters.map((c) => ({
    ...c,
    headUnitId: parsed[`cum.${c.clusterId}.truong`] as string | null,
    deputyUnitId: parsed[`cum.${c.clusterId}.pho`] as string | null,
    memberUnitIds: parsed[`cum.${c.clusterId}.don_vi`] as string[],
  }));
}

/** What the page shows of each cluster, by unit names: the draft's line-up, or what was typed. */
export function lineupFields(
  clusters: readonly ClusterLineup[] | null,
  units: readonly UnitChoice[],
  review: readonly ReviewItem[],
  typed: FormBody | null,
) {
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  return {
    review: review.find((i) => i.key === 'clusters') ?? null,
    units,
    clusters: (clusters ?? []).map((c) => {
      const head = typed ? first(typed[`cum.${c.clusterId}.truong`]) : (c.headUnitId ?? '');
      const deputy = typed ? first(typed[`cum.${c.clusterId}.pho`]) : (c.deputyUnitId ?? '');
      const members = new Set(typed ? all(typed[`cum.${c.clusterId}.don_vi`]) : c.memberUnitIds);
      return {
        id: c.clusterId,
        name: c.name,
        noun: noun(c),
        head,
        deputy,
        members: units.filter((u) => members.has(u.id)).map((u) => u.id),
        // The saved line-up in words, so the author reads it without opening the list.
        savedMembers: c.memberUnitIds.map((id) => nameOf.get(id) ?? id),
      };
    }),
  };
}

// ------------------------------------------------------------------------------------------- drive content

/** A drive's content (free text) and targets (one per line) as the form sends them. */
export const driveContentShape = (driveId: string): Record<string, z.ZodType> => ({
  [`dot.${driveId}.noi_dung`]: rawText.transform((s) => (s.trim() === '' ? undefined : s.trim())),
  [`dot.${driveId}.chi_tieu`]: rawText.transform((s) =>
    s
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== ''),
  ),
});
