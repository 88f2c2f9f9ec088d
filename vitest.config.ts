import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two cores: more parallel files only fight over the CPU that the servers need.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Pure domain code and the SQL store: no Temporal server needed.
          include: ['test/unit/**/*.test.ts', 'test/store/**/*.test.ts', 'test/repo/**/*.test.ts'],
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          name: 'temporal',
          include: ['test/harness/**/*.test.ts', 'test/workflows/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          // Temporal's worker runs native code and threads of its own: it is only reliable in forked processes.
          pool: 'forks',
          // One Temporal dev server for the whole run, shared with test files through provide/inject.
          globalSetup: ['test/harness/global-setup.ts'],
          setupFiles: ['test/harness/quiet-runtime.ts'],
        },
      },
    ],
  },
});
