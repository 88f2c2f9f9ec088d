/**
 * "Lập kế hoạch năm …" (issue 11): the coming year's draft made from the 2025 Hải Dương plan (seed 003), what it
 * flags for the author, and the Vietnamese refusals of the draft's validation and of issuing it unconfirmed.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  IssuableDraftSchema,
  PlanDraftSchema,
  canChi,
  comingYearPlanNotice,
  confirmReviewItem,
  draftNextYear,
  lineupProblems,
  moveYearText,
  reconcileReview,
  runningAmendment,
  tetWindow,
  unconfirmedRefusal,
  yearSpecificText,
  type ClusterLineup,
  type PlanDraft,
} from '../../domain/plan-authoring/index.js';
import { HAI_DUONG_2025 } from '../../domain/plans/index.js';
import { PlanSchema } from '../../domain/plan.js';
import { AmendPlanSchema } from '../../domain/plan-year/plan-run.js';
import { formatZodErrorVN } from '../../domain/zod-vi.js';

const CLUSTERS: ClusterLineup[] = [
  {
    clusterId: 'hd-cum1',
    name: 'Cụm thi đua số 1',
    kind: 'cluster',
    headUnitId: 'hd-kv1',
    deputyUnitId: 'hd-kv2',
    memberUnitIds: ['hd-kv1', 'hd-kv2', 'hd-kv3'],
  },
  {
    clusterId: 'hd-cum2',
    name: 'Cụm thi đua số 2',
    kind: 'cluster',
    headUnitId: 'hd-kv5',
    deputyUnitId: null,
    memberUnitIds: ['hd-kv4', 'hd-kv5'],
  },
];

const flagsOf = (draft: PlanDraft, key: string) => draft.review.find((i) => i.key === key)?.flags ?? [];
const messagesOf = (draft: PlanDraft, key: string) => flagsOf(draft, key).map((f) => f.message);
const problems = (draft: unknown, schema: z.ZodType = PlanDraftSchema) => {
  const result = schema.safeParse(draft);
  return result.success ? '' : formatZodErrorVN(result.error);
};
const allConfirmed = (draft: PlanDraft): PlanDraft => ({
  ...draft,
  review: draft.review.reduce(
    (r, i) => confirmReviewItem(r, i.key, 'u-thuongtruc', '2026-12-02T02:00:00.000Z'),
    draft.review,
  ),
});

describe('the coming year’s draft from the current plan', () => {
  const draft = draftNextYear(HAI_DUONG_2025, { toYear: 2027, clusters: CLUSTERS });

  it('moves every date to the new year and the text’s years and can chi with them', () => {
    expect(draft.plan.year).toBe(2027);
    expect(draft.plan.status).toBe('draft');
    expect(draft.plan.id).toBe('hd-2027');
    expect(draft.plan.deadlines.map((d) => [d.id, d.date])).toEqual([
      ['unit-plan', { day: 15, month: 1, year: 2027 }],
      ['registration', { day: 15, month: 1, year: 2027 }],
      ['compact', { day: 15, month: 2, year: 2027 }],
    ]);
    expect(draft.plan.drives.map((d) => d.window)).toEqual([
      { from: { day: 1, month: 12, year: 2026 }, to: { day: 28, month: 2, year: 2027 } },
      { from: { day: 1, month: 2, year: 2027 }, to: { day: 31, month: 3, year: 2027 } },
      { from: { day: 1, month: 6, year: 2027 }, to: { day: 30, month: 8, year: 2027 } },
    ]);
    expect(draft.plan.title).toBe('Kế hoạch công tác thi đua, khen thưởng năm 2027 của VKSND tỉnh Hải Dương');
    expect(draft.plan.drives[0]!.title).toBe('Thi đua “Mừng Đảng quang vinh, Mừng xuân Đinh Mùi”');
    expect(draft.plan.drives[0]!.source).toContain('từ ngày 01/12/2026 đến ngày 28/02/2027');
    // The current plan is not changed.
    expect(HAI_DUONG_2025.year).toBe(2025);
    expect(PlanSchema.safeParse(draft.plan).success).toBe(true);
  });

  it('marks every copied item "cần xác nhận", none confirmed', () => {
    expect(draft.review.map((i) => i.key)).toEqual([
      'title',
      'theme',
      'legal-basis',
      'deadline:unit-plan',
      'deadline:registration',
      'deadline:compact',
      'drive:mung-dang-mung-xuan-2027',
      'drive:chuyen-doi-so-60-ngay-2027',
      'drive:ky-niem-65-nam-nganh-2027',
      'reminders',
      'council',
      'clusters',
    ]);
    expect(draft.review.every((i) => !i.confirmed && i.flags.length > 0)).toBe(true);
    expect(messagesOf(draft, 'reminders')).toEqual(['Sao chép từ kế hoạch năm 2025: hãy kiểm tra']);
  });

  it('flags a date on a weekend, a window across Tết, and last year’s can chi, years and anniversaries', () => {
    const first = messagesOf(draft, 'drive:mung-dang-mung-xuan-2027');
    expect(first).toContain('Ngày kết thúc 28/02/2027 rơi vào Chủ nhật');
    expect(first).toContain('Đợt thi đua qua dịp nghỉ Tết Đinh Mùi (dự kiến 04/02/2027 – 10/02/2027)');
    expect(first).toContain('Có tên năm âm lịch “Ất Tỵ”: năm 2027 là năm Đinh Mùi, hãy kiểm tra');
    expect(first).toContain('Có năm “2024” trong nội dung sao chép: hãy kiểm tra');
    expect(messagesOf(draft, 'drive:ky-niem-65-nam-nganh-2027')).toEqual(
      expect.arrayContaining([
        'Có ngày kỷ niệm “65 năm ngày thành lập ngành KSND” tính cho năm 2025: hãy kiểm tra năm 2027',
        'Có ngày kỷ niệm “80 năm Cách mạng tháng Tám và Quốc khánh 2/9” tính cho năm 2025: hãy kiểm tra năm 2027',
      ]),
    );
    // 2027's days off are not announced: said once per item, not once per date.
    expect(
      messagesOf(draft, 'drive:chuyen-doi-so-60-ngay-2027').filter((m) => m.startsWith('Chưa có lịch nghỉ')),
    ).toEqual(['Chưa có lịch nghỉ lễ, Tết chính thức năm 2027: ngày nghỉ đang là dự kiến']);
    // 15/01/2027 is a Friday: no weekend flag on the registration deadline.
    expect(flagsOf(draft, 'deadline:registration').some((f) => f.code === 'weekend')).toBe(false);
  });

  it('flags a date on an announced public holiday (the 2026 list: Tết Bính Ngọ from 14/02/2026)', () => {
    const to2026 = draftNextYear(
      { ...HAI_DUONG_2025, deadlines: [{ ...HAI_DUONG_2025.deadlines[2]!, date: { day: 16, month: 2, year: 2025 } }] },
      { toYear: 2026 },
    );
    expect(messagesOf(to2026, 'deadline:compact')).toEqual(
      expect.arrayContaining(['Ngày 16/02/2026 là ngày nghỉ lễ, Tết']),
    );
    expect(messagesOf(to2026, 'drive:mung-dang-mung-xuan-2026')).toContain(
      'Đợt thi đua qua dịp nghỉ Tết Bính Ngọ (14/02/2026 – 22/02/2026)',
    );
  });

  it('refuses a year that is not after the current plan’s', () => {
    expect(() => draftNextYear(HAI_DUONG_2025, { toYear: 2025 })).toThrow(
      'Năm của kế hoạch mới (2025) phải sau năm 2025',
    );
  });
});

describe('year-specific text and Tết', () => {
  it('names the can chi of a year', () => {
    expect([2024, 2025, 2026, 2027].map(canChi)).toEqual(['Giáp Thìn', 'Ất Tỵ', 'Bính Ngọ', 'Đinh Mùi']);
  });
  it('moves years around the plan’s year and their can chi, and leaves other years alone', () => {
    expect(moveYearText('Mừng xuân Ất Tỵ 2025, Chỉ thị 2019, từ 01/12/2024', 2025, 2026)).toBe(
      'Mừng xuân Bính Ngọ 2026, Chỉ thị 2019, từ 01/12/2025',
    );
    expect(yearSpecificText('giai đoạn 2019 – 2020', 2025)).toEqual([]);
  });
  it('knows Tết from the announced days off, and estimates it for a year not announced', () => {
    expect(tetWindow(2025)).toEqual({ year: 2025, from: '2025-01-25', to: '2025-02-02', estimated: false });
    expect(tetWindow(2027)).toEqual({ year: 2027, from: '2027-02-04', to: '2027-02-10', estimated: true });
    expect(tetWindow(2099)).toBeNull();
  });
});

describe('validation of a draft, in Vietnamese', () => {
  const draft = draftNextYear(HAI_DUONG_2025, { toYear: 2027, clusters: CLUSTERS });

  it('accepts the draft as made', () => {
    expect(problems(draft)).toBe('');
  });

  it('refuses a drive window that ends before it starts', () => {
    const bad = structuredClone(draft);
    bad.plan.drives[1]!.window.to = { day: 10, month: 1, year: 2027 };
    expect(problems(bad)).toContain(
      'Đợt thi đua “Phong trào thi đua “60 ngày cao điểm thi đua đẩy mạnh ứng dụng công nghệ thông tin, thúc đẩy chuyển đổi số trong ngành Kiểm sát Hải Dương””: ngày kết thúc 10/01/2027 ở trước ngày bắt đầu 01/02/2027',
    );
  });

  it('refuses a deadline outside the plan’s year', () => {
    const bad = structuredClone(draft);
    bad.plan.deadlines[1]!.date = { day: 15, month: 1, year: 2028 };
    expect(problems(bad)).toBe(
      'Mốc “Đơn vị đăng ký thi đua (danh hiệu cho tập thể và cá nhân)”: ngày 15/01/2028 nằm ngoài năm kế hoạch 2027',
    );
  });

  it('refuses a cluster with no head, a head from outside, and a unit in two clusters', () => {
    const bad = structuredClone(draft);
    bad.clusters![0]!.headUnitId = null;
    bad.clusters![1]!.memberUnitIds.push('hd-kv3');
    expect(problems(bad)).toBe(
      'Cụm “Cụm thi đua số 1” chưa có đơn vị cụm trưởng; Đơn vị hd-kv3 thuộc cả cụm “Cụm thi đua số 1” và cụm “Cụm thi đua số 2”',
    );
    expect(
      lineupProblems([{ ...CLUSTERS[1]!, kind: 'bloc', name: 'Khối các phòng', headUnitId: 'hd-kv1' }], (id) => id),
    ).toEqual(['Đơn vị khối trưởng hd-kv1 không thuộc khối “Khối các phòng”']);
  });

  it('refuses to issue while any item is unconfirmed, and issues once all are confirmed', () => {
    expect(problems(draft, IssuableDraftSchema)).toBe(
      'Chưa thể ban hành: còn 12 mục cần xác nhận (“Tên kế hoạch”, “Chủ đề thi đua”, “Căn cứ ban hành”, “Đơn vị gửi kế hoạch, chương trình thực hiện công tác thi đua năm 2027 (15/01/2027)”, “Đơn vị đăng ký thi đua (danh hiệu cho tập thể và cá nhân) (15/01/2027)” và 7 mục khác)',
    );
    const confirmed = allConfirmed(draft);
    const oneLeft = {
      ...confirmed,
      review: confirmed.review.map((i) => (i.key === 'council' ? { ...i, confirmed: false } : i)),
    };
    expect(unconfirmedRefusal(oneLeft.review)).toBe(
      'Chưa thể ban hành: còn 1 mục cần xác nhận (“Hội đồng thi đua, khen thưởng”)',
    );
    expect(problems(confirmed, IssuableDraftSchema)).toBe('');
    expect(confirmed.review[0]).toMatchObject({ confirmed: true, confirmedBy: 'u-thuongtruc' });
  });

  it('refuses to confirm an item the draft does not have', () => {
    expect(() => confirmReviewItem(draft.review, 'drive:khong-co', 'u1', '2026-12-02T02:00:00.000Z')).toThrow(
      'Không có mục cần xác nhận “drive:khong-co” trong dự thảo',
    );
  });
});

describe('the review after the author edits the draft', () => {
  it('drops the reasons a fixed date no longer has, keeps the others and the confirmations, forgets removed items', () => {
    const draft = draftNextYear(HAI_DUONG_2025, { toYear: 2027 });
    const key = 'drive:mung-dang-mung-xuan-2027';
    const edited = structuredClone(draft);
    edited.plan.drives[0]!.window.to = { day: 26, month: 2, year: 2027 }; // a Friday, not the Sunday 28/02
    edited.plan.drives.splice(2, 1);
    edited.review = confirmReviewItem(edited.review, 'deadline:compact', 'u1', '2026-12-02T02:00:00.000Z');
    const review = reconcileReview(edited);
    const drive = review.find((i) => i.key === key)!;
    expect(drive.label).toBe('Thi đua “Mừng Đảng quang vinh, Mừng xuân Đinh Mùi” (01/12/2026 – 26/02/2027)');
    expect(drive.flags.map((f) => f.message)).not.toContain('Ngày kết thúc 28/02/2027 rơi vào Chủ nhật');
    expect(drive.flags.map((f) => f.message)).toEqual(
      expect.arrayContaining([
        'Đợt thi đua qua dịp nghỉ Tết Đinh Mùi (dự kiến 04/02/2027 – 10/02/2027)',
        'Có tên năm âm lịch “Ất Tỵ”: năm 2027 là năm Đinh Mùi, hãy kiểm tra',
      ]),
    );
    expect(review.some((i) => i.key === 'drive:ky-niem-65-nam-nganh-2027')).toBe(false);
    expect(review.find((i) => i.key === 'deadline:compact')?.confirmed).toBe(true);
    expect(review.map((i) => i.key)).toContain('council');
  });
});

describe('the notice that the coming year has no issued plan', () => {
  // Instants in UTC; Vietnam is UTC+7, so 31/10 17:00 UTC is already 01/11 in Vietnam.
  it('appears from 01/11 in Vietnam until the coming year’s plan is issued', () => {
    expect(comingYearPlanNotice('2026-10-31T16:59:59.000Z', [2026])).toBeNull();
    expect(comingYearPlanNotice('2026-10-31T17:00:00.000Z', [2026])).toEqual({
      year: 2027,
      late: false,
      message:
        'Chưa có kế hoạch thi đua, khen thưởng năm 2027 được ban hành. Hãy lập kế hoạch năm 2027 trước ngày 01/12/2026 để kế hoạch được khởi động đúng hạn.',
    });
    expect(comingYearPlanNotice('2026-12-20T02:00:00.000Z', [2026, 2027])).toBeNull();
  });
  it('never asks for a date already past: from 01/12 it says the plan starts when issued', () => {
    // 30/11 17:00 UTC is 01/12 00:00 in Vietnam.
    expect(comingYearPlanNotice('2026-11-30T16:59:59.000Z', [2026])?.message).toContain('trước ngày 01/12/2026');
    for (const now of ['2026-11-30T17:00:00.000Z', '2026-12-02T03:00:00.000Z', '2026-12-31T10:00:00.000Z']) {
      const notice = comingYearPlanNotice(now, [2026])!;
      expect(notice).toMatchObject({ year: 2027, late: false });
      expect(notice.message).not.toContain('trước ngày');
      expect(notice.message).toBe(
        'Chưa có kế hoạch thi đua, khen thưởng năm 2027 được ban hành, đã quá ngày khởi động 01/12/2026. Hãy hoàn thành và ban hành kế hoạch năm 2027: kế hoạch được khởi động ngay khi ban hành.',
      );
    }
  });
  it('stays, plainer, once the year has begun without an issued plan', () => {
    expect(comingYearPlanNotice('2027-01-10T02:00:00.000Z', [2026])).toMatchObject({ year: 2027, late: true });
    expect(comingYearPlanNotice('2027-06-20T02:00:00.000Z', [2027])).toBeNull();
  });
});

describe('an amendment carried to the running plan', () => {
  const actor = {
    userId: 'u-thuongtruc',
    displayName: 'Thường trực',
    role: 'council_secretary' as const,
    unitId: 'hd',
    actingFor: null,
  };
  it('moves deadlines and adds drives through the plan’s Update, and says what it cannot carry', () => {
    const before = draftNextYear(HAI_DUONG_2025, { toYear: 2027 }).plan;
    const after = structuredClone(before);
    after.deadlines.find((d) => d.id === 'compact')!.date = { day: 26, month: 2, year: 2027 };
    after.drives[1]!.window.to = { day: 15, month: 4, year: 2027 };
    after.drives.push({ ...before.drives[2]!, id: 'dot-moi-2027', title: 'Đợt thi đua mới' });
    after.deadlines = after.deadlines.filter((d) => d.id !== 'unit-plan');
    const { updates, notCarried } = runningAmendment(before, after, actor, 'Tết Đinh Mùi');
    expect(updates).toEqual([
      {
        actor,
        reason: 'Tết Đinh Mùi',
        moveDeadline: { deadlineId: 'compact', date: { day: 26, month: 2, year: 2027 } },
      },
      { actor, reason: 'Tết Đinh Mùi', addDrive: after.drives[3] },
    ]);
    expect(notCarried).toEqual([
      'Mốc “Đơn vị gửi kế hoạch, chương trình thực hiện công tác thi đua năm 2027” bị bỏ khỏi kế hoạch nhưng kế hoạch đang chạy vẫn theo dõi mốc này',
      `Đợt thi đua “${before.drives[1]!.title}”: thời điểm mới 01/02/2027 – 15/04/2027 chỉ được ghi vào kế hoạch; kế hoạch đang chạy vẫn theo thời điểm cũ`,
    ]);
    // What it sends is what the running plan accepts.
    for (const u of updates) expect(AmendPlanSchema.safeParse(u).success).toBe(true);
  });
});
