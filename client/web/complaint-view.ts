/**
 * What the complaint page shows (routes/complaints.ts, views/complaint.eta): its step, outcome and audit in
 * Vietnamese, and which forms an account gets. The forms are offered by the domain's own check
 * (checkComplaintAction, the one the workflow's validator runs), so the page never offers what the case refuses.
 */
import {
  checkComplaintAction,
  type ComplaintAction,
  type ComplaintActionName,
  type ComplaintState,
} from '../../domain/plan-year/complaint.js';
import type { NominationState } from '../../domain/nomination/types.js';
import type { Role } from '../../domain/org.js';
import type { Account } from '../../store/credentials.js';
import { actorWithRole } from './case-view.js';

/** A complaint's page (routes/complaints.ts), by its number: `complaint/<number>` is its workflow id. */
export const COMPLAINTS_PATH = '/khieu-nai';
export function complaintUrl(number: string): string {
  return `${COMPLAINTS_PATH}/${encodeURIComponent(number)}`;
}

/** The step of a complaint, by who must act (the index row's stage, for lists too). */
export const COMPLAINT_STAGE_LABELS: Record<ComplaintState['stage'], string> = {
  received: 'Chờ Thường trực Hội đồng xác minh, tham mưu',
  proposed: 'Chờ Lãnh đạo Viện kết luận',
  resolved: 'Đã giải quyết',
};

export const OUTCOME_LABELS: Record<'upheld' | 'dismissed', string> = {
  upheld: 'Có cơ sở',
  dismissed: 'Không có cơ sở',
};

const AUDIT_LABELS: Record<string, string> = {
  file: 'Tiếp nhận đơn khiếu nại',
  hold_case: 'Tạm dừng xét hồ sơ bị khiếu nại',
  propose: 'Thường trực Hội đồng báo cáo kết quả xác minh, tham mưu kết luận',
  release_hold: 'Cho tiếp tục xét hồ sơ',
  resolve: 'Kết luận giải quyết đơn khiếu nại',
};

export function complaintAuditLabel(action: string): string {
  return AUDIT_LABELS[action] ?? action;
}

/** The page's address segment of each action. */
export const COMPLAINT_ACTION_SLUGS: Record<ComplaintActionName, string> = {
  hold_case: 'tam-dung',
  propose: 'tham-muu',
  resolve: 'ket-luan',
};

export function complaintActionOf(slug: string): ComplaintActionName | null {
  const found = Object.entries(COMPLAINT_ACTION_SLUGS).find(([, s]) => s === slug);
  return found ? (found[0] as ComplaintActionName) : null;
}

/** A well-formed input of each action, to ask the domain whether an actor may take it now. */
function sampleAction(name: ComplaintActionName, actor: ReturnType<typeof actorWithRole>): ComplaintAction {
  const reason = 'Kiểm tra quyền';
  switch (name) {
    case 'hold_case':
      return { name, input: { actor, reason } };
    case 'propose':
      return {
        name,
        input: { actor, findings: 'Kiểm tra quyền thao tác', outcome: 'dismissed', revokeAward: false, reason },
      };
    case 'resolve':
      return { name, input: { actor, outcome: 'dismissed', revokeAward: false, reason } };
  }
}

/**
 * The role in which an account may take an action on the complaint now, or null. Tried in the account's own
 * order of roles, as the nomination's case page does.
 */
export function complaintActorRole(state: ComplaintState, account: Account, name: ComplaintActionName): Role | null {
  for (const role of account.user.roles) {
    try {
      checkComplaintAction(state, sampleAction(name, actorWithRole(account, role)));
      return role;
    } catch {
      // not in this role: try the next
    }
  }
  return null;
}

/** Every action the account may take now, in the page's order. */
export function complaintActions(state: ComplaintState, account: Account): ComplaintActionName[] {
  return (['hold_case', 'propose', 'resolve'] as const).filter((n) => complaintActorRole(state, account, n) !== null);
}

/** Who may open a complaint's page: the council's standing body, the leadership and administrators. */
export function canSeeComplaints(account: Account): boolean {
  return account.user.roles.some((r) => r === 'council_secretary' || r === 'leadership' || r === 'admin');
}

/** The complaints a nomination was held on (its `hold` entries name them), each once, for its case page's links. */
export function complaintsOfCase(state: Pick<NominationState, 'audit'>): { number: string; href: string }[] {
  const numbers = state.audit
    .filter((a) => a.action === 'hold' && typeof a.details.complaintId === 'string' && a.details.complaintId !== '')
    .map((a) => a.details.complaintId as string);
  return [...new Set(numbers)].map((number) => ({ number, href: complaintUrl(number) }));
}
