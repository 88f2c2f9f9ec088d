/**
 * A movement review's campaign takes only its own award forms (seed 001, mục II.2.2.b): the review carries them
 * as catalogue codes, checked by its zod schema against the catalogue, and the nomination machine refuses any other
 * award under that campaign, on `edit` and on `submit` (so the workflow's validator refuses it too).
 */
import { describe, expect, it } from 'vitest';
import { awardOutsideCampaign } from '../../domain/catalogue.js';
import { DraftSchema } from '../../domain/nomination/actions.js';
import { checkAction, initialState } from '../../domain/nomination/machine.js';
import { REGIONAL_CLERK, regionalUnitContext } from '../support/regional-unit.js';
import type { CaseContext, NominationStartInput } from '../../domain/nomination/types.js';
import { MovementSchema } from '../../domain/plan-year/movement.js';
import { VAN_HOA_CONG_SO_2019_2025 } from '../../domain/plans/index.js';
import { ruleSetById } from '../../domain/rules/index.js';
import { formatZodErrorVN } from '../../domain/schemas.js';
import { QUOTES } from './seed-quotes.js';

const [interim, final] = VAN_HOA_CONG_SO_2019_2025.reviews;

describe('seed 001: each review names its award forms as catalogue codes', () => {
  it(QUOTES.interimReviewAwards, () => {
    expect(interim?.kind).toBe('interim');
    expect(interim?.awardCodes).toEqual(['giay-khen', 'bang-khen-vksndtc', 'bang-khen-thu-tuong']);
  });

  it(QUOTES.finalReviewAwards, () => {
    expect(final?.kind).toBe('final');
    expect(final?.awardCodes).toEqual([
      'giay-khen',
      'bang-khen-vksndtc',
      'bang-khen-thu-tuong',
      'huan-chuong-lao-dong-hang-ba',
    ]);
  });

  it('the schema checks the codes against the catalogue, in Vietnamese', () => {
    expect(MovementSchema.parse(VAN_HOA_CONG_SO_2019_2025)).toEqual(VAN_HOA_CONG_SO_2019_2025);
    const withCodes = (awardCodes: unknown) => ({
      ...VAN_HOA_CONG_SO_2019_2025,
      reviews: [{ ...interim, awardCodes }],
    });
    const refused = (awardCodes: unknown) => {
      const result = MovementSchema.safeParse(withCodes(awardCodes));
      expect(result.success).toBe(false);
      return formatZodErrorVN(result.error!);
    };
    expect(refused(['giay-khen', 'huy-chuong-vang'])).toContain(
      'Hình thức khen thưởng “huy-chuong-vang” không có trong danh mục',
    );
    // A code kept only for award histories cannot be nominated, so no campaign can take it.
    expect(refused(['huan-chuong-doc-lap'])).toContain(
      'Hình thức khen thưởng “huan-chuong-doc-lap” không có trong danh mục',
    );
    expect(refused(['giay-khen', 'giay-khen'])).toContain('Mã hình thức khen thưởng bị trùng');
    expect(refused([])).toContain('Mã hình thức khen thưởng của đợt phải có ít nhất một mục');
    // A movement stored before reviews carried codes stays valid (to read, edit and amend); its campaigns take any
    // award until the standing body adds them.
    expect(MovementSchema.safeParse(withCodes(undefined)).success).toBe(true);
  });
});

describe('the nomination refuses another award under a campaign that names its forms', () => {
  const context: CaseContext = regionalUnitContext(30);
  const clerk = REGIONAL_CLERK;
  const head = { ...clerk, userId: 'truong', displayName: 'Trưởng', role: 'unit_head' as const };
  const ctx = { now: '2025-06-20T02:00:00Z', ruleSet: ruleSetById('tdkt-2025-07') };
  const draftOf = (awardCode: string) =>
    DraftSchema.parse({
      awardCode,
      nominee: { subject: 'individual', personId: 'nguyen-van-a', unitId: 'hd-kv1', displayName: 'Nguyễn Văn A' },
      dossier: [],
      achievements: 'Thành tích',
      // What the Huân chương's eligibility reads, so a case outside any limiting campaign can be submitted.
      ...(awardCode === 'huan-chuong-lao-dong-hang-ba' ? { declaredCriteria: ['thanh-tich-dot-xuat'] } : {}),
    });
  const start = (awardCode: string, campaignAwardCodes?: string[]): NominationStartInput => ({
    campaignId: interim!.id,
    ...(campaignAwardCodes ? { campaignAwardCodes } : {}),
    year: 2022,
    track: 'regular',
    unitId: 'hd-kv1',
    draft: draftOf(awardCode),
    createdBy: clerk,
  });
  const refusalOf = (fn: () => void): string => {
    try {
      fn();
    } catch (error) {
      return (error as Error).message;
    }
    return 'accepted';
  };
  const outside =
    'Đợt đề nghị khen thưởng này chỉ nhận: Giấy khen của Viện trưởng VKSND tỉnh, Bằng khen của Viện trưởng VKSND tối ' +
    'cao, Bằng khen của Thủ tướng Chính phủ; không nhận Huân chương Lao động hạng Ba.';

  it('on edit and on submit, with the campaign forms in the Vietnamese message', () => {
    const state = initialState('nomination/x/hd-kv1/1', start('giay-khen', interim!.awardCodes), context, ctx);
    expect(state.campaignAwardCodes).toEqual(interim!.awardCodes);
    const edit = (awardCode: string) => () =>
      checkAction(state, { name: 'edit', input: { actor: clerk, draft: draftOf(awardCode) } }, ctx);
    expect(refusalOf(edit('huan-chuong-lao-dong-hang-ba'))).toBe(outside);
    expect(refusalOf(edit('bang-khen-thu-tuong'))).toBe('accepted');

    // A case started under the campaign with another award (the CLI does not ask the form) cannot be submitted.
    const started = initialState(
      'nomination/x/hd-kv1/2',
      start('huan-chuong-lao-dong-hang-ba', interim!.awardCodes),
      context,
      ctx,
    );
    expect(refusalOf(() => checkAction(started, { name: 'submit', input: { actor: head } }, ctx))).toBe(outside);
  });

  it('a campaign that names none, and every case started before, takes any award as before', () => {
    const legacy = initialState('nomination/x/hd-kv1/3', start('huan-chuong-lao-dong-hang-ba'), context, ctx);
    expect(legacy).not.toHaveProperty('campaignAwardCodes');
    expect(refusalOf(() => checkAction(legacy, { name: 'submit', input: { actor: head } }, ctx))).toBe('accepted');
    expect(awardOutsideCampaign(null, 'anh-hung-lao-dong')).toBeNull();
  });
});
