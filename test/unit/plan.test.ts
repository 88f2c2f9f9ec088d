import { describe, expect, it } from 'vitest';
import { formatDateVN, windowInstants } from '../../domain/calendar.js';
import {
  activeDrivesAt,
  findDeadline,
  planDeadlineInstant,
  planDeadlineInstants,
  PlanSchema,
} from '../../domain/plan.js';
import {
  DIEN_HINH_TIEN_TIEN_2017,
  HAI_DUONG_2025,
  PLANS,
  VAN_HOA_CONG_SO_2019_2025,
  planById,
} from '../../domain/plans/index.js';
import { QUOTES } from './seed-quotes.js';

describe('seed 003: the Hải Dương 2025 plan as data', () => {
  const plan = HAI_DUONG_2025;

  it(QUOTES.unitPlans, () => {
    const d = findDeadline(plan, 'unit_plan');
    expect(d && formatDateVN(planDeadlineInstant(d))).toBe('15/01/2025');
    expect(d && planDeadlineInstant(d)).toBe('2025-01-15T16:59:59.999Z');
  });

  it(QUOTES.registration, () => {
    const d = findDeadline(plan, 'registration');
    expect(d?.audience).toBe('units');
    expect(d && planDeadlineInstant(d)).toBe('2025-01-15T16:59:59.999Z');
  });

  it(QUOTES.compact, () => {
    const d = findDeadline(plan, 'compact');
    expect(d?.audience).toBe('clusters');
    expect(d && planDeadlineInstant(d)).toBe('2025-02-15T16:59:59.999Z');
  });

  it(`three short drives: ${QUOTES.drive1}; ${QUOTES.drive2}; ${QUOTES.drive3}`, () => {
    expect(plan.drives.map((d) => windowInstants(d.window))).toEqual([
      { startsAt: '2024-11-30T17:00:00.000Z', endsAt: '2025-02-28T16:59:59.999Z' },
      { startsAt: '2025-01-31T17:00:00.000Z', endsAt: '2025-03-31T16:59:59.999Z' },
      { startsAt: '2025-05-31T17:00:00.000Z', endsAt: '2025-08-30T16:59:59.999Z' },
    ]);
    // In February the first two drives overlap; in May none runs; on 30/08 (Vietnam) the third still runs.
    expect(activeDrivesAt(plan, '2025-02-10T03:00:00Z').map((d) => d.id)).toEqual([
      'mung-dang-mung-xuan-2025',
      'chuyen-doi-so-60-ngay-2025',
    ]);
    expect(activeDrivesAt(plan, '2025-05-10T03:00:00Z')).toEqual([]);
    expect(activeDrivesAt(plan, '2025-08-30T16:00:00Z').map((d) => d.id)).toEqual(['ky-niem-65-nam-nganh-2025']);
  });

  it('the council is chaired by the chief prosecutor with a standing body and the general office as secretariat', () => {
    expect(plan.council.chair).toContain('Viện trưởng VKSND tỉnh');
    expect(plan.council.secretariat).toBe('Văn phòng tổng hợp');
  });

  it('lists its deadlines soonest first with the plan’s reminders', () => {
    expect(planDeadlineInstants(plan).map((x) => [x.deadline.id, formatDateVN(x.dueAt)])).toEqual([
      ['unit-plan', '15/01/2025'],
      ['registration', '15/01/2025'],
      ['compact', '15/02/2025'],
    ]);
  });
});

describe(`seed 002: ${QUOTES.advancedModelRegistration}`, () => {
  it('the registration list of advanced models is due at the end of 20/05/2017 (Vietnam time)', () => {
    const d = findDeadline(DIEN_HINH_TIEN_TIEN_2017, 'advanced_model_registration');
    expect(d && planDeadlineInstant(d)).toBe('2017-05-20T16:59:59.999Z');
  });
});

describe('shipped plans', () => {
  it('all validate against the plan schema and are found by id', () => {
    for (const plan of PLANS) expect(PlanSchema.safeParse(plan).success, plan.id).toBe(true);
    expect(planById('hd-2025')).toBe(HAI_DUONG_2025);
    expect(() => planById('hd-2030')).toThrow('Không tìm thấy kế hoạch "hd-2030"');
  });

  it('cite their documents in Vietnamese under “Căn cứ”: no seed numbers, no word about the demo', () => {
    const sources = [
      ...PLANS.flatMap((p) => [...p.deadlines, ...p.drives].map((d) => d.source)),
      ...VAN_HOA_CONG_SO_2019_2025.reviews.map((r) => r.source),
      VAN_HOA_CONG_SO_2019_2025.source,
    ];
    expect(sources.length).toBeGreaterThan(8);
    for (const source of sources) {
      expect(source).toMatch(/^Kế hoạch (số 123\/KH-VKSTC|công tác thi đua|xây dựng, bồi dưỡng)/);
      expect(source).not.toMatch(/seed|demo/i);
    }
  });

  it('are plain JSON (they travel through workflow state)', () => {
    for (const plan of PLANS) expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});
