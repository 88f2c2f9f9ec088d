/** PostgreSQL over the network through a `pg` connection pool: for docker-compose and production. */
import pg from 'pg';
import type { SqlDatabase, SqlParam, SqlSession } from './sql.js';

export interface PostgresOptions {
  /**
   * Keep every table in this schema (created if missing) instead of `public`: lets tests and several
   * installations share one database. Lower-case letters, digits and underscores only.
   */
  schema?: string;
  /** Most connections the pool opens (default 10). */
  maxConnections?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgresDatabase(
  connectionString: string,
  options: PostgresOptions = {},
): Promise<SqlDatabase> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid schema name "${schema}": use lower-case letters, digits and underscores.`);
  }
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    // Every connection of the pool starts with the schema on its search path, so unqualified names resolve there.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection that the server drops emits 'error' on the pool; unhandled, that would crash the worker.
  pool.on('error', (error) => {
    console.warn(`PostgreSQL pool: idle connection lost: ${error.message}`);
  });
  try {
    // Fail fast on a wrong URL or a server that is down, rather than at the first repository call.
    await pool.query(schema ? `CREATE SCHEMA IF NOT EXISTS ${schema}` : 'SELECT 1');
  } catch (error) {
    await pool.end();
    throw error;
  }

  return {
    engine: 'postgres',
    ...sessionOf(pool),
    async transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(sessionOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true; // the connection is unusable: let the pool discard it
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

function sessionOf(target: pg.Pool | pg.PoolClient): SqlSession {
  return {
    async query<T extends object>(text: string, params: readonly SqlParam[] = []): Promise<T[]> {
      const result = await target.query<T & pg.QueryResultRow>(text, [...params]);
      return result.rows;
    },
    async exec(text: string): Promise<void> {
      // Without parameters `pg` uses the simple protocol, which accepts several statements at once.
      await target.query(text);
    },
  };
}
