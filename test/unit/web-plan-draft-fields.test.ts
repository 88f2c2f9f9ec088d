/**
 * The reminder rows of the drafting form (client/web/plan-draft-fields.ts): typed rows become the stored schedule
 * soonest first, empty rows are no reminder, a form without any row keeps the schedule, and the page shows the
 * stored schedule as rows with two blank ones to add, or the rows as typed after a refusal.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { incompleteRows, scheduleFields, scheduleOf, scheduleShape } from '../../client/web/plan-draft-fields.js';
import type { FormBody } from '../../client/web/http/form.js';
import { HAI_DUONG_2025 } from '../../domain/plans/index.js';

const STORED = HAI_DUONG_2025.reminders;

function parse(body: FormBody) {
  return z
    .object(scheduleShape(body))
    .superRefine((parsed, ctx) => incompleteRows(parsed, body, ctx))
    .safeParse(body);
}

describe('the reminder rows of the drafting form', () => {
  it('turn typed rows into the schedule, soonest first, empty rows dropped', () => {
    const body = {
      'nhac.0.ngay': '1',
      'nhac.0.gio': '9',
      'nhac.1.ngay': '',
      'nhac.1.gio': '',
      'nhac.2.ngay': '7',
      'nhac.2.gio': '09:00',
      'bao.0.ngay': '3',
      'bao.0.gio': '14h',
    };
    const parsed = parse(body);
    expect(parsed.success).toBe(true);
    expect(scheduleOf(parsed.data!, body, STORED)).toEqual({
      reminders: [
        { days: -7, hours: -15 },
        { days: -1, hours: -15 },
      ],
      escalations: [{ days: 2, hours: 14 }],
    });
  });

  it('keep the stored schedule when the form sent no row at all, and refuse half a row', () => {
    expect(scheduleOf({}, { tieu_de: 'x' }, STORED)).toBe(STORED);
    const half = parse({ 'bao.1.gio': '09:00', 'bao.1.ngay': '' });
    expect(half.success ? [] : half.error.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['bao.1.ngay', 'Dòng 2 của các mốc báo cáo quá hạn: chưa nhập số ngày.'],
    ]);
  });

  it('show the stored schedule with two blank rows, or the rows as typed', () => {
    const shown = scheduleFields(STORED, null);
    expect(shown.reminders.rows.map((r) => [r.days, r.hour])).toEqual([
      ['7', '09:00'],
      ['1', '09:00'],
      ['0', '09:00'],
      ['', ''],
      ['', ''],
    ]);
    expect(shown.escalations.words).toEqual(['1 ngày sau hạn, lúc 09:00', '4 ngày sau hạn, lúc 09:00']);
    const typed = scheduleFields(STORED, { 'bao.5.ngay': 'hai', 'bao.5.gio': '' });
    expect(typed.escalations.rows).toHaveLength(6);
    expect(typed.escalations.rows[5]).toEqual({ row: 5, days: 'hai', hour: '' });
    expect(typed.escalations.rows[0]).toEqual({ row: 0, days: '', hour: '' });
  });
});
