/**
 * Every side effect of tdkt-flow lives here, built from injected dependencies (createActivities(deps)):
 * the worker passes the real mailer, database and Temporal client; tests pass their own real ones
 * (an in-memory database, an in-process SMTP server).
 * Workflows import only the *type* `Activities` and call them through proxyActivities.
 */
import { createCaseActivities, type CaseActivityDeps } from './cases.js';
import { createMailActivities } from './mail.js';
import { createPlanActivities, type PlanActivityDeps } from './plan.js';

export type ActivityDeps = CaseActivityDeps & Pick<PlanActivityDeps, 'plans'>;

export function createActivities(deps: ActivityDeps) {
  return {
    ...createMailActivities(deps.mail),
    ...createCaseActivities(deps),
    ...createPlanActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
