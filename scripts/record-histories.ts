/**
 * Records the committed replay histories (test/fixtures/histories) by running each scenario of
 * test/fixtures/scenarios.ts on a fresh time-skipping server. Run after an intended workflow change:
 * `npm run histories:record [name-filter]`, then review and commit the JSON.
 */
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { BUNDLES, SCENARIOS, historiesDir } from '../test/fixtures/scenarios.js';
import { saveHistory } from '../test/harness/histories.js';
import { registerSearchAttributes } from '../test/harness/temporal.js';
import { createCaseWorld } from '../test/support/case-world.js';
import { ensureTestServer } from './tools/index.js';

Runtime.install({ logger: new DefaultLogger('WARN') });
const filter = process.argv[2];
const testServer = ensureTestServer();
const env = await TestWorkflowEnvironment.createTimeSkipping({
  server: { executable: testServer ? { type: 'existing-path', path: testServer.path } : undefined },
});
await registerSearchAttributes(env);
try {
  for (const scenario of SCENARIOS.filter((s) => !filter || s.name.includes(filter))) {
    if (scenario.bundle === 'product') {
      const world = await createCaseWorld(env);
      try {
        const handle = await scenario.runInWorld(world);
        const file = path.join(historiesDir(scenario.bundle), `${scenario.name}.json`);
        await saveHistory(handle, file);
        console.log(`recorded ${path.relative(process.cwd(), file)}`);
      } finally {
        await world.close();
      }
      continue;
    }
    const workflowBundle = await bundleWorkflowCode({ workflowsPath: BUNDLES[scenario.bundle] });
    const taskQueue = `record-${scenario.name}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      ...scenario.workerOptions?.(),
    });
    const handle = await worker.runUntil(scenario.run(env, taskQueue));
    const file = path.join(historiesDir(scenario.bundle), `${scenario.name}.json`);
    await saveHistory(handle, file);
    console.log(`recorded ${path.relative(process.cwd(), file)}`);
  }
} finally {
  await env.teardown();
}
