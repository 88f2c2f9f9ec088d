/**
 * The one database interface the store uses. Both engines (PGlite embedded, PostgreSQL over the network)
 * speak the same PostgreSQL dialect, so repositories write plain SQL with `$1` parameters against this
 * interface and never know which engine is underneath.
 */

export type SqlEngine = 'pglite' | 'postgres';

/** Values a query can bind. Arrays bind as PostgreSQL arrays (cast them, e.g. `$1::text[]`). */
export type SqlParam = string | number | boolean | null | readonly string[] | readonly number[];

/** Runs statements: the whole database, or one transaction of it. */
export interface SqlSession {
  /**
   * Runs one statement with `$n` parameters and returns its rows. `T` names the row shape the SQL selects;
   * nothing checks it at runtime, so select explicit columns and cast to JSON-friendly types
   * (`::int` for counts, `::text` for dates) so both engines return the same values.
   */
  query<T extends object = Record<string, unknown>>(text: string, params?: readonly SqlParam[]): Promise<T[]>;
  /** Runs a script of one or more statements without parameters (migrations, SET, ...). */
  exec(text: string): Promise<void>;
}

export interface SqlDatabase extends SqlSession {
  readonly engine: SqlEngine;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws (the error is rethrown).
   * Use only the session it is given inside `fn`; transactions do not nest.
   */
  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
