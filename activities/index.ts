/**
 * Every side effect of tdkt-flow lives here, built from injected dependencies (createActivities(deps)):
 * the worker passes the real mailer, database and Temporal client; tests pass their own real ones
 * (an in-memory database, an in-process SMTP server).
 * Workflows import only the *type* `Activities` and call them through proxyActivities.
 */
import { createCaseIndexActivities } from './case-index.js';
import { createCaseActivities, type CaseActivityDeps } from './cases.js';
import { createMailer } from './mail.js';
import { createPlanActivities } from './plan.js';

// The plans a yearly Schedule starts are read from the database (store/plans.ts), not passed in.
export type ActivityDeps = CaseActivityDeps;

export function createActivities(deps: ActivityDeps) {
  // One mailer (one transport) for every activity that sends a notice.
  const sendMail = createMailer(deps.mail);
  const cases = createCaseActivities(deps, sendMail);
  return {
    ...cases,
    ...createPlanActivities(deps, sendMail),
    ...createCaseIndexActivities(deps),
    // The complaint workflow's name for revokeAward (an upheld complaint revokes the book row). Both names stay
    // registered: running workflows and the committed histories schedule each by its name.
    revokeBookEntry: (input: Parameters<typeof cases.revokeAward>[0]) => cases.revokeAward(input),
  };
}

export type Activities = ReturnType<typeof createActivities>;
