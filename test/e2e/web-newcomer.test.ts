/**
 * Over HTTP (the real web server, Temporal dev server and worker, PGlite with the demo organisation): what a newcomer
 * tripped on (issue 13). The case page says who must act next and shows no workflow id; a council member who has
 * voted no longer finds the vote in "Việc cần làm"; an administrator's inbox lists the held cases; a case forwarded
 * to the Supreme Procuracy is in its department's inbox, which opens it and enters the decision; the book names the
 * awarded collective; the demo accounts carry no year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateVN } from '../../domain/calendar.js';
import { DEMO_PASSWORD, seedDemoPasswords } from '../../store/credentials.js';
import { recordAward } from '../../store/book.js';
import { journey, type CaseHandle } from '../support/journey.js';
import { Agent, caseUrl, eventually, startWebWorld, type WebWorld } from './web-support.js';

let w: WebWorld;

/** The people of hd-kv2 already nominated in the campaign: a person has one case per campaign. */
const nominated = new Set<number>();

/**
 * A case of the unit for the given person (hd-kv2: or the next person not nominated yet). A unit submits one
 * individual per campaign (its quota), so each test that submits uses a unit of its own.
 */
async function startCase(wanted: number | null, awardCode = 'giay-khen', unitId = 'hd-kv2'): Promise<CaseHandle> {
  let personIndex = wanted ?? 0;
  while (wanted === null && nominated.has(personIndex)) personIndex++;
  if (unitId === 'hd-kv2') nominated.add(personIndex);
  return w.world.startNomination({
    unitId,
    campaignId: w.campaign,
    draft: await w.world.draftFor({ awardCode, unitId, personIndex }),
  });
}

/** The text of the case page's "Việc tiếp theo", or null when the page shows none. */
const nextStepOf = (html: string) => /<dd id="viec-tiep-theo">([^<]*)<\/dd>/.exec(html)?.[1] ?? null;

/** Whether a list page links the case (its rows link the case page). */
const lists = (html: string, caseId: string) => html.includes(`href="${caseUrl(caseId)}"`);

/** Posts one of the case page's action forms as a browser would: with the page's request key. */
async function act(agent: Agent, caseId: string, action: string, form: Record<string, string>) {
  const page = await agent.get(caseUrl(caseId));
  expect(page.statusCode).toBe(200);
  const requestId = /name="_request" value="([^"]+)"/.exec(page.body)?.[1];
  expect(requestId).toBeDefined();
  return agent.post(`${caseUrl(caseId)}/${action}`, { ...form, _request: requestId! });
}

beforeAll(async () => {
  w = await startWebWorld();
  await seedDemoPasswords(w.world.db, ['vu16.vkstc'], DEMO_PASSWORD);
}, 300_000);
afterAll(async () => {
  await w?.close();
});

describe('what a newcomer tripped on', () => {
  it("a case forwarded to the Supreme Procuracy is in its department's inbox, which enters the decision", async () => {
    // First, before other cases of hd-kv2 take its people. The demo's stars hold the prerequisites of a Bằng khen of VKSND tối cao; find one whose submission passes.
    let handle: CaseHandle | null = null;
    for (let personIndex = 0; personIndex < 19 && !handle; personIndex++) {
      const candidate = await startCase(personIndex, 'bang-khen-vksndtc');
      try {
        await journey(w.world, candidate).submit();
        handle = candidate;
      } catch {
        nominated.delete(personIndex);
        await candidate.terminate('not eligible, trying the next person');
      }
    }
    expect(handle).not.toBeNull();
    await journey(w.world, handle!).award();
    const vu16 = await Agent.as(w.app, 'vu16.vkstc');
    await eventually(async () => expect(lists((await vu16.get('/')).body, handle!.workflowId)).toBe(true));
    const page = await vu16.get(caseUrl(handle!.workflowId));
    expect(page.statusCode).toBe(200);
    expect(nextStepOf(page.body)).toContain('VKSND tối cao');
    const decided = await act(vu16, handle!.workflowId, 'record_external_decision', {
      outcome: 'approved',
      decisionNumber: '12/QĐ-VKSTC',
      decisionDate: formatDateVN(new Date().toISOString()),
    });
    expect(decided.statusCode).toBe(303);
    expect((await w.cases.getCase(handle!.workflowId)).stage).toBe('awarded');
    await eventually(async () => expect(lists((await vu16.get('/')).body, handle!.workflowId)).toBe(false));
  });

  it('the case page tells the clerk who acts next and what to do, and shows no workflow id', async () => {
    const handle = await startCase(0, 'giay-khen', 'hd-kv5');
    const clerk = await Agent.as(w.app, 'vanthu.kv5');
    const draft = await clerk.get(caseUrl(handle.workflowId));
    expect(draft.statusCode).toBe(200);
    expect(nextStepOf(draft.body)).toContain('Thủ trưởng đơn vị ký, trình');
    expect(draft.body).not.toContain(handle.workflowId);
    expect(draft.body).not.toContain('Mã hồ sơ');
    expect(draft.body).toContain('Đợt thi đua thử nghiệm');
    await journey(w.world, handle).submit('truong.kv5');
    expect(nextStepOf((await clerk.get(caseUrl(handle.workflowId))).body)).toBe(
      'Cụm trưởng, khối trưởng xem xét, cho ý kiến',
    );
    await journey(w.world, handle).endorse('cumtruong.c2');
    expect(nextStepOf((await clerk.get(caseUrl(handle.workflowId))).body)).toBe('Thường trực Hội đồng kiểm tra hồ sơ');
  });

  it("a council member's inbox drops a vote once they have cast it; other members still owe theirs", async () => {
    const handle = await startCase(0, 'giay-khen', 'hd-kv3');
    const j = journey(w.world, handle);
    await j.submit('truong.kv3');
    await j.endorse();
    await j.verify();
    const voter = await Agent.as(w.app, 'uyvien1');
    const other = await Agent.as(w.app, 'uyvien2');
    const secretary = await Agent.as(w.app, 'thuongtruc');
    await eventually(async () => expect(lists((await voter.get('/')).body, handle.workflowId)).toBe(true));
    const voted = await act(voter, handle.workflowId, 'vote', { choice: 'yes' });
    expect(voted.statusCode).toBe(303);
    // The case page reads the case itself; the inbox reads the index, which the case writes after the vote.
    await eventually(async () => expect(lists((await voter.get('/')).body, handle.workflowId)).toBe(false));
    expect(lists((await other.get('/')).body, handle.workflowId)).toBe(true);
    // The standing body closes the vote: it keeps the case until then.
    expect(lists((await secretary.get('/')).body, handle.workflowId)).toBe(true);
  });

  it("an administrator's inbox lists the cases held on a complaint", async () => {
    const handle = await startCase(null);
    await journey(w.world, handle).act('hold', 'thuongtruc', { reason: 'Có đơn khiếu nại' });
    const admin = await Agent.as(w.app, 'admin');
    await eventually(async () => {
      const inbox = await admin.get('/');
      expect(inbox.statusCode).toBe(200);
      expect(lists(inbox.body, handle.workflowId)).toBe(true);
    });
  });

  it('the book names the awarded collective, and the demo accounts carry no year', async () => {
    await recordAward(w.world.db, {
      caseKey: `newcomer-${w.campaign}`,
      awardCode: 'giay-khen',
      subject: 'collective',
      personId: null,
      unitId: 'hd-kv7',
      year: 2025,
      decisionNumber: '77/QĐ-VKS',
      decisionDate: '2025-12-20',
      decidedByLevel: 'provincial',
    });
    const admin = await Agent.as(w.app, 'admin');
    const book = await admin.get('/so-khen-thuong?unit=hd-kv7&year=2025');
    expect(book.statusCode).toBe(200);
    const row = book.body.split('<tr').find((r) => r.includes('77/QĐ-VKS'));
    expect(row).toBeDefined();
    const cells = [...row!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
    expect(cells[2]).toBe('Viện kiểm sát nhân dân khu vực 7 (tập thể)');
    const signIn = await new Agent(w.app).get('/dang-nhap');
    expect(signIn.body).toContain('Cụm trưởng');
    expect(signIn.body).not.toMatch(/(Cụm|Khối) trưởng[^<]*năm \d{4}/);
  });
});
