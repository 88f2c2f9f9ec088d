/**
 * The inbox's filter (case index) and visibility query, and where each listed kind links: pure functions, no
 * Temporal (the dev-server test in test/e2e/web-plan-http.test.ts checks a registration really appears and leaves).
 */
import { describe, expect, it } from 'vitest';
import type { Account } from '../../store/credentials.js';
import { caseLink, type LinkedRow } from '../../client/web/case-links.js';
import { inboxFilter, inboxQuery } from '../../client/web/inbox.js';

const account = (roles: Account['user']['roles'], unitId: string): Account => ({
  user: { id: 'u', username: 'u', displayName: 'U', unitId, roles, email: 'u@example.test', personId: null },
  councilMemberOf: [],
  secretariatOf: [],
  councilUnits: [],
  clusterMemberOf: [],
});

const item = (over: Partial<LinkedRow>): LinkedRow => ({
  caseId: 'x/y',
  kind: 'nomination',
  year: null,
  stage: 'draft',
  unitId: null,
  unitName: null,
  clusterId: null,
  nomineeName: null,
  ...over,
});

describe('inboxFilter', () => {
  it("lists the kinds with a page to act on, waiting on the account's roles and units", () => {
    const head = account(['unit_head'], 'hd-kv4');
    head.clusterMemberOf = ['hd-cum1'];
    expect(inboxFilter(head)).toEqual({
      kinds: ['nomination', 'registration', 'compact', 'advanced-model', 'complaint'],
      waiting: [
        { role: 'unit_head', units: ['hd-kv4'] },
        { role: 'cluster_member', units: ['hd-cum1'] },
      ],
    });
    expect(inboxFilter(account(['admin'], 'hd'))).toBeNull();
  });
});

describe('inboxFilter of the council', () => {
  it('gives a member the votes they still owe, the secretariat every open vote', () => {
    const member = account(['council_member'], 'hd-p1');
    member.councilMemberOf = ['hd'];
    expect(inboxFilter(member)?.waiting).toEqual([{ role: 'council_member', units: ['hd'], userId: 'u' }]);
    const secretary = account(['council_secretary'], 'hd-vp');
    secretary.councilMemberOf = ['hd'];
    secretary.secretariatOf = ['hd'];
    expect(inboxFilter(secretary)?.waiting).toEqual([
      { role: 'council_secretary', units: ['hd-vp'] },
      { role: 'council_member', units: ['hd'] },
    ]);
  });
});

describe('inboxQuery', () => {
  it('takes every kind that has a page to act on, open or not yet registered, still running, in one query', () => {
    const q = inboxQuery(account(['unit_head'], 'hd-kv4'))!;
    expect(q).toContain(`TdktKind IN ('nomination', 'registration', 'compact', 'advanced-model', 'complaint')`);
    expect(q).toContain(`TdktStatus IN ('open', 'not_registered')`);
    expect(q).toContain(`ExecutionStatus = 'Running'`);
    expect(q).toContain(`(TdktWaitingRole = 'unit_head' AND TdktWaitingUnit IN ('hd-kv4'))`);
  });
  it('is null for an account nothing waits on', () => {
    expect(inboxQuery(account(['admin'], 'hd'))).toBeNull();
  });
});

describe('caseLink', () => {
  it('sends each kind to the page where its waiting person acts, with the year', () => {
    const reg = caseLink(
      item({ kind: 'registration', unitId: 'hd-kv4', unitName: 'VKSND khu vực 4', year: 2047, stage: 'open' }),
    );
    expect(reg).toEqual({
      kind: 'Đăng ký thi đua',
      href: '/ke-hoach/dang-ky/hd-kv4?nam=2047',
      text: 'VKSND khu vực 4 năm 2047',
      stage: 'Chờ đơn vị đăng ký',
    });
    const compact = caseLink(
      item({ kind: 'compact', clusterId: 'hd-cum1', nomineeName: 'Cụm thi đua số 1', year: 2047, stage: 'signing' }),
    );
    expect(compact).toMatchObject({
      kind: 'Giao ước thi đua',
      text: 'Cụm thi đua số 1 năm 2047',
      href: '/giao-uoc/hd-cum1?nam=2047',
      stage: 'Đang ký giao ước',
    });
    const models = caseLink(item({ kind: 'advanced-model', unitId: 'hd', year: 2047, stage: 'selected' }));
    expect(models).toMatchObject({ kind: 'Điển hình tiên tiến', href: '/ke-hoach/dien-hinh?nam=2047' });
    const nomination = caseLink(
      item({ kind: 'nomination', caseId: 'nomination/dot-1/hd-kv4/abc', nomineeName: 'Nguyễn Văn An' }),
    );
    expect(nomination).toEqual({
      kind: 'Đề nghị khen thưởng',
      href: `/ho-so/${encodeURIComponent('nomination/dot-1/hd-kv4/abc')}`,
      text: 'Nguyễn Văn An',
      stage: null,
    });
    // A complaint: its own page, named by its number, its step by who must act.
    expect(caseLink(item({ kind: 'complaint', caseId: 'complaint/kn-2047-01', stage: 'proposed' }))).toEqual({
      kind: 'Khiếu nại',
      href: '/khieu-nai/kn-2047-01',
      text: 'Đơn khiếu nại số kn-2047-01',
      stage: 'Chờ Lãnh đạo Viện kết luận',
    });
  });
});
