/**
 * Over HTTP (the real web server, Temporal dev server and worker): every form carries an idempotency key
 * (`_request`), so sending the same form twice — a double click, a browser retry, the back button — applies the
 * action once and shows success both times, instead of a second case or a red refusal.
 */
import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, caseUrl, startWebWorld, type WebWorld } from './web-support.js';

const EventType = temporal.api.enums.v1.EventType;
let w: WebWorld;

beforeAll(async () => {
  w = await startWebWorld();
});
afterAll(async () => {
  await w?.close();
});

function requestIdFrom(html: string): string {
  const m = /name="_request" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no request key on the page');
  return m[1];
}

const createdCaseId = (location: unknown) =>
  decodeURIComponent(
    String(location)
      .split('?')[0]!
      .replace(/^\/ho-so\//, ''),
  );

/** The new-nomination form filled in for the unit's person at `personIndex` (each test its own nominee). */
async function draftForm(clerk: Agent, personIndex: number): Promise<Record<string, string>> {
  const page = await clerk.get('/de-nghi/moi?award=giay-khen&subject=individual');
  expect(page.statusCode).toBe(200);
  const options = (page.body.split('name="personId"')[1] ?? '').split('</select>')[0]!;
  const person = [...options.matchAll(/<option value="([^"]+)"/g)][personIndex];
  return {
    _request: requestIdFrom(page.body),
    campaignId: w.campaign,
    track: 'regular',
    awardCode: 'giay-khen',
    subject: 'individual',
    personId: person?.[1] ?? '',
    'doc_to-trinh': '12/TTr-VKS',
    'doc_bao-cao-thanh-tich': 'BC 03',
    'doc_bien-ban-binh-xet-don-vi': 'BB 01',
    achievements: 'Hoàn thành xuất sắc nhiệm vụ.',
  };
}

describe('a form sent twice', () => {
  it('renders a fresh key with every page', async () => {
    const clerk = await Agent.as(w.app, 'vanthu.kv2');
    const a = requestIdFrom((await clerk.get('/de-nghi/moi?award=giay-khen&subject=individual')).body);
    const b = requestIdFrom((await clerk.get('/de-nghi/moi?award=giay-khen&subject=individual')).body);
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(a).not.toBe(b);
  });

  it('opens one case when the new-nomination form is sent twice', async () => {
    const clerk = await Agent.as(w.app, 'vanthu.kv2');
    const form = await draftForm(clerk, 1);
    const first = await clerk.post('/de-nghi', form);
    const second = await clerk.post('/de-nghi', form);
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(303);
    expect(createdCaseId(second.headers.location)).toBe(createdCaseId(first.headers.location));
  });

  it('submits once when the submit form is sent twice, and both answers are success', async () => {
    const clerk = await Agent.as(w.app, 'vanthu.kv2');
    const created = await clerk.post('/de-nghi', await draftForm(clerk, 2));
    const caseId = createdCaseId(created.headers.location);

    const head = await Agent.as(w.app, 'truong.kv2');
    const page = await head.get(caseUrl(caseId));
    const key = requestIdFrom(page.body);
    const [a, b] = await Promise.all([
      head.post(`${caseUrl(caseId)}/submit`, { _request: key }),
      head.post(`${caseUrl(caseId)}/submit`, { _request: key }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
    expect(String(b.headers.location)).toContain('ok=submit');
    // The back button and the same form once more, after it went through: still success, still once.
    const again = await head.post(`${caseUrl(caseId)}/submit`, { _request: key });
    expect(again.statusCode).toBe(303);

    const state = await w.cases.getCase(caseId);
    expect(state.stage).toBe('cluster_review');
    expect(state.audit.filter((entry) => entry.action === 'submit')).toHaveLength(1);
    const history = await w.env.client.workflow.getHandle(caseId).fetchHistory();
    const submits = (history.events ?? []).filter(
      (e) =>
        e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED &&
        e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'submit',
    );
    expect(submits).toHaveLength(1);
  });

  it('without a key (an old page) the second submit is refused in Vietnamese, as before', async () => {
    // Another unit: the demo units' quota in one campaign is small (the kv2 place went to the case above).
    const clerk = await Agent.as(w.app, 'vanthu.kv5');
    const form = await draftForm(clerk, 3);
    delete form._request;
    const created = await clerk.post('/de-nghi', form);
    const caseId = createdCaseId(created.headers.location);
    const head = await Agent.as(w.app, 'truong.kv5');
    await head.get(caseUrl(caseId));
    const first = await head.post(`${caseUrl(caseId)}/submit`, {});
    expect(first.statusCode).toBe(303);
    const second = await head.post(`${caseUrl(caseId)}/submit`, {});
    // The page's own check sees the case has moved on (403, as for any action the person may not take now).
    expect(second.statusCode).toBe(403);
    expect(second.body).toContain('Không thể thực hiện thao tác này khi hồ sơ đang ở bước');
    expect((await w.cases.getCase(caseId)).audit.filter((entry) => entry.action === 'submit')).toHaveLength(1);
  });
});
