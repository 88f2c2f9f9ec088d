import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildUnitCalendar,
  deadlineUid,
  escapeIcsText,
  foldIcsLine,
  formatIcsInstant,
  icsTrigger,
} from '../../domain/ics.js';
import { HAI_DUONG_2025 } from '../../domain/plans/index.js';

const octets = (s: string): number => Buffer.byteLength(s, 'utf8');
/** RFC 5545 unfolding: remove every CRLF followed by one space or tab. */
const unfold = (s: string): string => s.replace(/\r\n[ \t]/g, '');

describe('text escaping and folding', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeIcsText('Hạn: a,b;c\\d\ne')).toBe('Hạn: a\\,b\\;c\\\\d\\ne');
  });

  it('folds a long Vietnamese line at 75 octets without splitting characters', () => {
    const line = `SUMMARY:${escapeIcsText('Hạn: Các Cụm, Khối thi đua thuộc ngành Kiểm sát Hải Dương hoàn thành việc phát động thi đua và ký giao ước thi đua')}`;
    const folded = foldIcsLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(2);
    for (const p of physical) expect(octets(p)).toBeLessThanOrEqual(75);
    expect(physical.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  it('property: any text folds into ≤ 75-octet lines that unfold to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const line = `DESCRIPTION:${escapeIcsText(text)}`;
        const folded = foldIcsLine(line);
        for (const p of folded.split('\r\n')) expect(octets(p)).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(line);
        // No lone surrogates: every character survived intact.
        expect(Buffer.from(folded, 'utf8').toString('utf8')).toBe(folded);
      }),
      { numRuns: 500 },
    );
  });

  it('formats instants and alarm triggers', () => {
    expect(formatIcsInstant('2025-01-15T16:59:59.999Z')).toBe('20250115T165959Z');
    expect(formatIcsInstant('2025-01-15T09:00:00+07:00')).toBe('20250115T020000Z');
    expect(icsTrigger({ days: -7 })).toBe('-P7D');
    expect(icsTrigger({ days: 0, hours: -15 })).toBe('-PT15H');
    expect(icsTrigger({ days: -1, hours: -2 })).toBe('-P1DT2H');
  });
});

describe('a unit’s calendar from the Hải Dương 2025 plan', () => {
  const ics = buildUnitCalendar({
    plan: HAI_DUONG_2025,
    unitId: 'hd-kv1',
    unitName: 'VKSND khu vực 1, tỉnh Hải Dương',
    generatedAt: '2025-01-02T01:00:00Z',
  });
  const lines = unfold(ics).split('\r\n');

  it('names the calendar without anything a calendar app would show escaped (no stray backslash)', () => {
    const name = lines.find((l) => l.startsWith('X-WR-CALNAME:'))!;
    expect(name).toBe('X-WR-CALNAME:Thi đua – khen thưởng 2025 — VKSND khu vực 1 – tỉnh Hải Dương');
    expect(name).not.toContain('\\');
  });

  it('uses CRLF everywhere and ends with one', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('has one event per deadline and drive, with stable UIDs and UTC start times', () => {
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3 + 3);
    expect(lines).toContain(`UID:${deadlineUid('hd-2025', 'registration')}`);
    const registration = lines.indexOf(`UID:${deadlineUid('hd-2025', 'registration')}`);
    expect(lines[registration + 1]).toBe('DTSTAMP:20250102T010000Z');
    expect(lines[registration + 2]).toBe('DTSTART:20250115T165959Z');
    expect(lines[registration + 3]).toBe('SUMMARY:Hạn: Đơn vị đăng ký thi đua (danh hiệu cho tập thể và cá nhân)');
    expect(lines).toContain('DTSTART:20250215T165959Z');
    // Drive 1: 01/12/2024 00:00 → 01/03/2025 00:00 Vietnam time (DTEND is exclusive).
    expect(lines).toContain('DTSTART:20241130T170000Z');
    expect(lines).toContain('DTEND:20250228T170000Z');
    // The plan's 7-day reminder: 7 days and 15 hours before 23:59:59 of the due day, i.e. 09:00 in Vietnam.
    expect(lines).toContain('TRIGGER:-P7DT15H');
  });

  it('is the same text when regenerated (deterministic)', () => {
    expect(
      buildUnitCalendar({
        plan: HAI_DUONG_2025,
        unitId: 'hd-kv1',
        unitName: 'VKSND khu vực 1, tỉnh Hải Dương',
        generatedAt: '2025-01-02T01:00:00Z',
      }),
    ).toBe(ics);
  });

  it('can be limited to the cluster deadlines', () => {
    const clusters = unfold(
      buildUnitCalendar({
        plan: HAI_DUONG_2025,
        unitId: 'hd-kv1',
        unitName: 'X',
        generatedAt: '2025-01-02T01:00:00Z',
        audiences: ['clusters'],
      }),
    );
    expect(clusters).toContain(`UID:${deadlineUid('hd-2025', 'compact')}`);
    expect(clusters).not.toContain(`UID:${deadlineUid('hd-2025', 'registration')}`);
  });
});
