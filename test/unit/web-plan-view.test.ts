/**
 * What the plan pages compute from plan data and case state: the timeline and drive status (plan-timeline.ts), the
 * registration form (registration-form.ts), the compact's signature table (compact-view.ts).
 */
import { describe, expect, it } from 'vitest';
import { initialCompactState, type CompactState } from '../../domain/plan-year/compact.js';
import { planForYear, type ChildStatus, type PlanRunState } from '../../domain/plan-year/plan-run.js';
import type { RegistrationState } from '../../domain/plan-year/registration.js';
import { HAI_DUONG_2025 } from '../../domain/plans/index.js';
import type { Person } from '../../domain/org.js';
import { WebError } from '../../client/web/errors.js';
import { signatureRows } from '../../client/web/compact-view.js';
import {
  driveStatus,
  orgNotes,
  planTimeline,
  unitNotes,
  unitScope,
  WHOLE_ORG,
} from '../../client/web/plan-timeline.js';
import { registrationFromForm } from '../../client/web/registration-form.js';

const plan = planForYear(HAI_DUONG_2025, 2031);
/** An instant given in Vietnam time (UTC+7). */
const at = (day: number, month: number, hour = 12, year = 2031) =>
  new Date(Date.UTC(year, month - 1, day, hour - 7)).toISOString();

/** A fresh compact of cluster 9 in 2031 with members u1…u<count> ("Đơn vị 1"…), headed by `headUnitId`. */
function compactOf(memberCount: number, headUnitId: string): CompactState {
  return initialCompactState(
    {
      clusterId: 'c',
      clusterName: 'Cụm thi đua số 9',
      year: 2031,
      planId: 'p',
      planWorkflowId: null,
      headUnitId,
      memberUnits: Array.from({ length: memberCount }, (_, i) => ({ id: `u${i + 1}`, name: `Đơn vị ${i + 1}` })),
      dueAt: at(15, 2),
      closesAt: at(31, 12),
      schedule: HAI_DUONG_2025.reminders,
      council: { unitId: 'hd', secretariatUnitId: null },
    },
    at(1, 1),
  );
}

describe('planTimeline', () => {
  /** What a row says on screen, without the plan's wording (title, legal source). */
  const summary = (rows: ReturnType<typeof planTimeline>) => rows.map((r) => [r.id, r.kind, r.when, r.status]);

  it('lists deadlines and drive windows in date order, dd/mm/yyyy, with their status at a given instant', () => {
    // 20/01/2031: the 15/01 deadlines are past; the spring drive (from December of the year before) is open.
    expect(summary(planTimeline(plan, null, WHOLE_ORG, at(20, 1)))).toEqual([
      ['mung-dang-mung-xuan-2031', 'drive', '01/12/2030 – 28/02/2031', 'open'],
      ['unit-plan', 'deadline', '15/01/2031', 'past'],
      ['registration', 'deadline', '15/01/2031', 'past'],
      ['chuyen-doi-so-60-ngay-2031', 'drive', '01/02/2031 – 31/03/2031', 'upcoming'],
      ['compact', 'deadline', '15/02/2031', 'upcoming'],
      ['ky-niem-65-nam-nganh-2031', 'drive', '01/06/2031 – 30/08/2031', 'upcoming'],
    ]);
  });

  it("keeps a unit's view to the units' and clusters' deadlines, each with the given note", () => {
    const rows = planTimeline(plan, null, unitScope({ councilStaff: false }), at(1, 1), {
      registration: 'Đơn vị chưa đăng ký',
    });
    // Every deadline of seed 003 is for units or clusters, so the unit sees them all (the council's are below).
    expect(summary(rows)).toEqual([
      ['mung-dang-mung-xuan-2031', 'drive', '01/12/2030 – 28/02/2031', 'open'],
      ['unit-plan', 'deadline', '15/01/2031', 'upcoming'],
      ['registration', 'deadline', '15/01/2031', 'upcoming'],
      ['chuyen-doi-so-60-ngay-2031', 'drive', '01/02/2031 – 31/03/2031', 'upcoming'],
      ['compact', 'deadline', '15/02/2031', 'upcoming'],
      ['ky-niem-65-nam-nganh-2031', 'drive', '01/06/2031 – 30/08/2031', 'upcoming'],
    ]);
    expect(rows.find((r) => r.id === 'registration')!.note).toBe('Đơn vị chưa đăng ký');
    expect(rows.find((r) => r.id === 'compact')!.note).toBeNull();
    const staffOnly = {
      ...plan,
      deadlines: [{ ...plan.deadlines[0]!, id: 'council-x', audience: 'council' as const }],
    };
    expect(
      planTimeline(staffOnly, null, unitScope({ councilStaff: false }), at(1, 1)).filter((r) => r.kind === 'deadline'),
    ).toEqual([]);
    expect(planTimeline(staffOnly, null, unitScope({ councilStaff: true }), at(1, 1)).map((r) => r.id)).toContain(
      'council-x',
    );
  });
});

describe('timeline notes', () => {
  it('tell a unit its own step and the organisation its progress', () => {
    const compact = compactOf(2, 'u1');
    expect(unitNotes(null, [compact], 'u2')).toEqual({ compact: 'Cụm thi đua số 9: chưa có dự thảo' });
    compact.content = 'Giao ước';
    compact.signatures.push({
      unitId: 'u2',
      at: at(3, 2),
      late: false,
      actor: { userId: 'x', displayName: 'X', role: 'unit_head', unitId: 'u2', actingFor: null },
    });
    const registered = { status: 'registered', registeredAt: at(10, 1, 23), locked: false } as RegistrationState;
    expect(unitNotes(registered, [compact], 'u2')).toEqual({
      registration: 'Đơn vị đã đăng ký ngày 10/01/2031',
      compact: 'Cụm thi đua số 9: đơn vị đã ký',
    });
    expect(
      unitNotes({ status: 'not_registered', registeredAt: null, locked: true } as RegistrationState, [compact], 'u1'),
    ).toEqual({
      registration: 'Đơn vị chưa đăng ký (đã khóa)',
      compact: 'Cụm thi đua số 9: đơn vị chưa ký',
    });
    const progress = (status: ChildStatus, done: number, total: number) => ({
      workflowId: 'w',
      status,
      done,
      total,
      updatedAt: at(1, 1),
    });
    const run = {
      context: { units: [{}, {}, {}], clusters: [{}, {}] },
      registrations: {
        a: progress('registered', 1, 1),
        b: progress('not_registered', 0, 1),
        c: progress('registered', 1, 1),
      },
      compacts: { c1: progress('sent', 2, 2), c2: progress('signing', 0, 1) },
    } as unknown as PlanRunState;
    expect(orgNotes(run)).toEqual({
      registration: 'Đã đăng ký: 2/3 đơn vị',
      compact: 'Đã ký: 2/3 đơn vị; đã tổng hợp 1/2 cụm, khối',
    });
    expect(orgNotes(null)).toEqual({});
  });
});

describe('driveStatus', () => {
  const drive = plan.drives[0]!;
  const { from, to } = drive.window;
  it('is upcoming before the first day, open from 00:00 of it through the last day (Vietnam time), past after', () => {
    const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
    const firstMoment = at(from.day, from.month, 0, from.year);
    const lastMoment = shift(at(to.day, to.month, 24, to.year), -1);
    expect(driveStatus(drive, null, shift(firstMoment, -1))).toBe('upcoming');
    expect(driveStatus(drive, null, firstMoment)).toBe('open');
    expect(driveStatus(drive, null, lastMoment)).toBe('open');
    expect(driveStatus(drive, null, shift(lastMoment, 1))).toBe('past');
  });

  it("follows the running plan's record when it has one", () => {
    const run = { drives: { [drive.id]: { driveId: drive.id, openedAt: at(1, 1), closedAt: at(2, 1) } } };
    expect(driveStatus(drive, run as unknown as PlanRunState, at(from.day, from.month, 1, from.year))).toBe('past');
  });
});

describe('registrationFromForm', () => {
  const people: Person[] = [
    { id: 'u-nv01', fullName: 'Nguyễn Văn A', unitId: 'u', position: 'Kiểm sát viên', email: null },
    { id: 'u-nv02', fullName: 'Trần Thị B', unitId: 'u', position: 'Chuyên viên', email: null },
  ];

  it("reads the collective's titles and each person's (one or several values per field)", () => {
    const r = registrationFromForm(
      {
        tap_the: 'tap-the-lao-dong-tien-tien',
        'ca_nhan.u-nv01': ['chien-si-thi-dua-co-so', 'lao-dong-tien-tien'],
        'ca_nhan.u-nv02': 'lao-dong-tien-tien',
        note: '  Ghi chú  ',
      },
      { id: 'u', year: 2031 },
      people,
    );
    expect(r).toEqual({
      unitId: 'u',
      year: 2031,
      collectiveTitles: ['tap-the-lao-dong-tien-tien'],
      individuals: [
        { personId: 'u-nv01', titles: ['chien-si-thi-dua-co-so', 'lao-dong-tien-tien'] },
        { personId: 'u-nv02', titles: ['lao-dong-tien-tien'] },
      ],
      note: 'Ghi chú',
    });
  });

  it('refuses someone of another unit and a title meant for collectives, in Vietnamese', () => {
    const refusal = (body: Record<string, string>) => {
      try {
        registrationFromForm(body, { id: 'u', year: 2031 }, people);
      } catch (error) {
        expect(error).toBeInstanceOf(WebError);
        return (error as WebError).vi;
      }
      throw new Error('not refused');
    };
    expect(refusal({ 'ca_nhan.x-nv01': 'lao-dong-tien-tien' })).toBe(
      'Chỉ được đăng ký thi đua cho cán bộ của đơn vị mình.',
    );
    expect(refusal({ 'ca_nhan.u-nv01': 'tap-the-lao-dong-tien-tien' })).toContain(
      'Danh hiệu đăng ký cho cá nhân không hợp lệ',
    );
    expect(refusal({ tap_the: ['tap-the-lao-dong-tien-tien', 'tap-the-lao-dong-tien-tien'] as never })).toContain(
      'bị trùng',
    );
  });
});

describe('signatureRows', () => {
  it('lists every member with when and by whom it signed, the head unit first', () => {
    const state: CompactState = compactOf(3, 'u3');
    state.signatures.push({
      unitId: 'u2',
      at: at(20, 2),
      late: true,
      actor: { userId: 'x', displayName: 'Lê Văn C', role: 'unit_head', unitId: 'u2', actingFor: null },
    });
    expect(signatureRows(state)).toEqual([
      { unitId: 'u3', name: 'Đơn vị 3', isHead: true, signedAt: null, signedBy: null, late: false },
      { unitId: 'u1', name: 'Đơn vị 1', isHead: false, signedAt: null, signedBy: null, late: false },
      { unitId: 'u2', name: 'Đơn vị 2', isHead: false, signedAt: at(20, 2), signedBy: 'Lê Văn C', late: true },
    ]);
  });
});
