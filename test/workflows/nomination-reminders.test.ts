/**
 * Reminders and escalations fire at the rule set's offsets from the due date, to whoever must act, stop
 * the moment they act, and move when the due date is extended. Time is skipped, never slept.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import { formatDateTimeVN, instantMs, type ReminderInstant } from '../../domain/calendar.js';
import { noticeInstants } from '../../domain/nomination/reminders.js';
import { ruleSetById, ruleValue } from '../../domain/rules/index.js';
import type { NominationState } from '../../domain/nomination/types.js';
import { nominationStateQuery } from '../../workflows/nomination/messages.js';
import { waitFor } from '../harness/wait.js';
import type { CaseWorld } from '../support/case-world.js';
import { withTimeSkippingWorld } from '../support/time-skipping-world.js';
import { journey, type CaseHandle } from '../support/journey.js';

let env: TestWorkflowEnvironment;
let world: CaseWorld;
const at = (username: string) => `${username}@vks-haiduong.test`;

withTimeSkippingWorld((started) => ({ env, world } = started));

/** Advances the server's clock to just after `iso`. */
async function skipTo(iso: string): Promise<void> {
  const ms = instantMs(iso) + 60_000 - (await env.currentTimeMs());
  if (ms > 0) await env.sleep(ms);
}

function expectedSchedule(state: NominationState): ReminderInstant[] {
  return noticeInstants(state.dueAt!, ruleValue(ruleSetById(state.ruleSetId), 'reminders.default'));
}

/** Notices of the case as "kind at dd/mm/yyyy hh:mm (UTC+7) → recipients", for readable assertions. */
async function noticesOf(handle: CaseHandle): Promise<string[]> {
  const state = await handle.query(nominationStateQuery);
  return state.notices.map(
    (n) =>
      `${n.kind} ${formatDateTimeVN(n.at)} → ${n.to.map((r) => ('role' in r ? `${r.role}@${r.unitId}` : r.userId)).join(',')}`,
  );
}

describe('reminders and escalations (time skipping)', () => {
  it('reminds the unit at every offset before the due date, then escalates to the cluster head and the standing body', async () => {
    const handle = await world.startNomination({
      unitId: 'hd-kv2',
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex: 6 }),
    });
    const state = await handle.query(nominationStateQuery);
    const schedule = expectedSchedule(state);
    expect(schedule.map((r) => r.kind)).toEqual(['reminder', 'reminder', 'due', 'escalation', 'escalation']);

    for (const [i, r] of schedule.entries()) {
      await skipTo(r.at);
      await waitFor(async () => expect((await handle.query(nominationStateQuery)).notices).toHaveLength(i + 1));
      const notice = (await handle.query(nominationStateQuery)).notices[i]!;
      // Fired at the scheduled instant, shown in Vietnam time (reminders at 09:00 of their day).
      expect(notice.at).toBe(r.at);
      expect(notice.kind).toBe(r.kind);
    }
    expect(await noticesOf(handle)).toEqual(
      schedule.map((r) =>
        r.kind === 'escalation'
          ? `escalation ${formatDateTimeVN(r.at)} → cluster_head@hd-kv1,council_secretary@hd-vp`
          : `${r.kind} ${formatDateTimeVN(r.at)} → unit_clerk@hd-kv2,unit_head@hd-kv2`,
      ),
    );
    await world.mail.waitFor(
      (m) => m.filter((x) => x.messageId.includes(handle.workflowId.replace(/\//g, '.'))).length >= 5,
    );
    const mails = world.mail.messages.filter((x) => x.messageId.includes(handle.workflowId.replace(/\//g, '.')));
    const reminders = mails.filter((m) => m.subject.includes('Nhắc việc') || m.subject.includes('sắp đến hạn'));
    const escalations = mails.filter((m) => m.subject.includes('quá hạn'));
    expect(reminders.length).toBe(3);
    for (const m of reminders) expect(m.to).toEqual([at('truong.kv2'), at('vanthu.kv2')]);
    expect(escalations.length).toBe(2);
    for (const m of escalations) expect(m.to).toEqual([at('cumtruong.c1'), at('thuongtruc')]);
    // Each mail is recognisable by its Message-ID: the case and the step.
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(mails.length);
  });

  it('stops reminding the unit the moment it acts, and reminds the next actor instead', async () => {
    const handle = await world.startNomination({
      unitId: 'hd-kv2',
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex: 7 }),
    });
    const first = expectedSchedule(await handle.query(nominationStateQuery));
    await skipTo(first[0]!.at);
    await waitFor(async () => expect((await handle.query(nominationStateQuery)).notices).toHaveLength(1));

    await journey(world, handle).submit();
    const afterSubmit = await handle.query(nominationStateQuery);
    const next = expectedSchedule(afterSubmit);
    // Well past every instant of the unit's old schedule, and into the cluster step's reminders.
    await skipTo(next[1]!.at);
    await waitFor(async () => expect((await handle.query(nominationStateQuery)).notices).toHaveLength(3));
    const notices = await noticesOf(handle);
    expect(notices[0]).toContain('unit_head@hd-kv2');
    expect(notices.slice(1)).toEqual([
      `reminder ${formatDateTimeVN(next[0]!.at)} → cluster_head@hd-kv1`,
      `reminder ${formatDateTimeVN(next[1]!.at)} → cluster_head@hd-kv1`,
    ]);
    expect(notices.slice(1).some((n) => n.includes('hd-kv2'))).toBe(false);
  });

  it('moves reminders when an authorised person extends the due date', async () => {
    const handle = await world.startNomination({
      unitId: 'hd-kv2',
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex: 8 }),
    });
    const before = await handle.query(nominationStateQuery);
    const newDue = new Date(instantMs(before.dueAt!) + 14 * 86_400_000).toISOString();
    const extended = await journey(world, handle).act('extend', 'thuongtruc', {
      newDueAt: newDue,
      reason: 'Đơn vị đang tổng hợp số liệu quý IV',
    });
    expect(instantMs(extended.dueAt!)).toBeGreaterThan(instantMs(before.dueAt!));

    // Nothing fires at the old due date…
    await skipTo(before.dueAt!);
    const atOldDue = (await handle.query(nominationStateQuery)).notices.map((n) => n.dueAt);
    expect(atOldDue.every((d) => d === extended.dueAt)).toBe(true);
    // …and the schedule of the new one runs to its end.
    const moved = expectedSchedule(await handle.query(nominationStateQuery));
    await skipTo(moved[2]!.at);
    await waitFor(async () => {
      const notices = (await handle.query(nominationStateQuery)).notices;
      expect(notices.map((n) => formatDateTimeVN(n.at))).toEqual(moved.slice(0, 3).map((r) => formatDateTimeVN(r.at)));
    });
  });
});
