/**
 * The embedded default: PostgreSQL compiled to WASM, running inside this process. Needs no setup, no native
 * addon and no server; in memory for tests and demos, or in a directory to keep data between runs.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockEmbeddedDatabase } from './embedded-lock.js';
import type { SqlDatabase, SqlParam, SqlSession } from './sql.js';

export interface EmbeddedDatabaseOptions {
  /** Directory holding the data; absent means in memory (gone when closed). */
  dataDir?: string;
}

export async function openEmbeddedDatabase(options: EmbeddedDatabaseOptions = {}): Promise<SqlDatabase> {
  let pg: PGlite;
  let release = () => {};
  if (options.dataDir) {
    const dir = path.resolve(options.dataDir);
    mkdirSync(dir, { recursive: true });
    release = lockEmbeddedDatabase(dir);
    try {
      pg = await PGlite.create(dir);
    } catch (error) {
      release();
      throw error;
    }
  } else {
    pg = await PGlite.create();
  }
  const statistics = keepStatistics(pg);
  return {
    engine: 'pglite',
    ...sessionOf(pg),
    // PGlite has a single connection and queues other queries while a transaction holds it.
    transaction: (fn) => pg.transaction((tx) => fn(sessionOf(tx))),
    close: async () => {
      clearInterval(statistics);
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * How often the embedded database refreshes its planner statistics. PGlite runs no autovacuum, so without this the
 * planner never learns the case index's size and answers an admin search's first page by scanning and sorting every
 * case (EXPLAIN at 5,690 cases: 24.9 ms, 0.4 ms once analysed; bench/README.md). PostgreSQL's autovacuum does this
 * in production.
 */
const ANALYZE_EVERY_MS = 5 * 60_000;

function keepStatistics(pg: PGlite): ReturnType<typeof setInterval> {
  const analyze = () =>
    void pg
      .exec('ANALYZE')
      .catch((error: unknown) => console.warn(`embedded database: ANALYZE failed: ${String(error)}`));
  analyze();
  const timer = setInterval(analyze, ANALYZE_EVERY_MS);
  timer.unref(); // never keeps a process alive on its own
  return timer;
}

function sessionOf(target: PGlite | Transaction): SqlSession {
  return {
    async query<T extends object>(text: string, params: readonly SqlParam[] = []): Promise<T[]> {
      const result = await target.query<T>(text, [...params]);
      return result.rows;
    },
    async exec(text: string): Promise<void> {
      await target.exec(text);
    },
  };
}
