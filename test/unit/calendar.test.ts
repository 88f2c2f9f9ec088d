import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  calendarDaysBetween,
  daysInMonth,
  deadlineInstant,
  formatDateTimeVN,
  formatDateVN,
  instantMs,
  isWithinWindow,
  isWorkingDayVN,
  movementYearOf,
  parseDateVN,
  reminderInstants,
  startOfDayInstant,
  vnDateParts,
  windowInstants,
} from '../../domain/calendar.js';

/** Any real calendar date in 1990–2100. */
const calendarDate = fc
  .record({
    year: fc.integer({ min: 1990, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

describe('deadlines are the end of the day in Vietnam (UTC+7)', () => {
  it('15/01/2025 is due at 23:59:59.999+07:00, i.e. 16:59:59.999Z', () => {
    expect(deadlineInstant({ day: 15, month: 1 }, 2025)).toBe('2025-01-15T16:59:59.999Z');
    expect(startOfDayInstant({ day: 15, month: 1 }, 2025)).toBe('2025-01-14T17:00:00.000Z');
  });

  it('property: no deadline ever falls on the wrong date in UTC+7', () => {
    fc.assert(
      fc.property(calendarDate, (d) => {
        const iso = deadlineInstant(d, d.year);
        expect(formatDateVN(iso)).toBe(`${pad(d.day)}/${pad(d.month)}/${d.year}`);
        expect(iso).toBe(`${d.year}-${pad(d.month)}-${pad(d.day)}T16:59:59.999Z`);
        // One millisecond later is already the next day in Vietnam.
        expect(formatDateVN(new Date(instantMs(iso) + 1).toISOString())).not.toBe(formatDateVN(iso));
        // The start of the day is the same Vietnamese date, 24h minus 1ms earlier.
        const start = startOfDayInstant(d, d.year);
        expect(formatDateVN(start)).toBe(formatDateVN(iso));
        expect(instantMs(iso) - instantMs(start)).toBe(24 * 3600 * 1000 - 1);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses dates that do not exist, in Vietnamese', () => {
    expect(() => deadlineInstant({ day: 29, month: 2 }, 2025)).toThrow('Ngày không tồn tại: 29/02/2025');
    expect(deadlineInstant({ day: 29, month: 2 }, 2024)).toBe('2024-02-29T16:59:59.999Z');
  });
});

describe('reading instants in Vietnam time', () => {
  it('formats dd/mm/yyyy and HH:mm dd/mm/yyyy in UTC+7 whatever the offset of the input', () => {
    expect(formatDateVN('2024-12-31T17:00:00Z')).toBe('01/01/2025');
    expect(formatDateVN('2024-12-31T16:59:59.999Z')).toBe('31/12/2024');
    expect(formatDateTimeVN('2025-01-15T02:30:00Z')).toBe('09:30 15/01/2025');
    expect(formatDateTimeVN('2025-01-15T09:30:00+07:00')).toBe('09:30 15/01/2025');
    expect(vnDateParts('2025-03-01T00:00:00+07:00')).toMatchObject({
      year: 2025,
      month: 3,
      day: 1,
      hour: 0,
      weekday: 6,
    });
  });

  it('refuses instants without a time zone (they would depend on the host)', () => {
    expect(() => formatDateVN('2025-01-15T09:30:00')).toThrow(/múi giờ/);
    expect(() => formatDateVN('2025-01-15')).toThrow(/múi giờ/);
  });

  it('parses dd/mm/yyyy and explains bad input in Vietnamese', () => {
    expect(parseDateVN('15/01/2025')).toEqual({ day: 15, month: 1, year: 2025 });
    expect(parseDateVN(' 5/1/2025 ')).toEqual({ day: 5, month: 1, year: 2025 });
    expect(() => parseDateVN('2025-01-15')).toThrow(
      'Ngày không hợp lệ: "2025-01-15" (định dạng dd/mm/yyyy, ví dụ 15/01/2025)',
    );
    expect(() => parseDateVN('31/04/2025')).toThrow('Ngày không tồn tại: "31/04/2025"');
  });

  it('property: parseDateVN(formatDateVN(x)) is the Vietnamese date of x', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const iso = new Date(ms).toISOString();
        const parts = vnDateParts(iso);
        expect(parseDateVN(formatDateVN(iso))).toEqual({ day: parts.day, month: parts.month, year: parts.year });
      }),
    );
  });
});

describe('day arithmetic', () => {
  it('adds calendar days keeping the clock time (no DST in Vietnam)', () => {
    expect(addDays('2025-01-15T16:59:59.999Z', -7)).toBe('2025-01-08T16:59:59.999Z');
    expect(calendarDaysBetween('2025-01-08T16:59:59.999Z', '2025-01-15T16:59:59.999Z')).toBe(7);
  });

  it('counts working days, skipping weekends (in UTC+7) and the holidays given as data', () => {
    // Friday 10/01/2025 09:00 in Vietnam + 1 working day = Monday 13/01/2025.
    const friday = '2025-01-10T02:00:00Z';
    expect(formatDateVN(addWorkingDays(friday, 1, []))).toBe('13/01/2025');
    // With Monday 13/01 as a holiday: Tuesday.
    expect(formatDateVN(addWorkingDays(friday, 1, ['2025-01-13']))).toBe('14/01/2025');
    // Tết Ất Tỵ 2025: 25/01–02/02 off. Friday 24/01 + 1 working day = Monday 03/02.
    const tet = ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'];
    expect(formatDateVN(addWorkingDays('2025-01-24T02:00:00Z', 1, tet))).toBe('03/02/2025');
    expect(formatDateVN(addWorkingDays('2025-02-03T02:00:00Z', -1, tet))).toBe('24/01/2025');
    // Saturday 23:30 UTC on Friday is already Saturday 06:30 in Vietnam: a weekend day there.
    expect(isWorkingDayVN('2025-01-10T23:30:00Z', [])).toBe(false);
    expect(addWorkingDays(friday, 0, [])).toBe('2025-01-10T02:00:00.000Z');
  });

  it('property: n working days later is a working day and n ≥ the calendar days / 7 × 5', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.integer({ min: 1, max: 40 }),
        (ms, n) => {
          const start = new Date(ms).toISOString();
          const end = addWorkingDays(start, n, []);
          expect(isWorkingDayVN(end, [])).toBe(true);
          const days = calendarDaysBetween(start, end);
          expect(days).toBeGreaterThanOrEqual(n);
          expect(days).toBeLessThanOrEqual(Math.ceil((n * 7) / 5) + 2);
        },
      ),
    );
  });
});

describe('windows and movement years', () => {
  it('a window covers its first and last day completely, in Vietnam time', () => {
    const w = { from: { day: 1, month: 12, year: 2024 }, to: { day: 28, month: 2, year: 2025 } };
    expect(windowInstants(w)).toEqual({ startsAt: '2024-11-30T17:00:00.000Z', endsAt: '2025-02-28T16:59:59.999Z' });
    expect(isWithinWindow('2024-11-30T17:00:00Z', w)).toBe(true);
    expect(isWithinWindow('2024-11-30T16:59:59.999Z', w)).toBe(false);
    expect(isWithinWindow('2025-02-28T16:59:59.999Z', w)).toBe(true);
    expect(isWithinWindow('2025-02-28T17:00:00Z', w)).toBe(false);
  });

  it('movement years run 01/06 → 31/05 (seed 001), read in Vietnam time', () => {
    const start = { day: 1, month: 6 };
    const may31 = movementYearOf('2020-05-31T16:59:59.999Z', start);
    expect(may31).toMatchObject({ startYear: 2019, endYear: 2020, label: '2019–2020' });
    expect(may31.to).toEqual({ day: 31, month: 5, year: 2020 });
    // 01/06/2020 00:00 in Vietnam is still 31/05 in UTC: the Vietnamese date decides.
    expect(movementYearOf('2020-05-31T17:00:00Z', start)).toMatchObject({ startYear: 2020, label: '2020–2021' });
    expect(movementYearOf('2025-03-01T00:00:00Z', { day: 1, month: 1 })).toMatchObject({
      startYear: 2025,
      label: '2025',
    });
  });
});

describe('reminders', () => {
  const due = deadlineInstant({ day: 15, month: 1 }, 2025);
  const schedule = {
    reminders: [{ days: -1 }, { days: -7 }, { days: 0, hours: -15 }],
    escalations: [
      { days: 3, hours: 9 },
      { days: 0, hours: 9 },
    ],
  };

  it('returns the instants sorted with Vietnamese labels', () => {
    const out = reminderInstants(due, schedule);
    expect(out.map((r) => [formatDateTimeVN(r.at), r.kind, r.label])).toEqual([
      ['23:59 08/01/2025', 'reminder', 'Nhắc trước hạn 7 ngày'],
      ['23:59 14/01/2025', 'reminder', 'Nhắc trước hạn 1 ngày'],
      ['08:59 15/01/2025', 'due', 'Đến hạn hôm nay'],
      ['08:59 16/01/2025', 'escalation', 'Quá hạn 9 giờ — báo cáo cấp trên'],
      ['08:59 19/01/2025', 'escalation', 'Quá hạn 3 ngày 9 giờ — báo cáo cấp trên'],
    ]);
    expect(new Set(out.map((r) => r.key)).size).toBe(out.length);
  });

  it('property: reminders come before the due instant and escalations after, in order', () => {
    const offset = fc.record({ days: fc.integer({ min: -30, max: 30 }), hours: fc.integer({ min: -23, max: 23 }) });
    fc.assert(
      fc.property(fc.array(offset, { maxLength: 6 }), fc.array(offset, { maxLength: 6 }), (before, after) => {
        const toMs = (o: { days: number; hours: number }): number => o.days * 24 + o.hours;
        const reminders = before.filter((o) => toMs(o) <= 0);
        const escalations = after.filter((o) => toMs(o) > 0);
        const out = reminderInstants(due, { reminders, escalations });
        for (let i = 1; i < out.length; i++) {
          expect(instantMs(out[i - 1]!.at)).toBeLessThanOrEqual(instantMs(out[i]!.at));
        }
        for (const r of out) {
          if (r.kind === 'escalation') expect(instantMs(r.at)).toBeGreaterThan(instantMs(due));
          else expect(instantMs(r.at)).toBeLessThanOrEqual(instantMs(due));
        }
      }),
    );
  });
});
