/**
 * Opens the store from one URL-like setting (e.g. the DATABASE_URL environment variable):
 *   pglite:                 embedded, in memory
 *   pglite:./data/db        embedded, kept in that directory
 *   postgres://user:pw@host:5432/db   PostgreSQL (postgresql:// also accepted)
 */
import { migrate } from './migrations/migrate.js';
import { openEmbeddedDatabase } from './pglite.js';
import { openPostgresDatabase } from './postgres.js';
import type { SqlDatabase } from './sql.js';

/** The default when nothing is configured: embedded, kept under data/ (which git ignores). */
export const DEFAULT_DATABASE_URL = 'pglite:./data/db';

export type DatabaseLocation =
  { engine: 'pglite'; dataDir: string | null } | { engine: 'postgres'; connectionString: string };

export interface DatabaseConfig {
  url: string;
  /** PostgreSQL only: keep the tables in this schema (see PostgresOptions.schema). */
  schema?: string;
}

export function parseDatabaseUrl(url: string): DatabaseLocation {
  const trimmed = url.trim();
  if (trimmed.startsWith('pglite:')) {
    const rest = trimmed.slice('pglite:'.length);
    const inMemory = rest === '' || rest === 'memory' || rest === ':memory:' || rest === 'memory://';
    return { engine: 'pglite', dataDir: inMemory ? null : rest };
  }
  if (trimmed.startsWith('postgres://') || trimmed.startsWith('postgresql://')) {
    return { engine: 'postgres', connectionString: trimmed };
  }
  throw new Error(
    `Unsupported database URL "${redact(trimmed)}": use "pglite:" (in memory), "pglite:<directory>" or "postgres://user:password@host:port/database".`,
  );
}

export async function openDatabase(config: DatabaseConfig | string): Promise<SqlDatabase> {
  const { url, schema } = typeof config === 'string' ? { url: config, schema: undefined } : config;
  const location = parseDatabaseUrl(url);
  if (location.engine === 'pglite') {
    return openEmbeddedDatabase(location.dataDir === null ? {} : { dataDir: location.dataDir });
  }
  return openPostgresDatabase(location.connectionString, schema === undefined ? {} : { schema });
}

/** Opens the database and brings its schema up to date: what the worker and the web server call at start-up. */
export async function openMigratedDatabase(config: DatabaseConfig | string): Promise<SqlDatabase> {
  const db = await openDatabase(config);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** Hides the password of a connection string in messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
