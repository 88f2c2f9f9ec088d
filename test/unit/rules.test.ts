import { describe, expect, it } from 'vitest';
import { deadlineInstant, formatDateTimeVN, movementYearOf } from '../../domain/calendar.js';
import { checkEligibility, type AwardHistoryEntry } from '../../domain/eligibility.js';
import {
  RULE_SETS,
  meetsShare,
  parametersNeedingConfirmation,
  ruleSetById,
  ruleSetFor,
  ruleValue,
  stepDueInstant,
} from '../../domain/rules/index.js';
import type { RuleParameterKey } from '../../domain/rules/types.js';
import { QUOTES } from './seed-quotes.js';

const unit = { id: 'hd-kv1', staffCount: 30, collectiveCount: 5 };

describe('rule-set versions', () => {
  it('are ordered, with unique ids and versions, and effective at the start of a day in Vietnam', () => {
    expect(RULE_SETS.map((r) => r.id)).toEqual(['tdkt-2024-01', 'tdkt-2024-10', 'tdkt-2025-07']);
    expect(RULE_SETS.map((r) => r.version)).toEqual([1, 2, 3]);
    for (const rs of RULE_SETS) {
      expect(rs.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000\+07:00$/);
      expect(rs.legalBasis.length).toBeGreaterThan(0);
    }
  });

  it('every parameter has a Vietnamese description and a source', () => {
    for (const rs of RULE_SETS) {
      for (const key of Object.keys(rs.parameters) as RuleParameterKey[]) {
        const p = rs.parameters[key];
        expect(p.description.length, key).toBeGreaterThan(10);
        expect(p.source.length, key).toBeGreaterThan(10);
        expect(typeof p.needsConfirmation, key).toBe('boolean');
      }
    }
  });

  it('ruleSetFor picks the version in force at an instant, switching at 00:00 Vietnam time', () => {
    expect(ruleSetFor('2024-06-01T00:00:00Z').id).toBe('tdkt-2024-01');
    expect(ruleSetFor('2024-09-30T16:59:59.999Z').id).toBe('tdkt-2024-01');
    expect(ruleSetFor('2024-09-30T17:00:00Z').id).toBe('tdkt-2024-10');
    expect(ruleSetFor('2025-06-30T16:59:59.999Z').id).toBe('tdkt-2024-10');
    expect(ruleSetFor('2025-07-01T00:00:00+07:00').id).toBe('tdkt-2025-07');
    expect(ruleSetFor('2030-01-01T00:00:00Z').id).toBe('tdkt-2025-07');
    expect(() => ruleSetFor('2023-12-31T16:59:59Z')).toThrow('Không có bộ quy tắc nào có hiệu lực');
  });

  it('ruleSetById finds a version or names the ones that exist', () => {
    expect(ruleSetById('tdkt-2024-10').version).toBe(2);
    expect(() => ruleSetById('tdkt-1999')).toThrow(
      'Không tìm thấy bộ quy tắc "tdkt-1999". Các bộ hiện có: tdkt-2024-01',
    );
  });

  it('flags unconfirmed numbers and leaves the seed’s numbers confirmed', () => {
    const flagged = parametersNeedingConfirmation(ruleSetById('tdkt-2025-07'));
    expect(flagged).toEqual(
      expect.arrayContaining<RuleParameterKey>([
        'council.quorum',
        'vote.default',
        'steps.regular',
        'complaint.resolveDays',
        'prereq.adHocCountsTowardLadder',
      ]),
    );
    for (const confirmed of ['quota.collectiveShare', 'quota.individualShare', 'movementYear.start'] as const) {
      expect(flagged).not.toContain(confirmed);
    }
  });

  it('2025-07 (NĐ 152/2025) differs from 2024-10 in at least one parameter, and says so', () => {
    const before = ruleSetById('tdkt-2024-10');
    const after = ruleSetById('tdkt-2025-07');
    const differing = (Object.keys(after.parameters) as RuleParameterKey[]).filter(
      (k) => JSON.stringify(after.parameters[k].value) !== JSON.stringify(before.parameters[k].value),
    );
    expect(differing).toEqual(['prereq.adHocCountsTowardLadder']);
    expect(after.changes.join(' ')).toContain('đột xuất');
  });
});

describe(`seed 001: ${QUOTES.movementYear}`, () => {
  it('the rule set carries 01/06 as the start of the movement year', () => {
    const start = ruleValue(ruleSetById('tdkt-2024-01'), 'movementYear.start');
    expect(start).toEqual({ day: 1, month: 6 });
    expect(movementYearOf(deadlineInstant({ day: 31, month: 5 }, 2025), start).label).toBe('2024–2025');
    expect(movementYearOf(deadlineInstant({ day: 1, month: 6 }, 2025), start).label).toBe('2025–2026');
  });
});

describe('a case keeps the rule set it started with', () => {
  // A Bằng khen của Viện trưởng VKSND tối cao given for an exceptional deed (đột xuất) in 2018, then three years of
  // Chiến sĩ thi đua cơ sở: the ladder to the Prime Minister's certificate counts the đột xuất award only before
  // NĐ 152/2025 took effect.
  const history: AwardHistoryEntry[] = [
    { awardCode: 'bang-khen-vksndtc', year: 2018, revoked: false, basis: 'ad_hoc' },
    { awardCode: 'chien-si-thi-dua-co-so', year: 2021, revoked: false },
    { awardCode: 'chien-si-thi-dua-co-so', year: 2022, revoked: false },
    { awardCode: 'chien-si-thi-dua-co-so', year: 2024, revoked: false },
  ];
  const nomination = {
    subject: 'individual' as const,
    awardCode: 'bang-khen-thu-tuong',
    year: 2025,
    nomineeUnitId: 'hd-kv1',
    nomineePersonId: 'nguyen-van-a',
  };
  const check = (ruleSetId: string): string[] =>
    checkEligibility({ nomination, awardHistory: history, unitFacts: unit, ruleSet: ruleSetById(ruleSetId) });

  it('a case started on 30/06/2025 is eligible and stays so after 01/07/2025', () => {
    const storedAtStart = ruleSetFor('2025-06-30T10:00:00+07:00').id;
    expect(storedAtStart).toBe('tdkt-2024-10');
    // Weeks later, after the change of law, the workflow reloads the rule set by the id it stored.
    expect(ruleSetFor('2025-08-15T10:00:00+07:00').id).toBe('tdkt-2025-07');
    expect(check(storedAtStart)).toEqual([]);
  });

  it('a case started on 01/07/2025 is not eligible: the đột xuất award no longer counts', () => {
    const storedAtStart = ruleSetFor('2025-07-01T08:00:00+07:00').id;
    expect(storedAtStart).toBe('tdkt-2025-07');
    expect(check(storedAtStart)).toEqual([
      'Chưa đáp ứng tiêu chuẩn nào sau đây: Đã được Bằng khen cấp bộ, ngành và sau đó đủ số năm, số lần Chiến sĩ thi đua cơ sở theo quy định, hoặc có thành tích xuất sắc đột xuất.',
    ]);
  });

  it('TT 02/2024 (01/10/2024) lowers the service needed for Lao động tiên tiến from 10 to 6 months', () => {
    const ldtt = { ...nomination, awardCode: 'lao-dong-tien-tien', year: 2024 };
    const personFacts = { monthsSinceRecruitment: 8 };
    const before = checkEligibility({
      nomination: ldtt,
      awardHistory: [],
      unitFacts: unit,
      ruleSet: ruleSetFor('2024-09-15T00:00:00Z'),
      personFacts,
    });
    const after = checkEligibility({
      nomination: ldtt,
      awardHistory: [],
      unitFacts: unit,
      ruleSet: ruleSetFor('2024-10-15T00:00:00Z'),
      personFacts,
    });
    expect(before).toEqual(['Mới tuyển dụng dưới 10 tháng: không xét danh hiệu Lao động tiên tiến.']);
    expect(after).toEqual([]);
  });
});

describe('step due dates and shares', () => {
  it('regular steps take longer than the ad-hoc fast track, in working days', () => {
    const rs = ruleSetById('tdkt-2025-07');
    const startedAt = '2025-03-03T09:00:00+07:00'; // Monday
    const regular = stepDueInstant({ startedAt, step: 'standing_body', track: 'regular', ruleSet: rs, holidays: [] });
    const adHoc = stepDueInstant({ startedAt, step: 'standing_body', track: 'ad_hoc', ruleSet: rs, holidays: [] });
    expect(formatDateTimeVN(regular)).toBe('09:00 17/03/2025'); // 10 working days
    expect(formatDateTimeVN(adHoc)).toBe('09:00 10/03/2025'); // 5 working days
    const withHoliday = stepDueInstant({
      startedAt,
      step: 'standing_body',
      track: 'ad_hoc',
      ruleSet: rs,
      holidays: ['2025-03-05'],
    });
    expect(formatDateTimeVN(withHoliday)).toBe('09:00 11/03/2025');
  });

  it('meetsShare compares exactly (9/10 reaches 90%, 8/9 does not; more than half is strict)', () => {
    const ninety = { share: { numerator: 90, denominator: 100 }, comparison: 'at_least' as const };
    expect(meetsShare(9, 10, ninety)).toBe(true);
    expect(meetsShare(8, 9, ninety)).toBe(false);
    const half = { share: { numerator: 1, denominator: 2 }, comparison: 'more_than' as const };
    expect(meetsShare(5, 10, half)).toBe(false);
    expect(meetsShare(6, 10, half)).toBe(true);
    expect(meetsShare(0, 0, half)).toBe(false);
  });
});
