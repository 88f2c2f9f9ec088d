/** What a nomination shows to visibility (inboxes, lists, the admin search): codes and dates only, no names. */
import { upsertSearchAttributes } from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { waitingOn } from '../../domain/nomination/recipients.js';
import { isOpen } from '../../domain/nomination/machine.js';
import type { NominationState } from '../../domain/nomination/types.js';
import { SA } from '../../domain/search-attributes.js';

export function publishSearchAttributes(state: NominationState): void {
  const waiting = isOpen(state) ? waitingOn(state) : null;
  const pairs: SearchAttributeUpdatePair[] = [
    { key: SA.kind, value: 'nomination' },
    { key: SA.unit, value: state.unitId },
    { key: SA.cluster, value: state.context.clusterId },
    { key: SA.campaign, value: state.campaignId },
    { key: SA.year, value: state.year },
    { key: SA.stage, value: state.stage },
    { key: SA.status, value: isOpen(state) ? 'open' : 'closed' },
    { key: SA.awardForm, value: state.draft.awardCode },
    { key: SA.dueAt, value: state.dueAt ? new Date(state.dueAt) : null },
    { key: SA.waitingRole, value: waiting?.role ?? null },
    { key: SA.waitingUnit, value: waiting?.unitId ?? null },
  ];
  upsertSearchAttributes(pairs);
}
