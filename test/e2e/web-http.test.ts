/**
 * The web UI over HTTP (fastify.inject against the real server, real Temporal dev server and worker):
 * sign-in, sessions and security headers; every action by a wrong role or a foreign unit is 403 and changes
 * nothing; a form without its CSRF token is refused; script payloads in text fields come back escaped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionName } from '../../domain/nomination/actions.js';
import { buildWebServer } from '../../client/web/server.js';
import { quotaLedgerId, quotaStateQuery } from '../../workflows/quota/messages.js';
import { uniqueId } from '../harness/temporal.js';
import { GOOD_FORMS } from '../support/action-forms.js';
import { Agent, caseUrl, eventually, startWebWorld, TEMPORAL_UI_URL, type WebWorld } from './web-support.js';
import { issueTestPlans } from '../support/case-world.js';
import { planForYear } from '../../domain/plan-year/plan-run.js';
import { HAI_DUONG_2025 } from '../../domain/plans/index.js';

let w: WebWorld;

beforeAll(async () => {
  w = await startWebWorld();
});
afterAll(async () => {
  await w?.close();
});

/** A second web server on the test world with options of its own (the caller closes it). */
function serverWith(options: Partial<Parameters<typeof buildWebServer>[0]>) {
  return buildWebServer({
    config: { TEMPORAL_UI_URL, OUTBOX_DIR: '/nonexistent', PUBLIC_URL: 'http://127.0.0.1:3000' },
    db: w.world.db,
    temporal: w.env.client,
    cases: w.cases,
    showOutbox: false,
    logLevel: 'silent',
    ...options,
  });
}

async function startCase(unitId = 'hd-kv2') {
  const draft = await w.world.draftFor({ awardCode: 'giay-khen', unitId });
  const handle = await w.world.startNomination({ unitId, draft, campaignId: uniqueId('camp') });
  return handle.workflowId;
}

async function snapshot(caseId: string) {
  const s = await w.cases.getCase(caseId);
  return {
    stage: s.stage,
    audit: s.audit.length,
    votes: s.votes.length,
    dueAt: s.dueAt,
    draft: JSON.stringify(s.draft),
  };
}

const FORMS = GOOD_FORMS;

describe('sign-in, sessions, headers', () => {
  it('refuses a wrong password in Vietnamese, signs in with a HttpOnly SameSite cookie, signs out', async () => {
    const agent = new Agent(w.app);
    const anonymous = await agent.get('/');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/dang-nhap');

    const page = await agent.get('/dang-nhap');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBeDefined();
    expect(page.body).toContain('<html lang="vi">');

    const wrong = await agent.post('/dang-nhap', { username: 'truong.kv2', password: 'sai-mat-khau' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');

    const ok = await agent.post('/dang-nhap', { username: 'truong.kv2', password: 'tdkt2025', next: '/' });
    expect(ok.statusCode).toBe(303);
    const cookie = [ok.headers['set-cookie']].flat().find((c) => String(c).startsWith('tdkt_sid='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const inbox = await agent.get('/');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).toContain('Việc cần làm');

    const out = await agent.post('/dang-xuat', {});
    expect(out.statusCode).toBe(303);
    expect((await agent.get('/')).statusCode).toBe(303);
  });

  it('rate-limits sign-in attempts with a Vietnamese message', async () => {
    const limited = await serverWith({ signInLimit: { max: 2, timeWindowMs: 60_000 } });
    try {
      const agent = new Agent(limited);
      await agent.get('/dang-nhap');
      const codes: number[] = [];
      for (let i = 0; i < 3; i++)
        codes.push((await agent.post('/dang-nhap', { username: 'admin', password: 'x' })).statusCode);
      expect(codes).toEqual([401, 401, 429]);
      const last = await agent.post('/dang-nhap', { username: 'admin', password: 'tdkt2025' });
      expect(last.statusCode).toBe(429);
      expect(last.body).toContain('quá nhiều lần');
    } finally {
      await limited.close();
    }
  });
});

describe('authorisation: wrong role or foreign unit → 403, nothing changes', () => {
  it('refuses every action to a user of another unit', async () => {
    const caseId = await startCase();
    const foreign = await Agent.as(w.app, 'vanthu.kv5');
    const before = await snapshot(caseId);
    expect((await foreign.get(caseUrl(caseId))).statusCode).toBe(403);
    for (const [action, form] of Object.entries(FORMS)) {
      const res = await foreign.post(`${caseUrl(caseId)}/${action}`, form);
      expect(res.statusCode, action).toBe(403);
    }
    expect(await snapshot(caseId)).toEqual(before);
    // A head of another unit cannot even edit or submit.
    const otherHead = await Agent.as(w.app, 'truong.kv5');
    expect((await otherHead.post(`${caseUrl(caseId)}/submit`, {})).statusCode).toBe(403);
    expect(await snapshot(caseId)).toEqual(before);
  });

  it('refuses every action to roles that do not hold the case (in draft and in cluster review)', async () => {
    const caseId = await startCase();
    const clerk = await Agent.as(w.app, 'vanthu.kv2');
    const head = await Agent.as(w.app, 'truong.kv2');
    const clusterHead = await Agent.as(w.app, 'cumtruong.c1');
    const otherClusterHead = await Agent.as(w.app, 'cumtruong.c2');
    const secretary = await Agent.as(w.app, 'thuongtruc');
    const member = await Agent.as(w.app, 'uyvien1');
    const leader = await Agent.as(w.app, 'vientruong');

    // Draft: only the unit may act (clerk edits, head submits/withdraws); the clerk may not submit.
    let before = await snapshot(caseId);
    expect((await clerk.post(`${caseUrl(caseId)}/submit`, {})).statusCode).toBe(403);
    for (const agent of [clusterHead, secretary, member, leader]) {
      for (const action of ['submit', 'endorse', 'verify', 'approve', 'withdraw', 'vote'] as const) {
        expect((await agent.post(`${caseUrl(caseId)}/${action}`, FORMS[action])).statusCode, action).toBe(403);
      }
    }
    expect(await snapshot(caseId)).toEqual(before);

    expect((await head.post(`${caseUrl(caseId)}/submit`, {})).statusCode).toBe(303);
    before = await snapshot(caseId);
    expect(before.stage).toBe('cluster_review');
    const wrong: [Agent, ActionName[]][] = [
      [
        clerk,
        [
          'endorse',
          'verify',
          'vote',
          'approve',
          'return',
          'reject',
          'hold',
          'extend',
          'close_vote',
          'revoke',
          'submit',
        ],
      ],
      [head, ['endorse', 'verify', 'approve', 'return', 'reject', 'hold', 'extend', 'submit']],
      [otherClusterHead, ['endorse', 'return', 'reject', 'withdraw', 'comment']],
      [member, ['endorse', 'verify', 'approve', 'return', 'reject', 'vote', 'extend']],
      [leader, ['endorse', 'verify', 'return', 'reject', 'withdraw', 'resume']],
      [secretary, ['endorse', 'approve', 'withdraw', 'resume', 'record_external_decision']],
    ];
    for (const [agent, actions] of wrong) {
      for (const action of actions) {
        const form = FORMS[action as Exclude<ActionName, 'edit'>];
        expect((await agent.post(`${caseUrl(caseId)}/${action}`, form)).statusCode, action).toBe(403);
      }
    }
    // The edit form of a case in review is refused too.
    expect((await clerk.get(`${caseUrl(caseId)}/sua`)).statusCode).toBe(403);
    expect(await snapshot(caseId)).toEqual(before);
    // …and the right user succeeds.
    expect((await clusterHead.post(`${caseUrl(caseId)}/endorse`, { rank: '1' })).statusCode).toBe(303);
    expect((await snapshot(caseId)).stage).toBe('standing_body_check');
  });

  it('keeps admin pages from staff', async () => {
    const clerk = await Agent.as(w.app, 'vanthu.kv2');
    for (const url of ['/quan-tri/ho-so', '/quan-tri/danh-ba', '/quan-tri/quy-tac', '/phe-duyet', '/cum']) {
      expect((await clerk.get(url)).statusCode, url).toBe(403);
    }
  });
});

describe('the case page names things', () => {
  it('shows the campaign by its title and the award by its name, not their codes', async () => {
    const draft = await w.world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2' });
    const { workflowId } = await w.world.startNomination({ unitId: 'hd-kv2', draft, campaignId: w.campaign });
    const page = await (await Agent.as(w.app, 'truong.kv2')).get(caseUrl(workflowId));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Đợt thi đua thử nghiệm');
    expect(page.body).not.toContain(`<code>${w.campaign}</code>`);
    expect(page.body).not.toMatch(/Hình thức: giay-khen/);
  });
});

describe('who sees what: role × page (issue #14)', () => {
  const REFUSED = 'Bạn không có quyền xem hồ sơ này';

  it("keeps a unit's unsubmitted draft to its own staff and admins, and opens it to those with a part once submitted", async () => {
    const caseId = await startCase('hd-kv2');
    const nominee = (await w.cases.getCase(caseId)).draft.nominee.displayName;
    const readers = ['vanthu.kv2', 'truong.kv2', 'admin'];
    // Other units' heads (of the same cluster too), the cluster head, the council's office, members, the leadership.
    const outsiders = ['truong.kv1', 'truong.kv5', 'vanthu.kv5', 'cumtruong.c1', 'thuongtruc', 'uyvien1', 'vientruong'];
    const agents = new Map(
      await Promise.all([...readers, ...outsiders].map(async (u) => [u, await Agent.as(w.app, u)] as const)),
    );
    const page = (username: string) => agents.get(username)!.get(caseUrl(caseId));

    for (const username of readers) {
      const res = await page(username);
      expect(res.statusCode, username).toBe(200);
      expect(res.body, username).toContain(nominee);
    }
    for (const username of outsiders) {
      const res = await page(username);
      expect(res.statusCode, username).toBe(403);
      expect(res.body, username).toContain(REFUSED); // a refusal page, and none of the draft's data
      expect(res.body, username).not.toContain(nominee);
      expect((await agents.get(username)!.get(`${caseUrl(caseId)}/quyet-dinh`)).statusCode, username).toBe(403);
    }
    // The administration pages too: the search lists it to admins only, the full history is refused to the office.
    const search = `/quan-tri/ho-so?q=${encodeURIComponent(nominee)}`;
    // Other tests' cases may share the nominee's name: look for this case's own link.
    const link = caseUrl(caseId);
    await eventually(async () => expect((await agents.get('admin')!.get(search)).body).toContain(link));
    for (const username of ['thuongtruc', 'vientruong']) {
      const res = await agents.get(username)!.get(search);
      expect(res.statusCode, username).toBe(200);
      expect(res.body, username).not.toContain(link);
    }
    const fullHistory = `/quan-tri/ho-so/${encodeURIComponent(caseId)}`;
    expect((await agents.get('admin')!.get(fullHistory)).statusCode).toBe(200);
    const office = await agents.get('thuongtruc')!.get(fullHistory);
    expect(office.statusCode).toBe(403);
    expect(office.body).not.toContain(nominee);

    expect((await agents.get('truong.kv2')!.post(`${caseUrl(caseId)}/submit`, {})).statusCode).toBe(303);
    for (const username of ['cumtruong.c1', 'thuongtruc', 'uyvien1', 'vientruong', ...readers]) {
      const res = await page(username);
      expect(res.statusCode, username).toBe(200);
      expect(res.body, username).toContain(nominee);
    }
    for (const username of ['truong.kv5', 'vanthu.kv5']) expect((await page(username)).statusCode, username).toBe(403);
    await eventually(async () => expect((await agents.get('thuongtruc')!.get(search)).body).toContain(link));
    expect((await agents.get('thuongtruc')!.get(fullHistory)).statusCode).toBe(200);
  });

  it('shows the demo outbox to administrators only: others get a refusal, visitors are sent to sign in', async () => {
    const anonymous = await new Agent(w.app).get('/hop-thu-di');
    expect(anonymous.statusCode).toBe(303);
    expect(String(anonymous.headers.location)).toMatch(/^\/dang-nhap/);
    for (const username of ['vanthu.kv2', 'truong.kv2', 'cumtruong.c1', 'thuongtruc', 'uyvien1', 'vientruong']) {
      const agent = await Agent.as(w.app, username);
      const res = await agent.get('/hop-thu-di');
      expect(res.statusCode, username).toBe(403);
      expect(res.body, username).toContain('Bạn không có quyền xem trang này');
      expect((await agent.get('/')).body, username).not.toContain('href="/hop-thu-di"');
    }
    const admin = await Agent.as(w.app, 'admin');
    const res = await admin.get('/hop-thu-di');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Hộp thư đi');
    expect((await admin.get('/')).body).toContain('href="/hop-thu-di"');
  });

  it('has no outbox outside demo mode, not even for an administrator', async () => {
    const production = await serverWith({ showOutbox: true, demo: false });
    try {
      const admin = await Agent.as(production, 'admin');
      expect((await admin.get('/hop-thu-di')).statusCode).toBe(404);
      expect((await admin.get('/')).body).not.toContain('href="/hop-thu-di"');
    } finally {
      await production.close();
    }
  });
});

describe('CSRF', () => {
  it('refuses a form without its token and changes nothing', async () => {
    const caseId = await startCase();
    const head = await Agent.as(w.app, 'truong.kv2');
    const before = await snapshot(caseId);
    const res = await head.post(`${caseUrl(caseId)}/submit`, {}, { withCsrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('mã chống giả mạo');
    const forged = await head.post(`${caseUrl(caseId)}/submit`, { _csrf: 'forged-token' }, { withCsrf: false });
    expect(forged.statusCode).toBe(403);
    expect(await snapshot(caseId)).toEqual(before);
    // Sign-in and sign-out forms are protected too.
    const anonymous = new Agent(w.app);
    expect(
      (await anonymous.post('/dang-nhap', { username: 'admin', password: 'tdkt2025' }, { withCsrf: false })).statusCode,
    ).toBe(403);
    expect((await head.post('/dang-xuat', {}, { withCsrf: false })).statusCode).toBe(403);
  });
});

describe('escaping', () => {
  const payload = '<script>alert("xss")</script>';

  it('shows script payloads in every text field escaped', async () => {
    const clerk = await Agent.as(w.app, 'vanthu.kv2');
    await clerk.get('/de-nghi/moi?award=giay-khen&subject=individual');
    const people = await w.world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2' });
    const created = await clerk.post('/de-nghi', {
      campaignId: w.campaign,
      track: 'regular',
      awardCode: 'giay-khen',
      subject: 'individual',
      personId: people.nominee.personId!,
      'doc_to-trinh': payload,
      'doc_bao-cao-thanh-tich': payload,
      achievements: payload,
    });
    expect(created.statusCode).toBe(303);
    const url = String(created.headers.location).split('?')[0]!;
    await clerk.post(`${url}/comment`, { text: payload });
    const head = await Agent.as(w.app, 'truong.kv2');
    await head.post(`${url}/withdraw`, { reason: payload });
    const page = await clerk.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(payload);
    expect(page.body).toContain('&lt;script&gt;');
    // The sign-in form echoes the username escaped.
    const anonymous = new Agent(w.app);
    await anonymous.get('/dang-nhap');
    const echoed = await anonymous.post('/dang-nhap', { username: '"><script>x</script>', password: 'x' });
    expect(echoed.body).not.toContain('<script>x</script>');
  });
});

describe('bad input', () => {
  it('shows the Vietnamese message and changes nothing', async () => {
    const caseId = await startCase();
    const head = await Agent.as(w.app, 'truong.kv2');
    await head.post(`${caseUrl(caseId)}/submit`, {});
    const clusterHead = await Agent.as(w.app, 'cumtruong.c1');
    const before = await snapshot(caseId);
    const bad = await clusterHead.post(`${caseUrl(caseId)}/endorse`, { rank: 'abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Thứ tự xếp hạng');
    const tooShort = await clusterHead.post(`${caseUrl(caseId)}/return`, { reason: 'x', toStep: 'unit' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.body).toContain('Lý do phải có ít nhất 3 ký tự');
    expect(await snapshot(caseId)).toEqual(before);
  });
});

describe('a refused action form', () => {
  it('comes back with what was typed in it', async () => {
    const caseId = await startCase();
    const head = await Agent.as(w.app, 'truong.kv2');
    await head.post(`${caseUrl(caseId)}/submit`, {});
    const clusterHead = await Agent.as(w.app, 'cumtruong.c1');
    const bad = await clusterHead.post(`${caseUrl(caseId)}/endorse`, { rank: 'abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/name="rank"[^>]*value="abc"/);
    const tooShort = await clusterHead.post(`${caseUrl(caseId)}/return`, { reason: 'x', toStep: 'unit' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.body).toContain('id="return-reason" name="reason" rows="2" required minlength="3">x</textarea>');
    // Other forms on the page keep their defaults.
    expect(tooShort.body).toMatch(/name="rank"[^>]*value="1"/);
  });
});

describe('pages', () => {
  it('inbox per role, admin history with the raw events and the Temporal UI link, rule sets, book, dashboard, ICS', async () => {
    const caseId = await startCase();
    const head = await Agent.as(w.app, 'truong.kv2');
    await eventually(async () => expect((await head.get('/')).body).toContain(encodeURIComponent(caseId)));
    await head.post(`${caseUrl(caseId)}/submit`, {});
    const clusterHead = await Agent.as(w.app, 'cumtruong.c1');
    await eventually(async () => expect((await clusterHead.get('/')).body).toContain(encodeURIComponent(caseId)));
    await eventually(async () => expect((await clusterHead.get('/cum')).body).toContain(encodeURIComponent(caseId)));

    const admin = await Agent.as(w.app, 'admin');
    const history = await admin.get(`/quan-tri/ho-so/${encodeURIComponent(caseId)}`);
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain(`${TEMPORAL_UI_URL}/namespaces/default/workflows/${encodeURIComponent(caseId)}`);
    expect(history.body).toContain('WorkflowExecutionStarted');
    expect(history.body).toContain('ký, trình hồ sơ');
    await eventually(async () => {
      const search = await admin.get('/quan-tri/ho-so?unit=hd-kv2&status=open');
      expect(search.statusCode).toBe(200);
      expect(search.body).toContain(encodeURIComponent(caseId));
    });
    const rules = await admin.get('/quan-tri/quy-tac');
    expect(rules.body).toContain('Cần xác nhận');
    const book = await admin.get('/so-khen-thuong?year=2024');
    expect(book.body).toContain('Chiến sĩ thi đua cơ sở');
    const csv = await admin.get('/so-khen-thuong/xuat.csv?year=2024');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Số quyết định');
    const xlsx = await admin.get('/so-khen-thuong/xuat.xlsx?year=2024');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const dashboard = await admin.get('/thong-ke');
    expect(dashboard.body).toContain('<svg');
    // The feed of a year whose plan is issued in the database; a year with only a draft (the shipped 2025
    // plan is dự thảo lần 2) or none has no feed.
    const icsYear = 2080 + Math.floor(Math.random() * 10);
    await issueTestPlans(w.world.db, [planForYear(HAI_DUONG_2025, icsYear)]);
    const ics = await new Agent(w.app).get(`/lich/hd-kv2.ics?nam=${icsYear}`);
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    expect(ics.body).toContain(String(icsYear));
    expect((await new Agent(w.app).get('/lich/hd-kv2.ics?nam=2025')).statusCode).toBe(404);
  });

  it('drops a case the administrator terminates from the inbox and the open search', async () => {
    const caseId = await startCase();
    const head = await Agent.as(w.app, 'truong.kv2');
    const admin = await Agent.as(w.app, 'admin');
    const openSearch = '/quan-tri/ho-so?unit=hd-kv2&status=open';
    await eventually(async () => expect((await head.get('/')).body).toContain(encodeURIComponent(caseId)));
    await eventually(async () => expect((await admin.get(openSearch)).body).toContain(encodeURIComponent(caseId)));

    const done = await admin.post(`/quan-tri/ho-so/${encodeURIComponent(caseId)}/terminate`, { reason: 'Lập nhầm' });
    expect(done.statusCode).toBe(303);
    // The workflow never ran again, so its search attributes still say "open": only the execution status tells.
    await eventually(async () => expect((await head.get('/')).body).not.toContain(encodeURIComponent(caseId)));
    expect((await admin.get(openSearch)).body).not.toContain(encodeURIComponent(caseId));
  });

  it('gives the unit its quota place back when the administrator terminates a submitted case, once', async () => {
    const caseId = await startCase();
    const state = await w.cases.getCase(caseId);
    const ledger = w.world.env.client.workflow.getHandle(quotaLedgerId(state.campaignId, state.unitId));
    const reserved = async () => (await ledger.query(quotaStateQuery)).reservations.map((r) => r.caseId);
    const head = await Agent.as(w.app, 'truong.kv2');
    const admin = await Agent.as(w.app, 'admin');
    expect((await head.post(`${caseUrl(caseId)}/submit`, {})).statusCode).toBe(303);
    expect(await reserved()).toEqual([caseId]);

    const done = await admin.post(`/quan-tri/ho-so/${encodeURIComponent(caseId)}/terminate`, { reason: 'Lập nhầm' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toContain('ok=terminate-released');
    expect(await reserved()).toEqual([]);
    expect((await admin.get(String(done.headers.location))).body).toContain('trả lại chỉ tiêu cho đơn vị');

    // Repeating the repair on the closed case neither fails nor gives a place back twice.
    const again = await admin.post(`/quan-tri/ho-so/${encodeURIComponent(caseId)}/terminate`, { reason: 'Lập nhầm' });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toMatch(/ok=terminate$/);
    expect(await reserved()).toEqual([]);
  });

  it('refuses to terminate without a reason, on the admin page with what was typed, and the case runs on', async () => {
    const caseId = await startCase();
    const admin = await Agent.as(w.app, 'admin');
    await admin.get(`/quan-tri/ho-so/${encodeURIComponent(caseId)}`);
    const short = await admin.post(`/quan-tri/ho-so/${encodeURIComponent(caseId)}/terminate`, { reason: 'x' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Lý do phải có ít nhất 3 ký tự.');
    expect(short.body).toContain('id="term-reason" name="reason" required minlength="3" rows="2">x</textarea>');
    expect((await w.cases.getCase(caseId)).stage).toBe('draft');
  });

  it('reads the cases a page lists, and names one that does not answer instead of waiting on it', async () => {
    const caseId = await startCase();
    // A case on a task queue no worker polls: its query would wait until the server gives up.
    const silent = await w.world.env.client.workflow.start('nomination', {
      taskQueue: uniqueId('no-worker'),
      workflowId: uniqueId('silent-case'),
      args: [],
    });
    try {
      const reads = await w.cases.readCases([caseId, silent.workflowId], 1_000);
      expect(reads[0]).toMatchObject({ caseId, state: { caseId, unitId: 'hd-kv2' } });
      expect(reads[1]).toMatchObject({ caseId: silent.workflowId, state: null });
    } finally {
      await silent.terminate('end of the read test');
    }
  });

  it('imports the directory with a dry run report', async () => {
    const admin = await Agent.as(w.app, 'admin');
    await admin.get('/quan-tri/danh-ba');
    const csv =
      'id,fullName,unitId,position,email\nhd-kv2-moi1,Nguyễn Thị Mới,hd-kv2,Chuyên viên,\nbad id,X,khong-co,Chuyên viên,';
    const dry = await admin.post('/quan-tri/danh-ba', { format: 'csv', kind: 'people', text: csv, dryRun: 'on' });
    expect(dry.statusCode).toBe(422);
    expect(dry.body).toContain('dòng 3');
    const good = csv.split('\n').slice(0, 2).join('\n');
    const dryOk = await admin.post('/quan-tri/danh-ba', { format: 'csv', kind: 'people', text: good, dryRun: 'on' });
    expect(dryOk.statusCode).toBe(200);
    expect(dryOk.body).toContain('Không có lỗi');
    const applied = await admin.post('/quan-tri/danh-ba', {
      format: 'json',
      text: JSON.stringify({
        people: [
          { id: 'hd-kv2-moi1', fullName: 'Nguyễn Thị Mới', unitId: 'hd-kv2', position: 'Chuyên viên', email: null },
        ],
      }),
    });
    expect(applied.statusCode).toBe(200);
    expect(applied.body).toContain('Đã nhập dữ liệu');
  });
});

describe('the cluster vote on the case page (Cờ thi đua ngành)', () => {
  it('lets Cụm 1’s member heads vote and the cluster head close; a non-member gets 403 and changes nothing', async () => {
    const draft = await w.world.draftFor({ awardCode: 'co-thi-dua-nganh', unitId: 'hd-kv3', subject: 'collective' });
    const handle = await w.world.startNomination({ unitId: 'hd-kv3', draft, campaignId: uniqueId('camp') });
    const caseId = handle.workflowId;
    const nominatingHead = await Agent.as(w.app, 'truong.kv3');
    expect((await nominatingHead.post(`${caseUrl(caseId)}/submit`, {})).statusCode).toBe(303);

    // A head of a unit outside the cluster neither reads the case nor votes.
    const before = await snapshot(caseId);
    const outsider = await Agent.as(w.app, 'truong.kv5');
    expect((await outsider.get(caseUrl(caseId))).statusCode).toBe(403);
    expect((await outsider.post(`${caseUrl(caseId)}/cluster_vote`, { choice: 'yes' })).statusCode).toBe(403);
    // The nominating unit is recused: no ballot form, and a forged one is 403.
    expect((await nominatingHead.get(caseUrl(caseId))).body).not.toContain('id="form-cluster_vote"');
    expect((await nominatingHead.post(`${caseUrl(caseId)}/cluster_vote`, { choice: 'yes' })).statusCode).toBe(403);
    expect(await snapshot(caseId)).toEqual(before);

    const member = await Agent.as(w.app, 'truong.kv1');
    // The vote waits on the cluster: it is in every member head's inbox, not in an outsider's.
    await eventually(async () => expect((await member.get('/')).body).toContain(encodeURIComponent(caseId)));
    expect((await outsider.get('/')).body).not.toContain(encodeURIComponent(caseId));
    const page = await member.get(caseUrl(caseId));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Bỏ phiếu của cụm, khối thi đua');
    expect(page.body).toContain('id="form-cluster_vote"');
    for (const head of ['truong.kv1', 'truong.kv2', 'truong.kv4']) {
      const res = await (await Agent.as(w.app, head)).post(`${caseUrl(caseId)}/cluster_vote`, { choice: 'yes' });
      expect(res.statusCode, head).toBe(303);
    }
    const clusterHead = await Agent.as(w.app, 'cumtruong.c1');
    expect(
      (await clusterHead.post(`${caseUrl(caseId)}/close_cluster_vote`, { minutesNote: 'Họp cụm' })).statusCode,
    ).toBe(303);
    const closed = await clusterHead.get(caseUrl(caseId));
    expect(closed.body).toContain('Kết quả: 3 đồng ý, 0 không đồng ý, 0 không biểu quyết / 3 thành viên');
    expect(closed.body).toContain('Kết quả bỏ phiếu của cụm, khối thi đua');
    expect(closed.body).toContain('id="form-endorse"');
    // Every ballot is in: the case has left the members' inboxes for the cluster head's.
    await eventually(async () => expect((await member.get('/')).body).not.toContain(encodeURIComponent(caseId)));
    await eventually(async () => expect((await clusterHead.get('/')).body).toContain(encodeURIComponent(caseId)));
    expect((await w.cases.getCase(caseId)).clusterTally).toMatchObject({ passed: true });
  });
});
