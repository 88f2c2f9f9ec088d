/**
 * `npm run quota:reconcile` (issue #14): a closed quota ledger waiting on places whose cases were awarded or ended
 * without telling it (ledgers that closed on older code, or a settle that never arrived) is freed by the operator's
 * reconcile, through the ledger's own settle and release Updates; places of live cases stay held. Dev server, since
 * the reconcile finds ledgers by visibility.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileClosedLedgers } from '../../client/lib/quota-reconcile.js';
import type { quotaLedger } from '../../workflows/quota/ledger.js';
import { quotaLedgerId, quotaStateQuery, reserveQuotaUpdate } from '../../workflows/quota/messages.js';
import { connectToDevServer, uniqueId } from '../harness/temporal.js';
import { waitFor } from '../harness/wait.js';
import { createCaseWorld, type CaseWorld } from '../support/case-world.js';
import { journey } from '../support/journey.js';

let env: TestWorkflowEnvironment;
let world: CaseWorld;

beforeAll(async () => {
  env = await connectToDevServer();
  world = await createCaseWorld(env);
}, 120_000);
afterAll(async () => {
  await world?.close();
  await env?.teardown();
});

describe('quota:reconcile frees the held places of closed ledgers', () => {
  it('settles an awarded case, gives back a forgotten one, keeps a live one, and the ledger ends when it is freed', async () => {
    const campaignId = uniqueId('dot');
    const awarded = await world.startNomination({
      unitId: 'hd-kv2',
      campaignId: uniqueId('dot'),
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex: 3 }),
    });
    await journey(world, awarded).submit();
    await journey(world, awarded).award('phovientruong');
    const live = await world.startNomination({
      unitId: 'hd-kv2',
      campaignId,
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex: 4 }),
    });
    const forgotten = uniqueId('nomination/forgotten');

    // A ledger closing in a few seconds, holding three places as lost settles and releases would leave them.
    const closesAt = new Date(Date.now() + 3_000).toISOString();
    const ledger = await env.client.workflow.start<typeof quotaLedger>('quotaLedger', {
      workflowId: quotaLedgerId(campaignId, 'hd-kv2'),
      taskQueue: world.taskQueue,
      args: [{ unitId: 'hd-kv2', campaignId, limits: { individual: 5, collective: 5 }, closesAt }],
    });
    for (const caseId of [awarded.workflowId, forgotten, live.workflowId])
      await ledger.executeUpdate(reserveQuotaUpdate, { args: [{ caseId, subject: 'individual' }] });
    await waitFor(async () => expect((await ledger.query(quotaStateQuery)).closedAt).toBeTruthy(), 60_000);

    // Visibility is eventually consistent: wait until the reconcile finds the ledger.
    let report: Awaited<ReturnType<typeof reconcileClosedLedgers>> = [];
    await waitFor(async () => {
      report = await reconcileClosedLedgers(env.client, { campaignId });
      expect(report).toHaveLength(1);
    }, 60_000);
    expect(report[0]).toEqual({
      ledgerId: ledger.workflowId,
      settled: [awarded.workflowId],
      released: [forgotten],
      stillHeld: 1,
    });
    const state = await ledger.query(quotaStateQuery);
    expect(state.reservations.map((r) => [r.caseId, !!r.settledAt])).toEqual([
      [awarded.workflowId, true],
      [live.workflowId, false],
    ]);
    expect((await ledger.describe()).status.name).toBe('RUNNING');

    // A second run changes nothing while the live case runs; once it has ended, the ledger is freed and ends.
    expect((await reconcileClosedLedgers(env.client, { campaignId }))[0]?.stillHeld).toBe(1);
    await live.terminate('operator test');
    await reconcileClosedLedgers(env.client, { campaignId });
    const final = await ledger.result();
    expect(final.reservations.map((r) => r.caseId)).toEqual([awarded.workflowId]);
  }, 240_000);
});
