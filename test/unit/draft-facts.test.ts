/**
 * The facts a draft carries for eligibility (domain/nomination/facts.ts): the draft schema takes them with
 * Vietnamese messages, and the machine judges a case's eligibility on them (collective headcounts, a person's
 * years of service, declared criteria).
 */
import { describe, expect, it } from 'vitest';
import { DraftSchema } from '../../domain/nomination/actions.js';
import { eligibilityReasons, initialState } from '../../domain/nomination/machine.js';
import type { CaseContext, NominationDraft } from '../../domain/nomination/types.js';
import { formatZodErrorVN } from '../../domain/schemas.js';
import { ruleSetById } from '../../domain/rules/index.js';

const ruleSet = ruleSetById('tdkt-2025-07');

const collectiveNominee = { subject: 'collective', personId: null, unitId: 'hd-kv2', displayName: 'Tập thể KV2' };
const personNominee = { subject: 'individual', personId: 'hd-kv2-p01', unitId: 'hd-kv2', displayName: 'Trần Thị B' };
const qualifying = {
  memberCount: 20,
  completedDutiesCount: 20,
  advancedWorkerCount: 15,
  baseEmulationFighterCount: 2,
  membersDisciplinedWarningOrAbove: 0,
};

function refusal(input: unknown): string {
  const result = DraftSchema.safeParse(input);
  expect(result.success).toBe(false);
  return formatZodErrorVN(result.error!);
}

describe('draft schema: facts for eligibility', () => {
  it('takes a collective draft with its headcounts, and a draft with none (cases started before)', () => {
    const parsed = DraftSchema.parse({
      awardCode: 'tap-the-lao-dong-xuat-sac',
      nominee: collectiveNominee,
      collectiveFacts: qualifying,
    });
    expect(parsed.collectiveFacts).toEqual(qualifying);
    expect(DraftSchema.parse({ awardCode: 'giay-khen', nominee: personNominee }).collectiveFacts).toBeUndefined();
  });

  it('refuses a count larger than the collective, naming the field in Vietnamese', () => {
    expect(
      refusal({
        awardCode: 'tap-the-lao-dong-tien-tien',
        nominee: collectiveNominee,
        collectiveFacts: { ...qualifying, advancedWorkerCount: 21 },
      }),
    ).toBe('Số cá nhân đạt Lao động tiên tiến (21) không được lớn hơn tổng số cá nhân của tập thể (20)');
    expect(
      refusal({
        awardCode: 'tap-the-lao-dong-tien-tien',
        nominee: collectiveNominee,
        collectiveFacts: { ...qualifying, advancedWorkerCount: 1 },
      }),
    ).toBe('Số cá nhân đạt Chiến sĩ thi đua cơ sở không được lớn hơn số cá nhân đạt Lao động tiên tiến');
  });

  it('refuses missing, negative or fractional counts and an empty collective', () => {
    const { memberCount: _omitted, ...withoutMembers } = qualifying;
    expect(
      refusal({ awardCode: 'tap-the-lao-dong-tien-tien', nominee: collectiveNominee, collectiveFacts: withoutMembers }),
    ).toBe('Tổng số cá nhân của tập thể là bắt buộc');
    expect(
      refusal({
        awardCode: 'tap-the-lao-dong-tien-tien',
        nominee: collectiveNominee,
        collectiveFacts: { ...qualifying, membersDisciplinedWarningOrAbove: -1 },
      }),
    ).toBe('Số cá nhân bị kỷ luật từ cảnh cáo trở lên phải từ 0 trở lên');
    expect(
      refusal({
        awardCode: 'tap-the-lao-dong-tien-tien',
        nominee: collectiveNominee,
        collectiveFacts: { ...qualifying, completedDutiesCount: 2.5 },
      }),
    ).toBe('Số cá nhân hoàn thành nhiệm vụ trở lên phải là số nguyên');
    expect(
      refusal({
        awardCode: 'tap-the-lao-dong-tien-tien',
        nominee: collectiveNominee,
        collectiveFacts: { ...qualifying, memberCount: 0, completedDutiesCount: 0, advancedWorkerCount: 0 },
      }),
    ).toContain('Tổng số cá nhân của tập thể phải từ 1 trở lên');
  });

  it('refuses facts about the wrong kind of nominee, and criteria the award does not have', () => {
    expect(refusal({ awardCode: 'giay-khen', nominee: personNominee, collectiveFacts: qualifying })).toBe(
      'Đề nghị cho cá nhân không kèm số liệu của tập thể',
    );
    expect(
      refusal({ awardCode: 'giay-khen', nominee: collectiveNominee, personFacts: { continuousServiceYears: 20 } }),
    ).toBe('Đề nghị cho tập thể không kèm thông tin cá nhân');
    expect(
      refusal({ awardCode: 'lao-dong-tien-tien', nominee: personNominee, declaredCriteria: ['thanh-tich-dot-xuat'] }),
    ).toBe('Tiêu chuẩn “Có thành tích xuất sắc đột xuất” không thuộc tiêu chuẩn xét Lao động tiên tiến');
    expect(
      refusal({ awardCode: 'bang-khen-thu-tuong', nominee: personNominee, declaredCriteria: ['khong-co'] }),
    ).toContain('Tiêu chuẩn không hợp lệ');
    expect(
      DraftSchema.parse({
        awardCode: 'bang-khen-thu-tuong',
        nominee: personNominee,
        declaredCriteria: ['thanh-tich-dot-xuat'],
      }).declaredCriteria,
    ).toEqual(['thanh-tich-dot-xuat']);
  });
});

const context: CaseContext = {
  unit: { id: 'hd-kv2', name: 'VKSND khu vực 2', level: 'regional', staffCount: 20, collectiveCount: 4 },
  clusterId: 'hd-cum1',
  clusterHeadUnitId: 'hd-kv1',
  council: { unitId: 'hd', secretariatUnitId: 'hd-vp', chairUserId: 'vientruong', members: [] },
  higherLevelUnitId: 'vkstc',
  awardHistory: [],
  holidays: [],
};

function reasonsFor(draft: Partial<NominationDraft> & Pick<NominationDraft, 'awardCode' | 'nominee'>): string[] {
  const state = initialState(
    'nomination/test/hd-kv2/1',
    {
      campaignId: 'test',
      year: 2025,
      track: 'regular',
      unitId: 'hd-kv2',
      draft: { dossier: [], achievements: '', ...draft },
      createdBy: {
        userId: 'vanthu.kv2',
        displayName: 'Văn thư',
        role: 'unit_clerk',
        unitId: 'hd-kv2',
        actingFor: null,
      },
    },
    context,
    { now: '2025-11-20T02:00:00Z', ruleSet },
  );
  return eligibilityReasons(state, ruleSet);
}

describe('eligibility of a case reads the facts of its draft', () => {
  const collective = { subject: 'collective' as const, personId: null, unitId: 'hd-kv2', displayName: 'Tập thể KV2' };

  it('a collective title without the headcounts is refused with the reason; with qualifying ones it passes', () => {
    expect(reasonsFor({ awardCode: 'tap-the-lao-dong-xuat-sac', nominee: collective })).toEqual([
      'Thiếu số liệu về cá nhân của tập thể để xét danh hiệu Tập thể lao động xuất sắc.',
    ]);
    expect(
      reasonsFor({ awardCode: 'tap-the-lao-dong-xuat-sac', nominee: collective, collectiveFacts: qualifying }),
    ).toEqual([]);
    expect(
      reasonsFor({ awardCode: 'tap-the-lao-dong-tien-tien', nominee: collective, collectiveFacts: qualifying }),
    ).toEqual([]);
  });

  it('headcounts that fall short give each reason in Vietnamese', () => {
    expect(
      reasonsFor({
        awardCode: 'tap-the-lao-dong-xuat-sac',
        nominee: collective,
        collectiveFacts: { ...qualifying, completedDutiesCount: 19, advancedWorkerCount: 13 },
      }),
    ).toEqual([
      '100% cá nhân phải hoàn thành nhiệm vụ (hiện có 19/20).',
      'Tỷ lệ cá nhân đạt Lao động tiên tiến phải từ 70% (hiện có 13/20).',
    ]);
    expect(
      reasonsFor({
        awardCode: 'tap-the-lao-dong-tien-tien',
        nominee: collective,
        collectiveFacts: { ...qualifying, advancedWorkerCount: 10, baseEmulationFighterCount: 0, underReview: true },
      }),
    ).toEqual([
      'Đang bị xem xét kỷ luật, điều tra, thanh tra, kiểm tra hoặc có đơn thư khiếu nại, tố cáo đang xác minh: chưa đề nghị khen thưởng.',
      'Tỷ lệ cá nhân đạt Lao động tiên tiến phải trên 1/2 (hiện có 10/20).',
    ]);
  });

  it('a person’s years of service decide the Kỷ niệm chương; a declared criterion opens Bằng khen Thủ tướng', () => {
    const person = { subject: 'individual' as const, personId: 'p1', unitId: 'hd-kv2', displayName: 'Trần Thị B' };
    const medal = 'ky-niem-chuong-vi-su-nghiep-kiem-sat';
    expect(reasonsFor({ awardCode: medal, nominee: person })).toEqual([
      'Thiếu thông tin số năm công tác liên tục trong ngành để xét Kỷ niệm chương “Vì sự nghiệp Kiểm sát”.',
    ]);
    expect(reasonsFor({ awardCode: medal, nominee: person, personFacts: { continuousServiceYears: 15 } })).toEqual([]);
    expect(reasonsFor({ awardCode: 'bang-khen-thu-tuong', nominee: person })).toHaveLength(1);
    expect(
      reasonsFor({ awardCode: 'bang-khen-thu-tuong', nominee: person, declaredCriteria: ['thanh-tich-dot-xuat'] }),
    ).toEqual([]);
  });
});
