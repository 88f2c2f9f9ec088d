/**
 * Who must act next on a case and what they do, in Vietnamese ("Thủ trưởng đơn vị ký, trình"): the one wording of
 * the case index's who-must-act (its kind, stage and waiting role, domain/case-index.ts), so the case page and any
 * list that shows it read the same words from the same fields.
 */
import type { CaseIndexRow } from './case-index.js';

export type NextStepFields = Pick<CaseIndexRow, 'kind' | 'stage' | 'waitingRole'>;

/** Per kind, per waiting role, per stage ('*': any stage of that role). */
const NEXT_STEPS: Record<string, Record<string, Record<string, string>>> = {
  nomination: {
    unit_head: {
      draft: 'Cán bộ thi đua, khen thưởng của đơn vị hoàn thiện hồ sơ; Thủ trưởng đơn vị ký, trình',
      returned: 'Đơn vị sửa, bổ sung hồ sơ theo yêu cầu; Thủ trưởng đơn vị ký, trình lại',
    },
    cluster_head: {
      '*': 'Cụm trưởng, khối trưởng xem xét, cho ý kiến',
    },
    cluster_member: {
      '*': 'Thủ trưởng các đơn vị thành viên cụm, khối bỏ phiếu',
    },
    council_secretary: {
      standing_body_check: 'Thường trực Hội đồng kiểm tra hồ sơ',
      forwarded: 'Cấp trên (VKSND tối cao) xem xét, quyết định khen thưởng',
    },
    council_member: {
      '*': 'Thành viên Hội đồng Thi đua - Khen thưởng biểu quyết',
    },
    leadership: {
      '*': 'Lãnh đạo Viện (Chủ tịch Hội đồng) phê duyệt, ký quyết định',
    },
  },
  registration: {
    unit_head: { '*': 'Thủ trưởng đơn vị ký đăng ký thi đua' },
  },
  compact: {
    cluster_head: { '*': 'Cụm trưởng, khối trưởng soạn giao ước thi đua' },
    unit_head: { '*': 'Thủ trưởng đơn vị thành viên ký giao ước thi đua' },
  },
  'advanced-model': {
    council_secretary: { '*': 'Thường trực Hội đồng gửi kết quả lên cấp trên' },
  },
  complaint: {
    council_secretary: { '*': 'Thường trực Hội đồng giải quyết khiếu nại' },
  },
};

/** Stages in which nobody is waited on, but the case is not over: what it waits for instead. */
const WAITING_WITHOUT_ACTOR: Record<string, string> = {
  on_hold: 'Hồ sơ tạm dừng xét (khiếu nại, xem xét kỷ luật): chờ Thường trực Hội đồng cho tiếp tục xét',
};

/** What happens next on the case, or null when nothing more is to be done (decided, closed, registered). */
export function nextStep(row: NextStepFields): string | null {
  if (row.waitingRole === null) return row.kind === 'nomination' ? (WAITING_WITHOUT_ACTOR[row.stage] ?? null) : null;
  const byStage = NEXT_STEPS[row.kind]?.[row.waitingRole];
  return byStage?.[row.stage] ?? byStage?.['*'] ?? null;
}
