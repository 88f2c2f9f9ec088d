/**
 * The 2025 plan of Hải Dương (seed 003) run as a whole year on the time-skipping server, with the real worker,
 * activities, database and SMTP, over the whole demo organisation: 20 units (the provincial procuracy, its 7
 * departments and 12 regional procuracies) in 4 clusters/blocs (Cụm 1–3 and the Khối of departments). The
 * server's clock starts today, so the plan's calendar is replayed in a future year (planForYear: same days and
 * months), with the 2025 cluster heads copied to that year.
 *
 * The year: registrations, compacts, the three drives, advanced-model proposals and selection, a nomination held
 * by a complaint. Every reminder and escalation is asserted by recipient and by instant (UTC+7) against an
 * oracle written in this file: it reads the plan's offsets (data) and the moments the test itself acted, and does
 * its own clock arithmetic — it calls none of the scheduling code under test.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL_DOMAIN } from '../../store/index.js';
import type { CalendarDate, ReminderOffset } from '../../domain/calendar.js';
import { planForYear } from '../../domain/plan-year/plan-run.js';
import { HAI_DUONG_2025 } from '../../domain/plans/hai-duong-2025.js';
import type { Plan } from '../../domain/plan.js';
import { ruleSetFor, ruleValue } from '../../domain/rules/index.js';
import type { Registration } from '../../domain/schemas.js';
import { actionUpdates, nominationStateQuery } from '../../workflows/nomination/messages.js';
import {
  advancedModelStateQuery,
  advancedModelUpdates,
  advancedModelId,
} from '../../workflows/plan/advanced-model-messages.js';
import { compactId, compactStateQuery, compactUpdates } from '../../workflows/compact/messages.js';
import { complaintId, complaintStateQuery, complaintUpdates } from '../../workflows/complaint/messages.js';
import {
  planCampaignsQuery,
  planProgressQuery,
  planStateQuery,
  planWorkflowId,
} from '../../workflows/plan/messages.js';
import { quotaLedgerId, quotaStateQuery } from '../../workflows/quota/messages.js';
import { registrationId, registrationStateQuery, registrationUpdates } from '../../workflows/registration/messages.js';
import { complaint, plan, type advancedModels, type compact } from '../../workflows/index.js';
import { SA } from '../../domain/search-attributes.js';
import { untilInstant, waitFor } from '../harness/wait.js';
import { startTimeSkippingServer } from '../harness/temporal.js';
import type { ReceivedMail } from '../support/mail-sink.js';
import { createCaseWorld, type CaseWorld } from '../support/case-world.js';

let env: TestWorkflowEnvironment;
let world: CaseWorld;
let YEAR: number;

// ------------------------------------------------------------------------------------------ the test's oracle

const HOUR = 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** A moment given as a Vietnamese wall clock (UTC+7, no daylight saving), as epoch milliseconds. */
const vnMs = (day: number, month: number, year: number, hour = 9, minute = 0) =>
  Date.UTC(year, month - 1, day, hour, minute) - 7 * HOUR;
const vn = (day: number, month: number, year: number, hour = 9, minute = 0) =>
  new Date(vnMs(day, month, year, hour, minute)).toISOString();

/** "HH:mm dd/mm/yyyy" as a clock in Vietnam shows the instant. */
function vnClock(ms: number): string {
  const d = new Date(ms + 7 * HOUR);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/**
 * When a reminder of the plan data fires: the offset is counted from the end of the due day in Vietnam (a
 * deadline "15/01" lasts until 24:00 that day, i.e. 00:00 of the 16th), so -7 days -15 hours is 09:00 of 08/01.
 */
const firesAt = (due: CalendarDate, o: ReminderOffset) =>
  Date.UTC(due.year, due.month - 1, due.day + 1) - 7 * HOUR + (o.days * 24 + (o.hours ?? 0)) * HOUR;

/** A step of the year as the oracle sees it: who must act by when, and the mails it expects. */
interface Step {
  due: CalendarDate;
  reminders: ReminderOffset[];
  escalations: ReminderOffset[];
  /** The units that must act, and when the test made each one act (absent: it never did). */
  units: string[];
  actedAt: Map<string, number>;
  reminder(unitId: string): { to: string[]; subject: string };
  escalation(unitId: string): { to: string[]; subject: string };
}

/** Every reminder line the oracle expects: "to | planned instant | sent at | subject". */
function expectedLines(step: Step): string[] {
  const out: string[] = [];
  for (const unitId of step.units) {
    const acted = step.actedAt.get(unitId);
    for (const [offsets, mail] of [
      [step.reminders, step.reminder(unitId)],
      [step.escalations, step.escalation(unitId)],
    ] as const) {
      for (const o of offsets) {
        const t = firesAt(step.due, o);
        if (acted !== undefined && acted <= t) continue;
        out.push(`${[...mail.to].sort().join(',')} | ${vnClock(t)} | ${vnClock(t)} | ${mail.subject}`);
      }
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------ helpers

const mailOf = (username: string) => `${username}@${DEMO_EMAIL_DOMAIN}`;
/** The login suffix of a unit: hd → hd, hd-kv4 → kv4, hd-p1 → p1. */
const short = (unitId: string) => (unitId === 'hd' ? 'hd' : unitId.replace(/^hd-/, ''));
const head = (unitId: string) => mailOf(`truong.${short(unitId)}`);
const staff = (unitId: string) => [head(unitId), mailOf(`vanthu.${short(unitId)}`)];
const STANDING_BODY = [mailOf('thuongtruc')];

/** The reminder and escalation mails received, as "to | Thời điểm nhắc | Gửi lúc | subject". */
function reminderLines(filter: (m: ReceivedMail) => boolean = () => true): string[] {
  return world.mail.messages
    .filter((m) => /^\[TĐKT\] (Nhắc việc|Báo cáo)/.test(m.subject))
    .filter(filter)
    .map(
      (m) =>
        `${[...m.to].sort().join(',')} | ${/Thời điểm nhắc: (.*)/.exec(m.text)?.[1] ?? '?'} | ${/Gửi lúc: (.*)/.exec(m.text)?.[1] ?? '?'} | ${m.subject.replace('[TĐKT] ', '')}`,
    );
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
  YEAR = new Date((await env.currentTimeMs()) + 7 * HOUR).getUTCFullYear() + 2;
  await world.db.query(
    `INSERT INTO cluster_heads (cluster_id, year, seat, unit_id) SELECT cluster_id, $1, seat, unit_id FROM cluster_heads WHERE year = 2025`,
    [YEAR],
  );
});
afterAll(async () => {
  await world?.close();
  await env?.teardown();
});

const CLUSTERS = {
  'hd-cum1': { name: 'Cụm thi đua số 1', head: 'cumtruong.c1', members: ['hd-kv1', 'hd-kv2', 'hd-kv3', 'hd-kv4'] },
  'hd-cum2': { name: 'Cụm thi đua số 2', head: 'cumtruong.c2', members: ['hd-kv5', 'hd-kv6', 'hd-kv7', 'hd-kv8'] },
  'hd-cum3': { name: 'Cụm thi đua số 3', head: 'cumtruong.c3', members: ['hd-kv9', 'hd-kv10', 'hd-kv11', 'hd-kv12'] },
  'hd-khoi-nv': {
    name: 'Khối các phòng nghiệp vụ',
    head: 'khoitruong.nv',
    members: ['hd-vp', 'hd-p1', 'hd-p2', 'hd-p3', 'hd-p4', 'hd-p5', 'hd-p6'],
  },
} as const;
type ClusterId = keyof typeof CLUSTERS;
const ALL_UNITS = ['hd', ...Object.values(CLUSTERS).flatMap((c) => c.members)];

describe('the 2025 demo year, 20 units in 4 clusters (time skipping)', () => {
  it('registrations, compacts, drives, advanced models, nominations and a complaint: every reminder by recipient and instant', async () => {
    const base = planForYear(HAI_DUONG_2025, YEAR);
    const yearPlan: Plan = {
      ...base,
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
    expect(yearPlan.clusterIds).toBeNull(); // the whole organisation
    const handle = await env.client.workflow.start(plan, {
      taskQueue: world.taskQueue,
      workflowId: planWorkflowId('hd', YEAR),
      args: [{ plan: yearPlan, startedBy: await world.actor('thuongtruc') }],
    });
    await waitFor(async () => expect((await handle.query(planStateQuery)).childrenStarted).toBe(true), 30_000);
    const started = await handle.query(planStateQuery);
    expect(Object.keys(started.registrations).sort()).toEqual([...ALL_UNITS].sort());
    expect(Object.keys(started.compacts).sort()).toEqual(Object.keys(CLUSTERS).sort());
    const unitName = (id: string) => started.context.units.find((u) => u.id === id)!.name;
    const now = async () => env.currentTimeMs();

    // --- Registrations (due 15/01): most at once; kv4 and the province on 10/01, p5 on 14/01 at noon, after
    // their reminders; kv7, kv8, p6 never. ---
    const registered = new Map<string, number>();
    const reg = (u: string) => env.client.workflow.getHandle(registrationId(u, YEAR));
    const register = async (u: string) => {
      await reg(u).executeUpdate(registrationUpdates.register, {
        args: [{ actor: await world.actor(`truong.${short(u)}`), registration: registrationFor(u, YEAR) }],
      });
      registered.set(u, await now());
    };
    const LATE: Record<string, string> = {
      'hd-kv4': vn(10, 1, YEAR),
      hd: vn(10, 1, YEAR),
      'hd-p5': vn(14, 1, YEAR, 12),
    };
    const NEVER_REGISTER = ['hd-kv7', 'hd-kv8', 'hd-p6'];
    for (const u of ALL_UNITS)
      await waitFor(
        async () => expect((await reg(u).query(registrationStateQuery)).status).toBe('not_registered'),
        30_000,
      );
    for (const u of ALL_UNITS.filter((x) => !LATE[x] && !NEVER_REGISTER.includes(x))) {
      if (u === 'hd-kv1') {
        // A draft by the clerk, registered by the head.
        await reg(u).executeUpdate(registrationUpdates.save_draft, {
          args: [{ actor: await world.actor('vanthu.kv1'), registration: registrationFor(u, YEAR) }],
        });
        await reg(u).executeUpdate(registrationUpdates.register, {
          args: [{ actor: await world.actor('truong.kv1') }],
        });
        registered.set(u, await now());
      } else await register(u);
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
    for (const [u, when] of Object.entries(LATE).sort((a, b) => Date.parse(a[1]) - Date.parse(b[1]))) {
      await untilInstant(env, when);
      await register(u);
    }
    // Amending before the deadline is allowed (and is not a first registration).
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
    await untilInstant(env, vn(17, 1, YEAR));
    await expectRefused(
      reg('hd-kv7').executeUpdate(registrationUpdates.register, {
        args: [{ actor: await world.actor('truong.kv7'), registration: registrationFor('hd-kv7', YEAR) }],
      }),
      'Đã quá hạn đăng ký thi đua',
    );

    // --- Compacts (due 15/02): every head drafts on 01/02; Cụm 2 all sign at once; kv11 signs on 10/02, kv4 late
    // on 20/02; kv12 and p6 never. ---
    await untilInstant(env, vn(1, 2, YEAR));
    const signed = new Map<string, number>();
    const cmp = (c: ClusterId) => env.client.workflow.getHandle<typeof compact>(compactId(c, YEAR));
    const sign = async (c: ClusterId, u: string) => {
      await cmp(c).executeUpdate(compactUpdates.sign, { args: [{ actor: await world.actor(`truong.${short(u)}`) }] });
      signed.set(u, await now());
    };
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
    for (const [c, info] of Object.entries(CLUSTERS) as [ClusterId, (typeof CLUSTERS)[ClusterId]][]) {
      await cmp(c).executeUpdate(compactUpdates.draft, {
        args: [{ actor: await world.actor(info.head), content: `Giao ước thi đua năm ${YEAR} của ${info.name}` }],
      });
    }
    const SIGN_LATER: Record<string, string> = { 'hd-kv11': vn(10, 2, YEAR), 'hd-kv4': vn(20, 2, YEAR) };
    const NEVER_SIGN = ['hd-kv12', 'hd-p6'];
    for (const [c, info] of Object.entries(CLUSTERS) as [ClusterId, (typeof CLUSTERS)[ClusterId]][])
      for (const u of info.members) if (!SIGN_LATER[u] && !NEVER_SIGN.includes(u)) await sign(c, u);
    await expectRefused(
      cmp('hd-cum1').executeUpdate(compactUpdates.sign, { args: [{ actor: await world.actor('truong.kv5') }] }),
      'không phải thành viên',
    );
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
    await untilInstant(env, SIGN_LATER['hd-kv11']!);
    await sign('hd-cum3', 'hd-kv11');

    await untilInstant(env, SIGN_LATER['hd-kv4']!);
    for (const [c, unsigned] of [
      ['hd-cum1', ['hd-kv4']],
      ['hd-cum3', ['hd-kv12']],
      ['hd-khoi-nv', ['hd-p6']],
    ] as const) {
      const s = await cmp(c).query(compactStateQuery);
      expect(s.compilation?.trigger, c).toBe('deadline');
      expect(s.compilation?.unsignedUnitIds, c).toEqual(unsigned);
    }
    const cum1AtDeadline = await cmp('hd-cum1').query(compactStateQuery);
    expect(cum1AtDeadline.compilation?.registrations.find((r) => r.unitId === 'hd-kv1')?.collectiveTitles).toEqual([
      'tap-the-lao-dong-tien-tien',
    ]);
    const compiledBloc = world.mail.messages.find((m) =>
      m.subject.includes('Tổng hợp đăng ký thi đua và giao ước Khối các phòng nghiệp vụ'),
    )!;
    expect(compiledBloc.to).toEqual(
      expect.arrayContaining([...STANDING_BODY, ...CLUSTERS['hd-khoi-nv'].members.map(head)]),
    );
    expect(compiledBloc.text).toContain(`Chưa ký giao ước: ${unitName('hd-p6')}`);
    await sign('hd-cum1', 'hd-kv4');
    const cum1 = await cmp('hd-cum1').result();
    expect(cum1.stage).toBe('closed');
    expect(cum1.signatures.find((s) => s.unitId === 'hd-kv4')?.late).toBe(true);

    // --- Drive 1 closed at the end of 28/02: its nomination campaign is open, due nominationDays (data) later; the
    // closing notice told every unit. Nominations started in it count against the drive's own quota ledger. ---
    await untilInstant(env, vn(1, 3, YEAR));
    const drive1 = yearPlan.drives[0]!;
    const d1End = drive1.window.to;
    const d1Due = new Date(Date.UTC(d1End.year, d1End.month - 1, d1End.day + drive1.nominationDays!));
    const d1DueText = `${pad(d1Due.getUTCDate())}/${pad(d1Due.getUTCMonth() + 1)}/${d1Due.getUTCFullYear()}`;
    const campaigns = await handle.query(planCampaignsQuery);
    expect(campaigns.map((c) => [c.campaignId, vnClock(Date.parse(c.dueAt))])).toEqual([
      [drive1.id, `23:59 ${d1DueText}`],
    ]);
    const closing = world.mail.messages.find((m) => m.subject.includes(`Kết thúc đợt thi đua: ${drive1.title}`))!;
    expect(closing.text).toContain(`Mã đợt đề nghị khen thưởng: ${drive1.id}`);
    expect(closing.text).toContain(`Hạn gửi đề nghị khen thưởng: 23:59 ngày ${d1DueText}`);
    // VKSND khu vực 5 (19 people: an individual quota of floor(10% × 19) = 1 per campaign).
    const kv5 = (campaignId: string, personIndex: number) =>
      world
        .draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv5', personIndex })
        .then((d) => world.startNomination({ unitId: 'hd-kv5', draft: d, campaignId, year: YEAR }));
    const inDrive = await kv5(drive1.id, 0);
    const secondInDrive = await kv5(drive1.id, 1);
    const inYear = await kv5(yearPlan.id, 2);
    const truongKv5 = await world.actor('truong.kv5');
    await inDrive.executeUpdate(actionUpdates.submit, { args: [{ actor: truongKv5 }] });
    await expectRefused(
      secondInDrive.executeUpdate(actionUpdates.submit, { args: [{ actor: truongKv5 }] }),
      'Đơn vị đã dùng hết chỉ tiêu đề nghị',
    );
    expect((await secondInDrive.query(nominationStateQuery)).stage).toBe('draft');
    await inYear.executeUpdate(actionUpdates.submit, { args: [{ actor: truongKv5 }] });
    const ledger = (campaignId: string) =>
      env.client.workflow.getHandle(quotaLedgerId(campaignId, 'hd-kv5')).query(quotaStateQuery);
    expect((await ledger(drive1.id)).reservations.map((r) => r.caseId)).toEqual([inDrive.workflowId]);
    expect((await ledger(yearPlan.id)).reservations.map((r) => r.caseId)).toEqual([inYear.workflowId]);
    expect((await inDrive.query(nominationStateQuery)).campaignId).toBe(drive1.id);

    // --- Advanced models (due 15/03): kv1–kv10 propose on 01/03 (1 collective + 2 individuals each), kv11 on
    // 12/03; the others never; the council's selection is recorded on 20/03. ---
    const proposed = new Map<string, number>();
    const am = env.client.workflow.getHandle<typeof advancedModels>(advancedModelId('hd', YEAR));
    const candidates = (u: string) => [
      { subject: 'collective' as const, refId: u, displayName: `Tập thể ${unitName(u)}` },
      { subject: 'individual' as const, refId: `${u}-nv01`, displayName: `Cá nhân 1, ${unitName(u)}` },
      { subject: 'individual' as const, refId: `${u}-nv02`, displayName: `Cá nhân 2, ${unitName(u)}` },
    ];
    const propose = async (u: string) => {
      await am.executeUpdate(advancedModelUpdates.propose, {
        args: [{ actor: await world.actor(`truong.${short(u)}`), candidates: candidates(u) }],
      });
      proposed.set(u, await now());
    };
    await expectRefused(
      am.executeUpdate(advancedModelUpdates.propose, {
        args: [
          {
            actor: await world.actor('truong.kv1'),
            candidates: [
              ...candidates('hd-kv1'),
              { subject: 'collective', refId: 'hd-kv1-x', displayName: 'Tập thể thứ hai' },
            ],
          },
        ],
      }),
      'Mỗi đơn vị chỉ giới thiệu 1 tập thể',
    );
    for (let n = 1; n <= 10; n++) await propose(`hd-kv${n}`);
    await untilInstant(env, vn(12, 3, YEAR));
    await propose('hd-kv11');
    await untilInstant(env, vn(20, 3, YEAR));
    await expectRefused(
      am.executeUpdate(advancedModelUpdates.send_on, { args: [{ actor: await world.actor('vientruong') }] }),
      'chưa có kết quả để gửi',
    );
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
      'hd-kv11:hd-kv11-nv02',
    ];
    await am.executeUpdate(advancedModelUpdates.select, {
      args: [{ actor: await world.actor('thuongtruc'), selected }],
    });
    expect((await am.query(advancedModelStateQuery)).selection?.keys).toEqual(selected);
    // Until it is sent on, the case waits on the standing body: open, in the secretariat's inbox.
    const visibility = async () => {
      const sa = (await am.describe()).typedSearchAttributes;
      return [SA.stage, SA.status, SA.waitingRole, SA.waitingUnit].map((k) => sa.get(k) ?? null);
    };
    expect(await visibility()).toEqual(['selected', 'open', 'council_secretary', 'hd-vp']);
    await world.mail.waitFor((ms) => ms.some((m) => m.subject.includes('Kết quả lựa chọn điển hình tiên tiến')));
    // The result is sent on to the higher level's own address in the directory, by the leadership, once.
    await expectRefused(
      am.executeUpdate(advancedModelUpdates.send_on, { args: [{ actor: await world.actor('truong.kv1') }] }),
      'không được gửi kết quả điển hình tiên tiến lên cấp trên',
    );
    await am.executeUpdate(advancedModelUpdates.send_on, {
      args: [{ actor: await world.actor('vientruong'), note: 'Kính gửi Vụ Thi đua - Khen thưởng' }],
    });
    const sentOn = await am.result();
    expect(await visibility()).toEqual(['sent_on', 'closed', null, null]);
    expect(sentOn.sentOn).toMatchObject({ by: { role: 'leadership' }, to: { unitId: 'vkstc' } });
    expect(sentOn.audit.filter((a) => ['send_on', 'sent_on'].includes(a.action)).map((a) => a.action)).toEqual([
      'send_on',
      'sent_on',
    ]);
    const sentMail = world.mail.messages.find((m) => m.subject.includes('gửi kết quả lựa chọn điển hình tiên tiến'))!;
    expect([...sentMail.to].sort()).toEqual([mailOf('thuongtruc'), `vkstc@${DEMO_EMAIL_DOMAIN}`].sort());
    expect(sentMail.text).toContain('Nơi nhận: Viện kiểm sát nhân dân tối cao');
    expect(sentMail.text).toContain('Số điển hình được chọn: 6');

    // --- Nominations: two of kv2 in the plan's campaign; one complaint (filed 01/04) holds one of them, is reminded
    // once, proposed dismissed by the standing body and dismissed by the leadership, which releases it. ---
    await untilInstant(env, vn(1, 4, YEAR));
    const draft = await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2' });
    const nomination = await world.startNomination({ unitId: 'hd-kv2', draft, campaignId: yearPlan.id, year: YEAR });
    const other = await world.startNomination({
      unitId: 'hd-kv2',
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex: 1 }),
      campaignId: yearPlan.id,
      year: YEAR,
    });
    const filedAt = await now();
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
    expect((await other.query(nominationStateQuery)).stage).toBe('draft');
    await expectRefused(
      nomination.executeUpdate(actionUpdates.submit, { args: [{ actor: await world.actor('truong.kv2') }] }),
      'tạm dừng',
    );
    const { dueAt: complaintDue, filedAt: recordedFiledAt } = await kn.query(complaintStateQuery);
    expect(Math.abs(Date.parse(recordedFiledAt) - filedAt)).toBeLessThan(60_000);
    // 'complaint.resolveDays' of the rule set: 30 days from filing (01/04), to the end of 01/05.
    expect(vnClock(Date.parse(complaintDue))).toBe(`23:59 01/05/${YEAR}`);
    await untilInstant(env, vn(28, 4, YEAR));
    // The standing body advises (seed 003, III.6), the Viện trưởng concludes.
    await kn.executeUpdate(complaintUpdates.propose, {
      args: [
        {
          actor: await world.actor('thuongtruc'),
          findings: 'Đối chiếu báo cáo thành tích của đơn vị: kê khai đúng thực tế.',
          outcome: 'dismissed',
          reason: 'Khiếu nại không có cơ sở',
        },
      ],
    });
    await kn.executeUpdate(complaintUpdates.resolve, {
      args: [
        {
          actor: await world.actor('vientruong'),
          outcome: 'dismissed',
          revokeAward: false,
          reason: 'Xác minh: thành tích kê khai đúng thực tế',
        },
      ],
    });
    const resolvedAt = await now();
    expect((await kn.result()).resolution?.outcome).toBe('dismissed');
    expect((await nomination.query(nominationStateQuery)).stage).toBe('draft');

    // --- Drives: each opened at 00:00 of its first day and closed at the end of its last, to every unit. ---
    await untilInstant(env, vn(1, 9, YEAR));
    const drives = (await handle.query(planStateQuery)).drives;
    const everyHead = [...STANDING_BODY, ...ALL_UNITS.map(head)].sort();
    for (const drive of yearPlan.drives) {
      const { from, to } = drive.window;
      const opensAt = vnClock(vnMs(from.day, from.month, from.year, 0));
      const closesAt = `23:59 ${pad(to.day)}/${pad(to.month)}/${to.year}`;
      expect(vnClock(Date.parse(drives[drive.id]!.openedAt!)), drive.id).toBe(opensAt);
      expect(vnClock(Date.parse(drives[drive.id]!.closedAt!)), drive.id).toBe(closesAt);
      const mails = world.mail.messages.filter((m) => m.subject.includes(drive.title));
      expect(mails.map((m) => m.subject.replace('[TĐKT] ', '')).sort(), drive.id).toEqual([
        `Kết thúc đợt thi đua: ${drive.title} — đề nghị khen thưởng`,
        `Phát động đợt thi đua: ${drive.title}`,
      ]);
      for (const m of mails) expect([...m.to].sort(), drive.id).toEqual(everyHead);
      const sentAt = (kind: string) => /Gửi lúc: (.*)/.exec(mails.find((m) => m.subject.includes(kind))!.text)?.[1];
      expect(sentAt('Phát động'), drive.id).toBe(opensAt);
      expect([closesAt, vnClock(vnMs(to.day + 1, to.month, to.year, 0))], drive.id).toContain(sentAt('Kết thúc'));
    }

    // --- Every reminder and escalation of the year, by recipient and instant (UTC+7), against the oracle. ---
    const schedule = yearPlan.reminders; // the plan data's offsets; no deadline overrides them
    expect(yearPlan.deadlines.every((d) => !d.reminders)).toBe(true);
    const dueOf = (id: string) => yearPlan.deadlines.find((d) => d.id === id)!.date;
    // The oracle itself, on the registration deadline: 09:00 on the 8th, 14th and 15th, then the 16th and 19th.
    expect(
      [...schedule.reminders, ...schedule.escalations].map((o) => vnClock(firesAt(dueOf('registration'), o))),
    ).toEqual([
      `09:00 08/01/${YEAR}`,
      `09:00 14/01/${YEAR}`,
      `09:00 15/01/${YEAR}`,
      `09:00 16/01/${YEAR}`,
      `09:00 19/01/${YEAR}`,
    ]);
    const steps: Step[] = [
      {
        due: dueOf('registration'),
        ...schedule,
        units: ALL_UNITS,
        actedAt: registered,
        reminder: (u) => ({ to: staff(u), subject: `Nhắc việc: đăng ký thi đua năm ${YEAR} — ${unitName(u)}` }),
        escalation: (u) => ({ to: STANDING_BODY, subject: `Báo cáo: ${unitName(u)} chưa đăng ký thi đua năm ${YEAR}` }),
      },
      ...Object.values(CLUSTERS).map((info): Step => ({
        due: dueOf('compact'),
        ...schedule,
        units: [...info.members],
        actedAt: signed,
        reminder: (u) => ({ to: [head(u)], subject: `Nhắc việc: ký giao ước thi đua ${info.name} năm ${YEAR}` }),
        escalation: (u) => ({
          to: STANDING_BODY,
          subject: `Báo cáo: ${unitName(u)} chưa ký giao ước thi đua ${info.name} năm ${YEAR}`,
        }),
      })),
      {
        due: dueOf('advanced-model-registration'),
        ...schedule,
        units: ALL_UNITS,
        actedAt: proposed,
        reminder: (u) => ({
          to: staff(u),
          subject: `Nhắc việc: giới thiệu điển hình tiên tiến năm ${YEAR} — ${unitName(u)}`,
        }),
        escalation: (u) => ({
          to: STANDING_BODY,
          subject: `Báo cáo: ${unitName(u)} chưa giới thiệu điển hình tiên tiến`,
        }),
      },
      {
        due: { day: 1, month: 5, year: YEAR },
        ...ruleValue(ruleSetFor(recordedFiledAt), 'reminders.default'),
        units: ['complaint'],
        // The standing body proposed and the leadership concluded on 28/04: what was due after that is not sent.
        actedAt: new Map([['complaint', resolvedAt]]),
        reminder: () => ({ to: STANDING_BODY, subject: `Nhắc việc: giải quyết đơn khiếu nại kn-${YEAR}-001` }),
        escalation: () => ({ to: STANDING_BODY, subject: 'none: resolved before its due date' }),
      },
    ];
    const expected = steps.flatMap(expectedLines);
    // The nominations' own reminders ("… hồ sơ …") follow the rule set and are asserted in their own suites.
    const notNomination = (m: ReceivedMail) => !m.subject.includes('hồ sơ');
    expect(reminderLines(notNomination).sort()).toEqual(expected.sort());
    // Not vacuous, counted by hand: registrations 3 never × 5 + kv4, hd × 1 + p5 × 2 = 19; compacts kv12, p6 × 5
    // + kv4 × 5 + kv11 × 1 = 16; advanced models 9 never × 5 + kv11 × 1 = 46; the complaint 1.
    expect(expected).toHaveLength(19 + 16 + 46 + 1);
    expect(expected.filter((l) => l.includes('Báo cáo'))).toHaveLength(3 * 2 + 3 * 2 + 9 * 2);

    // No unit that had already acted got a reminder for that step after acting (read from the mails alone).
    const clock = (s: string) => {
      const m = /^(\d{2}):(\d{2}) (\d{2})\/(\d{2})\/(\d{4})$/.exec(s)!;
      return vnMs(+m[3]!, +m[4]!, +m[5]!, +m[1]!, +m[2]!);
    };
    for (const [topic, acted] of [
      ['đăng ký thi đua', registered],
      ['giao ước', signed],
      ['điển hình', proposed],
    ] as const) {
      for (const [u, at] of acted) {
        const after = world.mail.messages.filter(
          (m) =>
            m.subject.includes(topic) &&
            /^\[TĐKT\] Nhắc việc/.test(m.subject) &&
            m.to.includes(head(u)) &&
            clock(/Thời điểm nhắc: (.*)/.exec(m.text)![1]!) >= at,
        );
        expect(
          after.map((m) => m.subject),
          `${u} after acting on ${topic}`,
        ).toEqual([]);
      }
    }

    const progress = await handle.query(planProgressQuery);
    expect(progress.registrations).toEqual({ registered: ALL_UNITS.length - NEVER_REGISTER.length, total: 20 });
    expect(progress.compacts).toEqual({ sent: 4, total: 4, signed: 19 - NEVER_SIGN.length, members: 19 });
  }, 900_000);
});
