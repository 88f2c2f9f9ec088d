/**
 * Helpers for test files that need Temporal: the shared dev server, a private time-skipping server,
 * workflow bundles built once per file, and unique ids.
 */
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { SearchAttributeType } from '@temporalio/common';
// Default import: @temporalio/proto is CommonJS, and plain Node ESM cannot see its named exports.
import proto from '@temporalio/proto';
import { inject } from 'vitest';
import { ALL_SEARCH_ATTRIBUTES } from '../../domain/search-attributes.js';

/** Connects to the dev server that global-setup started (supports visibility queries, no time skipping). */
export async function connectToDevServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createFromExistingServer({
    address: inject('temporalAddress'),
    namespace: inject('temporalNamespace'),
  });
}

/**
 * Starts a private Java time-skipping server for this file (no List/Count visibility, no Schedules), with
 * the project's search attributes registered (it refuses workflows that upsert unknown ones).
 */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const path = inject('testServerPath');
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: path ? { type: 'existing-path', path } : undefined },
  });
  await registerSearchAttributes(env);
  return env;
}

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

/** Bundles workflow code once; pass the result to every Worker.create of the file. */
export async function bundleWorkflows(workflowsPath: string): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath, logger: quietBundlerLogger });
}

const noop = (): void => undefined;
const quietBundlerLogger = {
  trace: noop,
  debug: noop,
  info: noop,
  warn: console.warn,
  error: console.error,
  log: noop,
};

/** A task queue or workflow id no other test uses. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}
