/** Pure rules of the year's plan: registration, compact, amendments, reminders that move, ICS from plan data. */
import { describe, expect, it } from 'vitest';
import { deadlineInstant, formatDateTimeVN } from '../../domain/calendar.js';
import { buildUnitCalendar } from '../../domain/ics.js';
import type { Actor } from '../../domain/org.js';
import {
  checkAdvancedModelAction,
  initialAdvancedModelState,
  selectionAllowed,
} from '../../domain/plan-year/advanced-model.js';
import { Refusal, standingBody } from '../../domain/plan-year/common.js';
import {
  applyCompactAction,
  compactPendingReminders,
  compactReminderNotice,
  compilationDue,
  initialCompactState,
  type CompactStartInput,
} from '../../domain/plan-year/compact.js';
import {
  applyAmendment,
  applyDriveEvent,
  checkAmendment,
  initialPlanRunState,
  openCampaigns,
  pendingDriveEvents,
  planForYear,
  type PlanYearContext,
  upcomingPlanYear,
} from '../../domain/plan-year/plan-run.js';
import {
  applyRegistrationAction,
  checkRegistrationAction,
  initialRegistrationState,
  moveRegistrationDeadline,
  registrationNotice,
  registrationPendingReminders,
  type RegistrationAction,
  type RegistrationStartInput,
} from '../../domain/plan-year/registration.js';
import { HAI_DUONG_2025 } from '../../domain/plans/hai-duong-2025.js';
import { ruleSetFor } from '../../domain/rules/index.js';
import type { Registration } from '../../domain/schemas.js';

const actor = (userId: string, role: Actor['role'], unitId: string): Actor => ({
  userId,
  displayName: userId,
  role,
  unitId,
  actingFor: null,
});
const council = { unitId: 'hd', secretariatUnitId: 'hd-vp' };
const due = deadlineInstant({ day: 15, month: 1 }, 2025);

const regInput: RegistrationStartInput = {
  unitId: 'hd-kv1',
  unitName: 'VKSND khu vực 1',
  year: 2025,
  planId: 'hd-2025',
  planWorkflowId: null,
  clusterId: 'hd-cum1',
  dueAt: due,
  schedule: HAI_DUONG_2025.reminders,
  council,
};
const content: Registration = {
  unitId: 'hd-kv1',
  year: 2025,
  collectiveTitles: ['tap-the-lao-dong-xuat-sac'],
  individuals: [],
};
const register = (a: Actor): RegistrationAction => ({ name: 'register', input: { actor: a, registration: content } });

/** A case as the workflows create it today: reminders rounded to the whole second (09:00:00). */
const roundedCase = <S extends object>(state: S): S & { wholeSecondReminders: true } =>
  Object.assign(state, { wholeSecondReminders: true as const });

function refusalOf(fn: () => void): Refusal {
  try {
    fn();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('registration rules', () => {
  it('lets the unit head register and amend before the deadline, and locks it after', () => {
    const s = initialRegistrationState(regInput, '2024-12-20T02:00:00.000Z');
    applyRegistrationAction(s, register(actor('u1', 'unit_head', 'hd-kv1')), '2025-01-10T02:00:00.000Z');
    applyRegistrationAction(s, register(actor('u1', 'unit_head', 'hd-kv1')), '2025-01-12T02:00:00.000Z');
    expect(s.status).toBe('registered');
    expect(s.amendments).toBe(1);
    const late = refusalOf(() =>
      checkRegistrationAction(s, register(actor('u1', 'unit_head', 'hd-kv1')), '2025-01-15T17:00:00.000Z'),
    );
    expect(late.vi).toBe(
      'Đã quá hạn đăng ký thi đua (hạn cuối ngày 15/01/2025): bản đăng ký đã khóa, không thể thay đổi.',
    );
  });

  it('refuses the wrong role and a foreign unit in Vietnamese', () => {
    const s = initialRegistrationState(regInput, '2024-12-20T02:00:00.000Z');
    expect(
      refusalOf(() =>
        checkRegistrationAction(s, register(actor('c', 'unit_clerk', 'hd-kv1')), '2025-01-10T02:00:00.000Z'),
      ).code,
    ).toBe('wrong-role');
    const foreign = refusalOf(() =>
      checkRegistrationAction(s, register(actor('h', 'unit_head', 'hd-kv2')), '2025-01-10T02:00:00.000Z'),
    );
    expect(foreign.vi).toContain('không thể đăng ký thi đua thay đơn vị khác');
  });

  it('reminds only while not registered, escalates to the standing body, and never repeats a sent reminder', () => {
    const s = roundedCase(initialRegistrationState(regInput, '2024-12-20T02:00:00.000Z'));
    const pending = registrationPendingReminders(s);
    expect(pending.map((r) => formatDateTimeVN(r.at))).toEqual([
      '09:00 08/01/2025',
      '09:00 14/01/2025',
      '09:00 15/01/2025',
      '09:00 16/01/2025',
      '09:00 19/01/2025',
    ]);
    const first = registrationNotice(s, pending[0]!);
    expect(first.to).toEqual([
      { role: 'unit_clerk', unitId: 'hd-kv1' },
      { role: 'unit_head', unitId: 'hd-kv1' },
    ]);
    expect(registrationNotice(s, pending[3]!).to).toEqual(standingBody(council));
    s.notices.push({ ...first.notice, at: pending[0]!.at });
    expect(registrationPendingReminders(s)).toHaveLength(4);
    applyRegistrationAction(s, register(actor('u1', 'unit_head', 'hd-kv1')), '2025-01-10T02:00:00.000Z');
    expect(registrationPendingReminders(s)).toEqual([]);
  });

  it('rounds reminders to the whole second only in cases created with wholeSecondReminders', () => {
    const created = initialRegistrationState(regInput, '2024-12-20T02:00:00.000Z');
    // Older cases (no flag, or false from a replay before the patch) keep the exact offsets from 23:59:59.999.
    expect(registrationPendingReminders(created).map((r) => r.at)).toEqual([
      '2025-01-08T01:59:59.999Z',
      '2025-01-14T01:59:59.999Z',
      '2025-01-15T01:59:59.999Z',
      '2025-01-16T01:59:59.999Z',
      '2025-01-19T01:59:59.999Z',
    ]);
    expect(registrationPendingReminders({ ...created, wholeSecondReminders: false })[0]!.at).toBe(
      '2025-01-08T01:59:59.999Z',
    );
    expect(registrationPendingReminders({ ...created, wholeSecondReminders: true }).map((r) => r.at)).toEqual([
      '2025-01-08T02:00:00.000Z',
      '2025-01-14T02:00:00.000Z',
      '2025-01-15T02:00:00.000Z',
      '2025-01-16T02:00:00.000Z',
      '2025-01-19T02:00:00.000Z',
    ]);
  });

  it('re-arms reminders when the deadline moves, without sending the past ones late', () => {
    const s = roundedCase(initialRegistrationState(regInput, '2024-12-20T02:00:00.000Z'));
    // Moved on 15/01 at 12:00: the old day's remaining reminders are gone, and so is the new 7-day one (09:00 that
    // morning, already past): it is never sent late.
    moveRegistrationDeadline(s, deadlineInstant({ day: 22, month: 1 }, 2025), 'Dời hạn', '2025-01-15T05:00:00.000Z');
    expect(registrationPendingReminders(s).map((r) => formatDateTimeVN(r.at))).toEqual([
      '09:00 21/01/2025',
      '09:00 22/01/2025',
      '09:00 23/01/2025',
      '09:00 26/01/2025',
    ]);
  });
});

describe('compact rules', () => {
  const input: CompactStartInput = {
    clusterId: 'hd-cum1',
    clusterName: 'Cụm thi đua số 1',
    year: 2025,
    planId: 'hd-2025',
    planWorkflowId: null,
    headUnitId: 'hd-kv1',
    memberUnits: ['hd-kv1', 'hd-kv2'].map((id) => ({ id, name: id })),
    dueAt: deadlineInstant({ day: 15, month: 2 }, 2025),
    closesAt: deadlineInstant({ day: 31, month: 12 }, 2025),
    schedule: HAI_DUONG_2025.reminders,
    council,
  };

  it('reminds the head while not drafted, then only members that have not signed', () => {
    const s = initialCompactState(input, '2025-01-20T02:00:00.000Z');
    const before = compactPendingReminders(s).filter((p) => p.r.kind !== 'escalation');
    expect([...new Set(before.map((p) => JSON.stringify(compactReminderNotice(s, p).to)))]).toEqual([
      JSON.stringify([{ role: 'cluster_head', unitId: 'hd-kv1' }]),
    ]);
    applyCompactAction(
      s,
      { name: 'draft', input: { actor: actor('c1', 'cluster_head', 'hd-kv1'), content: 'Giao ước thi đua năm 2025' } },
      '2025-02-01T02:00:00.000Z',
    );
    applyCompactAction(
      s,
      { name: 'sign', input: { actor: actor('h1', 'unit_head', 'hd-kv1') } },
      '2025-02-02T02:00:00.000Z',
    );
    expect(new Set(compactPendingReminders(s).map((p) => p.aboutUnitId))).toEqual(new Set(['hd-kv2']));
    expect(compilationDue(s, '2025-02-10T02:00:00.000Z')).toBeNull();
    expect(compilationDue(s, '2025-02-15T17:00:00.000Z')).toBe('deadline');
    applyCompactAction(
      s,
      { name: 'sign', input: { actor: actor('h2', 'unit_head', 'hd-kv2') } },
      '2025-02-03T02:00:00.000Z',
    );
    expect(compilationDue(s, '2025-02-03T02:00:00.000Z')).toBe('all_signed');
  });

  it('refuses a non-member and a second signature', () => {
    const s = initialCompactState(input, '2025-01-20T02:00:00.000Z');
    applyCompactAction(
      s,
      { name: 'draft', input: { actor: actor('c1', 'cluster_head', 'hd-kv1'), content: 'Giao ước thi đua năm 2025' } },
      '2025-02-01T02:00:00.000Z',
    );
    expect(
      refusalOf(() =>
        applyCompactAction(
          s,
          { name: 'sign', input: { actor: actor('h5', 'unit_head', 'hd-kv5') } },
          '2025-02-02T02:00:00.000Z',
        ),
      ).code,
    ).toBe('not-member');
    applyCompactAction(
      s,
      { name: 'sign', input: { actor: actor('h1', 'unit_head', 'hd-kv1') } },
      '2025-02-02T02:00:00.000Z',
    );
    expect(
      refusalOf(() =>
        applyCompactAction(
          s,
          { name: 'sign', input: { actor: actor('h1', 'unit_head', 'hd-kv1') } },
          '2025-02-02T03:00:00.000Z',
        ),
      ).code,
    ).toBe('already-signed');
  });
});

describe('plan amendments and next year', () => {
  const context: PlanYearContext = { council, orgName: 'VKSND tỉnh Hải Dương', units: [], clusters: [] };

  it('moves a deadline only by an authorised role and only while it is ahead', () => {
    const s = initialPlanRunState(
      { plan: structuredClone(HAI_DUONG_2025), startedBy: null },
      context,
      '2024-12-20T02:00:00.000Z',
    );
    const move = {
      reason: 'Dời hạn do nghỉ Tết',
      moveDeadline: { deadlineId: 'registration', date: { day: 22, month: 1, year: 2025 } },
    };
    expect(
      refusalOf(() =>
        checkAmendment(s, { ...move, actor: actor('h', 'unit_head', 'hd-kv1') }, '2025-01-05T02:00:00.000Z'),
      ).code,
    ).toBe('wrong-role');
    expect(
      refusalOf(() =>
        checkAmendment(s, { ...move, actor: actor('l', 'leadership', 'hd-kv1') }, '2025-01-05T02:00:00.000Z'),
      ).code,
    ).toBe('wrong-unit');
    expect(
      refusalOf(() =>
        checkAmendment(s, { ...move, actor: actor('t', 'council_secretary', 'hd-vp') }, '2025-01-16T02:00:00.000Z'),
      ).code,
    ).toBe('deadline-passed');
    const out = applyAmendment(
      s,
      { ...move, actor: actor('t', 'council_secretary', 'hd-vp') },
      '2025-01-05T02:00:00.000Z',
      1,
    );
    expect(out).toMatchObject({ movedKind: 'registration', newDueAt: deadlineInstant({ day: 22, month: 1 }, 2025) });
    expect(s.plan.deadlines.find((d) => d.id === 'registration')?.date).toEqual({ day: 22, month: 1, year: 2025 });
  });

  it('prepares the year whose 15/01 comes next: the next one from 01/12 (Vietnam time), else the current one', () => {
    expect(upcomingPlanYear('2025-11-30T17:00:00.000Z')).toBe(2026); // 00:00 01/12/2025 in Vietnam
    expect(upcomingPlanYear('2025-11-30T16:59:59.999Z')).toBe(2025); // 23:59 30/11/2025
    expect(upcomingPlanYear('2025-12-31T16:59:59.999Z')).toBe(2026);
    expect(upcomingPlanYear('2025-12-31T17:00:00.000Z')).toBe(2026); // 00:00 01/01/2026: a January re-run
    expect(upcomingPlanYear('2026-01-10T02:00:00.000Z')).toBe(2026);
    expect(upcomingPlanYear('2026-06-15T02:00:00.000Z')).toBe(2026);
  });

  it('rolls the plan to another year, keeping days and months', () => {
    const next = planForYear(HAI_DUONG_2025, 2026);
    expect(next.id).toBe('hd-2026');
    expect(next.deadlines.map((d) => d.date)).toEqual([
      { day: 15, month: 1, year: 2026 },
      { day: 15, month: 1, year: 2026 },
      { day: 15, month: 2, year: 2026 },
    ]);
    expect(next.drives[0]?.window).toEqual({
      from: { day: 1, month: 12, year: 2025 },
      to: { day: 28, month: 2, year: 2026 },
    });
  });

  it('gives every drive a new id in the new year, also one whose id does not name the year (its campaign id)', () => {
    const plan = structuredClone(HAI_DUONG_2025);
    plan.drives[0]!.id = 'mung-dang-mung-xuan';
    const next = planForYear(plan, 2026);
    expect(next.drives.map((d) => d.id)).toEqual([
      'mung-dang-mung-xuan-2026',
      'chuyen-doi-so-60-ngay-2026',
      'ky-niem-65-nam-nganh-2026',
    ]);
    expect(planForYear(next, 2027).drives[0]!.id).toBe('mung-dang-mung-xuan-2027');
  });

  it('feeds the unit calendar (ICS) from the plan data, amendments included', () => {
    const s = initialPlanRunState(
      { plan: structuredClone(HAI_DUONG_2025), startedBy: null },
      context,
      '2024-12-20T02:00:00.000Z',
    );
    applyAmendment(
      s,
      {
        actor: actor('t', 'council_secretary', 'hd-vp'),
        reason: 'Dời hạn',
        moveDeadline: { deadlineId: 'registration', date: { day: 22, month: 1, year: 2025 } },
      },
      '2025-01-05T02:00:00.000Z',
      1,
    );
    const ics = buildUnitCalendar({
      plan: s.plan,
      unitId: 'hd-kv1',
      unitName: 'VKSND khu vực 1',
      generatedAt: '2025-01-05T02:00:00.000Z',
    });
    expect(ics).toContain('DTSTART:20250122T165959Z');
    expect(ics).toContain('hd-2025.registration@tdkt-flow');
  });
});

describe('drive campaigns', () => {
  const context: PlanYearContext = { council, orgName: 'VKSND tỉnh Hải Dương', units: [], clusters: [] };

  it("opens the drive's nomination campaign at its close, due nominationDays after its last day", () => {
    const s = initialPlanRunState(
      { plan: structuredClone(HAI_DUONG_2025), startedBy: null },
      context,
      '2024-11-20T02:00:00.000Z',
    );
    const [open, close] = pendingDriveEvents(s);
    expect([open?.kind, close?.kind]).toEqual(['open', 'open']);
    applyDriveEvent(s, open!, open!.at);
    expect(openCampaigns(s, open!.at)).toEqual([]); // opening a drive opens no campaign
    const closing = pendingDriveEvents(s).find((e) => e.kind === 'close' && e.drive.id === 'mung-dang-mung-xuan-2025')!;
    const notice = applyDriveEvent(s, closing, closing.at);
    // 28/02/2025 + 10 days (the plan data) = 10/03/2025, to the end of that day.
    expect(s.campaigns?.['mung-dang-mung-xuan-2025']).toMatchObject({
      campaignId: 'mung-dang-mung-xuan-2025',
      dueAt: deadlineInstant({ day: 10, month: 3 }, 2025),
    });
    expect(notice.facts).toContainEqual(['Hạn gửi đề nghị khen thưởng', '23:59 ngày 10/03/2025']);
    expect(openCampaigns(s, '2025-03-10T16:59:59.999Z').map((c) => c.campaignId)).toEqual(['mung-dang-mung-xuan-2025']);
    expect(openCampaigns(s, '2025-03-10T17:00:00.000Z')).toEqual([]);
  });

  it('counts a leap day and falls back to the default window when a drive sets none', () => {
    const plan = planForYear(HAI_DUONG_2025, 2028);
    const { nominationDays: _ignored, ...drive } = plan.drives[0]!;
    plan.drives[0] = drive;
    const s = initialPlanRunState({ plan, startedBy: null }, context, '2027-11-20T02:00:00.000Z');
    const closing = pendingDriveEvents(s).find((e) => e.kind === 'close' && e.drive.id === drive.id)!;
    applyDriveEvent(s, closing, closing.at);
    // 28/02/2028 + 10 days crosses 29/02: 09/03/2028.
    expect(s.campaigns?.[drive.id]?.dueAt).toBe(deadlineInstant({ day: 9, month: 3 }, 2028));
  });
});

describe('advanced models: when the selection may be recorded', () => {
  const units = ['hd-kv1', 'hd-kv2'].map((id) => ({ id, name: id }));
  const created = () =>
    initialAdvancedModelState(
      {
        orgUnitId: 'hd',
        year: 2025,
        planId: 'dien-hinh-tien-tien',
        planWorkflowId: null,
        units,
        dueAt: due,
        schedule: HAI_DUONG_2025.reminders,
        council,
      },
      ruleSetFor(due).id,
      '2025-01-02T02:00:00.000Z',
    );
  const proposal = (unitId: string) => ({
    candidates: [{ subject: 'collective' as const, refId: unitId, displayName: unitId, achievements: '' }],
    at: '2025-01-03T02:00:00.000Z',
    by: actor(`truong.${unitId}`, 'unit_head', unitId),
  });
  const select = (state: ReturnType<typeof created>, now: string) =>
    refusalOf(() =>
      checkAdvancedModelAction(
        state,
        { name: 'select', input: { actor: actor('thuongtruc', 'council_secretary', 'hd-vp'), selected: ['x:y'] } },
        now,
        ruleSetFor(due),
      ),
    ).code;
  const beforeDue = '2025-01-15T16:59:59.999Z';
  const afterDue = '2025-01-15T17:00:00.000Z';

  it('after the deadline, or before it once every unit has proposed; the domain refuses exactly otherwise', () => {
    const s = created();
    s.proposals['hd-kv1'] = proposal('hd-kv1');
    expect(selectionAllowed(s, beforeDue)).toBe(false);
    expect(select(s, beforeDue)).toBe('too-early');
    expect(selectionAllowed(s, afterDue)).toBe(true);
    expect(select(s, afterDue)).not.toBe('too-early');
    s.proposals['hd-kv2'] = proposal('hd-kv2');
    expect(selectionAllowed(s, beforeDue)).toBe(true);
    expect(select(s, beforeDue)).not.toBe('too-early');
  });
});
