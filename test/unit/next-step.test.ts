/** "Việc tiếp theo": every stage in which a case waits on someone has its words, and a decided case has none. */
import { describe, expect, it } from 'vitest';
import { nextStep } from '../../domain/next-step.js';

describe('nextStep', () => {
  it('words each nomination stage by who it waits on', () => {
    const step = (stage: string, waitingRole: string | null) => nextStep({ kind: 'nomination', stage, waitingRole });
    expect(step('draft', 'unit_head')).toContain('Thủ trưởng đơn vị ký, trình');
    expect(step('returned', 'unit_head')).toContain('ký, trình lại');
    expect(step('unit_submitted', 'cluster_head')).toBe('Cụm trưởng, khối trưởng xem xét, cho ý kiến');
    expect(step('cluster_review', 'cluster_head')).toBe('Cụm trưởng, khối trưởng xem xét, cho ý kiến');
    expect(step('cluster_review', 'cluster_member')).toContain('bỏ phiếu');
    expect(step('standing_body_check', 'council_secretary')).toBe('Thường trực Hội đồng kiểm tra hồ sơ');
    expect(step('council_vote', 'council_member')).toContain('biểu quyết');
    expect(step('leadership_approval', 'leadership')).toContain('phê duyệt, ký quyết định');
    expect(step('forwarded', 'council_secretary')).toContain('VKSND tối cao');
    expect(step('on_hold', null)).toContain('tạm dừng');
    for (const done of ['awarded', 'rejected', 'withdrawn', 'revoked']) expect(step(done, null)).toBeNull();
  });

  it("words the year's cases too", () => {
    expect(nextStep({ kind: 'registration', stage: 'open', waitingRole: 'unit_head' })).toContain('đăng ký thi đua');
    expect(nextStep({ kind: 'compact', stage: 'drafting', waitingRole: 'cluster_head' })).toContain('soạn');
    expect(nextStep({ kind: 'compact', stage: 'signing', waitingRole: 'unit_head' })).toContain('ký giao ước');
    expect(nextStep({ kind: 'registration', stage: 'locked', waitingRole: null })).toBeNull();
  });
});
