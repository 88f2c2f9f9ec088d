/**
 * The complaint's rule, pure: seed 003 (III.6) "Thường trực Hội đồng thi đua VKSND tỉnh tham mưu Viện trưởng VKSND
 * tỉnh giải quyết kịp thời các đơn thư khiếu nại": who may act at each step, who its index row waits on, and the
 * old procedure kept for complaints filed before it.
 */
import { describe, expect, it } from 'vitest';
import { complaintIndexRow } from '../../domain/case-index.js';
import type { Actor, Role } from '../../domain/org.js';
import {
  checkComplaintAction,
  initialComplaintState,
  type ComplaintAction,
  type ComplaintProcedure,
  type ComplaintState,
} from '../../domain/plan-year/complaint.js';
import { Refusal } from '../../domain/nomination/refusal.js';
import { ruleSetFor } from '../../domain/rules/index.js';

const NOW = '2030-03-02T02:00:00.000Z';
const actor = (role: Role, unitId: string): Actor => ({
  userId: `u-${role}-${unitId}`,
  displayName: `Người ${role}`,
  role,
  unitId,
  actingFor: null,
});
const STANDING = actor('council_secretary', 'hd-vp');
const CHAIR = actor('leadership', 'hd');
const OTHER_LEADER = actor('leadership', 'hd-kv3');

function complaintOf(procedure: ComplaintProcedure): ComplaintState {
  return initialComplaintState(
    {
      complaintId: 'kn-1',
      target: { kind: 'nomination', caseId: 'nomination/dot/hd-kv2/1' },
      filedBy: actor('unit_head', 'hd-kv5'),
      summary: 'Thành tích kê khai chưa đúng thực tế.',
      council: { unitId: 'hd', secretariatUnitId: 'hd-vp' },
    },
    ruleSetFor(NOW),
    NOW,
    procedure,
  );
}

const resolve = (a: Actor, outcome: 'upheld' | 'dismissed' = 'dismissed'): ComplaintAction => ({
  name: 'resolve',
  input: { actor: a, outcome, revokeAward: false, reason: 'Kết luận' },
});
const propose = (a: Actor): ComplaintAction => ({
  name: 'propose',
  input: { actor: a, findings: 'Đã xác minh đầy đủ hồ sơ.', outcome: 'dismissed', revokeAward: false, reason: 'Lý do' },
});
const refusalOf = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof Refusal) return error.code;
    throw error;
  }
};

describe("a complaint under the seed's rule: the standing body advises, the leadership concludes", () => {
  it('waits on the standing body, which may propose but not conclude; then on the leadership, which concludes', () => {
    const state = complaintOf('leader-concludes');
    expect(complaintIndexRow(state, 'complaint/kn-1')).toMatchObject({
      status: 'open',
      waitingRole: 'council_secretary',
      waitingUnit: 'hd-vp',
    });
    expect(refusalOf(() => checkComplaintAction(state, resolve(STANDING)))).toBe('advises-only');
    expect(refusalOf(() => checkComplaintAction(state, resolve(CHAIR)))).toBe('no-proposal');
    expect(refusalOf(() => checkComplaintAction(state, propose(CHAIR)))).toBe('wrong-role');
    expect(refusalOf(() => checkComplaintAction(state, propose(STANDING)))).toBeNull();

    const proposed: ComplaintState = {
      ...state,
      stage: 'proposed',
      proposal: { findings: 'x', outcome: 'dismissed', revokeAward: false, reason: 'y', by: STANDING, at: NOW },
    };
    expect(complaintIndexRow(proposed, 'complaint/kn-1')).toMatchObject({
      status: 'open',
      waitingRole: 'leadership',
      waitingUnit: 'hd',
    });
    expect(refusalOf(() => checkComplaintAction(proposed, resolve(STANDING)))).toBe('advises-only');
    expect(refusalOf(() => checkComplaintAction(proposed, propose(STANDING)))).toBe('already-proposed');
    expect(refusalOf(() => checkComplaintAction(proposed, resolve(OTHER_LEADER)))).toBe('wrong-unit');
    expect(refusalOf(() => checkComplaintAction(proposed, resolve(CHAIR, 'upheld')))).toBeNull();

    const resolved: ComplaintState = { ...proposed, stage: 'resolved' };
    expect(complaintIndexRow(resolved, 'complaint/kn-1')).toMatchObject({
      status: 'closed',
      waitingRole: null,
      waitingUnit: null,
    });
  });

  it('keeps the old procedure for complaints filed before it: the standing body concludes at once, no proposal', () => {
    const legacy = complaintOf('standing-body-resolves');
    expect(refusalOf(() => checkComplaintAction(legacy, resolve(STANDING)))).toBeNull();
    expect(refusalOf(() => checkComplaintAction(legacy, propose(STANDING)))).toBe('legacy-procedure');
    expect(complaintIndexRow(legacy, 'complaint/kn-1')).toMatchObject({ waitingRole: 'council_secretary' });
  });
});
