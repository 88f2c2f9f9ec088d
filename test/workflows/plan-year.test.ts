/**
 * The 2025 plan of Hải Dương (seed 003) run as a whole year on the time-skipping server, with the real worker,
 * activities, database and SMTP. The server's clock starts today, so the plan's calendar is replayed in a future
 * year (planForYear: same days and months), with the 2025 cluster heads copied to that year.
 *
 * Slice: clusters hd-cum1 (kv1–kv4, head kv1) and hd-cum2 (kv5–kv8, head kv5); the three drives; an
 * advanced-model deadline (seed 003 II.1: the advanced-model conference in Quý I); one complaint that holds a
 * nomination. Every reminder and escalation is asserted by recipient and by instant (UTC+7).
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL_DOMAIN } from '../../activities/store/index.js';
import { deadlineInstant, formatDateTimeVN, instantMs, startOfDayInstant, vnDateParts } from '../../domain/calendar.js';
import { noticeInstants } from '../../domain/nomination/reminders.js';
import { planForYear } from '../../domain/plan-year/plan-run.js';
import { ruleSetFor, ruleValue } from '../../domain/rules/index.js';
import type { Registration } from '../../domain/schemas.js';
import { HAI_DUONG_2025 } from '../../domain/plans/hai-duong-2025.js';
import type { Plan } from '../../domain/plan.js';
import { actionUpdates, nominationStateQuery } from '../../workflows/nomination/messages.js';
import {
  advancedModelStateQuery,
  advancedModelUpdates,
  advancedModelId,
} from '../../workflows/plan/advanced-model-messages.js';
import { compactId, compactStateQuery, compactUpdates } from '../../workflows/compact/messages.js';
import { complaintId, complaintStateQuery, complaintUpdates } from '../../workflows/complaint/messages.js';
import { planProgressQuery, planStateQuery, planWorkflowId } from '../../workflows/plan/messages.js';
import { registrationId, registrationStateQuery, registrationUpdates } from '../../workflows/registration/messages.js';
import { complaint, plan, type compact } from '../../workflows/index.js';
import { startTimeSkippingServer } from '../harness/temporal.js';
import type { ReceivedMail } from '../support/mail-sink.js';
import { createCaseWorld, type CaseWorld } from '../support/case-world.js';

let env: TestWorkflowEnvironment;
let world: CaseWorld;
let YEAR: number;

const at = (username: string) => `${username}@${DEMO_EMAIL_DOMAIN}`;
const vn = (day: number, month: number, year: number, hour = 9, minute = 0) =>
  new Date(Date.UTC(year, month - 1, day, hour - 7, minute)).toISOString();

async function until(iso: string): Promise<void> {
  const ms = instantMs(iso) - (await env.currentTimeMs());
  if (ms > 0) await env.sleep(ms);
}

/** The reminder mails: recipient list, headline and the instant the reminder is for ("Thời điểm nhắc"). */
function reminders(filter: (m: ReceivedMail) => boolean = () => true): string[] {
  return world.mail.messages
    .filter((m) => /^\[TĐKT\] (Nhắc việc|Báo cáo)/.test(m.subject))
    .filter(filter)
    .map(
      (m) =>
        `${[...m.to].sort().join(',')} | ${/Thời điểm nhắc: (.*)/.exec(m.text)?.[1] ?? '?'} | ${m.subject.replace('[TĐKT] ', '')}`,
    )
    .sort();
}

function registrationFor(unitId: string, year: number): Registration {
  return {
    unitId,
    year,
    collectiveTitles: ['tap-the-lao-dong-xuat-sac'],
    individuals: [
      { personId: `${unitId}-nv01`, titles: ['chien-si-thi-dua-co-so'] },
      { personId: `${unitId}-nv02`, titles: ['lao-dong-tien-tien'] },
    ],
  };
}

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
  // Two years ahead of the server's clock: the whole calendar, the December drive included, lies ahead.
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

describe('the 2025 plan as a year (time skipping)', () => {
  it('registrations, compacts, drives, advanced models and a complaint, with every reminder by recipient and instant', async () => {
    const base = planForYear(HAI_DUONG_2025, YEAR);
    const yearPlan: Plan = {
      ...base,
      clusterIds: ['hd-cum1', 'hd-cum2'],
      deadlines: [
        ...base.deadlines,
        {
          id: 'advanced-model-registration',
          kind: 'advanced_model_registration',
          title: 'Đơn vị giới thiệu điển hình tiên tiến',
          date: { day: 15, month: 3, year: YEAR },
          audience: 'units',
          source:
            'Seed 003, mục II.1 (hội nghị điển hình tiên tiến, hoàn thành trong Quý I); seed 002, mục II.1.4 (01 tập thể, 02 cá nhân)',
        },
      ],
    };
    const handle = await env.client.workflow.start(plan, {
      taskQueue: world.taskQueue,
      workflowId: planWorkflowId('hd', YEAR),
      args: [{ plan: yearPlan, startedBy: await world.actor('thuongtruc') }],
    });
    await waitFor(async () => (await handle.query(planStateQuery)).childrenStarted);
    const units = ['hd-kv1', 'hd-kv2', 'hd-kv3', 'hd-kv4', 'hd-kv5', 'hd-kv6', 'hd-kv7', 'hd-kv8'];
    expect(Object.keys((await handle.query(planStateQuery)).registrations).sort()).toEqual(units);

    // --- Registrations: five units register at once; kv4 on 10/01 after its first reminder; kv7, kv8 never. ---
    const reg = (u: string) => env.client.workflow.getHandle(registrationId(u, YEAR));
    await waitFor(async () => (await reg('hd-kv8').query(registrationStateQuery)).status === 'not_registered');
    for (const u of ['kv1', 'kv2', 'kv3', 'kv5', 'kv6']) {
      await reg(`hd-${u}`).executeUpdate(registrationUpdates.save_draft, {
        args: [{ actor: await world.actor(`vanthu.${u}`), registration: registrationFor(`hd-${u}`, YEAR) }],
      });
      await reg(`hd-${u}`).executeUpdate(registrationUpdates.register, {
        args: [{ actor: await world.actor(`truong.${u}`) }],
      });
    }
    // Refused: the clerk may not sign; a foreign unit's head may not register; nothing changes.
    const before = await reg('hd-kv7').query(registrationStateQuery);
    await expectRefused(
      reg('hd-kv7').executeUpdate(registrationUpdates.register, {
        args: [{ actor: await world.actor('vanthu.kv7'), registration: registrationFor('hd-kv7', YEAR) }],
      }),
      'không được ký đăng ký thi đua',
    );
    await expectRefused(
      reg('hd-kv7').executeUpdate(registrationUpdates.register, {
        args: [{ actor: await world.actor('truong.kv1'), registration: registrationFor('hd-kv7', YEAR) }],
      }),
      'không thể đăng ký thi đua thay đơn vị khác',
    );
    expect(await reg('hd-kv7').query(registrationStateQuery)).toEqual(before);

    await until(vn(10, 1, YEAR));
    await reg('hd-kv4').executeUpdate(registrationUpdates.register, {
      args: [{ actor: await world.actor('truong.kv4'), registration: registrationFor('hd-kv4', YEAR) }],
    });
    // Amending before the deadline is allowed.
    const amended = await reg('hd-kv1').executeUpdate(registrationUpdates.register, {
      args: [
        {
          actor: await world.actor('truong.kv1'),
          registration: { ...registrationFor('hd-kv1', YEAR), collectiveTitles: ['tap-the-lao-dong-tien-tien'] },
        },
      ],
    });
    expect(amended.amendments).toBe(1);

    // After the deadline: locked, with a Vietnamese refusal.
    await until(vn(17, 1, YEAR));
    await expectRefused(
      reg('hd-kv7').executeUpdate(registrationUpdates.register, {
        args: [{ actor: await world.actor('truong.kv7'), registration: registrationFor('hd-kv7', YEAR) }],
      }),
      'Đã quá hạn đăng ký thi đua',
    );

    // --- Compacts: both heads draft on 01/02; cụm 2 all sign at once; in cụm 1 kv4 signs late, on 20/02. ---
    await until(vn(1, 2, YEAR));
    const cmp = (c: string) => env.client.workflow.getHandle<typeof compact>(compactId(c, YEAR));
    await expectRefused(
      cmp('hd-cum1').executeUpdate(compactUpdates.sign, { args: [{ actor: await world.actor('truong.kv2') }] }),
      'chưa hoàn thành dự thảo',
    );
    await expectRefused(
      cmp('hd-cum1').executeUpdate(compactUpdates.draft, {
        args: [{ actor: await world.actor('cumtruong.c2'), content: 'Giao ước thi đua năm của Cụm thi đua số 1' }],
      }),
      'Chỉ đơn vị cụm trưởng',
    );
    await cmp('hd-cum1').executeUpdate(compactUpdates.draft, {
      args: [{ actor: await world.actor('cumtruong.c1'), content: 'Giao ước thi đua năm của Cụm thi đua số 1' }],
    });
    await cmp('hd-cum2').executeUpdate(compactUpdates.draft, {
      args: [{ actor: await world.actor('cumtruong.c2'), content: 'Giao ước thi đua năm của Cụm thi đua số 2' }],
    });
    for (const u of ['kv1', 'kv2', 'kv3'])
      await cmp('hd-cum1').executeUpdate(compactUpdates.sign, { args: [{ actor: await world.actor(`truong.${u}`) }] });
    await expectRefused(
      cmp('hd-cum1').executeUpdate(compactUpdates.sign, { args: [{ actor: await world.actor('truong.kv5') }] }),
      'không phải thành viên',
    );
    for (const u of ['kv5', 'kv6', 'kv7', 'kv8'])
      await cmp('hd-cum2').executeUpdate(compactUpdates.sign, { args: [{ actor: await world.actor(`truong.${u}`) }] });
    await world.mail.waitFor((ms) =>
      ms.some((m) => m.subject.includes('Tổng hợp đăng ký thi đua và giao ước Cụm thi đua số 2')),
    );
    const cum2 = await cmp('hd-cum2').query(compactStateQuery);
    expect(cum2.compilation?.trigger).toBe('all_signed');
    expect(cum2.compilation?.registrations.find((r) => r.unitId === 'hd-kv7')?.status).toBe('not_registered');
    expect(cum2.compilation?.registrations.find((r) => r.unitId === 'hd-kv5')?.individualTitles).toEqual({
      'chien-si-thi-dua-co-so': 1,
      'lao-dong-tien-tien': 1,
    });

    await until(vn(20, 2, YEAR));
    const cum1AtDeadline = await cmp('hd-cum1').query(compactStateQuery);
    expect(cum1AtDeadline.compilation?.trigger).toBe('deadline');
    expect(cum1AtDeadline.compilation?.unsignedUnitIds).toEqual(['hd-kv4']);
    expect(cum1AtDeadline.compilation?.registrations.find((r) => r.unitId === 'hd-kv1')?.collectiveTitles).toEqual([
      'tap-the-lao-dong-tien-tien',
    ]);
    const compiled1 = world.mail.messages.find((m) =>
      m.subject.includes('Tổng hợp đăng ký thi đua và giao ước Cụm thi đua số 1'),
    )!;
    expect(compiled1.to).toEqual(expect.arrayContaining([at('thuongtruc'), at('truong.kv1'), at('truong.kv4')]));
    expect(compiled1.text).toContain('Chưa ký giao ước: Viện kiểm sát nhân dân khu vực 4');
    await cmp('hd-cum1').executeUpdate(compactUpdates.sign, { args: [{ actor: await world.actor('truong.kv4') }] });
    const cum1 = await cmp('hd-cum1').result();
    expect(cum1.stage).toBe('closed');
    expect(cum1.signatures.find((s) => s.unitId === 'hd-kv4')?.late).toBe(true);

    // --- Advanced models: kv1–kv3 propose (1 collective + 2 individuals each); the others are reminded. ---
    await until(vn(1, 3, YEAR));
    const am = env.client.workflow.getHandle(advancedModelId('hd', YEAR));
    const candidates = (u: string) => [
      { subject: 'collective' as const, refId: `hd-${u}`, displayName: `Tập thể VKSND ${u}` },
      { subject: 'individual' as const, refId: `hd-${u}-nv01`, displayName: `Cá nhân 1 ${u}` },
      { subject: 'individual' as const, refId: `hd-${u}-nv02`, displayName: `Cá nhân 2 ${u}` },
    ];
    await expectRefused(
      am.executeUpdate(advancedModelUpdates.propose, {
        args: [
          {
            actor: await world.actor('truong.kv1'),
            candidates: [
              ...candidates('kv1'),
              { subject: 'collective', refId: 'hd-kv1-x', displayName: 'Tập thể thứ hai' },
            ],
          },
        ],
      }),
      'Mỗi đơn vị chỉ giới thiệu 1 tập thể',
    );
    for (const u of ['kv1', 'kv2', 'kv3']) {
      await am.executeUpdate(advancedModelUpdates.propose, {
        args: [{ actor: await world.actor(`truong.${u}`), candidates: candidates(u) }],
      });
    }
    await until(vn(20, 3, YEAR));
    await expectRefused(
      am.executeUpdate(advancedModelUpdates.select, {
        args: [
          {
            actor: await world.actor('thuongtruc'),
            selected: ['hd-kv1:hd-kv1', 'hd-kv2:hd-kv2', 'hd-kv3:hd-kv3', 'hd-kv1:hd-kv1-nv01'],
          },
        ],
      }),
      'Hội đồng lựa chọn từ 5 đến 10',
    );
    const selected = [
      'hd-kv1:hd-kv1',
      'hd-kv2:hd-kv2',
      'hd-kv3:hd-kv3',
      'hd-kv1:hd-kv1-nv01',
      'hd-kv2:hd-kv2-nv01',
      'hd-kv3:hd-kv3-nv02',
    ];
    await am.executeUpdate(advancedModelUpdates.select, {
      args: [{ actor: await world.actor('thuongtruc'), selected }],
    });
    expect((await am.query(advancedModelStateQuery)).selection?.keys).toEqual(selected);
    await world.mail.waitFor((ms) => ms.some((m) => m.subject.includes('Kết quả lựa chọn điển hình tiên tiến')));

    // --- One complaint holds a nomination of kv2 (filed 01/04), reminded once, then dismissed and released. ---
    await until(vn(1, 4, YEAR));
    const draft = await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2' });
    const nomination = await world.startNomination({ unitId: 'hd-kv2', draft, campaignId: yearPlan.id, year: YEAR });
    const filedAt = new Date(await env.currentTimeMs()).toISOString();
    const kn = await env.client.workflow.start(complaint, {
      taskQueue: world.taskQueue,
      workflowId: complaintId(`kn-${YEAR}-001`),
      args: [
        {
          complaintId: `kn-${YEAR}-001`,
          target: { kind: 'nomination', caseId: nomination.workflowId },
          filedBy: await world.actor('truong.kv3'),
          summary: 'Thành tích kê khai trong hồ sơ chưa đúng thực tế của đơn vị.',
          council: { unitId: 'hd', secretariatUnitId: 'hd-vp' },
        },
      ],
    });
    await expectRefused(
      kn.executeUpdate(complaintUpdates.hold_case, {
        args: [{ actor: await world.actor('truong.kv3'), reason: 'Tạm dừng để xác minh' }],
      }),
      'không được tạm dừng xét hồ sơ',
    );
    await kn.executeUpdate(complaintUpdates.hold_case, {
      args: [{ actor: await world.actor('thuongtruc'), reason: 'Tạm dừng để xác minh nội dung khiếu nại' }],
    });
    expect((await nomination.query(nominationStateQuery)).stage).toBe('on_hold');
    await expectRefused(
      nomination.executeUpdate(actionUpdates.submit, { args: [{ actor: await world.actor('truong.kv2') }] }),
      'tạm dừng',
    );
    const { dueAt: complaintDue, filedAt: recordedFiledAt } = await kn.query(complaintStateQuery);
    // 'complaint.resolveDays' of the rule set: 30 days from filing, to the end of that day.
    expect(formatDateTimeVN(complaintDue)).toBe(formatDateTimeVN(deadlineInstant({ day: 1, month: 5 }, YEAR)));
    expect(instantMs(recordedFiledAt) - instantMs(filedAt)).toBeLessThan(60_000);
    await until(new Date(instantMs(complaintDue) - 3 * 24 * 3600 * 1000).toISOString());
    await kn.executeUpdate(complaintUpdates.resolve, {
      args: [
        {
          actor: await world.actor('thuongtruc'),
          outcome: 'dismissed',
          revokeAward: false,
          reason: 'Xác minh: thành tích kê khai đúng thực tế',
        },
      ],
    });
    expect((await kn.result()).resolution?.outcome).toBe('dismissed');
    expect((await nomination.query(nominationStateQuery)).stage).toBe('draft');

    // --- Drives: the first one opened on 01/12 of the year before and closed at the end of 28/02. ---
    await until(vn(1, 9, YEAR));
    const drives = (await handle.query(planStateQuery)).drives;
    const firstDrive = yearPlan.drives[0]!;
    expect(formatDateTimeVN(drives[firstDrive.id]!.openedAt!)).toBe(
      formatDateTimeVN(startOfDayInstant({ day: 1, month: 12 }, YEAR - 1)),
    );
    expect(formatDateTimeVN(drives[firstDrive.id]!.closedAt!)).toBe(`23:59 28/02/${YEAR}`);
    expect(Object.values(drives).every((d) => d.openedAt && d.closedAt)).toBe(true);
    const driveMails = world.mail.messages.filter((m) => m.subject.includes(firstDrive.title));
    expect(driveMails.map((m) => m.subject.replace('[TĐKT] ', '')).sort()).toEqual([
      `Kết thúc đợt thi đua: ${firstDrive.title} — đề nghị khen thưởng`,
      `Phát động đợt thi đua: ${firstDrive.title}`,
    ]);
    for (const m of driveMails)
      expect(m.to).toEqual(expect.arrayContaining([at('thuongtruc'), ...units.map((u) => at(`truong.${u.slice(3)}`))]));

    // --- Every reminder and escalation of the year, by recipient and instant (UTC+7). ---
    const rd = (y: number) => deadlineInstant({ day: 15, month: 1 }, y);
    const when = (due: string) =>
      Object.fromEntries(noticeInstants(due, yearPlan.reminders).map((r) => [r.key, formatDateTimeVN(r.at)]));
    const reg15 = when(rd(YEAR));
    expect(Object.values(reg15)).toEqual([
      `09:00 08/01/${YEAR}`,
      `09:00 14/01/${YEAR}`,
      `09:00 15/01/${YEAR}`,
      `09:00 16/01/${YEAR}`,
      `09:00 19/01/${YEAR}`,
    ]);
    const cmp15 = when(deadlineInstant({ day: 15, month: 2 }, YEAR));
    const am15 = when(deadlineInstant({ day: 15, month: 3 }, YEAR));
    const kv = (n: number) => `Viện kiểm sát nhân dân khu vực ${n}`;
    const expected: string[] = [];
    const staff = (n: number) => [at(`truong.kv${n}`), at(`vanthu.kv${n}`)].sort().join(',');
    for (const n of [7, 8]) {
      for (const k of ['reminder:-7d-15h', 'reminder:-1d-15h', 'due:0d-15h'])
        expected.push(`${staff(n)} | ${reg15[k]} | Nhắc việc: đăng ký thi đua năm ${YEAR} — ${kv(n)}`);
      for (const k of ['escalation:0d9h', 'escalation:3d9h'])
        expected.push(`${at('thuongtruc')} | ${reg15[k]} | Báo cáo: ${kv(n)} chưa đăng ký thi đua năm ${YEAR}`);
    }
    expected.push(`${staff(4)} | ${reg15['reminder:-7d-15h']} | Nhắc việc: đăng ký thi đua năm ${YEAR} — ${kv(4)}`);
    for (const k of ['reminder:-7d-15h', 'reminder:-1d-15h', 'due:0d-15h'])
      expected.push(`${at('truong.kv4')} | ${cmp15[k]} | Nhắc việc: ký giao ước thi đua Cụm thi đua số 1 năm ${YEAR}`);
    for (const k of ['escalation:0d9h', 'escalation:3d9h'])
      expected.push(
        `${at('thuongtruc')} | ${cmp15[k]} | Báo cáo: ${kv(4)} chưa ký giao ước thi đua Cụm thi đua số 1 năm ${YEAR}`,
      );
    for (const n of [4, 5, 6, 7, 8]) {
      for (const k of ['reminder:-7d-15h', 'reminder:-1d-15h', 'due:0d-15h'])
        expected.push(`${staff(n)} | ${am15[k]} | Nhắc việc: giới thiệu điển hình tiên tiến năm ${YEAR} — ${kv(n)}`);
      for (const k of ['escalation:0d9h', 'escalation:3d9h'])
        expected.push(`${at('thuongtruc')} | ${am15[k]} | Báo cáo: ${kv(n)} chưa giới thiệu điển hình tiên tiến`);
    }
    const kn7 = formatDateTimeVN(
      noticeInstants(complaintDue, ruleValue(ruleSetFor(recordedFiledAt), 'reminders.default'))[0]!.at,
    );
    expected.push(`${at('thuongtruc')} | ${kn7} | Nhắc việc: giải quyết đơn khiếu nại kn-${YEAR}-001`);
    const kvNotYetRelevant = (m: ReceivedMail) => !m.subject.includes('hồ sơ'); // the nomination's own notices are its own test's business
    expect(reminders(kvNotYetRelevant)).toEqual(expected.sort());

    // No unit that had acted got a reminder for that step.
    for (const n of [1, 2, 3, 5, 6])
      expect(reminders((m) => m.subject.includes('đăng ký thi đua') && m.to.includes(at(`truong.kv${n}`)))).toEqual([]);
    for (const n of [1, 2, 3, 5, 6, 7, 8])
      expect(reminders((m) => m.subject.includes('giao ước') && m.to.includes(at(`truong.kv${n}`)))).toEqual([]);
    for (const n of [1, 2, 3])
      expect(reminders((m) => m.subject.includes('điển hình') && m.to.includes(at(`truong.kv${n}`)))).toEqual([]);

    // Each mail went out at the instant it is for (the workflow's clock, shown in UTC+7).
    const sentAt = world.mail.messages
      .filter((m) => /^\[TĐKT\] (Nhắc việc|Báo cáo)/.test(m.subject) && !m.subject.includes('hồ sơ'))
      .map((m) => [/Thời điểm nhắc: (.*)/.exec(m.text)?.[1], /Gửi lúc: (.*)/.exec(m.text)?.[1]]);
    for (const [planned, sent] of sentAt) expect(sameMinuteOrNext(planned!, sent!)).toBe(true);

    const progress = await handle.query(planProgressQuery);
    expect(progress.registrations).toEqual({ registered: 6, total: 8 });
    expect(progress.compacts).toMatchObject({ sent: 2, total: 2, signed: 8, members: 8 });
  }, 600_000);
});

/** "23:59 08/01" may be sent at 00:00 09/01 when the timer fires a millisecond after 23:59:59.999. */
function sameMinuteOrNext(planned: string, sent: string): boolean {
  const parse = (s: string) => {
    const m = /^(\d{2}):(\d{2}) (\d{2})\/(\d{2})\/(\d{4})$/.exec(s)!;
    return Date.UTC(+m[5]!, +m[4]! - 1, +m[3]!, +m[1]!, +m[2]!);
  };
  const d = parse(sent) - parse(planned);
  return d >= 0 && d <= 60_000;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not started yet
    }
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
