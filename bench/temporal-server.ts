/**
 * The bench's own Temporal: the CLI dev server (found or built by scripts/tools), on loopback only, with its
 * SQLite database on disk under a temporary folder (as `npm start` keeps it, so visibility queries run on
 * a real file, not in memory) and the project's search attributes registered.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ALL_SEARCH_ATTRIBUTES } from '../domain/search-attributes.js';
import { ensureTemporalCli } from '../scripts/tools/index.js';

export interface BenchServer {
  address: string;
  namespace: string;
  /** The SQLite file, or null when the bench uses a server it did not start. */
  dbFile: string | null;
  close(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  const cli = ensureTemporalCli();
  const dir = mkdtempSync(path.join(tmpdir(), 'tdkt-bench-temporal-'));
  const dbFile = path.join(dir, 'temporal.db');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: cli ? { type: 'existing-path', path: cli.path } : undefined,
      ip: '127.0.0.1',
      dbFilename: dbFile,
      searchAttributes: ALL_SEARCH_ATTRIBUTES,
      log: { format: 'pretty', level: 'error' },
    },
  });
  return {
    address: env.address,
    namespace: env.namespace ?? 'default',
    dbFile,
    close: async () => {
      await env.teardown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
