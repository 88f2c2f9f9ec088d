/** Every migration, in order. Add new ones at the end with the next version number. */
import * as directory from './001_directory.js';
import * as book from './002_book.js';
import * as webSessions from './003_web_sessions.js';
import * as plans from './004_plans.js';
import * as caseIndex from './005_case_index.js';
import * as planAmendmentRequests from './006_plan_amendment_requests.js';
import * as caseIndexWaitingUsers from './007_case_index_waiting_users.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  directory,
  book,
  webSessions,
  plans,
  caseIndex,
  planAmendmentRequests,
  caseIndexWaitingUsers,
];
