/**
 * A complaint against a row of the commendation book, on the time-skipping server with the real worker,
 * database and SMTP: reminders to the standing body and escalation to the leadership by instant (UTC+7),
 * refusals that change nothing, and an upheld complaint that revokes the award in the book.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import { DEMO_EMAIL_DOMAIN, findByCaseKey } from '../../store/index.js';
import { formatDateTimeVN, instantMs } from '../../domain/calendar.js';
import { noticeInstants } from '../../domain/nomination/reminders.js';
import { ruleSetFor, ruleValue } from '../../domain/rules/index.js';
import { complaint } from '../../workflows/index.js';
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

    // Nothing to hold on a book row; a unit head may not conclude; the standing body may not revoke.
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
      'Chỉ Lãnh đạo Viện được quyết định hủy khen thưởng',
    );
    expect(await handle.query(complaintStateQuery)).toEqual(state);

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
    expect(final.resolution).toMatchObject({ outcome: 'upheld', revoked: true });
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
