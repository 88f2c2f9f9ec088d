/**
 * The quota ledger of one unit in one campaign. Every reservation goes through this one workflow, and
 * Temporal runs its updates one at a time, so concurrent submissions can never exceed the limit.
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { SA } from '../../domain/search-attributes.js';
import { Refusal } from '../../domain/nomination/refusal.js';
import { nowIso } from '../shared/clock.js';
import { refusalFailure } from '../shared/refusals.js';
import type { NomineeSubject } from '../../domain/nomination/types.js';
import {
  quotaStateQuery,
  releaseQuotaUpdate,
  reserveQuotaUpdate,
  type QuotaLedgerInput,
  type QuotaLedgerState,
  type ReserveRequest,
  type ReserveResult,
} from './messages.js';

const SUBJECT_VI = { individual: 'cá nhân', collective: 'tập thể' } as const;

export async function quotaLedger(input: QuotaLedgerInput, carried?: QuotaLedgerState): Promise<void> {
  const state: QuotaLedgerState = carried ?? { ...input, reservations: [] };
  upsertSearchAttributes([
    { key: SA.kind, value: 'quota' },
    { key: SA.unit, value: state.unitId },
    { key: SA.campaign, value: state.campaignId },
  ]);

  const used = (subject: NomineeSubject): number => state.reservations.filter((r) => r.subject === subject).length;

  setHandler(
    reserveQuotaUpdate,
    ({ caseId, subject }: ReserveRequest): ReserveResult => {
      if (!state.reservations.some((r) => r.caseId === caseId)) {
        state.reservations.push({ caseId, subject, at: nowIso() });
      }
      return { used: used(subject), limit: state.limits[subject] };
    },
    {
      validator: ({ caseId, subject }: ReserveRequest): void => {
        if (state.reservations.some((r) => r.caseId === caseId)) return; // a retry of the same case
        if (used(subject) >= state.limits[subject]) {
          throw refusalFailure(
            new Refusal(
              'quota',
              `Đơn vị đã dùng hết chỉ tiêu đề nghị ${SUBJECT_VI[subject]} (${state.limits[subject]}) của đợt này.`,
              `quota for ${subject} exhausted (${state.limits[subject]})`,
            ),
          );
        }
      },
    },
  );
  setHandler(releaseQuotaUpdate, ({ caseId }) => {
    state.reservations = state.reservations.filter((r) => r.caseId !== caseId);
  });
  setHandler(quotaStateQuery, () => state);

  // The ledger lives as long as its campaign; keep its history short by rolling over when Temporal suggests it.
  await condition(() => workflowInfo().continueAsNewSuggested);
  await condition(allHandlersFinished);
  await continueAsNew<typeof quotaLedger>(input, state);
}
