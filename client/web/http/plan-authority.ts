/**
 * Who may work on the year's plan in the web UI, for every plan page (drafting, rehearsal, amendment): the standing
 * body and the leadership write; administrators read. Each page says in its own words what is refused. The running
 * plan and the store check the actor's unit again (domain/plan-year/common.ts requirePlanAuthority).
 */
import type { Account } from '../../../store/credentials.js';
import { forbidden, WebError } from '../errors.js';
import type { WebDeps } from './deps.js';
import { has } from './account.js';

export interface PlanPageRefusals {
  /** To someone who may not even read the page. */
  reader: string;
  /** To an administrator, who reads but does not write. */
  writer: string;
  /** What the page is, for the English log line. */
  topic: string;
}

export function planAuthority(refusals: PlanPageRefusals) {
  const writes = (account: Account): boolean => has(account, 'council_secretary', 'leadership');
  const requireReader = (account: Account): void => {
    if (!has(account, 'council_secretary', 'leadership', 'admin'))
      throw forbidden(refusals.reader, `roles ${account.user.roles.join(',')} may not see ${refusals.topic}`);
  };
  const requireWriter = (account: Account): void => {
    requireReader(account);
    if (!writes(account))
      throw forbidden(refusals.writer, `roles ${account.user.roles.join(',')} may not write ${refusals.topic}`);
  };
  return { writes, requireReader, requireWriter };
}

/** The organisation whose plans the plan pages write; without one (no directory yet) they cannot work. */
export async function planOrganisation(deps: Pick<WebDeps, 'organisation'>): Promise<string> {
  const orgUnitId = await deps.organisation();
  if (!orgUnitId)
    throw new WebError(
      409,
      'Chưa xác định được đơn vị ban hành kế hoạch: hãy nạp danh bạ (đơn vị có Hội đồng thi đua, khen thưởng) hoặc đặt PLAN_ORG_UNIT_ID.',
      'no plan organisation',
    );
  return orgUnitId;
}
