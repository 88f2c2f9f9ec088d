/** Vietnamese labels for everything shown on screen, in mail and in the CLI. Code uses the English identifiers. */
import type { AwardKind, AwardSubject, DecidingLevel, NomineeSubject } from './catalogue.js';
import type { ActingMode, ClusterKind, Role, UnitLevel } from './org.js';
import type { DeadlineAudience, PlanDeadlineKind } from './plan.js';
import type { ActionName } from './nomination/actions.js';
import type { JourneyStep, NominationStage, NominationTrack } from './stages.js';

export const ROLE_LABELS: Record<Role, string> = {
  unit_clerk: 'Cán bộ làm công tác thi đua, khen thưởng của đơn vị',
  unit_head: 'Thủ trưởng đơn vị',
  cluster_head: 'Lãnh đạo đơn vị cụm trưởng, khối trưởng',
  council_secretary: 'Thường trực Hội đồng Thi đua - Khen thưởng',
  council_member: 'Thành viên Hội đồng Thi đua - Khen thưởng',
  leadership: 'Lãnh đạo Viện',
  admin: 'Quản trị hệ thống',
};

export const STAGE_LABELS: Record<NominationStage, string> = {
  draft: 'Đang soạn',
  unit_submitted: 'Đơn vị đã trình',
  cluster_review: 'Cụm, khối thi đua xem xét',
  standing_body_check: 'Thường trực Hội đồng thẩm định',
  council_vote: 'Hội đồng xét, bỏ phiếu',
  leadership_approval: 'Chờ Lãnh đạo phê duyệt',
  forwarded: 'Đã trình cấp trên',
  awarded: 'Đã khen thưởng',
  returned: 'Trả lại để hoàn thiện',
  rejected: 'Không đề nghị',
  withdrawn: 'Đơn vị rút đề nghị',
  on_hold: 'Tạm dừng xét',
  revoked: 'Đã hủy bỏ quyết định',
};

export const STEP_LABELS: Record<JourneyStep, string> = {
  unit: 'Đơn vị',
  cluster: 'Cụm, khối thi đua',
  standing_body: 'Thường trực Hội đồng',
  council: 'Hội đồng Thi đua - Khen thưởng',
  leadership: 'Lãnh đạo Viện',
};

export const TRACK_LABELS: Record<NominationTrack, string> = {
  regular: 'Khen thưởng thường xuyên',
  ad_hoc: 'Khen thưởng đột xuất',
};

/**
 * The one label of each action on a nomination (every staff action, nomination/actions.ts ACTION_NAMES): the case page's form
 * titles and buttons, the CLI and the mails use these words.
 */
export const ACTION_LABELS: Record<ActionName, string> = {
  edit: 'Sửa hồ sơ',
  submit: 'Ký, trình hồ sơ',
  endorse: 'Cụm, khối đề nghị (xếp hạng)',
  verify: 'Thẩm định hồ sơ',
  vote: 'Biểu quyết',
  close_vote: 'Kết thúc biểu quyết',
  cluster_vote: 'Bỏ phiếu của cụm, khối thi đua',
  close_cluster_vote: 'Kết thúc bỏ phiếu của cụm, khối',
  approve: 'Phê duyệt, ký quyết định',
  return: 'Trả lại',
  reject: 'Không đề nghị',
  withdraw: 'Rút đề nghị',
  hold: 'Tạm dừng xét',
  resume: 'Tiếp tục xét',
  revoke: 'Hủy bỏ quyết định khen thưởng',
  extend: 'Gia hạn',
  reassign: 'Giao lại bước hiện tại',
  comment: 'Ghi chú',
  record_external_decision: 'Ghi nhận quyết định của cấp trên',
};

export const VOTE_LABELS: Record<'yes' | 'no' | 'abstain', string> = {
  yes: 'Đồng ý',
  no: 'Không đồng ý',
  abstain: 'Không biểu quyết',
};

export const SUBJECT_LABELS: Record<AwardSubject, string> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
  both: 'Tập thể và cá nhân',
};

export function nomineeSubjectLabel(subject: NomineeSubject): string {
  return SUBJECT_LABELS[subject];
}

export const AWARD_KIND_LABELS: Record<AwardKind, string> = {
  title: 'Danh hiệu thi đua',
  award: 'Hình thức khen thưởng',
};

export const DECIDING_LEVEL_LABELS: Record<DecidingLevel, string> = {
  provincial: 'Viện trưởng VKSND tỉnh',
  supreme: 'Viện trưởng VKSND tối cao',
  government: 'Thủ tướng Chính phủ',
  state: 'Chủ tịch nước',
};

export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  supreme: 'VKSND tối cao',
  high: 'VKSND cấp cao',
  provincial: 'VKSND cấp tỉnh',
  regional: 'VKSND khu vực',
  department: 'Phòng, đơn vị thuộc Viện kiểm sát',
};

export const CLUSTER_KIND_LABELS: Record<ClusterKind, string> = {
  cluster: 'Cụm thi đua',
  bloc: 'Khối thi đua',
};

export const ACTING_MODE_LABELS: Record<ActingMode, string> = {
  ky_thay: 'KT.',
  thua_lenh: 'TL.',
};

export const DEADLINE_KIND_LABELS: Record<PlanDeadlineKind, string> = {
  unit_plan: 'Gửi kế hoạch thi đua của đơn vị',
  registration: 'Đăng ký thi đua',
  compact: 'Ký giao ước thi đua',
  advanced_model_registration: 'Đăng ký điển hình tiên tiến',
  interim_review: 'Sơ kết',
  final_review: 'Tổng kết',
  nomination: 'Đề nghị khen thưởng',
  other: 'Khác',
};

export const DEADLINE_AUDIENCE_LABELS: Record<DeadlineAudience, string> = {
  units: 'Các đơn vị',
  clusters: 'Các cụm, khối thi đua',
  standing_body: 'Thường trực Hội đồng',
  council: 'Hội đồng Thi đua - Khen thưởng',
};

/** What a registration's audit trail records (domain/plan-year/registration.ts, workflows/registration, the shell). */
export const REGISTRATION_AUDIT_LABELS: Record<string, string> = {
  create: 'mở đăng ký thi đua',
  save_draft: 'lưu bản nháp',
  register: 'ký, gửi đăng ký',
  amend: 'ký, gửi bản sửa đổi',
  lock: 'khóa bản đăng ký (hết hạn)',
  deadline_moved: 'dời hạn đăng ký',
  reminder: 'gửi thư nhắc hạn',
  escalation: 'báo cáo quá hạn',
};

/** The line of a registration's audit trail, in Vietnamese even for an action added later and not labelled yet. */
export function registrationAuditLabel(action: string): string {
  return Object.hasOwn(REGISTRATION_AUDIT_LABELS, action) ? REGISTRATION_AUDIT_LABELS[action]! : 'cập nhật bản đăng ký';
}
