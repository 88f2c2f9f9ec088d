/**
 * Typed in-memory stand-ins for the activities a nomination calls, for the fast tier of workflow tests: the real
 * workflow code on a real (time-skipping) Temporal server, without the database, SMTP or the quota ledger workflow.
 * What the suites that claim end to end use is the real thing (case-world.ts); this tier tests the workflow's own
 * logic — its steps, refusals, quota answers and timers — in a fraction of the time.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Activities } from '../../activities/index.js';
import type { CaseContext } from '../../domain/nomination/types.js';
import type { Actor, Role } from '../../domain/org.js';
import type { VersionedCaseIndexRow } from '../../domain/case-index.js';

type NominationActivities = Pick<
  Activities,
  | 'loadCaseContext'
  | 'reserveQuota'
  | 'releaseQuota'
  | 'settleQuota'
  | 'sendNotice'
  | 'recordAward'
  | 'revokeAward'
  | 'writeCaseIndex'
>;

/** A small organisation: one unit in a cluster headed by another, and a council of three. */
export const FAKE_CONTEXT: CaseContext = {
  unit: { id: 'u-kv2', name: 'Viện kiểm sát khu vực 2', level: 'regional', staffCount: 40, collectiveCount: 4 },
  clusterId: 'c-1',
  clusterHeadUnitId: 'u-kv1',
  clusterMemberUnitIds: ['u-kv1', 'u-kv2'],
  council: {
    unitId: 'u-tinh',
    secretariatUnitId: 'u-vp',
    chairUserId: 'chu-tich',
    members: [
      { userId: 'chu-tich', unitId: 'u-tinh', personId: null },
      { userId: 'uy-vien-1', unitId: 'u-tinh', personId: null },
      { userId: 'uy-vien-2', unitId: 'u-vp', personId: null },
    ],
  },
  higherLevelUnitId: 'u-tc',
  awardHistory: [],
  holidays: [],
};

export function fakeActor(userId: string, role: Role, unitId: string): Actor {
  return { userId, displayName: userId, role, unitId, actingFor: null };
}

export interface FakeWorld {
  activities: NominationActivities;
  /** Every notice the case asked to mail, as "event:key". */
  notices: string[];
  /** Book rows by case id. */
  book: Map<string, { revoked: boolean }>;
  /** Quota places held, by ledger id. */
  reservations: Map<string, Set<string>>;
  /** Quota places settled (their case awarded), by ledger id: still counted in `reservations`. */
  settled: Map<string, Set<string>>;
  /** The case index as the cases wrote it: the newest row by case id (an older version never replaces it). */
  index: Map<string, VersionedCaseIndexRow>;
}

export function createFakeActivities(options: { quotaLimit?: number; brokenLedgerCampaign?: string } = {}): FakeWorld {
  const notices: string[] = [];
  const book = new Map<string, { revoked: boolean }>();
  const reservations = new Map<string, Set<string>>();
  const settled = new Map<string, Set<string>>();
  const index = new Map<string, VersionedCaseIndexRow>();
  const limit = options.quotaLimit ?? 10;
  const activities: NominationActivities = {
    async loadCaseContext() {
      return structuredClone(FAKE_CONTEXT);
    },
    async reserveQuota({ ledgerId, caseId }) {
      // A ledger that fails for good (its workflow broken, say): the activity gives up at once.
      if (options.brokenLedgerCampaign && ledgerId.includes(options.brokenLedgerCampaign)) {
        throw ApplicationFailure.nonRetryable('the quota ledger is broken', 'LedgerBroken');
      }
      const held = reservations.get(ledgerId) ?? new Set<string>();
      reservations.set(ledgerId, held);
      if (!held.has(caseId) && held.size >= limit) {
        return { ok: false, reason: `Đơn vị đã dùng hết chỉ tiêu (${limit}).`, en: 'quota exhausted' };
      }
      held.add(caseId);
      return { ok: true, used: held.size, limit };
    },
    async releaseQuota({ ledgerId, caseId }) {
      reservations.get(ledgerId)?.delete(caseId);
    },
    async settleQuota({ ledgerId, caseId }) {
      if (!reservations.get(ledgerId)?.has(caseId)) return;
      const done = settled.get(ledgerId) ?? new Set<string>();
      settled.set(ledgerId, done.add(caseId));
    },
    async sendNotice({ caseId, event, key }) {
      notices.push(`${event}:${key}`);
      return { messageId: `<${caseId}/${key}@test>`, recipients: [] };
    },
    async recordAward({ caseId }) {
      const created = !book.has(caseId);
      if (created) book.set(caseId, { revoked: false });
      return { caseKey: `${caseId}#award`, created };
    },
    async revokeAward({ caseKey }) {
      const row = book.get(caseKey.replace(/#award$/, ''));
      if (row) row.revoked = true;
      return { changed: !!row };
    },
    async writeCaseIndex(row) {
      const stored = index.get(row.caseId);
      if (stored && stored.version > row.version) return { written: false };
      index.set(row.caseId, row);
      return { written: true };
    },
  };
  return { activities, notices, book, reservations, settled, index };
}
