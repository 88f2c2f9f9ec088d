/**
 * Brings a database's schema up to date. Each pending migration runs in its own transaction together with
 * its row in schema_migrations, so a failure leaves nothing half-applied. An advisory lock serialises
 * workers that start at the same time against one PostgreSQL; running it again changes nothing.
 */
import type { SqlDatabase, SqlSession } from '../sql.js';
import { MIGRATIONS, type Migration } from './index.js';

/** Arbitrary constant naming this application's migration lock ("tdkt" in ASCII). */
const MIGRATION_LOCK_ID = 0x7464_6b74;

export interface MigrationReport {
  applied: number[];
  alreadyApplied: number[];
}

export async function migrate(
  db: SqlDatabase,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationReport> {
  assertOrdered(migrations);
  await db.transaction(async (tx) => {
    await lock(tx);
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
  });

  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  for (const migration of migrations) {
    const appliedNow = await db.transaction(async (tx) => {
      await lock(tx);
      const [existing] = await tx.query<{ name: string }>('SELECT name FROM schema_migrations WHERE version = $1', [
        migration.version,
      ]);
      if (existing) {
        if (existing.name !== migration.name) {
          throw new Error(
            `Migration ${migration.version} was applied as "${existing.name}" but the code calls it "${migration.name}": the migration list was edited after release.`,
          );
        }
        return false;
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    (appliedNow ? report.applied : report.alreadyApplied).push(migration.version);
  }

  const known = new Set(migrations.map((m) => m.version));
  const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  const unknown = rows.map((r) => r.version).filter((v) => !known.has(v));
  if (unknown.length > 0) {
    throw new Error(
      `The database has migrations this code does not know (${unknown.join(', ')}): it was used by a newer version.`,
    );
  }
  return report;
}

async function lock(tx: SqlSession): Promise<void> {
  // Transaction-scoped: released by COMMIT or ROLLBACK, so it cannot leak.
  await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration "${m.name}" has version ${m.version}; expected ${i + 1}.`);
  });
}
