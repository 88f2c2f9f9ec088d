/**
 * Reassignment, a repair (issue #6), on the time-skipping server: the cluster head unit changes during the year
 * and the administrator hands the cluster step to the new head with a reason. From then on the new head is the
 * one who may act and the one reminded; the old head is neither. Recorded in the audit trail.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getUserByUsername, importDirectory } from '../../store/index.js';
import { instantMs } from '../../domain/calendar.js';
import { nominationStateQuery } from '../../workflows/nomination/messages.js';
import type { CaseWorld } from '../support/case-world.js';
import { withTimeSkippingWorld } from '../support/time-skipping-world.js';
import { journey } from '../support/journey.js';
import { refusalOf } from '../support/refusal.js';

let world: CaseWorld;
/** The new cluster head: the head of hd-kv2, the cluster's deputy, who takes over cluster 1. */
const NEW_HEAD = { username: 'cumtruong.moi', email: 'cumtruong.moi@vks-haiduong.test' };

withTimeSkippingWorld((started) => ({ world } = started));
beforeAll(async () => {
  // The directory gains the new head's account, as the administrator would import it.
  await importDirectory(world.db, {
    users: [
      {
        id: 'u-cumtruong-moi',
        username: NEW_HEAD.username,
        displayName: 'Phạm Văn Mới',
        unitId: 'hd-kv2',
        roles: ['cluster_head'],
        email: NEW_HEAD.email,
        personId: null,
      },
    ],
  });
});

describe('reassigning the current step (time skipping)', () => {
  it('hands the cluster step to the new head: reminders, the right to act and the audit follow', async () => {
    const oldHead = (await getUserByUsername(world.db, 'cumtruong.c1'))!.email;
    const handle = await world.startNomination({
      unitId: 'hd-kv3',
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv3' }),
    });
    const j = journey(world, handle);
    await j.submit('truong.kv3');
    const before = await handle.query(nominationStateQuery);
    expect(before.stage).toBe('cluster_review');
    expect(before.context.clusterHeadUnitId).toBe('hd-kv1');

    // Only the administrator or the standing body repairs; the same unit again is refused.
    expect(
      await refusalOf(j.act('reassign', 'truong.kv3', { toUnitId: 'hd-kv2', reason: 'Cụm trưởng thay đổi' })),
    ).toBe('Vai trò “Thủ trưởng đơn vị” không được thực hiện thao tác này.');
    expect(await refusalOf(j.act('reassign', 'admin', { toUnitId: 'hd-kv1', reason: 'Cụm trưởng thay đổi' }))).toBe(
      'Bước hiện tại đã do đơn vị này đảm nhiệm.',
    );
    // The nominating unit may not hold its own review (it could endorse itself), nor may a unit outside the cluster.
    expect(await refusalOf(j.act('reassign', 'admin', { toUnitId: 'hd-kv3', reason: 'Cụm trưởng thay đổi' }))).toBe(
      'Không giao bước xét duyệt cho chính đơn vị đề nghị.',
    );
    expect(await refusalOf(j.act('reassign', 'admin', { toUnitId: 'hd-kv5', reason: 'Cụm trưởng thay đổi' }))).toBe(
      'Chỉ giao việc của cụm trưởng cho một đơn vị khác trong cùng cụm, khối thi đua.',
    );
    expect((await handle.query(nominationStateQuery)).context.clusterHeadUnitId).toBe('hd-kv1');
    expect(await refusalOf(j.act('reassign', 'admin', { toUnitId: 'hd-kv2', reason: 'x' }))).toContain(
      'Lý do phải có ít nhất 3 ký tự',
    );

    const reason = 'VKSND khu vực 1 thôi làm cụm trưởng từ 01/12; VKSND khu vực 2 đảm nhiệm';
    const done = await j.act('reassign', 'admin', { toUnitId: 'hd-kv2', reason });
    expect(done).toMatchObject({ stage: 'cluster_review', dueAt: before.dueAt });
    const after = await handle.query(nominationStateQuery);
    expect(after.context.clusterHeadUnitId).toBe('hd-kv2');
    expect(after.audit.at(-1)).toMatchObject({
      action: 'reassign',
      actor: { userId: (await world.actor('admin')).userId, role: 'admin' },
      reason,
      details: { assignment: 'cluster_head', fromUnitId: 'hd-kv1', toUnitId: 'hd-kv2' },
    });
    await world.mail.waitFor((messages) =>
      messages.some((m) => m.to.includes(NEW_HEAD.email) && m.subject.includes('được giao cho đơn vị của bạn')),
    );
    const mailsBefore = world.mail.messages.length;

    // Through the due date: every reminder of the step goes to the new head, none to the old one.
    await world.env.sleep(instantMs(after.dueAt!) - (await world.env.currentTimeMs()) + 60_000);
    const state = await handle.query(nominationStateQuery);
    const reminders = state.notices.filter((n) => n.kind !== 'escalation');
    expect(reminders.map((n) => n.kind)).toEqual(['reminder', 'reminder', 'due']);
    for (const n of reminders) expect(n.to).toEqual([{ role: 'cluster_head', unitId: 'hd-kv2' }]);
    await world.mail.waitFor(
      (messages) =>
        messages.filter((m) => m.to.includes(NEW_HEAD.email) && m.subject.includes('Nhắc việc')).length === 3,
    );
    const later = world.mail.messages.slice(mailsBefore);
    expect(later.filter((m) => m.to.includes(oldHead))).toEqual([]);

    // The old head may no longer act; the new one endorses.
    expect(await refusalOf(j.endorse('cumtruong.c1'))).toBe('Bạn không thuộc đơn vị có thẩm quyền với hồ sơ này.');
    expect((await j.endorse(NEW_HEAD.username)).stage).toBe('standing_body_check');
  });

  it('hands the standing body’s check to another office; council votes cannot be reassigned', async () => {
    const handle = await world.startNomination({
      unitId: 'hd-kv4',
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv4' }),
    });
    const j = journey(world, handle);
    await j.submit('truong.kv4');
    await j.endorse();
    // Not even the standing body's check goes to the nominating unit.
    expect(await refusalOf(j.act('reassign', 'admin', { toUnitId: 'hd-kv4', reason: 'Giao lại thẩm định' }))).toBe(
      'Không giao bước xét duyệt cho chính đơn vị đề nghị.',
    );
    const done = await j.act('reassign', 'thuongtruc', {
      toUnitId: 'hd-p3',
      reason: 'Văn phòng chuyển việc thẩm định',
    });
    expect(done.stage).toBe('standing_body_check');
    const state = await handle.query(nominationStateQuery);
    expect(state.context.council.secretariatUnitId).toBe('hd-p3');
    expect(state.audit.at(-1)?.details).toMatchObject({ assignment: 'standing_body', toUnitId: 'hd-p3' });
    // The office that gave the work away no longer holds it; the administrator can hand it back.
    expect(await refusalOf(j.verify())).toBe('Bạn không thuộc đơn vị có thẩm quyền với hồ sơ này.');
    await j.act('reassign', 'admin', { toUnitId: 'hd-vp', reason: 'Văn phòng nhận lại việc thẩm định' });
    expect((await j.verify()).stage).toBe('council_vote');
    // Council votes belong to the seats: nothing to hand on.
    expect(await refusalOf(j.act('reassign', 'admin', { toUnitId: 'hd-p3', reason: 'Giao lại' }))).toBe(
      'Không thể thực hiện thao tác này khi hồ sơ đang ở bước “Hội đồng xét, bỏ phiếu”.',
    );
  });
});
