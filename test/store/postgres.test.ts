/**
 * The store contract on a real PostgreSQL server, named by TDKT_TEST_POSTGRES_URL
 * (scripts/postgres/start-local.sh starts a throwaway one). Every database the suite opens is a fresh
 * schema, dropped afterwards. Without the variable the suite is skipped, except in CI, where it fails:
 * CI must not pass by silently leaving PostgreSQL out.
 */
import { describe, it } from 'vitest';
import { openDatabase } from '../../store/open.js';
import { openPostgresDatabase } from '../../store/postgres.js';
import { describeStoreContract } from './contract.js';

const url = process.env.TDKT_TEST_POSTGRES_URL;
const inCi = process.env.CI === 'true';

if (!url && inCi) {
  describe('store on PostgreSQL', () => {
    it('has TDKT_TEST_POSTGRES_URL set (required when CI=true)', () => {
      throw new Error(
        'TDKT_TEST_POSTGRES_URL is not set, and CI=true forbids skipping the PostgreSQL store tests. ' +
          'Start a server with: eval "$(scripts/postgres/start-local.sh)"',
      );
    });
  });
}

let opened = 0;

describeStoreContract(
  url
    ? 'store on PostgreSQL'
    : 'store on PostgreSQL — SKIPPED: TDKT_TEST_POSTGRES_URL is not set (eval "$(scripts/postgres/start-local.sh)")',
  async () => {
    if (!url) throw new Error('unreachable: the suite is skipped without a URL');
    const schema = `tdkt_test_${process.pid}_${Date.now().toString(36)}_${opened++}`;
    const db = await openDatabase({ url, schema });
    return {
      db,
      async dispose() {
        await db.close();
        const admin = await openPostgresDatabase(url);
        try {
          await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        } finally {
          await admin.close();
        }
      },
    };
  },
  { skip: !url },
);
