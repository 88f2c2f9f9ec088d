/** Steps of the nomination journey as the right people take them, for tests that need a case at a given stage. */
import type { WorkflowHandle } from '@temporalio/client';
import { peopleOfUnit } from '../../store/index.js';
import { toActionRefused } from '../../client/lib/cases.js';
import { vnDateKey } from '../../domain/calendar.js';
import type { NominationDraft } from '../../domain/nomination/types.js';
import type { nomination } from '../../workflows/index.js';
import { decideForwardedUpdate, type forwardedCase } from '../../workflows/nomination/forwarded.js';
import { actionUpdates, nominationStateQuery } from '../../workflows/nomination/messages.js';
import { waitFor } from '../harness/wait.js';
import type { CaseWorld } from './case-world.js';

export type CaseHandle = WorkflowHandle<typeof nomination>;

/** Every seat of the demo council (they all vote unless recused). */
export const COUNCIL_VOTERS = [
  'vientruong',
  'phovientruong',
  'thuongtruc',
  'uyvien1',
  'uyvien2',
  'uyvien3',
  'uyvien4',
  'uyvien5',
];

export function journey(world: CaseWorld, handle: CaseHandle) {
  const act = async <A extends keyof typeof actionUpdates>(action: A, username: string, fields: object = {}) =>
    handle.executeUpdate(actionUpdates[action], { args: [{ actor: await world.actor(username), ...fields } as never] });
  return {
    act,
    submit: (head = 'truong.kv2') => act('submit', head),
    endorse: (clusterHead = 'cumtruong.c1', rank = 1) => act('endorse', clusterHead, { rank }),
    verify: (complete = true, missingItems: string[] = []) => act('verify', 'thuongtruc', { complete, missingItems }),
    async voteAll(choice: 'yes' | 'no' | 'abstain' = 'yes', except: string[] = []) {
      for (const member of COUNCIL_VOTERS.filter((m) => !except.includes(m))) await act('vote', member, { choice });
    },
    async approve(leader = 'vientruong') {
      // Decision dates are Vietnam calendar dates: after 17:00 UTC it is already tomorrow in Hà Nội.
      const today = vnDateKey(new Date(await world.env.currentTimeMs()).toISOString());
      return act('approve', leader, { decisionNumber: '45/QĐ-VKS', decisionDate: today });
    },
    /** A submitted case through every step to the leader's approval: endorsed, verified, voted yes by all. */
    async award(leader = 'vientruong') {
      await this.endorse();
      await this.verify();
      await this.voteAll('yes');
      return this.approve(leader);
    },
  };
}

/**
 * The linked case at the higher level of a forwarded case. The approval answers before the main loop starts the
 * child (effects run after the answer), so this waits until the child exists instead of racing it.
 */
export async function forwardedCaseOf(world: CaseWorld, handle: CaseHandle) {
  let child: WorkflowHandle<typeof forwardedCase> | undefined;
  await waitFor(async () => {
    const { forwarding } = await handle.query(nominationStateQuery);
    if (!forwarding) throw new Error(`${handle.workflowId} was not forwarded`);
    const candidate = world.env.client.workflow.getHandle<typeof forwardedCase>(forwarding.caseId);
    await candidate.describe(); // WorkflowNotFoundError until the main loop has started it
    child = candidate;
  });
  return child!;
}

/** VKSND tối cao's department approves the linked case of a forwarded award, with its own decision. */
export async function approveAtHigherLevel(
  world: CaseWorld,
  child: WorkflowHandle<typeof forwardedCase>,
  decisionNumber: string,
  decisionDate = '2026-01-20',
) {
  return child.executeUpdate(decideForwardedUpdate, {
    args: [{ actor: await world.actor('vu16.vkstc'), outcome: 'approved', decisionNumber, decisionDate }],
  });
}

/**
 * The index (in peopleOfUnit order) of a person of the unit who may be nominated for the award now, found
 * by starting a case per candidate and trying to submit it (the workflow's own eligibility check). Only an
 * eligibility refusal moves on to the next person: any other failure is a broken probe and is thrown as it is,
 * and when nobody qualifies the error names the reasons the workflow gave.
 *
 * Each probe is withdrawn and awaited to its end, never terminated: terminating a run with an activity in flight
 * (the mail of the step a successful submission enters) leaks the Java test server's time-skipping lock
 * (temporalio/sdk-java#1138), after which every later wait runs in real time — the history recorder then hangs on
 * the 365-day revocation window of the case it records.
 */
export async function findEligiblePerson(
  world: CaseWorld,
  awardCode: string,
  unitId: string,
  opts: { head?: string; facts?: Pick<NominationDraft, 'declaredCriteria' | 'personFacts'> } = {},
): Promise<number> {
  const head = opts.head ?? `truong.${unitId.replace(/^hd-/, '')}`;
  const people = await peopleOfUnit(world.db, unitId);
  const reasons = new Set<string>();
  for (let personIndex = 0; personIndex < people.length; personIndex++) {
    const draft = { ...(await world.draftFor({ awardCode, unitId, personIndex })), ...opts.facts };
    const probe = await world.startNomination({ unitId, draft });
    const j = journey(world, probe);
    let eligible = false;
    try {
      await j.submit(head);
      eligible = true;
    } catch (error) {
      const refusal = toActionRefused(error);
      if (refusal?.code !== 'not-eligible') throw error;
      reasons.add(refusal.vi);
    }
    await j.act('withdraw', head, { reason: 'Hồ sơ thăm dò điều kiện (kiểm thử)' });
    await probe.result();
    if (eligible) return personIndex;
  }
  throw new Error(`no one in ${unitId} may be nominated for ${awardCode}:\n${[...reasons].join('\n')}`);
}
