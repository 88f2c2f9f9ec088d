/**
 * Quotas stay exact under concurrency: 50 units' worth of submissions arriving at the same moment against
 * a quota of 10 accept exactly 10, because every reservation goes through one ledger workflow whose
 * updates Temporal runs one at a time. On the dev server, with real parallel requests.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDirectory } from '../../store/index.js';
import { quotaLimit } from '../../domain/quota.js';
import { ruleSetFor } from '../../domain/rules/index.js';
import { actionUpdates, nominationStateQuery } from '../../workflows/nomination/messages.js';
import { quotaLedgerId, quotaStateQuery } from '../../workflows/quota/messages.js';
import { connectToDevServer, uniqueId } from '../harness/temporal.js';
import { createCaseWorld, type CaseWorld } from '../support/case-world.js';

let env: TestWorkflowEnvironment;
let world: CaseWorld;
const UNIT = 'hd-test-lon';

beforeAll(async () => {
  env = await connectToDevServer();
  world = await createCaseWorld(env);
  // A unit of 100 staff: 10% gives an individual quota of exactly 10.
  await importDirectory(world.db, {
    units: [
      {
        id: UNIT,
        name: 'Phòng thử nghiệm',
        level: 'department',
        parentId: 'hd',
        staffCount: 100,
        collectiveCount: 4,
        email: 'lon@vks-haiduong.test',
      },
    ],
    people: Array.from({ length: 50 }, (_, i) => ({
      id: `${UNIT}-p${i}`,
      fullName: `Cán bộ ${i + 1}`,
      unitId: UNIT,
      position: 'Kiểm sát viên',
      email: null,
    })),
    users: [
      {
        id: 'u-truong-lon',
        username: 'truong.lon',
        displayName: 'Trưởng phòng thử nghiệm',
        unitId: UNIT,
        roles: ['unit_head'],
        email: 'truong.lon@vks-haiduong.test',
        personId: `${UNIT}-p0`,
      },
    ],
  });
});
afterAll(async () => {
  await world?.close();
  await env?.teardown();
});

describe('quota ledger under concurrency (dev server)', () => {
  it('accepts exactly 10 of 50 simultaneous submissions against a quota of 10', async () => {
    const limit = quotaLimit(
      { id: UNIT, staffCount: 100, collectiveCount: 4 },
      'individual',
      ruleSetFor(new Date().toISOString()),
    );
    expect(limit).toBe(10);
    const campaignId = uniqueId('tong-ket');
    const handles = await Promise.all(
      Array.from({ length: 50 }, async (_, i) =>
        world.startNomination({
          unitId: UNIT,
          campaignId,
          draft: await world.draftFor({ awardCode: 'giay-khen', unitId: UNIT, personIndex: i }),
        }),
      ),
    );
    const head = await world.actor('truong.lon');
    const outcomes = await Promise.allSettled(
      handles.map((h) => h.executeUpdate(actionUpdates.submit, { args: [{ actor: head }] })),
    );

    const accepted = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(accepted).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const r of refused)
      expect(String((r.reason as { cause?: { message?: string } }).cause?.message)).toContain('đã dùng hết chỉ tiêu');

    const ledger = await env.client.workflow.getHandle(quotaLedgerId(campaignId, UNIT)).query(quotaStateQuery);
    expect(ledger.reservations).toHaveLength(10);
    const stages = await Promise.all(handles.map(async (h) => (await h.query(nominationStateQuery)).stage));
    expect(stages.filter((s) => s === 'standing_body_check')).toHaveLength(10);
    expect(stages.filter((s) => s === 'draft')).toHaveLength(40);
    expect(new Set(ledger.reservations.map((r) => r.caseId))).toEqual(
      new Set(handles.filter((_, i) => outcomes[i]!.status === 'fulfilled').map((h) => h.workflowId)),
    );
    await Promise.all(handles.map((h) => h.terminate('test finished')));
  }, 180_000);
});
