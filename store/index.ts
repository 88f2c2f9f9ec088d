/** The SQL store: the commendation book and the directory, on PGlite (embedded) or PostgreSQL. */
export type { SqlDatabase, SqlEngine, SqlParam, SqlSession } from './sql.js';
export { openEmbeddedDatabase, type EmbeddedDatabaseOptions } from './pglite.js';
export { EmbeddedDatabaseBusyError } from './embedded-lock.js';
export { openPostgresDatabase, type PostgresOptions } from './postgres.js';
export {
  DEFAULT_DATABASE_URL,
  openDatabase,
  openMigratedDatabase,
  parseDatabaseUrl,
  type DatabaseConfig,
  type DatabaseLocation,
} from './open.js';
export { migrate, type MigrationReport } from './migrations/migrate.js';
export { MIGRATIONS, type Migration } from './migrations/index.js';
export * from './book.js';
export * from './directory.js';
export * from './demo-data.js';
