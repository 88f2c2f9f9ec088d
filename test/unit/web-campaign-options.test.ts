/**
 * The year's campaign offered on the new-nomination form: its due date comes from the plan's data, or it says why not.
 * The admin search's campaign filter lists every campaign of the same sources: the year's, the drives', the movement's.
 */
import { describe, expect, it } from 'vitest';
import { allCampaigns, fixedOption, yearCampaignOf, type CampaignSources } from '../../client/web/campaign-options.js';
import { planForYear } from '../../domain/plan-year/plan-run.js';
import { HAI_DUONG_2025, VAN_HOA_CONG_SO_2019_2025 } from '../../domain/plans/index.js';

/** What the server reads from a database holding the shipped plans of 2025 (campaignSourcesFromDatabase). */
const SOURCES_2025: CampaignSources = {
  orgUnitId: HAI_DUONG_2025.orgUnitId,
  fixed: [yearCampaignOf(HAI_DUONG_2025)],
  planYears: [2025],
  movements: [VAN_HOA_CONG_SO_2019_2025],
  plans: [HAI_DUONG_2025],
};

describe("the year's campaign option", () => {
  it('has no due date for seed 003, which leaves it to the standing body, and says so in Vietnamese', () => {
    const option = fixedOption(yearCampaignOf(HAI_DUONG_2025));
    expect(option).toEqual({
      id: 'hd-2025',
      kind: 'year',
      label: 'Tổng kết công tác thi đua, khen thưởng năm 2025 (hạn gửi hồ sơ theo thông báo của Thường trực Hội đồng)',
      year: 2025,
      dueAt: null,
      // Offered (and its quota ledgers open) to the end of 31/01/2026 in Vietnam.
      closesAt: '2026-01-31T16:59:59.999Z',
      // The year's review takes any award form.
      awardCodes: null,
    });
  });

  it('closes a campaign given by configuration never (its ledgers stay open), the plan year review at 31/01 next', () => {
    expect(fixedOption({ id: 'dot-thu', title: 'Đợt thử', year: 2025 }).closesAt).toBeNull();
    expect(fixedOption(yearCampaignOf(planForYear(HAI_DUONG_2025, 2027))).closesAt).toBe('2028-01-31T16:59:59.999Z');
  });

  it("is due at the end of the plan's nomination day in Vietnam, shown dd/mm/yyyy, for that plan's year", () => {
    const plan = planForYear(HAI_DUONG_2025, 2026);
    plan.deadlines = [
      ...plan.deadlines,
      {
        id: 'nomination',
        kind: 'nomination',
        title: 'Đơn vị gửi hồ sơ đề nghị khen thưởng',
        date: { day: 5, month: 12, year: 2026 },
        audience: 'units',
        source: 'Giả định của bài kiểm thử',
      },
    ];
    const option = fixedOption(yearCampaignOf(plan));
    expect(option.id).toBe('hd-2026');
    expect(option.year).toBe(2026);
    // 23:59:59.999 on 05/12/2026 in UTC+7 is 16:59:59.999 UTC the same day.
    expect(option.dueAt).toBe('2026-12-05T16:59:59.999Z');
    expect(option.label).toBe('Tổng kết công tác thi đua, khen thưởng năm 2026 (hạn gửi hồ sơ 05/12/2026)');
  });
});

describe('every campaign of the sources (the admin search filter)', () => {
  it("lists the year's review, the 2025 plan's drives and the office-culture movement's reviews, in that order", () => {
    const campaigns = allCampaigns(SOURCES_2025);
    expect(campaigns.map((c) => c.id)).toEqual([
      'hd-2025',
      'mung-dang-mung-xuan-2025',
      'chuyen-doi-so-60-ngay-2025',
      'ky-niem-65-nam-nganh-2025',
      'van-hoa-cong-so-so-ket-2022',
      'van-hoa-cong-so-tong-ket-2025',
    ]);
    expect(campaigns[0]!.title).toBe('Tổng kết công tác thi đua, khen thưởng năm 2025');
    expect(campaigns[1]!.title).toBe('Thi đua “Mừng Đảng quang vinh, Mừng xuân Ất Tỵ”');
    expect(campaigns[4]!.title).toMatch(/^Sơ kết phong trào thi đua năm 2022: phong trào “Cán bộ, công chức/);
  });

  it('offers no drives for a year without a shipped plan, nor those of another organisation', () => {
    const fixed = [{ id: 'thu', title: 'Đợt thử' }];
    expect(allCampaigns({ ...SOURCES_2025, fixed, planYears: [2031], movements: [] })).toEqual(fixed);
    expect(allCampaigns({ ...SOURCES_2025, orgUnitId: 'bn', fixed, movements: [] }).map((c) => c.id)).toEqual(['thu']);
  });
});
