/**
 * Every side effect of tdkt-flow lives here, built from injected dependencies (createActivities(deps)):
 * the worker passes the real mailer, database and Temporal client; tests pass their own real ones
 * (an in-memory database, an in-process SMTP server).
 * Workflows import only the *type* `Activities` and call them through proxyActivities.
 */
import { createCaseActivities, type CaseActivityDeps } from './cases.js';
import { createMailActivities } from './mail.js';
import { createPlanActivities } from './plan.js';

// The plans a yearly Schedule starts are read from the database (activities/store/plans.ts), not passed in.
export type ActivityDeps = CaseActivityDeps;

export function createActivities(deps: ActivityDeps) {
  return {
    ...createMailActivities(deps.mail),
    ...createCaseActivities(deps),
    ...createPlanActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
