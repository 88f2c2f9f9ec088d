/**
 * Every patch id the workflows ask `patched()` about, in one place. A patch keeps cases that started under older
 * code replaying as they ran; each id is tied to the committed histories that guard both of its sides
 * (test/fixtures/histories/product: one recorded before the patch, one with its marker), and
 * test/repo/patches.test.ts fails when an id has no such history.
 */
export const PATCHES = {
  /** Cases started before the cluster vote keep the cluster head's endorsement alone (nomination). */
  clusterVote: 'cluster-vote',
  /** Year cases created before it keep their reminders at the exact offsets (registration, compact, plan, complaint). */
  yearRemindersWholeSecond: 'year-reminders-whole-second',
  /** Advanced-model cases started before `send_on` (commit 6a13e80) end at the selection. */
  advancedModelSendOn: 'advanced-model-send-on',
  /**
   * A submit that holds a quota place: the Update handler registers the submission and waits; the case's quota lane
   * reserves the place and applies the step. Before it, the handler awaited the reservation itself (commit f56c416),
   * so a second submit could be accepted while the first waited for the ledger.
   */
  submitReservesOutsideHandler: 'submit-reserves-outside-handler',
  /**
   * A quota ledger that knows its campaign's closing instant waits for it, then ends once every place is settled
   * (quota ledger). Ledgers that ran before it never knew the instant and roll over for ever.
   */
  quotaLedgerCloses: 'quota-ledger-closes',
  /** An awarded case settles its quota place, so the campaign's ledger can end (nomination). */
  quotaSettledOnAward: 'quota-settled-on-award',
  /**
   * A closed quota ledger with held places checks them daily and frees those whose cases were awarded or ended (a
   * settle or release that never reached it). Before it, such a ledger waited for ever (quota ledger).
   */
  quotaLedgerChecksHeldPlaces: 'quota-ledger-checks-held-places',
  /**
   * Each case writes its row of the case index (a local activity) after every change it makes (every kind of case:
   * nomination, registration, compact, advanced models, complaint). Before it, staff lists read visibility only.
   */
  caseIndex: 'case-index',
  /**
   * Seed 003, III.6: the standing body advises ("tham mưu") and the leadership concludes a complaint: `propose`,
   * then the leadership's `resolve`, which releases the hold only when the complaint is dismissed. Complaints filed
   * before it keep the standing body's own `resolve`, which always released the hold (complaint).
   */
  complaintLeaderConcludes: 'complaint-leader-concludes',
} as const;

export type PatchId = (typeof PATCHES)[keyof typeof PATCHES];
