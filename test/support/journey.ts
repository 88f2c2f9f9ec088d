/** Steps of the nomination journey as the right people take them, for tests that need a case at a given stage. */
import type { WorkflowHandle } from '@temporalio/client';
import { vnDateKey } from '../../domain/calendar.js';
import type { nomination } from '../../workflows/index.js';
import { actionUpdates } from '../../workflows/nomination/messages.js';
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
  };
}

/**
 * The index (in peopleOfUnit order) of a person of the unit who may be nominated for the award now, found
 * by starting a case per candidate and trying to submit it (the workflow's own eligibility check).
 */
export async function findEligiblePerson(
  world: CaseWorld,
  awardCode: string,
  unitId: string,
  head = `truong.${unitId.replace(/^hd-/, '')}`,
): Promise<number> {
  for (let personIndex = 0; personIndex < 40; personIndex++) {
    let draft;
    try {
      draft = await world.draftFor({ awardCode, unitId, personIndex });
    } catch {
      break; // no more people in the unit
    }
    const probe = await world.startNomination({ unitId, draft });
    try {
      await journey(world, probe).submit(head);
      return personIndex;
    } catch {
      // not eligible: try the next person
    } finally {
      await probe.terminate('eligibility probe');
    }
  }
  throw new Error(`no one in ${unitId} may be nominated for ${awardCode}`);
}
