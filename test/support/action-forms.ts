/**
 * A well-formed form of each action the case page offers, as a person would send it: the role × action tests post
 * them as they are (test/e2e/web-http.test.ts) and the bad-input suite spoils them (test/support/bad-inputs.ts).
 */
import type { ActionName } from '../../domain/nomination/actions.js';

export type Form = Record<string, string | string[]>;

export const GOOD_FORMS: Record<Exclude<ActionName, 'edit'>, Form> = {
  submit: { note: 'Đơn vị trình' },
  endorse: { rank: '1' },
  verify: { complete: 'yes' },
  vote: { choice: 'yes' },
  close_vote: {},
  cluster_vote: { choice: 'yes' },
  close_cluster_vote: {},
  approve: { decisionNumber: '1/QĐ-VKSHD', decisionDate: '01/01/2025' },
  return: { reason: 'Lý do trả lại', toStep: 'unit' },
  reject: { reason: 'Không đủ điều kiện' },
  withdraw: { reason: 'Đơn vị rút' },
  hold: { reason: 'Có khiếu nại' },
  resume: { reason: 'Đã giải quyết' },
  revoke: { reason: 'Hủy quyết định' },
  extend: { newDue: '31/12/2030', reason: 'Gia hạn thêm' },
  reassign: { toUnitId: 'hd-kv3', reason: 'Cụm trưởng thay đổi' },
  comment: { text: 'Ghi chú' },
  record_external_decision: { outcome: 'approved', decisionNumber: '2/QĐ', decisionDate: '01/01/2025' },
};
