/**
 * The pure parts of a rehearsal (diễn tập, issue 11): reading the year cases' own notices, the conflicts
 * (Sunday, holiday, deadline before the issue date, two deadlines one morning), the calendar's grouping by
 * Vietnam date and its counts per unit and cluster, and scenario B's sample. Notices are made by the domain's
 * own registration and compact code, so the keys read are the ones the workflows write.
 */
import { describe, expect, it } from 'vitest';
import { deadlineInstant, type ReminderSchedule } from '../../domain/calendar.js';
import { noticeInstants as reminderInstants } from '../../domain/nomination/reminders.js';
import { compactReminderNotice, initialCompactState } from '../../domain/plan-year/compact.js';
import type { PlanYearContext } from '../../domain/plan-year/plan-run.js';
import { planForYear } from '../../domain/plan-year/plan-run.js';
import { initialRegistrationState, registrationNotice } from '../../domain/plan-year/registration.js';
import { HAI_DUONG_2025 } from '../../domain/plans/index.js';
import type { Plan } from '../../domain/plan.js';
import {
  findConflicts,
  lateSampleActions,
  parseReminderKey,
  rehearsalNotice,
  sampleUnitIds,
  scenarioCalendar,
  type RehearsalNotice,
  type RehearsalPerson,
} from '../../domain/rehearsal/index.js';

const YEAR = 2027;
const SCHEDULE: ReminderSchedule = {
  reminders: [
    { days: -7, hours: -15 },
    { days: -1, hours: -15 },
    { days: 0, hours: -15 },
  ],
  escalations: [{ days: 0, hours: 9 }],
};
const council = { unitId: 'hd', secretariatUnitId: 'hd-vp' };
const CONTEXT: PlanYearContext = {
  council,
  orgName: 'VKSND tỉnh Hải Dương',
  units: [
    { id: 'hd-kv1', name: 'VKSND khu vực 1', clusterId: 'c1' },
    { id: 'hd-kv2', name: 'VKSND khu vực 2', clusterId: 'c1' },
    { id: 'hd-p1', name: 'Phòng 1', clusterId: 'k1' },
    { id: 'hd', name: 'VKSND tỉnh Hải Dương', clusterId: null },
  ],
  clusters: [
    { id: 'c1', name: 'Cụm thi đua số 1', headUnitId: 'hd-kv1', memberUnitIds: ['hd-kv1', 'hd-kv2'] },
    { id: 'k1', name: 'Khối nghiệp vụ', headUnitId: 'hd-p1', memberUnitIds: ['hd-p1'] },
  ],
};
const PEOPLE: RehearsalPerson[] = [
  { userId: 'u1', displayName: 'Nguyễn Văn Một', role: 'unit_head', unitId: 'hd-kv1', email: 'a@x' },
  { userId: 'u2', displayName: 'Trần Thị Hai', role: 'unit_clerk', unitId: 'hd-kv1', email: 'b@x' },
  { userId: 'u3', displayName: 'Lê Văn Ba', role: 'unit_head', unitId: 'hd-kv2', email: 'c@x' },
  { userId: 'u4', displayName: 'Phạm Thường Trực', role: 'council_secretary', unitId: 'hd-vp', email: 'd@x' },
  { userId: 'u5', displayName: 'Đỗ Văn Khối', role: 'cluster_head', unitId: 'hd-p1', email: 'e@x' },
];

const registrationState = (unitId: string, due: string) =>
  initialRegistrationState(
    {
      unitId,
      unitName: CONTEXT.units.find((u) => u.id === unitId)!.name,
      year: YEAR,
      planId: 'p',
      planWorkflowId: null,
      clusterId: null,
      dueAt: due,
      schedule: SCHEDULE,
      council,
    },
    '2026-12-01T00:00:00.000Z',
  );

/** The registration's reminders and escalations as the rehearsal records them, sent at their own instants. */
function registrationNotices(unitId: string, due: string): RehearsalNotice[] {
  const state = registrationState(unitId, due);
  return reminderInstants(due, SCHEDULE).map((r) =>
    rehearsalNotice(
      { workflowId: `registration/${unitId}/${YEAR}`, notice: registrationNotice(state, r), sentAt: r.at },
      PEOPLE,
    ),
  );
}

const plan: Plan = planForYear(HAI_DUONG_2025, YEAR);

describe('notices of the rehearsed workflows', () => {
  it('reads the due date and the unit from the year cases’ keys', () => {
    expect(parseReminderKey('registration.2027-01-15.reminder-7d-15h')).toEqual({
      dueDate: '2027-01-15',
      unitId: null,
    });
    expect(parseReminderKey('compact.2027-02-15.escalation-0d9h.hd-kv4')).toEqual({
      dueDate: '2027-02-15',
      unitId: 'hd-kv4',
    });
    expect(parseReminderKey('drive.tet.open')).toEqual({ dueDate: null, unitId: null });
  });

  it('names a registration reminder’s unit from its workflow and its recipients by name', () => {
    const [first, , , escalation] = registrationNotices('hd-kv1', deadlineInstant({ day: 15, month: 1 }, YEAR));
    expect(first).toMatchObject({
      kind: 'reminder',
      series: 'registration',
      dueDate: '2027-01-15',
      aboutUnitId: 'hd-kv1',
    });
    expect(first!.recipients.map((r) => r.displayName).sort()).toEqual(['Nguyễn Văn Một', 'Trần Thị Hai']);
    expect(first!.label).toBe('Nhắc trước hạn 7 ngày 15 giờ');
    expect(escalation).toMatchObject({ kind: 'escalation', aboutUnitId: 'hd-kv1' });
    expect(escalation!.recipients.map((r) => r.displayName)).toEqual(['Phạm Thường Trực']);
  });

  it('reads a compact member’s unit from the key', () => {
    const state = initialCompactState(
      {
        clusterId: 'c1',
        clusterName: 'Cụm thi đua số 1',
        year: YEAR,
        planId: 'p',
        planWorkflowId: null,
        headUnitId: 'hd-kv1',
        memberUnits: [
          { id: 'hd-kv1', name: 'VKSND khu vực 1' },
          { id: 'hd-kv2', name: 'VKSND khu vực 2' },
        ],
        dueAt: deadlineInstant({ day: 15, month: 2 }, YEAR),
        closesAt: deadlineInstant({ day: 31, month: 12 }, YEAR),
        schedule: SCHEDULE,
        council,
      },
      '2026-12-01T00:00:00.000Z',
    );
    const r = reminderInstants(state.dueAt, SCHEDULE)[0]!;
    const n = rehearsalNotice(
      {
        workflowId: 'compact/c1/2027',
        notice: compactReminderNotice(state, { r, aboutUnitId: 'hd-kv1' }),
        sentAt: r.at,
      },
      PEOPLE,
    );
    expect(n).toMatchObject({ series: 'compact', aboutUnitId: 'hd-kv1', dueDate: '2027-02-15' });
  });
});

describe('conflicts', () => {
  const unitName = (id: string) => CONTEXT.units.find((u) => u.id === id)?.name ?? id;

  it('finds a reminder on a Sunday, once per day, and none on a weekday', () => {
    // Due Sunday 24/01/2027: reminders on Sunday 17/01, Saturday 23/01 (not flagged) and Sunday 24/01 at 09:00; the
    // escalation on Monday 25/01.
    const notices = [
      ...registrationNotices('hd-kv1', deadlineInstant({ day: 24, month: 1 }, YEAR)),
      ...registrationNotices('hd-kv2', deadlineInstant({ day: 24, month: 1 }, YEAR)),
    ];
    const found = findConflicts({ plan, issueDate: '2026-12-01', notices, unitName });
    expect(found.filter((c) => c.code === 'sunday').map((c) => c.message)).toEqual([
      'Ngày 17/01/2027 là Chủ nhật: có 2 thư nhắc việc',
      'Ngày 24/01/2027 là Chủ nhật: có 2 thư nhắc việc',
    ]);
  });

  it('finds a reminder on a public holiday (Tết estimated for a year not announced)', () => {
    // Due 12/02/2027: its "-7 days" reminder falls on 05/02, within Tết Đinh Mùi's estimated days off (04/02–10/02).
    const notices = registrationNotices('hd-kv1', deadlineInstant({ day: 12, month: 2 }, YEAR));
    const found = findConflicts({ plan, issueDate: '2026-12-01', notices, unitName });
    expect(found.filter((c) => c.code === 'holiday').map((c) => c.date)).toEqual(['2027-02-05']);
  });

  it('finds a deadline before the issue date, with both dates in dd/mm/yyyy', () => {
    const found = findConflicts({ plan, issueDate: '2027-01-20', notices: [], unitName });
    const before = found.filter((c) => c.code === 'deadline_before_issue');
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((c) => c.date < '2027-01-20')).toBe(true);
    expect(before[0]!.message).toMatch(/^Mốc “.+” \(hạn \d\d\/\d\d\/2027\) ở trước ngày ban hành 20\/01\/2027$/);
    expect(
      findConflicts({ plan, issueDate: '2026-11-20', notices: [], unitName }).filter(
        (c) => c.code === 'deadline_before_issue',
      ),
    ).toEqual([]);
  });

  it('finds two of the plan’s deadlines due the same day for the same people', () => {
    // The shipped plan has the units' own plans and their registration both due 15/01.
    const twice = plan;
    const titles = twice.deadlines
      .filter((d) => d.kind === 'unit_plan' || d.kind === 'registration')
      .map((d) => d.title);
    const found = findConflicts({ plan: twice, issueDate: '2026-12-01', notices: [], unitName }).filter(
      (c) => c.code === 'same_morning',
    );
    expect(found.map((c) => c.message)).toEqual([
      `Mỗi đơn vị có 2 mốc cùng hạn ngày 15/01/2027: ${titles.map((t) => `“${t}”`).join('; ')}`,
    ]);
    const apart: Plan = {
      ...plan,
      deadlines: plan.deadlines.map((d) =>
        d.kind === 'unit_plan' ? { ...d, date: { day: 10, month: 1, year: YEAR } } : d,
      ),
    };
    expect(
      findConflicts({ plan: apart, issueDate: '2026-12-01', notices: [], unitName }).filter(
        (c) => c.code === 'same_morning',
      ),
    ).toEqual([]);
  });

  it('finds one unit reminded of two deadlines on the same morning, not two units of one each', () => {
    const due = deadlineInstant({ day: 15, month: 1 }, YEAR);
    const reg = registrationNotices('hd-kv1', due);
    // Another step due the same day reminds the same unit at the same instants.
    const other = reg.map((n) => ({ ...n, series: 'compact' }));
    const found = findConflicts({ plan, issueDate: '2026-12-01', notices: [...reg, ...other], unitName });
    const same = found.filter((c) => c.code === 'same_morning' && c.unitId !== null);
    expect(same.map((c) => [c.date, c.unitId])).toEqual([
      ['2027-01-08', 'hd-kv1'],
      ['2027-01-14', 'hd-kv1'],
      ['2027-01-15', 'hd-kv1'],
    ]);
    expect(same[0]!.message).toContain('Sáng 08/01/2027, VKSND khu vực 1 nhận nhắc việc của 2 mốc cùng lúc');
    const separate = findConflicts({
      plan,
      issueDate: '2026-12-01',
      notices: [...reg, ...registrationNotices('hd-kv2', due)],
      unitName,
    });
    expect(separate.filter((c) => c.code === 'same_morning' && c.unitId !== null)).toEqual([]);
  });
});

describe('the calendar', () => {
  it('groups by Vietnam date (09:00 is 02:00 UTC) and counts per unit and per cluster', () => {
    const due = deadlineInstant({ day: 15, month: 1 }, YEAR);
    const notices = [...registrationNotices('hd-kv1', due), ...registrationNotices('hd-kv2', due).slice(0, 1)];
    const cal = scenarioCalendar({ plan, context: CONTEXT, issueDate: '2026-12-01', scenario: { notices } });
    // One line per moment and reason, with each unit's mail under it.
    expect(cal.days.map((d) => [d.label, d.weekday, d.entries.length, d.entries[0]!.mails.length])).toEqual([
      ['08/01/2027', 'Thứ Sáu', 1, 2],
      ['14/01/2027', 'Thứ Năm', 1, 1],
      ['15/01/2027', 'Thứ Sáu', 1, 1],
      ['16/01/2027', 'Thứ Bảy', 1, 1],
    ]);
    expect(cal.days[0]!.entries[0]).toMatchObject({ time: '09:00', kindLabel: 'Nhắc việc' });
    expect(cal.days[0]!.entries[0]!.mails.map((m) => [m.aboutUnit, [...m.recipients].sort()])).toEqual([
      ['VKSND khu vực 1', ['Nguyễn Văn Một', 'Trần Thị Hai']],
      ['VKSND khu vực 2', ['Lê Văn Ba']],
    ]);
    expect(cal.days[0]!.entries[0]!.reason).toBe(
      `${plan.deadlines.find((d) => d.kind === 'registration')!.title} — Nhắc trước hạn 7 ngày 15 giờ`,
    );
    expect(cal.days[3]!.entries[0]).toMatchObject({ kind: 'escalation' });
    expect(cal.days[3]!.entries[0]!.mails[0]!.recipients).toEqual(['Phạm Thường Trực']);
    expect(cal.units.map((u) => [u.unitId, u.reminders, u.escalations])).toEqual([
      ['hd-kv1', 3, 1],
      ['hd-kv2', 1, 0],
      ['hd-p1', 0, 0],
      ['hd', 0, 0],
    ]);
    expect(cal.clusters.map((c) => [c.name, c.units, c.reminders, c.escalations])).toEqual([
      ['Cụm thi đua số 1', 2, 4, 1],
      ['Khối nghiệp vụ', 1, 0, 0],
    ]);
    expect(cal.totals).toEqual({ reminders: 4, escalations: 1, other: 0 });
  });
});

describe('scenario B’s sample', () => {
  it('has every third unit act at noon of the due day, and each cluster’s head launch its compact on its first reminder day', () => {
    expect(sampleUnitIds(CONTEXT)).toEqual(['hd-kv1', 'hd']);
    const actions = lateSampleActions(plan, CONTEXT);
    const reg = plan.deadlines.find((d) => d.kind === 'registration')!.date;
    const regNoon = new Date(Date.UTC(reg.year, reg.month - 1, reg.day, 12 - 7)).toISOString();
    expect(actions.filter((a) => a.step === 'registration').map((a) => [a.unitId, a.at])).toEqual([
      ['hd-kv1', regNoon],
      ['hd', regNoon],
    ]);
    const drafts = actions.filter((a) => a.step === 'compact_draft');
    expect(drafts.map((a) => a.unitId)).toEqual(['hd-kv1', 'hd-p1']);
    const compact = plan.deadlines.find((d) => d.kind === 'compact')!.date;
    const sign = actions.filter((a) => a.step === 'compact_sign');
    expect(sign.map((a) => [a.unitId, a.at])).toEqual([
      ['hd-kv1', new Date(Date.UTC(compact.year, compact.month - 1, compact.day, 5)).toISOString()],
    ]);
    expect(drafts[0]!.at < sign[0]!.at).toBe(true);
  });
});
