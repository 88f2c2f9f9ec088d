/**
 * Complaints on the time-skipping server with the real worker, database and SMTP. Seed 003 (III.6): "Thường trực
 * Hội đồng thi đua VKSND tỉnh tham mưu Viện trưởng VKSND tỉnh giải quyết kịp thời các đơn thư khiếu nại": the
 * standing body records its findings and proposes, the leadership concludes. Against a book row: reminders to the
 * standing body and escalation to the leadership by instant (UTC+7), refusals that change nothing, and an upheld
 * conclusion that revokes the award in the book. Against a held nomination: the standing body cannot conclude,
 * the reminder goes to the leadership once a proposal awaits it, and a dismissal releases the hold.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import { DEMO_EMAIL_DOMAIN, findByCaseKey } from '../../store/index.js';
import { formatDateTimeVN, instantMs } from '../../domain/calendar.js';
import { noticeInstants } from '../../domain/nomination/reminders.js';
import { ruleSetFor, ruleValue } from '../../domain/rules/index.js';
import { complaint } from '../../workflows/index.js';
import { nominationStateQuery } from '../../workflows/nomination/messages.js';
import { journey } from '../support/journey.js';
import { complaintId, complaintStateQuery, complaintUpdates } from '../../workflows/complaint/messages.js';
import type { CaseWorld } from '../support/case-world.js';
import { withTimeSkippingWorld } from '../support/time-skipping-world.js';

let env: TestWorkflowEnvironment;
let world: CaseWorld;
const at = (username: string) => `${username}@${DEMO_EMAIL_DOMAIN}`;

async function expectRefused(action: Promise<unknown>, text: string): Promise<void> {
  const error = await action.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  expect((error as WorkflowUpdateFailedError).cause?.message).toContain(text);
}

withTimeSkippingWorld((started) => ({ env, world } = started));

describe('complaint about a book row (time skipping)', () => {
  it('reminds, escalates when overdue, refuses the unauthorised and revokes the award when upheld', async () => {
    const [row] = await world.db.query<{ case_key: string }>(
      'SELECT case_key FROM awards WHERE revoked_at IS NULL ORDER BY case_key LIMIT 1',
    );
    const caseKey = row!.case_key;
    const handle = await env.client.workflow.start(complaint, {
      taskQueue: world.taskQueue,
      workflowId: complaintId('kn-book-1'),
      args: [
        {
          complaintId: 'kn-book-1',
          target: { kind: 'book', caseKey },
          filedBy: await world.actor('truong.kv5'),
          summary: 'Khen thưởng không đúng đối tượng theo kết luận kiểm tra.',
          council: { unitId: 'hd', secretariatUnitId: 'hd-vp' },
        },
      ],
    });
    await world.mail.waitFor((ms) =>
      ms.some((m) => m.subject.includes('Đơn khiếu nại về thi đua, khen thưởng: kn-book-1')),
    );
    const state = await handle.query(complaintStateQuery);
    const schedule = ruleValue(ruleSetFor(state.filedAt), 'reminders.default');
    const instants = noticeInstants(state.dueAt, schedule);

    // Nothing to hold on a book row; a unit head may not conclude, nor the standing body: it only proposes.
    await expectRefused(
      handle.executeUpdate(complaintUpdates.hold_case, {
        args: [{ actor: await world.actor('thuongtruc'), reason: 'Tạm dừng' }],
      }),
      'không có hồ sơ đang xét để tạm dừng',
    );
    await expectRefused(
      handle.executeUpdate(complaintUpdates.resolve, {
        args: [{ actor: await world.actor('truong.kv5'), outcome: 'upheld', revokeAward: true, reason: 'Có cơ sở' }],
      }),
      'không được kết luận đơn khiếu nại',
    );
    await expectRefused(
      handle.executeUpdate(complaintUpdates.resolve, {
        args: [{ actor: await world.actor('thuongtruc'), outcome: 'upheld', revokeAward: true, reason: 'Có cơ sở' }],
      }),
      'Thường trực Hội đồng chỉ tham mưu',
    );
    // Nor may the leadership conclude before the standing body has examined it and proposed.
    await expectRefused(
      handle.executeUpdate(complaintUpdates.resolve, {
        args: [{ actor: await world.actor('vientruong'), outcome: 'upheld', revokeAward: true, reason: 'Có cơ sở' }],
      }),
      'Chưa có kết quả xác minh và đề xuất của Thường trực Hội đồng',
    );
    await expectRefused(
      handle.executeUpdate(complaintUpdates.propose, {
        args: [
          {
            actor: await world.actor('truong.kv5'),
            findings: 'Đã xác minh đầy đủ hồ sơ.',
            outcome: 'upheld',
            reason: 'Có cơ sở',
          },
        ],
      }),
      'không được tham mưu kết luận đơn khiếu nại',
    );
    expect(await handle.query(complaintStateQuery)).toEqual(state);
    expect(state.procedure).toBe('leader-concludes');

    // Past the first escalation: every reminder and the escalation so far, by recipient and instant.
    const firstEscalation = instants.find((r) => r.kind === 'escalation')!;
    await env.sleep(instantMs(firstEscalation.at) - (await env.currentTimeMs()) + 3600_000);
    const sent = world.mail.messages
      .filter((m) => /^\[TĐKT\] (Nhắc việc|Báo cáo)/.test(m.subject))
      .map((m) => `${[...m.to].sort().join(',')} | ${/Thời điểm nhắc: (.*)/.exec(m.text)?.[1]}`);
    const expected = instants
      .filter((r) => instantMs(r.at) <= instantMs(firstEscalation.at))
      .map((r) =>
        r.kind === 'escalation'
          ? `${[at('phovientruong'), at('thuongtruc'), at('vientruong')].join(',')} | ${formatDateTimeVN(r.at)}`
          : `${at('thuongtruc')} | ${formatDateTimeVN(r.at)}`,
      );
    expect(sent).toEqual(expected);

    await handle.executeUpdate(complaintUpdates.propose, {
      args: [
        {
          actor: await world.actor('thuongtruc'),
          findings: 'Đối chiếu kết luận kiểm tra: người được khen không đủ tiêu chuẩn.',
          outcome: 'upheld',
          revokeAward: true,
          reason: 'Đề nghị hủy khen thưởng',
        },
      ],
    });
    expect((await findByCaseKey(world.db, caseKey))?.revoked).toBe(false); // a proposal changes no award
    await handle.executeUpdate(complaintUpdates.resolve, {
      args: [
        {
          actor: await world.actor('vientruong'),
          outcome: 'upheld',
          revokeAward: true,
          reason: 'Kết luận: khen thưởng không đúng đối tượng',
        },
      ],
    });
    const final = await handle.result();
    expect(final.proposal).toMatchObject({ outcome: 'upheld', by: { role: 'council_secretary' } });
    expect(final.resolution).toMatchObject({ outcome: 'upheld', revoked: true, by: { role: 'leadership' } });
    const book = await findByCaseKey(world.db, caseKey);
    expect(book?.revoked).toBe(true);
    await world.mail.waitFor((ms) =>
      ms.some(
        (m) =>
          m.subject.includes('Kết quả giải quyết đơn khiếu nại kn-book-1: có cơ sở') && m.to.includes(at('truong.kv5')),
      ),
    );
  });
});

describe('seed 003 (III.6): "Thường trực Hội đồng … tham mưu Viện trưởng … giải quyết … đơn thư khiếu nại"', () => {
  it('the standing body holds and proposes but cannot conclude alone; the leadership concludes, and a dismissal releases the hold', async () => {
    const nomination = await world.startNomination({
      unitId: 'hd-kv7',
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv7' }),
    });
    await journey(world, nomination).submit('truong.kv7');
    const handle = await env.client.workflow.start(complaint, {
      taskQueue: world.taskQueue,
      workflowId: complaintId('kn-case-1'),
      args: [
        {
          complaintId: 'kn-case-1',
          target: { kind: 'nomination', caseId: nomination.workflowId },
          filedBy: await world.actor('truong.kv8'),
          summary: 'Thành tích kê khai trong hồ sơ chưa đúng thực tế của đơn vị.',
          council: { unitId: 'hd', secretariatUnitId: 'hd-vp' },
        },
      ],
    });
    const standing = await world.actor('thuongtruc');
    const before = (await nomination.query(nominationStateQuery)).stage;
    await handle.executeUpdate(complaintUpdates.hold_case, {
      args: [{ actor: standing, reason: 'Tạm dừng để xác minh nội dung khiếu nại' }],
    });
    expect((await nomination.query(nominationStateQuery)).stage).toBe('on_hold');

    // Findings and a proposal: the complaint now awaits the leadership's conclusion.
    await handle.executeUpdate(complaintUpdates.propose, {
      args: [
        {
          actor: standing,
          findings: 'Đối chiếu biên bản, số liệu: thành tích kê khai đúng thực tế.',
          outcome: 'dismissed',
          reason: 'Khiếu nại không có cơ sở',
        },
      ],
    });
    const proposed = await handle.query(complaintStateQuery);
    expect(proposed.stage).toBe('proposed');
    await world.mail.waitFor((ms) =>
      ms.some(
        (m) =>
          m.subject.includes('Thường trực Hội đồng tham mưu kết luận đơn khiếu nại kn-case-1') &&
          [...m.to].sort().join(',') === [at('phovientruong'), at('vientruong')].join(','),
      ),
    );

    // The mail takes the leadership to the complaint's page.
    const proposalMail = world.mail.messages.find((m) =>
      m.subject.includes('tham mưu kết luận đơn khiếu nại kn-case-1'),
    )!;
    expect(proposalMail.text).toContain('/khieu-nai/kn-case-1');
    expect(proposalMail.text).toContain('Đối chiếu biên bản, số liệu: thành tích kê khai đúng thực tế.');

    // The standing body may neither conclude (refused in Vietnamese, nothing changes) nor propose again.
    await expectRefused(
      handle.executeUpdate(complaintUpdates.resolve, {
        args: [{ actor: standing, outcome: 'dismissed', revokeAward: false, reason: 'Không có cơ sở' }],
      }),
      'Thường trực Hội đồng chỉ tham mưu; Viện trưởng hoặc Phó Viện trưởng kết luận đơn khiếu nại.',
    );
    await expectRefused(
      handle.executeUpdate(complaintUpdates.propose, {
        args: [{ actor: standing, findings: 'Xác minh lại lần hai.', outcome: 'upheld', reason: 'Có cơ sở' }],
      }),
      'đơn đang chờ Lãnh đạo Viện kết luận',
    );
    // A leader of another unit is not the council's leadership.
    await expectRefused(
      handle.executeUpdate(complaintUpdates.resolve, {
        args: [{ actor: await world.actor('truong.kv8'), outcome: 'dismissed', revokeAward: false, reason: 'Không' }],
      }),
      'không được kết luận đơn khiếu nại',
    );
    expect(await handle.query(complaintStateQuery)).toEqual(proposed);
    expect((await nomination.query(nominationStateQuery)).stage).toBe('on_hold');

    // The due date's first reminder, now that a proposal awaits a conclusion, goes to the leadership.
    const schedule = ruleValue(ruleSetFor(proposed.filedAt), 'reminders.default');
    const first = noticeInstants(proposed.dueAt, schedule).find((r) => r.kind === 'reminder')!;
    await env.sleep(instantMs(first.at) - (await env.currentTimeMs()) + 3600_000);
    const isReminder = (m: { subject: string }) => m.subject.includes('Nhắc việc: kết luận đơn khiếu nại kn-case-1');
    await world.mail.waitFor((ms) => ms.some(isReminder));
    const reminder = world.mail.messages.find(isReminder)!;
    expect([...reminder.to].sort()).toEqual([at('phovientruong'), at('vientruong')]);
    expect(reminder.text).toContain(`Thời điểm nhắc: ${formatDateTimeVN(first.at)}`);

    // A Phó Viện trưởng concludes: dismissed, so the nomination is released where it was.
    await handle.executeUpdate(complaintUpdates.resolve, {
      args: [
        {
          actor: await world.actor('phovientruong'),
          outcome: 'dismissed',
          revokeAward: false,
          reason: 'Kết luận: khiếu nại không có cơ sở',
        },
      ],
    });
    const final = await handle.result();
    expect(final.resolution).toMatchObject({ outcome: 'dismissed', by: { role: 'leadership' } });
    expect(final.hold?.released).toBe(true);
    const released = await nomination.query(nominationStateQuery);
    expect(released.stage).toBe(before);
    await journey(world, nomination).act('withdraw', 'truong.kv7', { reason: 'Kết thúc kiểm thử' });
    await nomination.result();
  });

  it('upheld by the leadership, the nomination stays held for the standing body to return or reject', async () => {
    const nomination = await world.startNomination({
      unitId: 'hd-kv9',
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv9' }),
    });
    await journey(world, nomination).submit('truong.kv9');
    const handle = await env.client.workflow.start(complaint, {
      taskQueue: world.taskQueue,
      workflowId: complaintId('kn-case-2'),
      args: [
        {
          complaintId: 'kn-case-2',
          target: { kind: 'nomination', caseId: nomination.workflowId },
          filedBy: await world.actor('truong.kv8'),
          summary: 'Cá nhân được đề nghị đang bị xem xét kỷ luật.',
          council: { unitId: 'hd', secretariatUnitId: 'hd-vp' },
        },
      ],
    });
    const standing = await world.actor('thuongtruc');
    await handle.executeUpdate(complaintUpdates.hold_case, {
      args: [{ actor: standing, reason: 'Tạm dừng xác minh' }],
    });
    await handle.executeUpdate(complaintUpdates.propose, {
      args: [
        {
          actor: standing,
          findings: 'Xác minh: cá nhân đang bị xem xét kỷ luật.',
          outcome: 'upheld',
          reason: 'Khiếu nại có cơ sở',
        },
      ],
    });
    await handle.executeUpdate(complaintUpdates.resolve, {
      args: [
        {
          actor: await world.actor('vientruong'),
          outcome: 'upheld',
          revokeAward: false,
          reason: 'Kết luận: khiếu nại có cơ sở',
        },
      ],
    });
    const final = await handle.result();
    expect(final.resolution).toMatchObject({ outcome: 'upheld', revoked: false });
    expect(final.hold?.released).toBe(false);
    expect(final.audit.map((a) => a.action)).toEqual(['file', 'hold_case', 'propose', 'resolve']);
    expect((await nomination.query(nominationStateQuery)).stage).toBe('on_hold');
    await world.mail.waitFor((ms) =>
      ms.some(
        (m) =>
          m.subject.includes('Kết quả giải quyết đơn khiếu nại kn-case-2: có cơ sở') &&
          m.text.includes('Tiếp tục tạm dừng'),
      ),
    );
    // The standing body then takes the case on: resumed, the unit withdraws it here.
    await journey(world, nomination).act('resume', 'thuongtruc', { reason: 'Đã có kết luận khiếu nại' });
    await journey(world, nomination).act('withdraw', 'truong.kv9', { reason: 'Kết thúc kiểm thử' });
    await nomination.result();
  });
});
