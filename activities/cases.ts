/**
 * Activities of nomination cases: loading the organisation facts a case needs, the quota ledger, mail
 * notices, and the commendation book. Built from injected dependencies and the mailer (createCaseActivities).
 */
import { log } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { awardByCode } from '../domain/catalogue.js';
import type { CaseContext, Nominee, Recipient } from '../domain/nomination/types.js';
import type { CaseSummary } from '../domain/nomination/summary.js';
import type { QuotaLedgerInput, QuotaLedgerState } from '../workflows/quota/messages.js';
import {
  ledgerClosedRefusal,
  ledgerUnavailableRefusal,
  releaseQuotaUpdate,
  reserveQuotaUpdate,
  settleQuotaUpdate,
} from '../workflows/quota/messages.js';
import { ACTION_REFUSED } from '../workflows/shared/refusals.js';
import { heldQuotaPlacesDone, type HeldPlacesDone } from './quota-held-places.js';
import type { MailDeps, SendMail } from './mail.js';
import { mailMessageId, mailThreadId } from './mail-body.js';
import { renderNotice, type NoticeEventName } from './notice-templates.js';
import { resolveEmails } from './recipients.js';
import {
  awardCaseKey,
  awardHistoryOfPerson,
  awardHistoryOfUnit,
  clusterHeadsForYear,
  clusterOfUnit,
  getCouncil,
  getUnit,
  getUser,
  recordAward as recordAwardRow,
  revokeAward as revokeAwardRow,
  type SqlDatabase,
} from '../store/index.js';

export interface CaseActivityDeps {
  db: SqlDatabase;
  mail: MailDeps;
  /** Used to talk to the quota ledger workflows. */
  temporal: { client: Client; taskQueue: string };
  publicUrl: string;
  /** Public holidays (yyyy-mm-dd) for working-day due dates. */
  holidays: string[];
}

function notFound(what: string, en: string): never {
  throw ApplicationFailure.nonRetryable(`${what}`, 'NotFound', { en });
}

export function createCaseActivities(deps: CaseActivityDeps, sendMail: SendMail) {
  const { db } = deps;

  /**
   * Release and settle may be retried after the ledger took them and then ended (its last place released or
   * settled): an ended ledger answers "not found", which means the update has nothing left to do.
   */
  async function updateOpenLedger(
    ledgerId: string,
    update: typeof releaseQuotaUpdate | typeof settleQuotaUpdate,
    caseId: string,
  ): Promise<void> {
    try {
      await deps.temporal.client.workflow.getHandle(ledgerId).executeUpdate(update, { args: [{ caseId }] });
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }

  /**
   * The refusal for a reserve that found the ledger ended, told from the ledger itself (not from the case, whose
   * closing instant may differ): a closed ledger's own closing date, or, for one an operator terminated or that
   * failed, that the ledger is unavailable. Null when the ledger is not ended (the caller retries).
   */
  async function endedLedgerRefusal(ledgerId: string) {
    const handle = deps.temporal.client.workflow.getHandle(ledgerId);
    let status: string;
    try {
      status = (await handle.describe()).status.name;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
    if (status === 'COMPLETED') {
      const final = (await handle.result()) as QuotaLedgerState;
      return ledgerClosedRefusal(final.closesAt ?? final.closedAt);
    }
    if (status === 'RUNNING' || status === 'CONTINUED_AS_NEW') return null;
    log.error('quota ledger ended without closing: reservation refused', { ledgerId, status });
    return ledgerUnavailableRefusal(status);
  }

  return {
    /** The organisation facts a case needs, read once at its start (the result is in the case's history). */
    async loadCaseContext(input: { unitId: string; year: number; nominee: Nominee }): Promise<CaseContext> {
      const unit =
        (await getUnit(db, input.unitId)) ??
        notFound(`Không tìm thấy đơn vị ${input.unitId}`, `unit ${input.unitId} not found`);
      // The council that decides is the nearest one up the hierarchy (usually the provincial procuracy's).
      let councilUnit = unit;
      let council = await getCouncil(db, councilUnit.id);
      while (!council && councilUnit.parentId) {
        councilUnit =
          (await getUnit(db, councilUnit.parentId)) ??
          notFound('Không tìm thấy đơn vị cấp trên', 'parent unit missing');
        council = await getCouncil(db, councilUnit.id);
      }
      if (!council) notFound(`Chưa có Hội đồng TĐKT cho đơn vị ${unit.name}`, `no council above ${unit.id}`);
      const memberIds = [...new Set([...council.memberUserIds, council.chairUserId])];
      const members = [];
      for (const userId of memberIds) {
        const user = await getUser(db, userId);
        if (user) members.push({ userId, unitId: user.unitId, personId: user.personId });
      }
      const cluster = await clusterOfUnit(db, unit.id);
      const heads = cluster ? await clusterHeadsForYear(db, cluster.id, input.year) : null;
      const history =
        input.nominee.subject === 'individual' && input.nominee.personId
          ? await awardHistoryOfPerson(db, input.nominee.personId)
          : await awardHistoryOfUnit(db, input.nominee.unitId);
      return {
        unit: {
          id: unit.id,
          name: unit.name,
          level: unit.level,
          staffCount: unit.staffCount,
          collectiveCount: unit.collectiveCount,
        },
        clusterId: cluster?.id ?? null,
        clusterHeadUnitId: heads?.headUnitId ?? null,
        clusterMemberUnitIds: cluster?.memberUnitIds ?? [],
        council: {
          unitId: council.unitId,
          secretariatUnitId: council.secretariatUnitId,
          chairUserId: council.chairUserId,
          members,
        },
        higherLevelUnitId: councilUnit.parentId,
        awardHistory: history.map((r) => ({
          awardCode: r.awardCode,
          year: r.year,
          revoked: r.revoked,
          basis: r.basis,
        })),
        holidays: deps.holidays,
      };
    },

    /**
     * Reserves one place in the unit's quota for this case, through the unit's ledger workflow (started on
     * first use). The ledger serialises reservations, so concurrent submissions can never exceed the limit.
     */
    async reserveQuota(input: {
      ledgerId: string;
      ledger: QuotaLedgerInput;
      caseId: string;
      subject: 'individual' | 'collective';
    }): Promise<{ ok: true; used: number; limit: number } | { ok: false; reason: string; en: string; code?: string }> {
      const { client, taskQueue } = deps.temporal;
      // Start-if-missing then update (rather than update-with-start), which every Temporal server supports,
      // the time-skipping test server included. Both steps are idempotent, so a retried activity is safe.
      //
      // A ledger ends once its campaign has closed and every place is settled; a late reserve must not start a
      // fresh, empty ledger under the same id, which would hand out the whole quota again. REJECT_DUPLICATE makes
      // the start refuse while the server keeps the ended run, and the update to it then fails as not found: the
      // case is told the campaign closed on the ledger's own date (or, for a terminated ledger, that it is unavailable). Once the server has forgotten the ended run (its retention), a new
      // ledger may start, but it carries the campaign's closing instant in its input and refuses every place from
      // its first update. (A ledger ends no other way; an operator who terminates one gets no silent successor.)
      try {
        await client.workflow.start('quotaLedger', {
          workflowId: input.ledgerId,
          taskQueue,
          args: [input.ledger],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
      const request = {
        caseId: input.caseId,
        subject: input.subject,
        ...(input.ledger.closesAt ? { closesAt: input.ledger.closesAt } : {}),
      };
      try {
        const result = await client.workflow.getHandle(input.ledgerId).executeUpdate(reserveQuotaUpdate, {
          args: [request],
        });
        return { ok: true, ...result };
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) {
          const ended = await endedLedgerRefusal(input.ledgerId);
          if (!ended) throw error; // not ended after all (or already forgotten): the retry starts or reaches it
          return { ok: false, reason: ended.vi, en: ended.en, code: ended.code };
        }
        const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
        // The ledger's validator refused the place: an answer for the case, not a failure to retry.
        if (cause instanceof ApplicationFailure && cause.type === ACTION_REFUSED) {
          const detail = cause.details?.[0] as { en?: string; code?: string } | undefined;
          const en = detail?.en ?? `quota exhausted for ${input.subject}`;
          return { ok: false, reason: cause.message, en, ...(detail?.code ? { code: detail.code } : {}) };
        }
        throw error;
      }
    },

    /** Gives the case's place back. A ledger that has ended holds no place any more: nothing to give back. */
    async releaseQuota(input: { ledgerId: string; caseId: string }): Promise<void> {
      await updateOpenLedger(input.ledgerId, releaseQuotaUpdate, input.caseId);
    },

    /** The case's place is final (awarded): it stays counted; an ended ledger had it settled already. */
    async settleQuota(input: { ledgerId: string; caseId: string }): Promise<void> {
      await updateOpenLedger(input.ledgerId, settleQuotaUpdate, input.caseId);
    },

    /** For a closed ledger: which of the cases still holding a place have in fact been awarded or have ended. */
    async heldQuotaPlacesDone(input: { caseIds: string[] }): Promise<HeldPlacesDone> {
      return heldQuotaPlacesDone(deps.temporal.client, input.caseIds);
    },

    /** Mails a notice of the case to the recipients (resolved from the directory). */
    async sendNotice(input: {
      caseId: string;
      event: NoticeEventName;
      key: string;
      to: Recipient[];
      state: CaseSummary;
      label?: string;
    }): Promise<{ messageId: string; recipients: string[] }> {
      const recipients = await resolveEmails(db, input.to);
      const messageId = mailMessageId(input.caseId, input.key);
      if (recipients.length === 0) return { messageId, recipients };
      const rendered = renderNotice(input.event, input.state, { publicUrl: deps.publicUrl, label: input.label });
      await sendMail({ to: recipients, ...rendered, messageId, threadId: mailThreadId(input.caseId) });
      return { messageId, recipients };
    },

    /** Writes the award into the commendation book; the key makes a retry return the same row. */
    async recordAward(input: { caseId: string; state: CaseSummary }): Promise<{ caseKey: string; created: boolean }> {
      const s = input.state;
      if (!s.decision) throw ApplicationFailure.nonRetryable('Case has no decision to record', 'NoDecision');
      const award = awardByCode(s.awardCode);
      const caseKey = awardCaseKey(input.caseId, 'award');
      const { created } = await recordAwardRow(db, {
        caseKey,
        awardCode: s.awardCode,
        subject: s.nominee.subject,
        personId: s.nominee.subject === 'individual' ? s.nominee.personId : null,
        unitId: s.nominee.unitId,
        year: s.year,
        // A forwarded award is decided by the higher level: its decision, not the province's proposal, is the award's.
        decisionNumber: s.higherDecision?.number ?? s.decision.number,
        decisionDate: s.higherDecision?.date ?? s.decision.date,
        decidedByLevel: award.decidingLevel,
        basis: s.track === 'ad_hoc' ? 'ad_hoc' : 'regular',
        campaignId: s.campaignId,
      });
      return { caseKey, created };
    },

    /** Marks the book row of an award revoked; revoking it again changes nothing (`changed: false`). */
    async revokeAward(input: { caseKey: string; reason: string; by: string }): Promise<{ changed: boolean }> {
      const { changed } = await revokeAwardRow(db, input);
      return { changed };
    },
  };
}
