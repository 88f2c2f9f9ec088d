/**
 * A campaign's quota ledger closes (issue #12): after the campaign's closing instant it refuses new places, and it
 * ends once no case holds an unsettled place (each awarded case settled, each rejected or withdrawn one released).
 * A reserve after the ledger has ended is refused too, and no empty ledger takes its place. Time is skipped.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { addDays, formatDateVN } from '../../domain/calendar.js';
import type { quotaLedger } from '../../workflows/quota/ledger.js';
import { toActionRefused } from '../../client/lib/cases.js';
import { nominationStateQuery } from '../../workflows/nomination/messages.js';
import { quotaLedgerId, quotaStateQuery, reserveQuotaUpdate } from '../../workflows/quota/messages.js';
import { uniqueId } from '../harness/temporal.js';
import { untilInstant, waitFor } from '../harness/wait.js';
import type { CaseWorld } from '../support/case-world.js';
import { journey, type CaseHandle } from '../support/journey.js';
import { refusalOf } from '../support/refusal.js';
import { withTimeSkippingWorld } from '../support/time-skipping-world.js';

let env: TestWorkflowEnvironment;
let world: CaseWorld;
withTimeSkippingWorld((started) => ({ env, world } = started));

const CLOSED = 'Đợt đề nghị khen thưởng đã kết thúc';

/** A campaign of its own closing `days` from the server's now, and the ledger of hd-kv2 in it. */
async function campaign(days: number) {
  const id = uniqueId('dot');
  const closesAt = addDays(new Date(await env.currentTimeMs()).toISOString(), days);
  const ledger = env.client.workflow.getHandle<typeof quotaLedger>(quotaLedgerId(id, 'hd-kv2'));
  return { id, closesAt, ledger };
}

async function nominate(c: { id: string; closesAt: string }, personIndex: number): Promise<CaseHandle> {
  return world.startNomination({
    unitId: 'hd-kv2',
    campaignId: c.id,
    campaignClosesAt: c.closesAt,
    draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex }),
  });
}

async function status(ledger: WorkflowHandle): Promise<string | undefined> {
  return (await ledger.describe()).status.name;
}

describe('quota ledgers close with their campaign (time skipping)', () => {
  it('ends after the campaign closes once its awarded place is settled; the place stays counted to the end', async () => {
    const c = await campaign(20);
    const handle = await nominate(c, 2);
    await journey(world, handle).submit();
    await journey(world, handle).award('phovientruong');
    await waitFor(async () => {
      const [reservation] = (await c.ledger.query(quotaStateQuery)).reservations;
      expect(reservation?.settledAt).toBeTruthy();
    }, 60_000);
    // Settled but the campaign still open: the ledger runs (a unit may still nominate until the close).
    expect(await status(c.ledger)).toBe('RUNNING');

    await untilInstant(env, addDays(c.closesAt, 1));
    const final = await c.ledger.result();
    expect(await status(c.ledger)).toBe('COMPLETED');
    expect(final.closedAt).toBeTruthy();
    expect(Date.parse(final.closedAt!)).toBeGreaterThanOrEqual(Date.parse(c.closesAt));
    expect(final.reservations.map((r) => r.caseId)).toEqual([handle.workflowId]);

    // A late case of the same campaign and unit is refused: the ended ledger is not replaced by an empty one. The
    // date said is the ledger's own close, not the (here later) one the case carries.
    const { runId } = await c.ledger.describe();
    const late = await nominate({ id: c.id, closesAt: addDays(c.closesAt, 5) }, 3);
    const refused = await journey(world, late)
      .submit()
      .then(() => null, toActionRefused);
    expect(refused?.message).toContain(`${CLOSED} ngày ${formatDateVN(c.closesAt)}:`);
    expect(refused?.code).toBe('quota-closed'); // the ledger's code, so logs tell a closed ledger from a full one
    expect((await late.query(nominationStateQuery)).stage).toBe('draft');
    const after = await c.ledger.describe();
    expect(after.runId).toBe(runId);
    expect(after.status.name).toBe('COMPLETED');
  }, 240_000);

  it('stays open past the close while a case holds a place, refuses new places, and ends when that place is given back', async () => {
    const c = await campaign(10);
    const held = await nominate(c, 4);
    const late = await nominate(c, 5);
    await journey(world, held).submit();
    expect((await c.ledger.query(quotaStateQuery)).reservations).toHaveLength(1);

    await untilInstant(env, addDays(c.closesAt, 3));
    await waitFor(async () => expect((await c.ledger.query(quotaStateQuery)).closedAt).toBeTruthy(), 30_000);
    expect(await status(c.ledger)).toBe('RUNNING');

    // The quota has a free place for nobody: refused because the campaign closed (in Vietnamese, with its date).
    const refusal = await refusalOf(journey(world, late).submit());
    expect(refusal).toContain(CLOSED);
    expect((await late.query(nominationStateQuery)).stage).toBe('draft');
    expect((await c.ledger.query(quotaStateQuery)).reservations.map((r) => r.caseId)).toEqual([held.workflowId]);

    await untilInstant(env, addDays(c.closesAt, 30));
    expect(await status(c.ledger)).toBe('RUNNING'); // still held, however long after the close

    // The held case is withdrawn: its place is released (accepted after the close) and nothing is held any more.
    await journey(world, held).act('withdraw', 'truong.kv2', { reason: 'Đơn vị rút hồ sơ' });
    const final = await c.ledger.result();
    expect(final.reservations).toEqual([]);
    expect(await status(c.ledger)).toBe('COMPLETED');
  }, 240_000);

  it('frees, day by day after the close, the places of cases awarded or ended whose settle or release never came', async () => {
    const c = await campaign(10);
    // The ledger's cases: one awarded (here in another campaign, so its own settle went elsewhere), one the server
    // never knew (forgotten past retention), one still a draft. Places reserved straight on the ledger are what a
    // lost settle or release leaves behind.
    const awarded = await nominate({ id: uniqueId('dot'), closesAt: addDays(c.closesAt, 30) }, 14);
    await journey(world, awarded).submit();
    await journey(world, awarded).award('phovientruong');
    const live = await nominate(c, 15);
    const gone = uniqueId('nomination/forgotten');
    await env.client.workflow.start('quotaLedger', {
      workflowId: c.ledger.workflowId,
      taskQueue: world.taskQueue,
      args: [{ unitId: 'hd-kv2', campaignId: c.id, limits: { individual: 5, collective: 5 }, closesAt: c.closesAt }],
    });
    for (const caseId of [awarded.workflowId, gone, live.workflowId])
      await c.ledger.executeUpdate(reserveQuotaUpdate, { args: [{ caseId, subject: 'individual' }] });

    await untilInstant(env, addDays(c.closesAt, 2));
    await waitFor(async () => {
      const { reservations } = await c.ledger.query(quotaStateQuery);
      expect(reservations.map((r) => [r.caseId, !!r.settledAt])).toEqual([
        [awarded.workflowId, true],
        [live.workflowId, false],
      ]);
    }, 60_000);
    expect(await status(c.ledger)).toBe('RUNNING'); // a live case keeps its place, however long it takes

    // The draft's run ends without a word to the ledger: the next daily check gives its place back, and it ends.
    await live.terminate('operator test');
    await untilInstant(env, addDays(c.closesAt, 4));
    const final = await c.ledger.result();
    expect(final.reservations.map((r) => r.caseId)).toEqual([awarded.workflowId]);
    expect(await status(c.ledger)).toBe('COMPLETED');
  }, 240_000);

  it('a ledger started without a closing instant learns it from a later case, and then closes', async () => {
    const c = await campaign(5);
    // The first case knows no closing instant (a case started before it was kept): its ledger does not either.
    const old = await world.startNomination({
      unitId: 'hd-kv2',
      campaignId: c.id,
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex: 7 }),
    });
    await journey(world, old).submit();
    await journey(world, old).act('withdraw', 'truong.kv2', { reason: 'Đơn vị rút hồ sơ' });
    await waitFor(async () => expect((await c.ledger.query(quotaStateQuery)).reservations).toEqual([]), 30_000);
    expect((await c.ledger.query(quotaStateQuery)).closesAt ?? null).toBeNull();

    const next = await nominate(c, 8);
    await journey(world, next).submit();
    expect((await c.ledger.query(quotaStateQuery)).closesAt).toBe(c.closesAt);
    await untilInstant(env, addDays(c.closesAt, 1));
    await waitFor(async () => expect((await c.ledger.query(quotaStateQuery)).closedAt).toBeTruthy(), 30_000);
    expect(await status(c.ledger)).toBe('RUNNING'); // the later case still holds its place
    await journey(world, next).act('withdraw', 'truong.kv2', { reason: 'Đơn vị rút hồ sơ' });
    expect((await c.ledger.result()).reservations).toEqual([]);
  }, 240_000);

  it('takes a case whose own closing instant has passed while the ledger knows a later one (the later wins)', async () => {
    const c = await campaign(10);
    const first = await nominate(c, 12);
    await journey(world, first).submit();
    // This case was started when the campaign still closed 2 days from now; the deadline moved out since.
    const earlier = await nominate({ id: c.id, closesAt: addDays(c.closesAt, -8) }, 13);
    await untilInstant(env, addDays(c.closesAt, -5));
    // The first case gives its place back (the unit's quota is one person), the ledger keeps its closing instant.
    await journey(world, first).act('withdraw', 'truong.kv2', { reason: 'Đơn vị rút hồ sơ' });
    await waitFor(async () => expect((await c.ledger.query(quotaStateQuery)).reservations).toEqual([]), 30_000);
    await journey(world, earlier).submit();
    const state = await c.ledger.query(quotaStateQuery);
    expect(state.closesAt).toBe(c.closesAt);
    expect(state.reservations.map((r) => r.caseId)).toEqual([earlier.workflowId]);
  }, 240_000);

  it('says the ledger is unavailable, not that the campaign closed, when an operator terminated it', async () => {
    const c = await campaign(20);
    const first = await nominate(c, 10);
    await journey(world, first).submit();
    await c.ledger.terminate('operator test');
    const next = await nominate(c, 11);
    const refused = await journey(world, next)
      .submit()
      .then(() => null, toActionRefused);
    expect(refused?.message).toBe('Sổ chỉ tiêu của đợt không sẵn sàng, đề nghị liên hệ quản trị hệ thống.');
    expect(refused?.code).toBe('quota-ledger-ended');
    expect((await next.query(nominationStateQuery)).stage).toBe('draft');
    expect(await status(c.ledger)).toBe('TERMINATED'); // and no empty ledger took its place
  }, 240_000);

  it('keeps a ledger that knows no closing instant open, as before', async () => {
    const id = uniqueId('dot');
    const handle = await world.startNomination({
      unitId: 'hd-kv2',
      campaignId: id,
      draft: await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2', personIndex: 6 }),
    });
    await journey(world, handle).submit();
    await journey(world, handle).act('withdraw', 'truong.kv2', { reason: 'Đơn vị rút hồ sơ' });
    const ledger = env.client.workflow.getHandle(quotaLedgerId(id, 'hd-kv2'));
    await waitFor(async () => expect((await ledger.query(quotaStateQuery)).reservations).toEqual([]), 30_000);
    await env.sleep('60 days');
    expect(await status(ledger)).toBe('RUNNING');
    expect((await ledger.query(quotaStateQuery)).closedAt ?? null).toBeNull();

    // A case that knows its campaign closed yesterday is refused even by this ledger, which learns nothing from it.
    const yesterday = addDays(new Date(await env.currentTimeMs()).toISOString(), -1);
    const late = await nominate({ id, closesAt: yesterday }, 9);
    expect(await refusalOf(journey(world, late).submit())).toContain(CLOSED);
    expect((await ledger.query(quotaStateQuery)).closesAt ?? null).toBeNull();
    expect((await ledger.query(quotaStateQuery)).reservations).toEqual([]);
  }, 240_000);
});
