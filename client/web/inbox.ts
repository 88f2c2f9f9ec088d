/**
 * "Việc cần làm": which cases wait on an account (by role and unit), and the paged lists the pages show, read
 * from the case index (store/case-index.ts) in due-date order across all pages. The same clauses as a visibility
 * query (inboxQuery) stay for operators and for the benchmark's comparison with the old path.
 */
import type { Account } from '../../store/credentials.js';
import { listIndexedCases, type CaseIndexFilter, type IndexPage, type WaitingClause } from '../../store/case-index.js';
import type { SqlSession } from '../../store/sql.js';
import { SA } from '../../domain/search-attributes.js';
import type { CasePage, CasesClient } from '../lib/cases.js';
import { INBOX_KINDS } from './case-links.js';
import { buildCaseQuery, quote, STILL_RUNNING, type CaseFilter } from '../lib/visibility-query.js';

/** (role, units) pairs whose waiting cases belong in the account's inbox. */
export function inboxClauses(account: Account): WaitingClause[] {
  const { user } = account;
  const clauses: { role: string; units: string[]; userId?: string }[] = [];
  for (const role of user.roles) {
    switch (role) {
      case 'unit_clerk':
      case 'unit_head':
        // Drafts and returned cases wait on the unit (its head signs; its clerk prepares).
        clauses.push({ role: 'unit_head', units: [user.unitId] });
        // Cluster votes (Cờ thi đua) wait on the cluster: its member units' heads cast the ballots.
        if (role === 'unit_head' && account.clusterMemberOf.length > 0)
          clauses.push({ role: 'cluster_member', units: account.clusterMemberOf });
        break;
      case 'cluster_head':
        clauses.push({ role: 'cluster_head', units: [user.unitId] });
        break;
      case 'council_secretary':
        clauses.push({ role: 'council_secretary', units: [user.unitId] });
        break;
      case 'leadership':
        clauses.push({ role: 'leadership', units: [user.unitId] });
        break;
      default:
        break;
    }
  }
  // Council votes wait on the council's unit: the secretariat sees every open vote (it closes votes), a member only
  // the votes they still owe (the row names the members who have not voted).
  if (account.secretariatOf.length > 0) clauses.push({ role: 'council_member', units: account.secretariatOf });
  const memberOnly = account.councilMemberOf.filter((c) => !account.secretariatOf.includes(c));
  if (memberOnly.length > 0) clauses.push({ role: 'council_member', units: memberOnly, userId: user.id });
  return clauses;
}

/** The case-index filter of an inbox; null when the account waits on nothing (e.g. an admin). */
export function inboxFilter(account: Account): CaseIndexFilter | null {
  const clauses = inboxClauses(account);
  return clauses.length === 0 ? null : { kinds: INBOX_KINDS, waiting: clauses };
}

/**
 * What an account nothing waits on (an administrator) finds in "Việc cần làm": the cases that need an operator's
 * eye, held ones (a complaint, a review) and overdue ones of every kind, soonest due first.
 */
export function attentionFilter(now: string): CaseIndexFilter {
  return { kinds: INBOX_KINDS, attentionAt: now };
}

/** One page of a list from the case index: soonest due first (overdue first), `after` the previous page's cursor. */
export function listIndexPage(
  deps: { db: SqlSession },
  filter: CaseIndexFilter,
  page: { pageSize: number; after?: string | null },
): Promise<IndexPage> {
  return listIndexedCases(deps.db, filter, page);
}

/**
 * The visibility query of an inbox (operators, the benchmark's old path); null when the account waits on nothing (e.g.
 * an admin). Visibility has no per-member state: a member's votes already cast are filtered by the case index only.
 */
export function inboxQuery(account: Account): string | null {
  const clauses = inboxClauses(account);
  if (clauses.length === 0) return null;
  const ors = clauses.map(
    (c) =>
      `(${SA.waitingRole.name} = ${quote(c.role)} AND ${SA.waitingUnit.name} IN (${c.units.map(quote).join(', ')}))`,
  );
  // A registration publishes its own status ('not_registered' until signed) rather than 'open'; its waiting
  // attributes are cleared once it is registered or locked, so the waiting clauses still keep it out then.
  const kinds = INBOX_KINDS.map(quote).join(', ');
  const open = [quote('open'), quote('not_registered')].join(', ');
  return `${SA.kind.name} IN (${kinds}) AND ${SA.status.name} IN (${open}) AND ${STILL_RUNNING} AND (${ors.join(' OR ')})`;
}

/** One page of cases by a filter or a full inbox query, sorted by due date (see listByQuery). */
export async function listCases(
  deps: { cases: Pick<CasesClient, 'listByQuery'> },
  filterOrQuery: CaseFilter | string,
  page: { pageSize: number; next?: string | null },
): Promise<CasePage> {
  return deps.cases.listByQuery(
    typeof filterOrQuery === 'string' ? filterOrQuery : buildCaseQuery(filterOrQuery),
    page,
  );
}
