/**
 * What the author edits on "Lập kế hoạch năm …" beyond dates (issue 11): the reminder schedule read and written
 * as "7 ngày trước hạn, lúc 09:00", the line-up's problems named by unit names and refused only when an edit
 * brings them in, and a drive's content and targets carried into the coming year's draft.
 */
import { describe, expect, it } from 'vitest';
import { reminderInstants } from '../../domain/calendar.js';
import {
  dayAndHourOf,
  describeReminderOffset,
  draftNextYear,
  introducedLineupProblems,
  lineupProblems,
  offsetOf,
  orderedOffsets,
  type ClusterLineup,
} from '../../domain/plan-authoring/index.js';
import { HAI_DUONG_2025 } from '../../domain/plans/index.js';
import { DriveSchema, PlanSchema, planDeadlineInstant, type Plan } from '../../domain/plan.js';
import { formatZodErrorVN } from '../../domain/zod-vi.js';

describe('the reminder schedule in words', () => {
  it('says the demo plan’s offsets as the days and the hour they fall on', () => {
    const { reminders, escalations } = HAI_DUONG_2025.reminders;
    expect(reminders.map(describeReminderOffset)).toEqual([
      '7 ngày trước hạn, lúc 09:00',
      '1 ngày trước hạn, lúc 09:00',
      'Ngày hạn, lúc 09:00',
    ]);
    expect(escalations.map(describeReminderOffset)).toEqual(['1 ngày sau hạn, lúc 09:00', '4 ngày sau hạn, lúc 09:00']);
    expect(describeReminderOffset({ days: 0 })).toBe('Lúc hết hạn (cuối ngày hạn)');
    expect(describeReminderOffset({ days: -1 })).toBe('Ngày hạn, lúc 00:00');
  });

  it('turns a day and an hour back into the stored offset, and the words agree with the reminder’s instant', () => {
    expect(offsetOf({ day: -7, hour: 9 })).toEqual({ days: -7, hours: -15 });
    expect(offsetOf({ day: 0, hour: 9 })).toEqual({ days: 0, hours: -15 });
    expect(offsetOf({ day: 1, hour: 9 })).toEqual({ days: 0, hours: 9 });
    expect(offsetOf({ day: 4, hour: 9 })).toEqual({ days: 3, hours: 9 });
    expect(offsetOf({ day: 2, hour: 0 })).toEqual({ days: 1 });
    expect(offsetOf({ day: 0, hour: 24 })).toEqual({ days: 0 });
    // Every offset the form can make reads back as typed, and fires at that hour of that day in Vietnam.
    const deadline = { date: { day: 15, month: 1, year: 2027 } };
    for (const day of [-30, -7, -1, 0, 1, 3, 10])
      for (const hour of [0, 8, 9, 14, 23]) {
        // 00:00 the day after is the deadline itself, neither a reminder nor an escalation (see above).
        if (day === 1 && hour === 0) continue;
        const offset = offsetOf({ day, hour });
        expect(dayAndHourOf(offset)).toEqual({ day, hour });
        const [fired] = reminderInstants(planDeadlineInstant(deadline), {
          reminders: day <= 0 ? [offset] : [],
          escalations: day > 0 ? [offset] : [],
        });
        // 23:59:59.999 plus whole hours: the instant is a millisecond before the hour (rounded up when sent).
        const vietnamWallClock = Date.parse(fired!.at) + 1 + 7 * 3_600_000;
        expect(new Date(vietnamWallClock).toISOString()).toBe(
          new Date(Date.UTC(2027, 0, 15 + day, hour)).toISOString(),
        );
      }
  });

  it('orders offsets soonest first, each moment once', () => {
    expect(
      orderedOffsets([
        { days: 0, hours: -15 },
        { days: -7, hours: -15 },
        { days: 0, hours: -15 },
      ]),
    ).toEqual([
      { days: -7, hours: -15 },
      { days: 0, hours: -15 },
    ]);
  });
});

const LINEUP: ClusterLineup[] = [
  {
    clusterId: 'hd-cum1',
    name: 'Cụm thi đua số 1',
    kind: 'cluster',
    headUnitId: 'hd-kv1',
    deputyUnitId: 'hd-kv2',
    memberUnitIds: ['hd-kv1', 'hd-kv2', 'hd-kv3'],
  },
  {
    clusterId: 'hd-cum2',
    name: 'Cụm thi đua số 2',
    kind: 'cluster',
    headUnitId: null,
    deputyUnitId: null,
    memberUnitIds: ['hd-kv4', 'hd-kv5'],
  },
];
const NAMES = new Map([
  ['hd-kv1', 'VKSND khu vực 1'],
  ['hd-kv3', 'VKSND khu vực 3'],
  ['hd-kv4', 'VKSND khu vực 4'],
]);
const nameOf = (id: string) => NAMES.get(id) ?? id;

describe('the line-up’s problems', () => {
  it('name the units by their names', () => {
    const bad = structuredClone(LINEUP);
    bad[1]!.memberUnitIds.push('hd-kv3');
    bad[0]!.headUnitId = 'hd-kv4';
    bad[0]!.deputyUnitId = 'hd-kv4';
    expect(lineupProblems(bad, nameOf)).toEqual([
      'Đơn vị cụm trưởng VKSND khu vực 4 không thuộc cụm “Cụm thi đua số 1”',
      'Cụm “Cụm thi đua số 1”: một đơn vị không thể vừa là cụm trưởng vừa là cụm phó',
      'Cụm “Cụm thi đua số 2” chưa có đơn vị cụm trưởng',
      'Đơn vị VKSND khu vực 3 thuộc cả cụm “Cụm thi đua số 1” và cụm “Cụm thi đua số 2”',
    ]);
    const deputyOutside = structuredClone(LINEUP);
    deputyOutside[0]!.deputyUnitId = 'hd-kv4';
    expect(lineupProblems(deputyOutside, nameOf)[0]).toBe(
      'Đơn vị cụm phó VKSND khu vực 4 không thuộc cụm “Cụm thi đua số 1”',
    );
  });

  it('refuse an edit only for what it brings in, not for what the copied line-up already had', () => {
    // Cụm 2 came without a head: naming cụm 1's deputy differently adds nothing.
    const renamed = structuredClone(LINEUP);
    renamed[0]!.deputyUnitId = 'hd-kv3';
    expect(introducedLineupProblems(LINEUP, renamed, nameOf)).toEqual([]);
    // Moving VKSND khu vực 3 into cụm 2 without taking it out of cụm 1 is new.
    const twice = structuredClone(LINEUP);
    twice[1]!.memberUnitIds.push('hd-kv3');
    expect(introducedLineupProblems(LINEUP, twice, nameOf)).toEqual([
      'Đơn vị VKSND khu vực 3 thuộc cả cụm “Cụm thi đua số 1” và cụm “Cụm thi đua số 2”',
    ]);
    // Moved properly: out of one, into the other.
    const moved = structuredClone(twice);
    moved[0]!.memberUnitIds = ['hd-kv1', 'hd-kv2'];
    expect(introducedLineupProblems(LINEUP, moved, nameOf)).toEqual([]);
    // Taking cụm 1's head away is new; a line-up first set is checked whole.
    const headless = structuredClone(LINEUP);
    headless[0]!.headUnitId = null;
    expect(introducedLineupProblems(LINEUP, headless, nameOf)).toEqual([
      'Cụm “Cụm thi đua số 1” chưa có đơn vị cụm trưởng',
    ]);
    expect(introducedLineupProblems(null, LINEUP, nameOf)).toEqual([
      'Cụm “Cụm thi đua số 2” chưa có đơn vị cụm trưởng',
    ]);
  });
});

describe('a drive’s content and targets', () => {
  const withContent: Plan = {
    ...HAI_DUONG_2025,
    drives: HAI_DUONG_2025.drives.map((d, i) =>
      i === 0
        ? {
            ...d,
            content: 'Thi đua chào mừng xuân Ất Tỵ năm 2025',
            targets: ['100% đơn vị hoàn thành chỉ tiêu năm 2025', 'Không có án quá hạn'],
          }
        : d,
    ),
  };

  it('are optional: a plan stored before them is valid, and a too long target is refused in Vietnamese', () => {
    expect(PlanSchema.safeParse(HAI_DUONG_2025).success).toBe(true);
    expect(PlanSchema.parse(withContent).drives[0]).toMatchObject({ targets: withContent.drives[0]!.targets });
    const long = DriveSchema.safeParse({ ...withContent.drives[0], targets: ['x'.repeat(501)] });
    expect(long.success ? '' : formatZodErrorVN(long.error)).toBe('Chỉ tiêu không được dài quá 500 ký tự (mục 1)');
  });

  it('move to the coming year with the rest of the drive, flagged when they name last year', () => {
    const draft = draftNextYear(withContent, { toYear: 2026 });
    expect(draft.plan.drives[0]).toMatchObject({
      content: 'Thi đua chào mừng xuân Bính Ngọ năm 2026',
      targets: ['100% đơn vị hoàn thành chỉ tiêu năm 2026', 'Không có án quá hạn'],
    });
    expect(draft.plan.drives[1]!.content).toBeUndefined();
    const flags = draft.review.find((i) => i.key === `drive:${draft.plan.drives[0]!.id}`)!.flags;
    expect(flags.map((f) => f.code)).toEqual(expect.arrayContaining(['can_chi', 'year_number']));
  });
});
