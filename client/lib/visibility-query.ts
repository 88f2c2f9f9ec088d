/**
 * Builds Temporal visibility queries from typed filters, quoting every value, so a filter typed by a
 * user can never change the shape of the query.
 */
import { SA } from '../../domain/search-attributes.js';

export interface CaseFilter {
  kind?: string;
  unit?: string;
  cluster?: string;
  campaign?: string;
  year?: number;
  stage?: string;
  /** Nominations: open | closed; registrations: registered | not_registered. */
  status?: 'open' | 'closed' | 'registered' | 'not_registered';
  awardForm?: string;
  waitingRole?: string;
  /** One unit, or several (an actor whose roles span units, e.g. the council and its secretariat). */
  waitingUnit?: string | string[];
  /** Only cases whose due date has passed at this instant (ISO). */
  overdueAt?: string;
}

/**
 * A case the workflow marks open is only really open while its execution runs: an administrator's terminate (or a
 * crash that failed the run) leaves the last search attributes behind, and such a case must leave every inbox.
 */
export const STILL_RUNNING = `ExecutionStatus = 'Running'`;

export function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function buildCaseQuery(filter: CaseFilter): string {
  const clauses: string[] = [];
  const eq = (name: string, value: string | number | undefined) => {
    if (value === undefined || value === '') return;
    clauses.push(`${name} = ${typeof value === 'number' ? String(value) : quote(value)}`);
  };
  eq(SA.kind.name, filter.kind);
  eq(SA.unit.name, filter.unit);
  eq(SA.cluster.name, filter.cluster);
  eq(SA.campaign.name, filter.campaign);
  eq(SA.year.name, filter.year);
  eq(SA.stage.name, filter.stage);
  eq(SA.status.name, filter.status);
  if (filter.status === 'open') clauses.push(STILL_RUNNING);
  eq(SA.awardForm.name, filter.awardForm);
  eq(SA.waitingRole.name, filter.waitingRole);
  if (Array.isArray(filter.waitingUnit)) {
    if (filter.waitingUnit.length > 0)
      clauses.push(`${SA.waitingUnit.name} IN (${filter.waitingUnit.map(quote).join(', ')})`);
  } else eq(SA.waitingUnit.name, filter.waitingUnit);
  if (filter.overdueAt) clauses.push(`${SA.dueAt.name} < ${quote(filter.overdueAt)}`);
  // No ORDER BY: Temporal's SQL visibility stores (the dev server's SQLite, PostgreSQL) do not support it;
  // callers sort a page by due date themselves.
  return clauses.length ? clauses.join(' AND ') : `${SA.kind.name} IS NOT NULL`;
}
