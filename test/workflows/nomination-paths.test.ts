/**
 * Every way a nomination can go besides the straight path: returned, rejected, withdrawn, held and
 * resumed, revoked, an incomplete dossier, a failed vote with recusal, the ad-hoc fast track, and
 * forwarding to the higher level (decided there, or entered by the secretariat).
 */
import { describe, expect, it } from 'vitest';
import { findByCaseKey } from '../../store/index.js';
import { instantMs } from '../../domain/calendar.js';
import { nominationStateQuery } from '../../workflows/nomination/messages.js';
import { decideForwardedUpdate, forwardedStateQuery } from '../../workflows/nomination/forwarded.js';
import { quotaLedgerId, quotaStateQuery } from '../../workflows/quota/messages.js';
import { waitFor } from '../harness/wait.js';
import type { CaseWorld } from '../support/case-world.js';
import { withTimeSkippingWorld } from '../support/time-skipping-world.js';
import { journey } from '../support/journey.js';
import { personWhoHeld } from '../support/award-history.js';
import { refusalOf } from '../support/refusal.js';

let world: CaseWorld;

withTimeSkippingWorld((started) => ({ world } = started));

/** A person of the unit who held Chiến sĩ thi đua cơ sở in 2023 and 2024 (prerequisite of Bằng khen VKSND tối cao). */
const twoYearFighter = (unitId: string) => personWhoHeld(world, unitId, 'chien-si-thi-dua-co-so', [2023, 2024]);

describe('nomination paths (time skipping)', () => {
  it('returns to the unit with a reason, keeps the history, and goes on when resubmitted', async () => {
    const handle = await world.startNomination({
      unitId: 'hd-kv2',
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2' }),
    });
    const j = journey(world, handle);
    await j.submit();
    const returned = await j.act('return', 'cumtruong.c1', {
      reason: 'Bổ sung số liệu thành tích năm 2025',
      toStep: 'unit',
    });
    expect(returned.stage).toBe('returned');
    expect((await j.submit()).stage).toBe('cluster_review');
    const state = await handle.query(nominationStateQuery);
    expect(state.audit.map((a) => a.action)).toEqual(['create', 'submit', 'return', 'submit']);
    expect(state.audit[2]?.reason).toBe('Bổ sung số liệu thành tích năm 2025');
    await world.mail.waitFor((m) =>
      m.some((x) => x.to.includes('truong.kv2@vks-haiduong.test') && x.subject.includes('trả lại')),
    );
  });

  it('rejects with a reason, closes the case and gives the quota place back', async () => {
    const handle = await world.startNomination({
      unitId: 'hd-kv3',
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv3' }),
    });
    const j = journey(world, handle);
    await j.submit('truong.kv3');
    await j.endorse();
    const { campaignId } = await handle.query(nominationStateQuery);
    const ledger = world.env.client.workflow.getHandle(quotaLedgerId(campaignId, 'hd-kv3'));
    expect((await ledger.query(quotaStateQuery)).reservations.map((r) => r.caseId)).toEqual([handle.workflowId]);
    await j.act('reject', 'thuongtruc', { reason: 'Không đủ tiêu chuẩn theo quy chế' });
    expect((await handle.result()).stage).toBe('rejected');
    expect((await ledger.query(quotaStateQuery)).reservations).toEqual([]);
  });

  it('lets the unit withdraw before the decision, and not after', async () => {
    const handle = await world.startNomination({
      unitId: 'hd-kv2',
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex: 1 }),
    });
    const j = journey(world, handle);
    await j.submit();
    expect(await refusalOf(j.act('withdraw', 'vanthu.kv2', { reason: 'Rút để bổ sung hồ sơ' }))).toContain(
      'Cán bộ làm công tác thi đua, khen thưởng của đơn vị',
    );
    await j.act('withdraw', 'truong.kv2', { reason: 'Rút để bổ sung hồ sơ' });
    expect((await handle.result()).stage).toBe('withdrawn');
  });

  it('holds the case on a complaint: the clock pauses and nothing passes until it is released', async () => {
    const handle = await world.startNomination({
      unitId: 'hd-kv2',
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex: 2 }),
    });
    const j = journey(world, handle);
    await j.submit();
    const before = await handle.query(nominationStateQuery);
    const remaining = instantMs(before.dueAt!) - (await world.env.currentTimeMs());
    await j.act('hold', 'thuongtruc', { reason: 'Có đơn khiếu nại về thành tích', complaintId: 'kn-1' });
    expect(await refusalOf(j.endorse())).toContain('tạm dừng');
    await world.env.sleep('20 days');
    const resumed = await j.act('resume', 'thuongtruc', { reason: 'Đã xác minh, khiếu nại không có cơ sở' });
    expect(resumed.stage).toBe('cluster_review');
    // The step gets back the time it had left (to the end of that Vietnam day).
    const left = instantMs(resumed.dueAt!) - (await world.env.currentTimeMs());
    expect(left).toBeGreaterThanOrEqual(remaining - 60_000);
    expect(left).toBeLessThan(remaining + 24 * 3600_000);
    expect((await j.endorse()).stage).toBe('standing_body_check');
  });

  it('revokes an award: the book row is marked, not deleted', async () => {
    const handle = await world.startNomination({
      unitId: 'hd-kv2',
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex: 3 }),
    });
    const j = journey(world, handle);
    await j.submit();
    await j.endorse();
    await j.verify();
    await j.voteAll('yes');
    await j.approve();
    await world.env.sleep('1 minute'); // let the book activity run
    await j.act('revoke', 'vientruong', { reason: 'Kết luận thanh tra: thành tích không đúng thực tế' });
    expect((await handle.result()).stage).toBe('revoked');
    const row = await findByCaseKey(world.db, `${handle.workflowId}#award`);
    expect(row?.revoked).toBe(true);
    expect(row?.revokeReason).toBe('Kết luận thanh tra: thành tích không đúng thực tế');
  });

  it('sends an incomplete dossier back with the missing items, and refuses to pass it to the council', async () => {
    const draft = await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv4' });
    const handle = await world.startNomination({ unitId: 'hd-kv4', draft: { ...draft, dossier: [] } });
    const j = journey(world, handle);
    await j.submit('truong.kv4');
    await j.endorse();
    expect(await refusalOf(j.verify(true))).toContain('Hồ sơ còn thiếu');
    const back = await j.verify(false, ['Bản sao bằng khen năm trước']);
    expect(back.stage).toBe('returned');
    const state = await handle.query(nominationStateQuery);
    expect(state.missingItems).toContain('Bản sao bằng khen năm trước');
    expect(state.missingItems.length).toBeGreaterThan(1);
  });

  it('recuses the council member from the nominee unit and rejects a case that misses the threshold', async () => {
    // uyvien1 works in hd-p1: a nomination from hd-p1 is decided without that vote.
    const handle = await world.startNomination({
      unitId: 'hd-p1',
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-p1' }),
    });
    const j = journey(world, handle);
    const head = (await world.actor('truong.p1').catch(() => null)) ? 'truong.p1' : 'truong.kv2';
    await j.submit(head);
    await j.endorse('khoitruong.nv');
    await j.verify();
    expect(await refusalOf(j.act('vote', 'uyvien1', { choice: 'yes' }))).toContain(
      'không biểu quyết hồ sơ này vì có liên quan',
    );
    for (const [member, choice] of [
      ['vientruong', 'yes'],
      ['phovientruong', 'yes'],
      ['thuongtruc', 'no'],
      ['uyvien2', 'no'],
      ['uyvien3', 'no'],
      ['uyvien4', 'abstain'],
      ['uyvien5', 'no'],
    ] as const) {
      await j.act('vote', member, { choice });
    }
    const state = await handle.query(nominationStateQuery);
    expect(state.tally).toMatchObject({ yes: 2, no: 4, abstain: 1, recused: 1, passed: false });
    expect(state.tally?.minutes).toContain('KHÔNG ĐẠT');
    expect(state.stage).toBe('rejected');
  });

  it('fast-tracks an ad-hoc commendation past the cluster with shorter due dates', async () => {
    const regular = await world.startNomination({
      unitId: 'hd-kv2',
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex: 4 }),
    });
    const adHoc = await world.startNomination({
      unitId: 'hd-kv2',
      track: 'ad_hoc',
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex: 5 }),
    });
    const afterRegular = await journey(world, regular).submit();
    const afterAdHoc = await journey(world, adHoc).submit();
    expect(afterRegular.stage).toBe('cluster_review');
    expect(afterAdHoc.stage).toBe('standing_body_check');
    expect(instantMs(afterAdHoc.dueAt!)).toBeLessThan(instantMs(afterRegular.dueAt!));
    expect(
      await refusalOf(
        journey(world, adHoc).act('return', 'thuongtruc', { reason: 'Trả về cụm để xem xét', toStep: 'cluster' }),
      ),
    ).toContain('đột xuất');
  });

  it('forwards an award decided above the province and waits for the higher level', async () => {
    const personIndex = await twoYearFighter('hd-kv2');
    const handle = await world.startNomination({
      unitId: 'hd-kv2',
      draft: await world.draftFor({ awardCode: 'bang-khen-vksndtc', unitId: 'hd-kv2', personIndex }),
    });
    const j = journey(world, handle);
    await j.submit();
    await j.endorse();
    await j.verify();
    await j.voteAll('yes');
    expect((await j.approve()).stage).toBe('forwarded');
    const state = await handle.query(nominationStateQuery);
    const child = world.env.client.workflow.getHandle(state.forwarding!.caseId);
    await world.env.sleep('1 minute');
    expect((await child.query(forwardedStateQuery)).input.toUnitId).toBe('vkstc');
    // The province cannot decide for the Supreme Procuracy.
    expect(
      await refusalOf(
        child.executeUpdate(decideForwardedUpdate, {
          args: [
            {
              actor: await world.actor('thuongtruc'),
              outcome: 'approved',
              decisionNumber: '1',
              decisionDate: '2026-01-01',
            },
          ],
        }),
      ),
    ).toContain('thẩm quyền');
    await child.executeUpdate(decideForwardedUpdate, {
      args: [
        {
          actor: await world.actor('vu16.vkstc'),
          outcome: 'approved',
          decisionNumber: '888/QĐ-VKSTC',
          decisionDate: '2026-11-20',
        },
      ],
    });
    expect((await handle.result()).stage).toBe('awarded');
    expect((await findByCaseKey(world.db, `${handle.workflowId}#award`))?.decidedByLevel).toBe('supreme');
  });

  it('takes the higher level decision entered by the secretariat, and cancels the linked case', async () => {
    const personIndex = await twoYearFighter('hd-kv3');
    const handle = await world.startNomination({
      unitId: 'hd-kv3',
      draft: await world.draftFor({ awardCode: 'bang-khen-vksndtc', unitId: 'hd-kv3', personIndex }),
    });
    const j = journey(world, handle);
    await j.submit('truong.kv3');
    await j.endorse();
    await j.verify();
    await j.voteAll('yes');
    await j.approve('phovientruong');
    const done = await j.act('record_external_decision', 'thuongtruc', {
      outcome: 'rejected',
      reason: 'VKSND tối cao không chấp thuận do hết chỉ tiêu',
    });
    expect(done.stage).toBe('rejected');
    const { forwarding } = await handle.query(nominationStateQuery);
    const child = world.env.client.workflow.getHandle(forwarding!.caseId);
    await waitFor(async () => expect((await child.describe()).status.name).toBe('CANCELLED'));
  });
});
