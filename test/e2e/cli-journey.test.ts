/**
 * A full journey through the `tdkt` CLI code on the dev server, with the real worker, the embedded
 * database and a real SMTP server: it ends with exactly one row in the commendation book and the
 * mails everyone concerned should receive.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchAwards } from '../../store/index.js';
import { runCli } from '../../client/cli/cli.js';
import { CasesClient } from '../../client/lib/cases.js';
import { vnDateKey } from '../../domain/calendar.js';
import { connectToDevServer, uniqueId } from '../harness/temporal.js';
import { waitFor } from '../harness/wait.js';
import { createCaseWorld, type CaseWorld } from '../support/case-world.js';
import { COUNCIL_VOTERS } from '../support/journey.js';

let env: TestWorkflowEnvironment;
let world: CaseWorld;

beforeAll(async () => {
  env = await connectToDevServer();
  world = await createCaseWorld(env);
});
afterAll(async () => {
  await world?.close();
  await env?.teardown();
});

async function tdkt(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    cases: new CasesClient(env.client, world.taskQueue),
    actorFor: async (username) => world.actor(username).catch(() => null),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

describe('tdkt CLI end to end (dev server, real SMTP, embedded database)', () => {
  it('takes a nomination from a JSON file to the commendation book', async () => {
    const campaignId = uniqueId('tk2025');
    const draft = await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex: 9 });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tdkt-cli-')), 'de-nghi.json');
    writeFileSync(file, JSON.stringify({ campaignId, year: 2025, unitId: 'hd-kv2', draft }));

    const started = await tdkt('start', '--file', file, '--as', 'vanthu.kv2', '--json');
    expect(started.code).toBe(0);
    const { caseId } = JSON.parse(started.out[0]!) as { caseId: string };
    expect(caseId).toMatch(new RegExp(`^nomination/${campaignId}/hd-kv2/`));

    // Bad input and the wrong person are refused with a clear message and change nothing.
    const wrong = await tdkt('act', caseId, 'endorse', '--as', 'cumtruong.c1', '--input', '{"rank":1}');
    expect(wrong.code).toBe(1);
    expect(wrong.err.join('\n')).toContain(
      'Bị từ chối: Không thể thực hiện thao tác này khi hồ sơ đang ở bước “Đang soạn”',
    );
    expect((await tdkt('act', caseId, 'submit', '--as', 'nobody')).err[0]).toContain('Không có người dùng');
    expect((await tdkt('act', caseId, 'return', '--as', 'truong.kv2', '--input', '{not json')).code).toBe(2);

    expect((await tdkt('act', caseId, 'submit', '--as', 'truong.kv2')).out[0]).toContain('Cụm, khối thi đua xem xét');
    await waitFor(async () => {
      const listed = await tdkt('list', '--campaign', campaignId, '--stage', 'cluster_review', '--json');
      expect(listed.err).toEqual([]);
      expect(listed.out[0]).toContain(caseId);
    });
    const bulk = await tdkt('bulk', 'endorse', '--as', 'cumtruong.c1', '--cases', caseId, '--input', '{"rank":1}');
    expect(bulk.out[0]).toContain('OK');
    expect((await tdkt('act', caseId, 'verify', '--as', 'thuongtruc', '--input', '{"complete":true}')).code).toBe(0);
    for (const member of COUNCIL_VOTERS)
      expect((await tdkt('act', caseId, 'vote', '--as', member, '--input', '{"choice":"yes"}')).code).toBe(0);
    // The deputy signs on behalf of the chief prosecutor (ký thay).
    const today = vnDateKey(new Date().toISOString());
    const approved = await tdkt(
      'act',
      caseId,
      'approve',
      '--as',
      'phovientruong',
      '--on-behalf-of',
      'vientruong',
      '--mode',
      'ky_thay',
      '--input',
      JSON.stringify({ decisionNumber: '77/QĐ-VKS', decisionDate: today }),
    );
    expect(approved.out[0]).toContain('Đã khen thưởng');

    await waitFor(async () => {
      const book = await searchAwards(world.db, {
        personId: draft.nominee.personId!,
        year: 2025,
        awardCode: 'giay-khen',
        limit: 10,
        offset: 0,
      });
      expect(book.items.filter((a) => a.caseKey === `${caseId}#award`)).toHaveLength(1);
    });

    const shown = await tdkt('show', caseId);
    expect(shown.out.join('\n')).toContain('KT.');
    const json = JSON.parse((await tdkt('show', caseId, '--json')).out.join('\n')) as {
      stage: string;
      decision: { number: string };
    };
    expect(json).toMatchObject({ stage: 'awarded', decision: { number: '77/QĐ-VKS' } });

    const caseMails = () => world.mail.messages.filter((m) => m.messageId.startsWith(caseId.replace(/\//g, '.')));
    await waitFor(() => expect(caseMails().some((m) => m.subject.includes('Đã có quyết định khen thưởng'))).toBe(true));
    const award = caseMails().find((m) => m.subject.includes('Đã có quyết định khen thưởng'))!;
    expect(award.to).toEqual([
      'cumtruong.c1@vks-haiduong.test',
      'thuongtruc@vks-haiduong.test',
      'truong.kv2@vks-haiduong.test',
      'vanthu.kv2@vks-haiduong.test',
    ]);
    expect(award.text).toContain('số 77/QĐ-VKS');
    expect(award.text).toContain('(KT. Viện trưởng)');
    expect(award.text).toContain(`http://tdkt.test/ho-so/${encodeURIComponent(caseId)}`);
    // Each step told the next actor: cluster head, standing body, the council (each member), the leadership.
    const subjects = caseMails().map((m) => `${m.subject} → ${m.to.join(',')}`);
    expect(subjects.some((s) => s.includes('Cụm, khối thi đua xem xét') && s.includes('cumtruong.c1@'))).toBe(true);
    expect(subjects.some((s) => s.includes('Thường trực Hội đồng thẩm định') && s.includes('thuongtruc@'))).toBe(true);
    expect(subjects.some((s) => s.includes('Hội đồng xét, bỏ phiếu') && s.includes('uyvien5@'))).toBe(true);
    expect(subjects.some((s) => s.includes('Chờ Lãnh đạo phê duyệt') && s.includes('vientruong@'))).toBe(true);
  });
});
