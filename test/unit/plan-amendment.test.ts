/**
 * Sửa đổi, bổ sung kế hoạch (issue 11), the pure part: the plan a page's change makes (a deadline moved, a drive
 * added; a change that changes nothing refused in Vietnamese), what an amendment changed for its history, and the
 * clock rules the running plan and the page share (checkPlanChange).
 */
import { describe, expect, it } from 'vitest';
import { Refusal } from '../../domain/nomination/refusal.js';
import { amendedPlan, amendmentChanges, draftNextYear } from '../../domain/plan-authoring/index.js';
import { HAI_DUONG_2025 } from '../../domain/plans/index.js';
import { checkPlanChange } from '../../domain/plan-year/plan-run.js';

const plan = draftNextYear(HAI_DUONG_2025, { toYear: 2027 }).plan;
const drive = {
  id: 'thanh-lap-tinh-2027',
  title: 'Thi đua chào mừng ngày thành lập tỉnh',
  window: { from: { day: 1, month: 5, year: 2027 }, to: { day: 30, month: 5, year: 2027 } },
  source: 'Văn bản sửa đổi số 15/KH-VKS',
};

function refusalOf(fn: () => unknown): Refusal {
  try {
    fn();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('an amendment made from the page', () => {
  it('moves one deadline and leaves the plan it came from as it was', () => {
    const after = amendedPlan(plan, {
      kind: 'move_deadline',
      deadlineId: 'compact',
      date: { day: 26, month: 2, year: 2027 },
    });
    expect(after.deadlines.find((d) => d.id === 'compact')!.date).toEqual({ day: 26, month: 2, year: 2027 });
    expect(plan.deadlines.find((d) => d.id === 'compact')!.date).not.toEqual({ day: 26, month: 2, year: 2027 });
    const title = plan.deadlines.find((d) => d.id === 'compact')!.title;
    const from = plan.deadlines.find((d) => d.id === 'compact')!.date;
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(amendmentChanges(plan, after)).toEqual([
      `Dời hạn mốc “${title}”: ${pad(from.day)}/${pad(from.month)}/${from.year} → 26/02/2027`,
    ]);
  });

  it('adds a drive, and says so in the history', () => {
    const after = amendedPlan(plan, { kind: 'add_drive', drive });
    expect(after.drives.at(-1)).toEqual(drive);
    expect(amendmentChanges(plan, after)).toEqual([
      'Thêm đợt thi đua “Thi đua chào mừng ngày thành lập tỉnh” (01/05/2027 – 30/05/2027)',
    ]);
  });

  it('refuses, in Vietnamese, a date that is the current one, an unknown deadline and a drive id of the plan', () => {
    const compact = plan.deadlines.find((d) => d.id === 'compact')!;
    expect(
      refusalOf(() => amendedPlan(plan, { kind: 'move_deadline', deadlineId: 'compact', date: compact.date })).vi,
    ).toContain('hãy nhập ngày hạn mới khác ngày hạn hiện tại');
    expect(
      refusalOf(() => amendedPlan(plan, { kind: 'move_deadline', deadlineId: 'khong-co', date: compact.date })).code,
    ).toBe('unknown-deadline');
    expect(
      refusalOf(() => amendedPlan(plan, { kind: 'add_drive', drive: { ...drive, id: plan.drives[0]!.id } })).vi,
    ).toBe(`Mã đợt ${plan.drives[0]!.id} đã có trong kế hoạch này: mỗi đợt thi đua cần một mã riêng.`);
  });

  it('shares the running plan’s clock rules: no deadline already passed, no new date in the past', () => {
    const now = new Date(Date.UTC(2027, 1, 20, 3)).toISOString(); // 20/02/2027, 10:00 in Vietnam
    const unitPlan = plan.deadlines.find((d) => d.id === 'unit-plan')!; // 15/01/2027: passed
    expect(
      refusalOf(() =>
        checkPlanChange(
          plan,
          { moveDeadline: { deadlineId: unitPlan.id, date: { day: 1, month: 3, year: 2027 } } },
          now,
        ),
      ).code,
    ).toBe('deadline-passed');
    const later = structuredClone(plan);
    later.deadlines.find((d) => d.id === 'compact')!.date = { day: 30, month: 3, year: 2027 };
    expect(
      refusalOf(() =>
        checkPlanChange(
          later,
          { moveDeadline: { deadlineId: 'compact', date: { day: 19, month: 2, year: 2027 } } },
          now,
        ),
      ).code,
    ).toBe('date-in-past');
    expect(() =>
      checkPlanChange(later, { moveDeadline: { deadlineId: 'compact', date: { day: 10, month: 3, year: 2027 } } }, now),
    ).not.toThrow();
  });
});
