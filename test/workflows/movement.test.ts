/**
 * Seed 001's movement (văn hóa công sở 2019 – 2025) carried out by Hải Dương, on the time-skipping server with the
 * real worker, database and SMTP. Its calendar is replayed some whole years ahead of the server's clock. The
 * interim review (sơ kết, 2022) and the final review (tổng kết, 2025) each open a nomination campaign at the end of
 * their movement year (31/05; the movement year runs 01/06 → 31/05), and a nomination in one counts against that
 * campaign's quota: 1/4 of the unit's collectives, 10% of its people.
 */
import type { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import { DEMO_EMAIL_DOMAIN, getUnit, listUnits } from '../../store/index.js';
import { movementShifted, MovementSchema } from '../../domain/plan-year/movement.js';
import { VAN_HOA_CONG_SO_2019_2025 } from '../../domain/plans/van-hoa-cong-so-2019-2025.js';
import { ruleSetFor, ruleValue } from '../../domain/rules/index.js';
import { movementCampaignsQuery, movementWorkflowId } from '../../workflows/movement/messages.js';
import { actionUpdates } from '../../workflows/nomination/messages.js';
import { quotaLedgerId, quotaStateQuery } from '../../workflows/quota/messages.js';
import { movement } from '../../workflows/index.js';
import type { CaseWorld } from '../support/case-world.js';
import { withTimeSkippingWorld } from '../support/time-skipping-world.js';

let env: TestWorkflowEnvironment;
let world: CaseWorld;

const HOUR = 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');
/** "HH:mm dd/mm/yyyy" on a clock in Vietnam (UTC+7, no daylight saving), worked out here, not by the code. */
function vnClock(ms: number): string {
  const d = new Date(ms + 7 * HOUR);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}
const vnMs = (day: number, month: number, year: number, hour = 0) => Date.UTC(year, month - 1, day, hour) - 7 * HOUR;

withTimeSkippingWorld((started) => ({ env, world } = started));

describe('a movement over several years (time skipping)', () => {
  it('is data quoted from seed 001, with the same quotas as the rule set', () => {
    expect(MovementSchema.parse(VAN_HOA_CONG_SO_2019_2025)).toEqual(VAN_HOA_CONG_SO_2019_2025);
    const rules = ruleSetFor('2025-01-01T00:00:00.000Z');
    expect(VAN_HOA_CONG_SO_2019_2025.quotas).toEqual({
      collective: ruleValue(rules, 'quota.collectiveShare'),
      individual: ruleValue(rules, 'quota.individualShare'),
    });
    expect(VAN_HOA_CONG_SO_2019_2025.movementYearStart).toEqual(ruleValue(rules, 'movementYear.start'));
  });

  it('opens the interim and the final review as nomination campaigns, with their quotas, then ends', async () => {
    const nowYear = new Date((await env.currentTimeMs()) + 7 * HOUR).getUTCFullYear();
    const shift = nowYear + 1 - VAN_HOA_CONG_SO_2019_2025.fromYear; // the movement starts next year
    const data = movementShifted(VAN_HOA_CONG_SO_2019_2025, shift);
    const [interim, final] = data.reviews;
    expect([interim!.year, final!.year]).toEqual([2022 + shift, 2025 + shift]);
    const handle = await env.client.workflow.start(movement, {
      taskQueue: world.taskQueue,
      workflowId: movementWorkflowId('hd', data.id),
      args: [{ movement: data, orgUnitId: 'hd', startedBy: await world.actor('thuongtruc') }],
    });

    // The interim review: the movement year (interim.year − 1) → interim.year ends at the end of 31/05.
    const interimOpens = vnMs(1, 6, interim!.year);
    await env.sleep(interimOpens + HOUR - (await env.currentTimeMs()));
    const campaigns = await handle.query(movementCampaignsQuery);
    expect(campaigns.map((c) => c.campaignId)).toEqual([interim!.id]);
    const c = campaigns[0]!;
    expect(vnClock(Date.parse(c.openedAt))).toBe(`00:00 01/06/${interim!.year}`);
    // 30 days (the data) after 31/05: 30/06, to the end of that day.
    const due = new Date(Date.UTC(interim!.year, 4, 31 + interim!.nominationDays));
    const dueText = `${pad(due.getUTCDate())}/${pad(due.getUTCMonth() + 1)}/${due.getUTCFullYear()}`;
    expect(vnClock(Date.parse(c.dueAt))).toBe(`23:59 ${dueText}`);
    expect([vnClock(Date.parse(c.window.from)), vnClock(Date.parse(c.window.to))]).toEqual([
      `00:00 01/06/${data.fromYear}`,
      `23:59 31/05/${interim!.year}`,
    ]);

    // Told to the standing body and the head of every unit of the province (the province itself included).
    const units = [(await getUnit(world.db, 'hd'))!, ...(await listUnits(world.db, { parentId: 'hd' }))];
    expect(units).toHaveLength(20);
    const mail = world.mail.messages.find((m) => m.subject.startsWith('[TĐKT] Sơ kết phong trào thi đua'))!;
    const heads = units.map((u) => `truong.${u.id === 'hd' ? 'hd' : u.id.slice(3)}@${DEMO_EMAIL_DOMAIN}`);
    expect([...mail.to].sort()).toEqual([`thuongtruc@${DEMO_EMAIL_DOMAIN}`, ...heads].sort());
    expect(mail.text).toContain(`Mã đợt đề nghị khen thưởng: ${interim!.id}`);
    expect(mail.text).toContain(`Hạn gửi đề nghị khen thưởng: 23:59 ngày ${dueText}`);
    expect(mail.text).toContain('Tập thể không quá 1/4 tổng số tập thể; cá nhân không quá 10% tổng số');
    expect(mail.text).toContain(`Gửi lúc: 00:00 01/06/${interim!.year}`);

    // A nomination in the interim campaign counts on that campaign's ledger, with the seed's shares of the unit.
    const kv5 = (await getUnit(world.db, 'hd-kv5'))!;
    const draft = await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv5' });
    const n1 = await world.startNomination({ unitId: 'hd-kv5', draft, campaignId: c.campaignId, year: interim!.year });
    await n1.executeUpdate(actionUpdates.submit, { args: [{ actor: await world.actor('truong.kv5') }] });
    const ledger = await env.client.workflow.getHandle(quotaLedgerId(c.campaignId, 'hd-kv5')).query(quotaStateQuery);
    expect(ledger.limits).toEqual({
      individual: Math.floor((kv5.staffCount * 10) / 100),
      collective: Math.floor(kv5.collectiveCount / 4),
    });
    expect(ledger.reservations.map((r) => r.caseId)).toEqual([n1.workflowId]);
    // kv5 has 19 people: one individual per campaign, so a second is refused.
    expect(ledger.limits.individual).toBe(1);
    {
      const n2 = await world.startNomination({
        unitId: 'hd-kv5',
        draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv5', personIndex: 1 }),
        campaignId: c.campaignId,
        year: interim!.year,
      });
      const refused = await n2
        .executeUpdate(actionUpdates.submit, { args: [{ actor: await world.actor('truong.kv5') }] })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect((refused as WorkflowUpdateFailedError).cause?.message).toContain('Đơn vị đã dùng hết chỉ tiêu đề nghị');
      await n2.terminate('end of the test');
    }
    await n1.terminate('end of the test');

    // The final review three movement years later; then the movement is over.
    const result = await handle.result();
    expect(Object.keys(result.campaigns)).toEqual([interim!.id, final!.id]);
    expect(vnClock(Date.parse(result.campaigns[final!.id]!.openedAt))).toBe(`00:00 01/06/${final!.year}`);
    expect(vnClock(Date.parse(result.campaigns[final!.id]!.dueAt))).toBe(`23:59 30/06/${final!.year}`);
    const finalMail = world.mail.messages.find((m) => m.subject.startsWith('[TĐKT] Tổng kết phong trào thi đua'))!;
    expect(finalMail.text).toContain('Huân chương Lao động hạng Ba');
    expect(finalMail.text).toContain(`Gửi lúc: 00:00 01/06/${final!.year}`);
    expect(world.mail.messages.filter((m) => /\[TĐKT\] (Sơ|Tổng) kết phong trào/.test(m.subject))).toHaveLength(2);
  }, 300_000);
});
