/**
 * Which held places of a closed quota ledger no longer need holding: the cases behind them have ended or been
 * awarded, but the settle or release that should have told the ledger never reached it (the ledger did not answer
 * for the activity's ten minutes, or the case was awarded before awards settled their places). Without this a
 * closed ledger would wait on such a place for ever (issue #14). One rule for the ledger's own daily check
 * (activity `heldQuotaPlacesDone`) and for the operator's `npm run quota:reconcile` over ledgers that closed on
 * older code.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { TERMINAL_STAGES } from '../domain/stages.js';
import { nominationStateQuery } from '../workflows/nomination/messages.js';

export interface HeldPlacesDone {
  /** Cases awarded (or whose run ended awarded): their places are settled. */
  awarded: string[];
  /** Cases that ended without an award, or that the server no longer knows: their places are given back. */
  ended: string[];
}

/**
 * Asks each case how it stands. A case that cannot be asked right now (no worker, a server hiccup) keeps its place:
 * the next check asks again, and a wrong "done" would free a place a live case still holds.
 */
export async function heldQuotaPlacesDone(client: Client, caseIds: readonly string[]): Promise<HeldPlacesDone> {
  const done: HeldPlacesDone = { awarded: [], ended: [] };
  for (const caseId of caseIds) {
    const handle = client.workflow.getHandle(caseId);
    let running: boolean;
    try {
      running = (await handle.describe()).status.name === 'RUNNING';
    } catch (error) {
      // Forgotten by the server (past its retention): nothing can hold the place any more.
      if (error instanceof WorkflowNotFoundError) done.ended.push(caseId);
      continue;
    }
    // An ended run that cannot be asked (it failed, or was terminated mid-task) still holds nothing.
    const stage = await handle.query(nominationStateQuery).then(
      (state) => state.stage,
      () => null,
    );
    if (stage === 'awarded') done.awarded.push(caseId);
    else if (!running || (stage !== null && TERMINAL_STAGES.includes(stage))) done.ended.push(caseId);
  }
  return done;
}
