/**
 * Over HTTP (the real web server, Temporal dev server and worker, PGlite): the case index the staff lists read
 * (issue 13). An inbox of 45 cases with scattered due dates is in due-date order across all its pages and every
 * row names its nominee; a name typed without diacritics finds the case (admin search) and the book entry; after
 * the index table is emptied, the rebuild from Temporal restores exactly what the cases had written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar.js';
import { foldVietnamese } from '../../domain/text-fold.js';
import type { NominationState } from '../../domain/nomination/types.js';
import { rebuildCaseIndex } from '../../client/lib/case-index-rebuild.js';
import { recordAward } from '../../store/book.js';
import { allIndexedCases, clearCaseIndex, type IndexedCase } from '../../store/case-index.js';
import { peopleOfUnit } from '../../store/directory.js';
import { Agent, eventually, startWebWorld, type WebWorld } from './web-support.js';

const CASES = 45;
let w: WebWorld;
/** The 45 cases as the cases themselves answer (their state query), by id. */
const states = new Map<string, NominationState>();

beforeAll(async () => {
  w = await startWebWorld();
  const people = await peopleOfUnit(w.world.db, 'hd-kv2');
  const secretary = await w.world.actor('thuongtruc');
  // Started a few at a time (a busy 2-core machine), each draft's due date then moved 1 to 60 days later, scattered.
  for (let batch = 0; batch < CASES; batch += 9) {
    await Promise.all(
      Array.from({ length: Math.min(9, CASES - batch) }, async (_, k) => {
        const i = batch + k;
        const handle = await w.world.startNomination({
          unitId: 'hd-kv2',
          campaignId: w.campaign,
          draft: await w.world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex: i % people.length }),
        });
        const days = ((i * 37) % 60) + 1;
        const { dueAt } = await w.cases.getCase(handle.workflowId);
        await w.cases.act(handle.workflowId, 'extend', {
          actor: secretary,
          newDueAt: addDays(dueAt!, days),
          reason: 'Gia hạn để thử thứ tự theo hạn',
        });
        states.set(handle.workflowId, await w.cases.getCase(handle.workflowId));
      }),
    );
  }
}, 600_000);
afterAll(async () => {
  await w?.close();
});

interface InboxRow {
  caseId: string;
  name: string;
  due: string;
}

/** Every row of every page of a list, following its "Trang sau" links as a browser would. */
async function allPages(agent: Agent, firstUrl: string): Promise<InboxRow[][]> {
  const pages: InboxRow[][] = [];
  let url: string | null = firstUrl;
  while (url && pages.length < 20) {
    const res = await agent.get(url);
    expect(res.statusCode).toBe(200);
    const rows = [
      ...res.body.matchAll(/<a href="\/ho-so\/([^"]+)">([^<]+)<\/a><\/td>[\s\S]*?<time datetime="([^"]+)">/g),
    ].map((m) => ({ caseId: decodeURIComponent(m[1]!), name: m[2]!, due: m[3]! }));
    pages.push(rows);
    const next = /<a rel="next" href="([^"]+)">/.exec(res.body)?.[1];
    url = next ? next.replace(/&amp;/g, '&') : null;
  }
  return pages;
}

const unescape = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('the case index behind the staff lists', () => {
  it("lists the unit head's 45 cases in due-date order across all pages, each row naming its nominee", async () => {
    const head = await Agent.as(w.app, 'truong.kv2');
    const pages = await eventually(async () => {
      const p = await allPages(head, '/');
      expect(p.flat()).toHaveLength(CASES);
      return p;
    }, 60_000);
    expect(pages.length).toBeGreaterThanOrEqual(3); // 20 a page
    const rows = pages.flat();
    expect(new Set(rows.map((r) => r.caseId))).toEqual(new Set(states.keys()));
    // The order is the cases' own due dates (their state), soonest first, over the whole list, not page by page.
    const dues = rows.map((r) => Date.parse(states.get(r.caseId)!.dueAt!));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(new Set(dues).size).toBeGreaterThan(20); // scattered, not one date
    for (const r of rows) {
      expect(unescape(r.name)).toBe(states.get(r.caseId)!.draft.nominee.displayName);
      expect(Date.parse(r.due)).toBe(Date.parse(states.get(r.caseId)!.dueAt!));
    }
    // No raw id or unit code on the page: names only.
    const first = (await head.get('/')).body;
    expect(first).not.toMatch(/hd-kv2 \/|>hd-kv2</);
    expect(first).toContain('Viện kiểm sát nhân dân khu vực 2');
  });

  it('finds the case and the book entry from a name typed without diacritics', async () => {
    const state = [...states.values()].find(
      (s) => foldVietnamese(s.draft.nominee.displayName) !== s.draft.nominee.displayName.toLowerCase(),
    )!;
    const name = state.draft.nominee.displayName;
    const typed = foldVietnamese(name);
    expect(typed).not.toBe(name.toLowerCase()); // the name has marks the search must see through

    const admin = await Agent.as(w.app, 'admin');
    const search = await admin.get(`/quan-tri/ho-so?q=${encodeURIComponent(typed)}`);
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain(`/ho-so/${encodeURIComponent(state.caseId)}`);
    const other = [...states.values()].find(
      (s) =>
        foldVietnamese(s.draft.nominee.displayName) !== typed &&
        !foldVietnamese(s.draft.nominee.displayName).includes(typed),
    )!;
    expect(search.body).not.toContain(`/ho-so/${encodeURIComponent(other.caseId)}`);

    // The book: an award of that person, recorded as the book's activity records it.
    await recordAward(w.world.db, {
      caseKey: `${state.caseId}#test-award`,
      awardCode: 'giay-khen',
      subject: 'individual',
      personId: state.draft.nominee.personId,
      unitId: 'hd-kv2',
      year: 2025,
      decisionNumber: '99/QĐ-TEST',
      decisionDate: '2025-12-01',
      decidedByLevel: 'provincial',
    });
    const book = await admin.get(`/so-khen-thuong?q=${encodeURIComponent(typed)}`);
    expect(book.statusCode).toBe(200);
    expect(book.body).toContain('99/QĐ-TEST');
    const none = await admin.get(`/so-khen-thuong?q=${encodeURIComponent('khong co ai ten nay')}`);
    expect(none.body).not.toContain('99/QĐ-TEST');
  });

  it('after the index table is emptied, the rebuild from Temporal restores what the cases wrote', async () => {
    const content = (rows: IndexedCase[]) => rows.map(({ version: _version, overdue: _overdue, ...row }) => row);
    const written = await eventually(async () => {
      const rows = await allIndexedCases(w.world.db);
      expect(rows).toHaveLength(CASES);
      return rows;
    });
    // Every case idle (no activity or workflow task pending: its notices sent, its last row written), so no late
    // write lands after the table is emptied and the live rows are final.
    await eventually(async () => {
      for (const { caseId } of written) {
        const { raw } = await w.env.client.workflow.getHandle(caseId).describe();
        expect(raw.pendingActivities ?? [], caseId).toEqual([]);
        expect(raw.pendingWorkflowTask ?? null, caseId).toBeNull();
      }
    });
    const live = await allIndexedCases(w.world.db);
    await clearCaseIndex(w.world.db);
    const head = await Agent.as(w.app, 'truong.kv2');
    expect((await head.get('/')).body).toContain('Không có hồ sơ nào');

    const report = await rebuildCaseIndex(
      { client: w.env.client, db: w.world.db },
      { where: `TaskQueue = '${w.world.taskQueue}'` },
    );
    expect(report.unreadable).toEqual([]);
    expect(report.written).toBe(CASES);
    expect(content(await allIndexedCases(w.world.db))).toEqual(content(live));
    expect((await allPages(head, '/')).flat()).toHaveLength(CASES);
  });
});
