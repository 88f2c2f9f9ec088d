/**
 * Who may take which action on a case, in which stage. Checked by the web layer for the screen and
 * again inside the workflow (validators and handlers), so a forged request changes nothing.
 */
import type { Actor, Role } from '../org.js';
import type { NominationStage } from '../stages.js';
import { ROLE_LABELS as ROLE_LABELS_VI, STAGE_LABELS as STAGE_LABELS_VI } from '../i18n.js';
import type { ActionName } from './actions.js';
import { REASSIGNABLE_STAGES } from './reassign.js';
import { refuse } from './refusal.js';
import type { NominationState } from './types.js';

/** Stages in which the unit may still change its mind (before a decision). */
const OPEN_STAGES: readonly NominationStage[] = [
  'draft',
  'returned',
  'unit_submitted',
  'cluster_review',
  'standing_body_check',
  'council_vote',
  'leadership_approval',
];

type UnitOf = 'case' | 'clusterHead' | 'clusterMembers' | 'council' | 'councilOrHigherLevel' | 'any';

interface Permission {
  roles: Role[];
  unit: UnitOf;
  stages: readonly NominationStage[] | 'any';
}

/** Reviewer actions (return, reject) belong to whoever holds the case in that stage. */
const REVIEWER_BY_STAGE: Partial<Record<NominationStage, Permission>> = {
  cluster_review: { roles: ['cluster_head'], unit: 'clusterHead', stages: ['cluster_review'] },
  standing_body_check: { roles: ['council_secretary'], unit: 'council', stages: ['standing_body_check'] },
  council_vote: { roles: ['council_secretary'], unit: 'council', stages: ['council_vote'] },
  leadership_approval: { roles: ['leadership'], unit: 'council', stages: ['leadership_approval'] },
};

const PERMISSIONS: Record<Exclude<ActionName, 'return' | 'reject'>, Permission> = {
  edit: { roles: ['unit_clerk', 'unit_head'], unit: 'case', stages: ['draft', 'returned'] },
  submit: { roles: ['unit_head'], unit: 'case', stages: ['draft', 'returned'] },
  endorse: { roles: ['cluster_head'], unit: 'clusterHead', stages: ['cluster_review'] },
  verify: { roles: ['council_secretary'], unit: 'council', stages: ['standing_body_check'] },
  // Seats decide who votes (checked in the machine); these are the roles council seats are held with.
  vote: { roles: ['council_member', 'leadership', 'council_secretary'], unit: 'any', stages: ['council_vote'] },
  close_vote: { roles: ['council_secretary'], unit: 'council', stages: ['council_vote'] },
  // Each member unit of the cluster votes through its head; the cluster head unit closes the vote (cluster-vote.ts).
  cluster_vote: { roles: ['unit_head'], unit: 'clusterMembers', stages: ['cluster_review'] },
  close_cluster_vote: { roles: ['cluster_head'], unit: 'clusterHead', stages: ['cluster_review'] },
  approve: { roles: ['leadership'], unit: 'council', stages: ['leadership_approval'] },
  withdraw: { roles: ['unit_head'], unit: 'case', stages: OPEN_STAGES },
  hold: { roles: ['council_secretary'], unit: 'council', stages: [...OPEN_STAGES, 'forwarded'] },
  resume: { roles: ['council_secretary'], unit: 'council', stages: ['on_hold'] },
  revoke: { roles: ['leadership'], unit: 'council', stages: ['awarded'] },
  extend: { roles: ['council_secretary', 'admin'], unit: 'council', stages: OPEN_STAGES },
  reassign: { roles: ['council_secretary', 'admin'], unit: 'council', stages: REASSIGNABLE_STAGES },
  comment: {
    roles: ['unit_clerk', 'unit_head', 'cluster_head', 'council_secretary', 'council_member', 'leadership', 'admin'],
    unit: 'any',
    stages: 'any',
  },
  // The higher level's emulation department enters its own decision; the standing body may enter it from paper.
  record_external_decision: { roles: ['council_secretary'], unit: 'councilOrHigherLevel', stages: ['forwarded'] },
};

export function permissionFor(state: NominationState, action: ActionName): Permission | null {
  if (action === 'return' || action === 'reject') return REVIEWER_BY_STAGE[state.stage] ?? null;
  return PERMISSIONS[action];
}

/** The units whose staff may act under a permission's scope. */
function unitsFor(state: NominationState, unit: UnitOf): string[] {
  switch (unit) {
    case 'case':
      return [state.unitId];
    case 'clusterHead':
      return state.context.clusterHeadUnitId ? [state.context.clusterHeadUnitId] : [];
    case 'clusterMembers':
      return state.context.clusterMemberUnitIds ?? [];
    case 'council':
      // The council's own unit (its leaders) and its secretariat (the standing body's office).
      return [state.context.council.unitId, state.context.council.secretariatUnitId];
    case 'councilOrHigherLevel':
      return [
        state.context.council.unitId,
        state.context.council.secretariatUnitId,
        ...(state.forwarding ? [state.forwarding.toUnitId] : []),
      ];
    case 'any':
      return [];
  }
}

/**
 * Throws a Refusal unless the actor may take the action now. Signing on behalf (ký thay / thừa lệnh)
 * is recorded, never a way to gain a role: the principal must hold the same role as the actor.
 */
export function authorize(state: NominationState, action: ActionName, actor: Actor): void {
  if (actor.actingFor && actor.actingFor.role !== actor.role) {
    refuse(
      'acting-for-role',
      'Chỉ được ký thay người có cùng vai trò.',
      'acting-for must be for a principal of the same role',
    );
  }
  if (state.stage === 'on_hold' && action !== 'resume' && action !== 'comment') {
    refuse(
      'on-hold',
      'Hồ sơ đang bị tạm dừng (khiếu nại hoặc xem xét): không thể thao tác cho đến khi được giải tỏa.',
      `case is on hold; ${action} refused`,
    );
  }
  const permission = permissionFor(state, action);
  if (!permission || (permission.stages !== 'any' && !permission.stages.includes(state.stage))) {
    refuse(
      'wrong-stage',
      `Không thể thực hiện thao tác này khi hồ sơ đang ở bước “${STAGE_LABELS_VI[state.stage]}”.`,
      `${action} is not allowed in stage ${state.stage}`,
    );
  }
  if (!permission.roles.includes(actor.role)) {
    refuse(
      'wrong-role',
      `Vai trò “${ROLE_LABELS_VI[actor.role]}” không được thực hiện thao tác này.`,
      `role ${actor.role} may not ${action}`,
    );
  }
  if (actor.role === 'admin') return; // admins act for the whole organisation (repairs, with a reason)
  const allowedUnits = unitsFor(state, permission.unit);
  if (permission.unit !== 'any' && !allowedUnits.includes(actor.unitId)) {
    refuse(
      'wrong-unit',
      'Bạn không thuộc đơn vị có thẩm quyền với hồ sơ này.',
      `unit ${actor.unitId} may not ${action} (needs ${allowedUnits.join(' or ') || 'none'})`,
    );
  }
  if (action === 'comment' && !isInvolved(state, actor)) {
    refuse('not-involved', 'Bạn không liên quan đến hồ sơ này.', `unit ${actor.unitId} is not involved in the case`);
  }
}

function isInvolved(state: NominationState, actor: Actor): boolean {
  return (
    actor.role === 'admin' ||
    actor.unitId === state.unitId ||
    actor.unitId === state.context.clusterHeadUnitId ||
    actor.unitId === state.context.council.unitId ||
    actor.unitId === state.context.council.secretariatUnitId ||
    state.context.council.members.some((m) => m.userId === actor.userId)
  );
}
