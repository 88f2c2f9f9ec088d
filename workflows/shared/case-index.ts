/**
 * A case's row in the case index (store/case-index.ts), kept by the case itself: after each change the case's
 * lane writes the row computed from its state (domain/case-index.ts) through a local activity, in order, one write
 * at a time, the newest state each time (several changes while a write is under way make one more write, not
 * many). The version is the history length of the task that writes, so the store keeps the newest of any retries.
 * Cases that started before it (no `case-index` marker in their history) replay without it, and start writing at
 * their next change.
 */
import { condition, isCancellation, patched, proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { endedRow, type CaseIndexRow } from '../../domain/case-index.js';
import { PATCHES } from './patches.js';

const { writeCaseIndex } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  // The database may be away for a while (a restart): the case keeps working and its row catches up after.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

export interface CaseIndexLane {
  /** The case changed: its row is written again (the lane coalesces changes made while it writes). */
  changed(): void;
  /** The case's run is ending: writes its last row (waiting on nobody) and resolves once it is written. */
  ended(): Promise<void>;
}

/**
 * Starts the lane; `rowOf` reads the case's current state. `woke` is told after each write (the nomination tracks
 * the tasks in which it woke to something other than an Update).
 */
export function startCaseIndexLane(rowOf: () => CaseIndexRow, woke?: () => void): CaseIndexLane {
  let wanted = 1; // the first row: the case exists
  let written = 0;
  let ending = false;
  async function lane(): Promise<void> {
    for (;;) {
      await condition(() => written !== wanted);
      const target = wanted;
      // Asked at each write, not once: a case that was running before the patch starts writing at its next change.
      if (patched(PATCHES.caseIndex)) {
        const row = ending ? endedRow(rowOf()) : rowOf();
        await writeCaseIndex({ ...row, version: workflowInfo().historyLength });
        woke?.();
      }
      written = target;
    }
  }
  // A cancelled case ends its lane with it; anything else is a bug and fails the workflow task.
  void lane().catch((error: unknown) => {
    if (!isCancellation(error)) throw error;
  });
  return {
    changed() {
      wanted += 1;
    },
    async ended() {
      ending = true;
      wanted += 1;
      const last = wanted;
      await condition(() => written === last);
    },
  };
}
