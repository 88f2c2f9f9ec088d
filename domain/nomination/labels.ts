/** Vietnamese labels used in messages of the nomination machine. */
import type { Role } from '../org.js';
import type { NominationStage } from '../stages.js';

export const ROLE_LABELS_VI: Record<Role, string> = {
  unit_clerk: 'Cán bộ TĐKT đơn vị',
  unit_head: 'Thủ trưởng đơn vị',
  cluster_head: 'Đơn vị cụm trưởng/khối trưởng',
  council_secretary: 'Thường trực Hội đồng',
  council_member: 'Thành viên Hội đồng',
  leadership: 'Lãnh đạo Viện',
  admin: 'Quản trị hệ thống',
};

export const STAGE_LABELS_VI: Record<NominationStage, string> = {
  draft: 'Đơn vị đang soạn',
  unit_submitted: 'Đơn vị đã trình',
  cluster_review: 'Cụm trưởng xem xét',
  standing_body_check: 'Thường trực Hội đồng thẩm định',
  council_vote: 'Hội đồng biểu quyết',
  leadership_approval: 'Lãnh đạo phê duyệt',
  forwarded: 'Đã trình cấp trên',
  awarded: 'Đã khen thưởng',
  returned: 'Trả lại đơn vị',
  rejected: 'Không chấp thuận',
  withdrawn: 'Đơn vị rút hồ sơ',
  on_hold: 'Tạm dừng (khiếu nại/xem xét)',
  revoked: 'Đã hủy khen thưởng',
};
