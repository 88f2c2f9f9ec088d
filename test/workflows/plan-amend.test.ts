/**
 * Amending a running plan: moving the registration deadline moves every unit's reminders and escalations
 * (the plan signals its children), adding a drive opens it on time, refused amendments change nothing, and the
 * plan continues as new with its plain-JSON state. Time-skipping server, real worker, database and SMTP.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL_DOMAIN } from '../../store/index.js';
import { deadlineInstant, formatDateTimeVN, vnDateParts } from '../../domain/calendar.js';
import { noticeInstants } from '../../domain/nomination/reminders.js';
import { planForYear } from '../../domain/plan-year/plan-run.js';
import { HAI_DUONG_2025 } from '../../domain/plans/hai-duong-2025.js';
import { plan } from '../../workflows/index.js';
import { amendPlanUpdate, planStateQuery, planWorkflowId } from '../../workflows/plan/messages.js';
import { registrationId, registrationStateQuery, registrationUpdates } from '../../workflows/registration/messages.js';
import { untilInstant, waitFor } from '../harness/wait.js';
import { startTimeSkippingServer } from '../harness/temporal.js';
import { createCaseWorld, type CaseWorld } from '../support/case-world.js';

let env: TestWorkflowEnvironment;
let world: CaseWorld;
let YEAR: number;

const at = (username: string) => `${username}@${DEMO_EMAIL_DOMAIN}`;
const vn = (day: number, month: number, year: number, hour = 9) =>
  new Date(Date.UTC(year, month - 1, day, hour - 7)).toISOString();

/** The update was refused before it entered history, with this Vietnamese message. */
async function expectRefused(action: Promise<unknown>, text: string): Promise<void> {
  const error = await action.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  expect((error as WorkflowUpdateFailedError).cause?.message).toContain(text);
}

beforeAll(async () => {
  env = await startTimeSkippingServer();
  world = await createCaseWorld(env);
  YEAR = vnDateParts(new Date(await env.currentTimeMs()).toISOString()).year + 2;
  await world.db.query(
    `INSERT INTO cluster_heads (cluster_id, year, seat, unit_id) SELECT cluster_id, $1, seat, unit_id FROM cluster_heads WHERE year = 2025`,
    [YEAR],
  );
});
afterAll(async () => {
  await world?.close();
  await env?.teardown();
});

describe('amending a running plan (time skipping)', () => {
  it('moves the registration reminders with the deadline, adds a drive, refuses the unauthorised, survives continue-as-new', async () => {
    const yearPlan = { ...planForYear(HAI_DUONG_2025, YEAR), clusterIds: ['hd-cum3'] };
    const handle = await env.client.workflow.start(plan, {
      taskQueue: world.taskQueue,
      workflowId: planWorkflowId('hd', YEAR),
      args: [{ plan: yearPlan, startedBy: null, continueAsNewAfterEvents: 60 }],
    });
    const reg = (u: string) => env.client.workflow.getHandle(registrationId(u, YEAR));
    await waitFor(
      async () => expect((await reg('hd-kv12').query(registrationStateQuery)).status).toBe('not_registered'),
      20_000,
    );
    await reg('hd-kv9').executeUpdate(registrationUpdates.register, {
      args: [
        {
          actor: await world.actor('truong.kv9'),
          registration: {
            unitId: 'hd-kv9',
            year: YEAR,
            collectiveTitles: ['tap-the-lao-dong-tien-tien'],
            individuals: [],
          },
        },
      ],
    });

    await untilInstant(env, vn(5, 1, YEAR));
    const move = {
      reason: 'Lùi hạn đăng ký do trùng lịch sơ kết',
      moveDeadline: { deadlineId: 'registration', date: { day: 22, month: 1, year: YEAR } },
    };
    const before = await handle.query(planStateQuery);
    await expectRefused(
      handle.executeUpdate(amendPlanUpdate, { args: [{ ...move, actor: await world.actor('truong.kv9') }] }),
      'Vai trò “Thủ trưởng đơn vị” không được điều chỉnh kế hoạch thi đua.',
    );
    await expectRefused(
      handle.executeUpdate(amendPlanUpdate, { args: [{ ...move, actor: await world.actor('cumtruong.c3') }] }),
      'không được điều chỉnh kế hoạch',
    );
    expect(await handle.query(planStateQuery)).toEqual(before);

    const drive = {
      id: `dot-dot-xuat-${YEAR}`,
      title: 'Đợt thi đua đột xuất phòng, chống thiên tai',
      window: { from: { day: 20, month: 1, year: YEAR }, to: { day: 25, month: 1, year: YEAR } },
      source: 'Điều chỉnh kế hoạch của Thường trực Hội đồng',
    };
    await handle.executeUpdate(amendPlanUpdate, {
      args: [{ ...move, addDrive: drive, actor: await world.actor('thuongtruc') }],
    });
    await waitFor(
      async () =>
        expect((await reg('hd-kv10').query(registrationStateQuery)).dueAt).toBe(
          deadlineInstant({ day: 22, month: 1 }, YEAR),
        ),
      20_000,
    );

    await untilInstant(env, vn(27, 1, YEAR));
    // Refused after the (moved) deadline: nothing to move any more.
    await expectRefused(
      handle.executeUpdate(amendPlanUpdate, {
        args: [
          {
            reason: 'Dời lần nữa',
            moveDeadline: { deadlineId: 'registration', date: { day: 30, month: 1, year: YEAR } },
            actor: await world.actor('thuongtruc'),
          },
        ],
      }),
      'đã qua',
    );

    const newDue = deadlineInstant({ day: 22, month: 1 }, YEAR);
    const when = noticeInstants(newDue, yearPlan.reminders).map((r) => ({
      kind: r.kind,
      at: formatDateTimeVN(r.at),
    }));
    expect(when.map((w) => w.at)).toEqual([
      `09:00 15/01/${YEAR}`,
      `09:00 21/01/${YEAR}`,
      `09:00 22/01/${YEAR}`,
      `09:00 23/01/${YEAR}`,
      `09:00 26/01/${YEAR}`,
    ]);
    const got = world.mail.messages
      .filter((m) => /^\[TĐKT\] (Nhắc việc|Báo cáo)/.test(m.subject))
      .map((m) => `${[...m.to].sort().join(',')} | ${/Thời điểm nhắc: (.*)/.exec(m.text)?.[1]}`)
      .sort();
    const expected: string[] = [];
    for (const n of [10, 11, 12]) {
      for (const w of when) {
        expected.push(
          `${w.kind === 'escalation' ? at('thuongtruc') : [at(`truong.kv${n}`), at(`vanthu.kv${n}`)].sort().join(',')} | ${w.at}`,
        );
      }
    }
    expect(got).toEqual(expected.sort());
    // Nothing at the old deadline's own instants (08/01, 14/01, 16/01, 19/01; 09:00 15/01 is also the new 7-day one).
    expect(got.some((g) => /(08|14|16|19)\/01\//.test(g))).toBe(false);

    const moved = world.mail.messages.find((m) => m.subject.includes('Điều chỉnh kế hoạch'));
    expect(moved?.subject).toBe(
      `[TĐKT] Điều chỉnh kế hoạch: Đơn vị đăng ký thi đua (danh hiệu cho tập thể và cá nhân) — hạn mới 22/01/${YEAR}`,
    );
    expect(moved?.to).toEqual(expect.arrayContaining([at('thuongtruc'), at('truong.kv9'), at('truong.kv12')]));
    const opened = world.mail.messages.find((m) => m.subject === `[TĐKT] Phát động đợt thi đua: ${drive.title}`);
    expect(opened?.text).toContain(`Gửi lúc: 00:00 20/01/${YEAR}`);

    const state = await handle.query(planStateQuery);
    expect(state.generation).toBeGreaterThan(0);
    expect(state.plan.deadlines.find((d) => d.id === 'registration')?.date).toEqual({ day: 22, month: 1, year: YEAR });
    expect(state.drives[drive.id]?.closedAt).toBe(deadlineInstant({ day: 25, month: 1 }, YEAR));
    expect(state.audit.filter((a) => a.action === 'deadline_moved')).toHaveLength(1);
  }, 300_000);
});
