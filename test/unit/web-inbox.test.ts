/**
 * The inbox's one visibility query and where each listed kind links: pure functions, no Temporal (the dev-server
 * test in test/e2e/web-plan-http.test.ts checks a registration really appears and leaves).
 */
import { describe, expect, it } from 'vitest';
import type { Account } from '../../store/credentials.js';
import type { CaseListItem } from '../../client/lib/cases.js';
import { caseLink } from '../../client/web/case-links.js';
import { inboxQuery } from '../../client/web/inbox.js';

const account = (roles: Account['user']['roles'], unitId: string): Account => ({
  user: { id: 'u', username: 'u', displayName: 'U', unitId, roles, email: 'u@example.test', personId: null },
  councilMemberOf: [],
  secretariatOf: [],
  councilUnits: [],
  clusterMemberOf: [],
});

const item = (over: Partial<CaseListItem>): CaseListItem => ({
  caseId: 'x/y',
  kind: undefined,
  unit: undefined,
  cluster: undefined,
  campaign: undefined,
  year: undefined,
  stage: undefined,
  status: 'open',
  awardForm: undefined,
  dueAt: null,
  waitingRole: undefined,
  waitingUnit: undefined,
  startedAt: null,
  ...over,
});

describe('inboxQuery', () => {
  it('takes every kind that has a page to act on, open or not yet registered, still running, in one query', () => {
    const q = inboxQuery(account(['unit_head'], 'hd-kv4'))!;
    expect(q).toContain(`TdktKind IN ('nomination', 'registration', 'compact', 'advanced-model')`);
    expect(q).not.toContain('complaint');
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
    const reg = caseLink(item({ kind: 'registration', unit: 'hd-kv4', year: 2047, stage: 'open' }));
    expect(reg).toEqual({
      kind: 'Đăng ký thi đua',
      href: '/ke-hoach/dang-ky/hd-kv4?nam=2047',
      text: 'hd-kv4 năm 2047',
      stage: 'Chờ đơn vị đăng ký',
    });
    const compact = caseLink(
      item({ kind: 'compact', cluster: 'hd-cum1', unit: 'hd-kv1', year: 2047, stage: 'signing' }),
    );
    expect(compact).toMatchObject({
      kind: 'Giao ước thi đua',
      href: '/giao-uoc/hd-cum1?nam=2047',
      stage: 'Đang ký giao ước',
    });
    const models = caseLink(item({ kind: 'advanced-model', unit: 'hd', year: 2047, stage: 'selected' }));
    expect(models).toMatchObject({ kind: 'Điển hình tiên tiến', href: '/ke-hoach/dien-hinh?nam=2047' });
    const nomination = caseLink(item({ kind: 'nomination', caseId: 'nomination/dot-1/hd-kv4/abc' }));
    expect(nomination).toEqual({
      kind: 'Đề nghị khen thưởng',
      href: `/ho-so/${encodeURIComponent('nomination/dot-1/hd-kv4/abc')}`,
      text: 'dot-1 / hd-kv4 / abc',
      stage: null,
    });
  });
});
