/**
 * The quota ledger of one unit in one campaign. Every reservation goes through this one workflow, and
 * Temporal runs its updates one at a time, so concurrent submissions can never exceed the limit.
 *
 * It lives as long as its campaign: once the campaign's closing instant has passed it refuses new places, and it
 * ends when no case holds an unsettled place any more (each was given back, or settled when its case was awarded).
 * A ledger that has ended is never replaced by an empty one: see `reserveQuota` (activities/cases.ts).
 */
import {
  ActivityFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { instantMs } from '../../domain/calendar.js';
import { SA } from '../../domain/search-attributes.js';
import { Refusal } from '../../domain/nomination/refusal.js';
import { nowIso } from '../shared/clock.js';
import { PATCHES } from '../shared/patches.js';
import { refusalFailure } from '../shared/refusals.js';
import type { NomineeSubject } from '../../domain/nomination/types.js';
import type { Activities } from '../../activities/index.js';
import {
  ledgerClosedRefusal,
  quotaStateQuery,
  releaseQuotaUpdate,
  reserveQuotaUpdate,
  settleQuotaUpdate,
  type QuotaLedgerInput,
  type QuotaLedgerState,
  type ReserveRequest,
  type ReserveResult,
} from './messages.js';

const SUBJECT_VI = { individual: 'cá nhân', collective: 'tập thể' } as const;

/**
 * How often a closed ledger that still has held places asks whether their cases have in fact ended or been awarded
 * (a settle or release that never reached it). Daily: cases held at the close (at the council, on hold by a complaint)
 * take weeks, and one check a day per such ledger costs the server nothing.
 */
const HELD_PLACES_CHECK_EVERY = '1 day';
const { heldQuotaPlacesDone } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  // A check that cannot run (server or workers away) is simply the next day's check.
  scheduleToCloseTimeout: '30 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** Runs until its campaign has closed and every place is settled, then returns what it held at the end. */
export async function quotaLedger(input: QuotaLedgerInput, carried?: QuotaLedgerState): Promise<QuotaLedgerState> {
  const state: QuotaLedgerState = carried ?? { ...input, reservations: [] };
  upsertSearchAttributes([
    { key: SA.kind, value: 'quota' },
    { key: SA.unit, value: state.unitId },
    { key: SA.campaign, value: state.campaignId },
  ]);

  const used = (subject: NomineeSubject): number => state.reservations.filter((r) => r.subject === subject).length;
  const held = (): number => state.reservations.filter((r) => !r.settledAt).length;
  // Closed once the closing timer fired, or already in this workflow task's time (a reserve racing the timer).
  const isClosed = (): boolean =>
    !!state.closedAt || (!!state.closesAt && instantMs(nowIso()) >= instantMs(state.closesAt));

  setHandler(
    reserveQuotaUpdate,
    ({ caseId, subject, closesAt }: ReserveRequest): ReserveResult => {
      // A ledger started before closing instants were kept learns its campaign's from the first case that knows it
      // and is given a place (a validator cannot change state; a full old ledger learns it from a retried or later
      // reserve once a place is free); a later instant (a deadline moved out) wins while the ledger is open.
      if (closesAt && !state.closedAt && (!state.closesAt || instantMs(closesAt) > instantMs(state.closesAt)))
        state.closesAt = closesAt;
      if (!state.reservations.some((r) => r.caseId === caseId)) {
        state.reservations.push({ caseId, subject, at: nowIso() });
      }
      return { used: used(subject), limit: state.limits[subject] };
    },
    {
      validator: ({ caseId, subject, closesAt }: ReserveRequest): void => {
        if (state.reservations.some((r) => r.caseId === caseId)) return; // a retry of the same case
        if (isClosed()) throw refusalFailure(ledgerClosedRefusal(state.closesAt));
        // A ledger that has not learned the instant yet still refuses a case that knows its campaign has closed; once
        // it knows one, its own instant decides (a later one, the deadline moved out, wins over a case's earlier one).
        if (closesAt && !state.closesAt && instantMs(nowIso()) >= instantMs(closesAt))
          throw refusalFailure(ledgerClosedRefusal(closesAt));
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
  // Giving a place back is always accepted, after the close too: it is how the last held places leave the ledger.
  setHandler(releaseQuotaUpdate, ({ caseId }) => {
    state.reservations = state.reservations.filter((r) => r.caseId !== caseId);
  });
  // A settled place stays counted (the award used it) but no longer holds the ledger open; settling twice is a no-op.
  setHandler(settleQuotaUpdate, ({ caseId }) => {
    const reservation = state.reservations.find((r) => r.caseId === caseId);
    if (reservation && !reservation.settledAt) reservation.settledAt = nowIso();
  });
  setHandler(quotaStateQuery, () => state);

  /** Settles the places of awarded cases and gives back those of ended ones, as their own Updates would have. */
  const freeDonePlaces = async () => {
    const heldIds = state.reservations.filter((r) => !r.settledAt).map((r) => r.caseId);
    const done = await heldQuotaPlacesDone({ caseIds: heldIds }).catch((error: unknown) => {
      if (!(error instanceof ActivityFailure)) throw error;
      log.warn('held quota places not checked; checking again tomorrow', { error: String(error) });
      return { awarded: [] as string[], ended: [] as string[] };
    });
    const at = nowIso();
    for (const r of state.reservations) if (!r.settledAt && done.awarded.includes(r.caseId)) r.settledAt = at;
    state.reservations = state.reservations.filter((r) => !done.ended.includes(r.caseId));
  };

  const rollOver = () => workflowInfo().continueAsNewSuggested;
  // Whether this ledger closes, asked of patched() once it knows a closing instant: ledgers that ran before closing
  // existed never knew one, and a run that learns one (from a reserve) records the marker then.
  let closes: boolean | null = null;
  const learnsToClose = () => closes === null && !!state.closesAt;
  for (;;) {
    if (learnsToClose()) closes = patched(PATCHES.quotaLedgerCloses);
    if (state.closedAt) {
      // Ledgers that closed on older code wait for the last settle or release only (`npm run quota:reconcile` frees
      // them); newer ones also check their held places daily, so a lost settle never keeps one open for ever.
      if (held() > 0 && patched(PATCHES.quotaLedgerChecksHeldPlaces)) {
        const freed = await condition(() => rollOver() || held() === 0, HELD_PLACES_CHECK_EVERY);
        if (!freed) await freeDonePlaces();
      } else await condition(() => rollOver() || held() === 0);
      if (held() === 0) break;
    } else if (closes && state.closesAt) {
      // Open until the campaign's closing instant (an instant moved out restarts the wait), rolling over on the way.
      const closesAt = state.closesAt;
      const wait = instantMs(closesAt) - instantMs(nowIso());
      const woken = wait > 0 && (await condition(() => rollOver() || state.closesAt !== closesAt, wait));
      if (!woken) state.closedAt = nowIso();
    } else {
      // No closing instant (yet): wait for one, rolling over to keep the history short (the only path before it).
      await condition(() => rollOver() || learnsToClose());
    }
    if (rollOver()) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof quotaLedger>(input, state);
    }
  }
  await condition(allHandlersFinished);
  return state;
}
