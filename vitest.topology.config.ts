import { defineConfig } from 'vitest/config';

/**
 * `npm run test:topology`: the production topology run for real (test/topology). Apart from `npm test` because it
 * needs the real Temporal server (`npm run tools:server`) and PostgreSQL (TDKT_TEST_POSTGRES_URL), runs for
 * minutes, and starts a cluster of its own instead of the suite's dev server. .ci/run runs it as its own step.
 */
export default defineConfig({
  test: {
    include: ['test/topology/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    setupFiles: ['test/harness/quiet-runtime.ts'],
    // Four Go services, two workers and the web process on a busy 2-core machine, then journeys under kills.
    hookTimeout: 10 * 60_000,
    testTimeout: 20 * 60_000,
    teardownTimeout: 120_000,
  },
});
