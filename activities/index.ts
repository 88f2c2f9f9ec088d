/**
 * Every side effect of tdkt-flow lives here, built from injected dependencies (createActivities(deps)):
 * the worker passes the real mailer and database, tests pass their own.
 * Workflows import only the *type* `Activities` and call them through proxyActivities.
 */
import { createMailActivities, type MailDeps } from './mail.js';

export interface ActivityDeps {
  mail: MailDeps;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createMailActivities(deps.mail),
  };
}

export type Activities = ReturnType<typeof createActivities>;
