/**
 * A private Java time-skipping Temporal server (the one `npm run tools` caches, or TEMPORAL_TEST_SERVER_PATH) with
 * the project's search attributes registered: the year's workflows upsert them, and the server refuses unknown
 * ones. Shared by the rehearsal and the test harness.
 */
import { SearchAttributeType } from '@temporalio/common';
// Default import: @temporalio/proto is CommonJS, and plain Node ESM cannot see its named exports.
import proto from '@temporalio/proto';
import type * as Testing from '@temporalio/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ALL_SEARCH_ATTRIBUTES } from '../domain/search-attributes.js';

const { IndexedValueType } = proto.temporal.api.enums.v1;
const INDEXED_VALUE_TYPES: Record<string, proto.temporal.api.enums.v1.IndexedValueType> = {
  [SearchAttributeType.KEYWORD]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.TEXT]: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  [SearchAttributeType.INT]: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  [SearchAttributeType.DOUBLE]: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  [SearchAttributeType.BOOL]: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  [SearchAttributeType.DATETIME]: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  [SearchAttributeType.KEYWORD_LIST]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

export async function registerSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      ALL_SEARCH_ATTRIBUTES.map((key) => [key.name, INDEXED_VALUE_TYPES[key.type]!]),
    ),
  });
}

/**
 * Starts the server and registers the search attributes. The SDK waits a fixed 5 s for the server's port. The
 * wrapper that `npm run tools` writes starts the JVM from a class-data archive (well under a second), but a busy
 * 2-core machine can still be slower now and then, so a start that timed out is tried again (the SDK kills the slow
 * one). `testing` is the SDK's testing module, passed in: the rehearsal imports it only when it runs, since a
 * production install may not have it.
 */
export async function startTimeSkipping(
  testing: typeof Testing,
  path: string | null,
  attempts = 3,
): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      const env = await testing.TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: path ? { type: 'existing-path', path } : undefined },
      });
      await registerSearchAttributes(env);
      return env;
    } catch (error) {
      if (attempt >= attempts || !isSlowStart(error)) throw error;
      console.warn(`time-skipping server: start ${attempt} of ${attempts} timed out; trying again`);
    }
  }
}

/** The SDK's "did not start within 5s": the JVM was slow, not broken. */
export function isSlowStart(error: unknown): boolean {
  return error instanceof Error && /did not start within/.test(error.message);
}

/** Moves the server's clock on to an instant (nothing when it is past); the timers due meanwhile fire on the way. */
export async function skipTo(env: TestWorkflowEnvironment, iso: string): Promise<void> {
  const ms = Date.parse(iso) - (await env.currentTimeMs());
  if (ms > 0) await env.sleep(ms);
}
