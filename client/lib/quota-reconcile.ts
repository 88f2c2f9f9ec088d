/**
 * Frees the held places of closed quota ledgers whose cases have in fact been awarded or have ended
 * (`npm run quota:reconcile`). Ledgers that closed on current code check their held places daily by themselves
 * (workflows/quota/ledger.ts); this is for those that closed on older code, which wait only for a settle or release
 * that may never come: a case awarded before awards settled their places, or a settle the ledger did not answer
 * for its activity's ten minutes (issue #14). It sends the same settle and release Updates the cases would have.
 */
import type { Client } from '@temporalio/client';
import { heldQuotaPlacesDone } from '../../activities/quota-held-places.js';
import { SA } from '../../domain/search-attributes.js';
import { quotaStateQuery, releaseQuotaUpdate, settleQuotaUpdate } from '../../workflows/quota/messages.js';
import { STILL_RUNNING, quote } from './visibility-query.js';

export interface LedgerReconciled {
  ledgerId: string;
  settled: string[];
  released: string[];
  /** Places still held by cases that are running and not yet awarded. */
  stillHeld: number;
}

/** Every running, closed ledger (of one campaign, when given) with held places; ledgers still open are left alone. */
export async function reconcileClosedLedgers(
  client: Client,
  options: { campaignId?: string; log?: (line: string) => void } = {},
): Promise<LedgerReconciled[]> {
  const filters = [`${SA.kind.name} = 'quota'`, STILL_RUNNING];
  if (options.campaignId) filters.push(`${SA.campaign.name} = ${quote(options.campaignId)}`);
  const report: LedgerReconciled[] = [];
  for await (const execution of client.workflow.list({ query: filters.join(' AND ') })) {
    const ledger = client.workflow.getHandle(execution.workflowId);
    const state = await ledger.query(quotaStateQuery);
    const held = state.reservations.filter((r) => !r.settledAt).map((r) => r.caseId);
    if (!state.closedAt || held.length === 0) continue;
    const done = await heldQuotaPlacesDone(client, held);
    for (const caseId of done.awarded) await ledger.executeUpdate(settleQuotaUpdate, { args: [{ caseId }] });
    for (const caseId of done.ended) await ledger.executeUpdate(releaseQuotaUpdate, { args: [{ caseId }] });
    const line: LedgerReconciled = {
      ledgerId: execution.workflowId,
      settled: done.awarded,
      released: done.ended,
      stillHeld: held.length - done.awarded.length - done.ended.length,
    };
    options.log?.(
      `${line.ledgerId}: ${line.settled.length} settled, ${line.released.length} released, ${line.stillHeld} still held`,
    );
    report.push(line);
  }
  return report;
}
