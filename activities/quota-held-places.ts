/**
 * Which held places of a closed quota ledger no longer need holding: the cases behind them have ended or been
 * awarded, but the settle or release that should have told the ledger never reached it (the ledger did not answer
 * for the activity's ten minutes, or the case was awarded before awards settled their places). Without this a
 * closed ledger would wait on such a place for ever (issue #14). One rule for the ledger's own daily check
 * (activity `heldQuotaPlacesDone`) and for the operator's `npm run quota:reconcile` over ledgers that closed on
 * older code.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { TERMINAL_STAGES, type NominationStage } from '../domain/stages.js';
import { nominationStateQuery, type NominationOutcome } from '../workflows/nomination/messages.js';

export interface HeldPlacesDone {
  /** Cases awarded (or whose run ended awarded): their places are settled. */
  awarded: string[];
  /** Cases that ended without an award, or that the server no longer knows: their places are given back. */
  ended: string[];
}

/** How long one case may take to answer; a slow one keeps its place until the next check. */
const CASE_ANSWER_MS = 5_000;

/** Run states after which a case can do nothing more (a COMPLETED run says how it ended in its result). */
const ENDED_WITHOUT_RESULT = new Set(['FAILED', 'TERMINATED', 'TIMED_OUT', 'CANCELLED']);

/**
 * Asks each case how it stands. A case that cannot be asked right now (no worker, a server hiccup) keeps its place:
 * the next check asks again, and a wrong "done" would free a place a live case still holds.
 */
export async function heldQuotaPlacesDone(
  client: Client,
  caseIds: readonly string[],
  onEachCase: () => void = () => undefined,
): Promise<HeldPlacesDone> {
  const done: HeldPlacesDone = { awarded: [], ended: [] };
  for (const caseId of caseIds) {
    onEachCase();
    const verdict = await client
      .withDeadline(Date.now() + CASE_ANSWER_MS, () => caseVerdict(client, caseId))
      .catch(() => 'held' as const);
    if (verdict !== 'held') done[verdict].push(caseId);
  }
  return done;
}

async function caseVerdict(client: Client, caseId: string): Promise<'awarded' | 'ended' | 'held'> {
  const handle = client.workflow.getHandle(caseId);
  let status: string;
  try {
    status = (await handle.describe()).status.name;
  } catch (error) {
    // Forgotten by the server (past its retention): nothing can hold the place any more.
    if (error instanceof WorkflowNotFoundError) return 'ended';
    throw error;
  }
  let stage: NominationStage | null;
  if (status === 'RUNNING') stage = (await handle.query(nominationStateQuery)).stage;
  else if (status === 'COMPLETED') stage = ((await handle.result()) as NominationOutcome).stage;
  else if (ENDED_WITHOUT_RESULT.has(status)) return 'ended';
  else return 'held'; // continued as new: the next run holds it
  if (stage === 'awarded') return 'awarded';
  if (status === 'COMPLETED' || TERMINAL_STAGES.includes(stage)) return 'ended';
  return 'held';
}
