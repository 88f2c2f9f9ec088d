/**
 * A production worker starts from the bundle built once (`npm run build:workflows`, worker/bundle.ts), not from the
 * sources: the file it writes runs the product's workflows on the dev server.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prebuiltBundle, writeWorkflowBundle } from '../../worker/bundle.js';
import { quotaStateQuery, reserveQuotaUpdate } from '../../workflows/quota/messages.js';
import { connectToDevServer, uniqueId } from './temporal.js';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await connectToDevServer();
});
afterAll(async () => {
  await env?.teardown();
});

describe('the prebuilt workflow bundle', () => {
  it('is written once and runs the workflows on a real server', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tdkt-bundle-')), 'workflows.js');
    const { bytes } = await writeWorkflowBundle(file);
    expect(bytes).toBeGreaterThan(10_000);

    const taskQueue = uniqueId('bundle');
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: prebuiltBundle(file),
    });
    await worker.runUntil(async () => {
      const ledger = await env.client.workflow.start('quotaLedger', {
        taskQueue,
        workflowId: uniqueId('quota/bundle'),
        args: [{ unitId: 'hd-kv2', campaignId: 'tk-bundle', limits: { individual: 2, collective: 0 } }],
      });
      expect(
        await ledger.executeUpdate(reserveQuotaUpdate, { args: [{ caseId: 'case-1', subject: 'individual' }] }),
      ).toEqual({ used: 1, limit: 2 });
      expect((await ledger.query(quotaStateQuery)).reservations.map((r) => r.caseId)).toEqual(['case-1']);
      await ledger.terminate('test done');
    });
  });

  it('says plainly when the configured file is missing', () => {
    expect(() => prebuiltBundle('/nonexistent/workflows.js')).toThrow(/npm run build:workflows/);
  });
});
