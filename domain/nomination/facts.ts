/**
 * The facts a draft declares about its nominee that eligibility cannot read from the commendation book: a
 * collective's headcounts and ratings (Tập thể lao động tiên tiến / xuất sắc), a person's service (Kỷ niệm
 * chương, Lao động tiên tiến), and the criteria the dossier proves (sáng kiến, thành tích đột xuất…). The unit
 * declares them, the standing body checks them against the dossier; the workflow judges eligibility on them.
 * Zod schemas with Vietnamese messages that name the field; synchronous (they run in update validators).
 */
import { z } from 'zod';
import { DECLARED_CRITERIA, type DeclaredCriterion } from '../catalogue.js';
import type { CollectiveFacts, PersonFacts } from '../eligibility.js';
import { bool, intIn, list, obj, oneOf } from '../zod-vi.js';

const DECLARED_CRITERION_CODES = Object.keys(DECLARED_CRITERIA) as [DeclaredCriterion, ...DeclaredCriterion[]];

/** Upper bound of any headcount: the largest unit of the ngành is far below it; it only stops absurd input. */
const MAX_MEMBERS = 10_000;

export const DeclaredCriteriaSchema = z.lazy(() =>
  list('Tiêu chuẩn đáp ứng', oneOf('Tiêu chuẩn', DECLARED_CRITERION_CODES), {
    max: DECLARED_CRITERION_CODES.length,
  }).refine((codes) => new Set(codes).size === codes.length, { error: 'Tiêu chuẩn đáp ứng bị trùng' }),
);

const count = (label: string) => intIn(label, 0, MAX_MEMBERS);

/** A collective's headcounts with their Vietnamese names: the schema's messages and the draft form's fields. */
export const COLLECTIVE_FACT_LABELS = {
  memberCount: 'Tổng số cá nhân của tập thể',
  completedDutiesCount: 'Số cá nhân hoàn thành nhiệm vụ trở lên',
  advancedWorkerCount: 'Số cá nhân đạt Lao động tiên tiến',
  baseEmulationFighterCount: 'Số cá nhân đạt Chiến sĩ thi đua cơ sở',
  membersDisciplinedWarningOrAbove: 'Số cá nhân bị kỷ luật từ cảnh cáo trở lên',
} as const;
export type CollectiveCount = keyof typeof COLLECTIVE_FACT_LABELS;
const L = COLLECTIVE_FACT_LABELS;

export const CollectiveFactsSchema = z.lazy(() =>
  obj('Số liệu của tập thể', {
    memberCount: intIn(L.memberCount, 1, MAX_MEMBERS),
    completedDutiesCount: count(L.completedDutiesCount),
    advancedWorkerCount: count(L.advancedWorkerCount),
    baseEmulationFighterCount: count(L.baseEmulationFighterCount),
    membersDisciplinedWarningOrAbove: count(L.membersDisciplinedWarningOrAbove),
    underReview: bool('Tập thể đang bị xem xét, thanh tra, kiểm tra').optional(),
  }).superRefine((f, ctx) => {
    // Each count is a part of the collective: more than its members is a typing error, never a fact.
    const parts = [
      'completedDutiesCount',
      'advancedWorkerCount',
      'baseEmulationFighterCount',
      'membersDisciplinedWarningOrAbove',
    ] as const;
    for (const key of parts) {
      if (f[key] > f.memberCount)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${L[key]} (${f[key]}) không được lớn hơn tổng số cá nhân của tập thể (${f.memberCount})`,
        });
    }
    // Chiến sĩ thi đua cơ sở is chosen among the Lao động tiên tiến (Luật TĐKT 2022 Đ23).
    if (f.baseEmulationFighterCount > f.advancedWorkerCount)
      ctx.addIssue({
        code: 'custom',
        path: ['baseEmulationFighterCount'],
        message: `${L.baseEmulationFighterCount} không được lớn hơn số cá nhân đạt Lao động tiên tiến`,
      });
  }),
);

export const PersonFactsSchema = z.lazy(() =>
  obj('Thông tin của cá nhân', {
    monthsSinceRecruitment: intIn('Số tháng công tác kể từ khi tuyển dụng', 0, 600).optional(),
    leaveMonthsInYear: intIn('Số tháng nghỉ công tác trong năm', 0, 12).optional(),
    disciplinedInYear: bool('Bị kỷ luật từ khiển trách trở lên trong năm').optional(),
    continuousServiceYears: intIn('Số năm công tác liên tục trong ngành', 0, 50).optional(),
    underReview: bool('Cá nhân đang bị xem xét kỷ luật, thanh tra, kiểm tra').optional(),
  }),
);

// The schemas produce exactly what eligibility reads (compile-time check).
const _collectiveMatches = (f: z.infer<typeof CollectiveFactsSchema>): CollectiveFacts => f;
const _personMatches = (f: z.infer<typeof PersonFactsSchema>): PersonFacts => f;
