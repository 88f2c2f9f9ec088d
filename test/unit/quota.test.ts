import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyShare,
  checkAdvancedModelProposal,
  checkAdvancedModelSelection,
  checkQuota,
  excellentCollectiveLimit,
  quotaLimit,
  zeroQuotaReason,
  type UnitFacts,
} from '../../domain/quota.js';
import { RULE_SETS, ruleSetById } from '../../domain/rules/index.js';
import type { RuleSet } from '../../domain/rules/types.js';
import { QUOTES } from './seed-quotes.js';

const unitFacts = fc.record({
  id: fc.constant('hd-kv1'),
  staffCount: fc.integer({ min: 0, max: 5000 }),
  collectiveCount: fc.integer({ min: 0, max: 500 }),
});
const anyRuleSet = fc.constantFrom(...RULE_SETS);

describe(`seed 001: ${QUOTES.quota}`, () => {
  const rs = ruleSetById('tdkt-2025-07');

  it('collectives: at most 1/4 of the unit’s collectives, rounded down', () => {
    const unit: UnitFacts = { id: 'hd', staffCount: 60, collectiveCount: 9 };
    expect(quotaLimit(unit, 'collective', rs)).toBe(2); // 9/4 = 2.25
    expect(quotaLimit({ ...unit, collectiveCount: 8 }, 'collective', rs)).toBe(2);
    expect(quotaLimit({ ...unit, collectiveCount: 3 }, 'collective', rs)).toBe(0);
  });

  it('individuals: at most 10% of the staff, rounded down (25 staff → 2, since 3 would be 12%)', () => {
    const unit: UnitFacts = { id: 'hd', staffCount: 25, collectiveCount: 4 };
    expect(quotaLimit(unit, 'individual', rs)).toBe(2);
    expect(quotaLimit({ ...unit, staffCount: 30 }, 'individual', rs)).toBe(3);
    expect(quotaLimit({ ...unit, staffCount: 9 }, 'individual', rs)).toBe(0);
  });

  it('refuses one more with a Vietnamese reason naming the rule and the numbers', () => {
    const unit: UnitFacts = { id: 'hd-kv1', staffCount: 25, collectiveCount: 4 };
    expect(checkQuota({ unit, subject: 'individual', acceptedSoFar: 1, ruleSet: rs })).toEqual({
      allowed: true,
      limit: 2,
      remaining: 0,
    });
    const refused = checkQuota({ unit, subject: 'individual', acceptedSoFar: 2, ruleSet: rs });
    expect(refused).toEqual({
      allowed: false,
      limit: 2,
      reason:
        'Vượt chỉ tiêu đề nghị khen thưởng cá nhân: không quá 10% tổng số công chức, viên chức, người lao động của đơn vị (25 người → tối đa 2); đã đề nghị 2.',
    });
    const collective = checkQuota({ unit, subject: 'collective', acceptedSoFar: 1, ruleSet: rs });
    expect(collective.allowed).toBe(false);
    if (!collective.allowed) expect(collective.reason).toContain('không quá 1/4 tổng số tập thể của đơn vị');
  });

  it('property: the limit never exceeds 25% of collectives nor 10% of staff', () => {
    fc.assert(
      fc.property(unitFacts, anyRuleSet, (unit, ruleSet) => {
        const c = quotaLimit(unit, 'collective', ruleSet);
        const i = quotaLimit(unit, 'individual', ruleSet);
        expect(c * 4).toBeLessThanOrEqual(unit.collectiveCount);
        expect(i * 10).toBeLessThanOrEqual(unit.staffCount);
        // …and it is the largest such number (rounding down loses less than one).
        expect((c + 1) * 4).toBeGreaterThan(unit.collectiveCount);
        expect((i + 1) * 10).toBeGreaterThan(unit.staffCount);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: accepting up to the limit is allowed and one more is refused', () => {
    fc.assert(
      fc.property(
        unitFacts,
        anyRuleSet,
        fc.constantFrom('collective' as const, 'individual' as const),
        (unit, ruleSet, subject) => {
          const limit = quotaLimit(unit, subject, ruleSet);
          for (let accepted = 0; accepted < limit; accepted++) {
            expect(checkQuota({ unit, subject, acceptedSoFar: accepted, ruleSet }).allowed).toBe(true);
          }
          expect(checkQuota({ unit, subject, acceptedSoFar: limit, ruleSet }).allowed).toBe(false);
        },
      ),
    );
  });
});

describe('quota parameters', () => {
  it('rounding is integer arithmetic (no 0.1 × 70 = 7.000000000000001 surprises)', () => {
    for (let n = 0; n <= 2000; n++)
      expect(applyShare(n, { numerator: 10, denominator: 100 }, 'floor')).toBe(Math.floor(n / 10));
    expect(applyShare(25, { numerator: 10, denominator: 100 }, 'round')).toBe(3);
    expect(applyShare(24, { numerator: 10, denominator: 100 }, 'round')).toBe(2);
    expect(applyShare(21, { numerator: 10, denominator: 100 }, 'ceil')).toBe(3);
  });

  it('the “at least one” exception is a parameter, off by default', () => {
    const rs = ruleSetById('tdkt-2025-07');
    const small: UnitFacts = { id: 'hd-kv9', staffCount: 8, collectiveCount: 2 };
    expect(quotaLimit(small, 'individual', rs)).toBe(0);
    const lenient: RuleSet = {
      ...rs,
      parameters: { ...rs.parameters, 'quota.minimumOne': { ...rs.parameters['quota.minimumOne'], value: true } },
    };
    expect(quotaLimit(small, 'individual', lenient)).toBe(1);
    expect(quotaLimit({ ...small, staffCount: 0 }, 'individual', lenient)).toBe(0);
  });

  it(`${QUOTES.quota} — a unit of 2–3 collectives is told why it can nominate none`, () => {
    const rs = ruleSetById('tdkt-2025-07');
    const regional: UnitFacts = { id: 'hd-kv2', staffCount: 24, collectiveCount: 3 };
    const why =
      'Đơn vị có 3 tập thể: chỉ tiêu 1/4 làm tròn xuống là 0, và bộ quy tắc không cho đơn vị có chỉ tiêu bằng 0 được ' +
      'đề nghị 01 (quy định này cần xác nhận), nên chưa đề nghị được tập thể cho hình thức khen thưởng tính vào chỉ tiêu.';
    expect(zeroQuotaReason(regional, 'collective', rs)).toBe(why);
    expect(checkQuota({ unit: regional, subject: 'collective', acceptedSoFar: 0, ruleSet: rs })).toEqual({
      allowed: false,
      limit: 0,
      reason: why,
    });
    expect(zeroQuotaReason({ ...regional, collectiveCount: 2 }, 'collective', rs)).toMatch(/^Đơn vị có 2 tập thể: /);
    // 24 staff give 2 individuals: nothing to explain. Four collectives give one.
    expect(zeroQuotaReason(regional, 'individual', rs)).toBeNull();
    expect(zeroQuotaReason({ ...regional, collectiveCount: 4 }, 'collective', rs)).toBeNull();
    // The rule stays a value: with the exception on, the unit may nominate one and nothing is explained.
    const lenient: RuleSet = {
      ...rs,
      parameters: { ...rs.parameters, 'quota.minimumOne': { ...rs.parameters['quota.minimumOne'], value: true } },
    };
    expect(zeroQuotaReason(regional, 'collective', lenient)).toBeNull();
    expect(rs.parameters['quota.minimumOne']).toMatchObject({ value: false, needsConfirmation: true });
  });

  it('Tập thể lao động xuất sắc: at most 20% of Tập thể lao động tiên tiến, 1 when below one', () => {
    const rs = ruleSetById('tdkt-2024-10');
    expect(excellentCollectiveLimit(12, rs)).toBe(2);
    expect(excellentCollectiveLimit(3, rs)).toBe(1);
    expect(excellentCollectiveLimit(0, rs)).toBe(0);
  });
});

describe(`seed 002: ${QUOTES.advancedModelCounts}`, () => {
  const rs = ruleSetById('tdkt-2025-07');

  it('each unit introduces at most 01 collective and 02 individuals', () => {
    expect(checkAdvancedModelProposal({ collectives: 1, individuals: 2 }, rs)).toEqual([]);
    expect(checkAdvancedModelProposal({ collectives: 2, individuals: 3 }, rs)).toEqual([
      'Mỗi đơn vị chỉ giới thiệu 1 tập thể điển hình tiên tiến (đã giới thiệu 2).',
      'Mỗi đơn vị chỉ giới thiệu 2 cá nhân điển hình tiên tiến (đã giới thiệu 3).',
    ]);
  });

  it('the sector council picks from 05 to 10', () => {
    expect(checkAdvancedModelSelection(4, rs)).toEqual([
      'Hội đồng lựa chọn từ 5 đến 10 tập thể, cá nhân điển hình tiên tiến (đã chọn 4).',
    ]);
    expect(checkAdvancedModelSelection(5, rs)).toEqual([]);
    expect(checkAdvancedModelSelection(10, rs)).toEqual([]);
    expect(checkAdvancedModelSelection(11, rs)).toHaveLength(1);
  });
});
