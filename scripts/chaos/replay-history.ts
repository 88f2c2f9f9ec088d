/**
 * Replays histories a fault run kept (its folder's histories/, or one saved with `temporal workflow show --output
 * json`) against the current workflow code, and says which do not replay and why: the first step in reading a
 * finding, and the proof that a fix holds for the cases already in flight.
 *
 *   npx tsx scripts/chaos/replay-history.ts <file.json | folder>... [--workflow-id <id>] [--bundle <file>]
 *
 * A file holds { workflowId, history } (what the suite writes) or a bare history, which then needs --workflow-id
 * (a replay must run under the real id: a case derives its children's ids from it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { DefaultLogger, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOWS_PATH } from '../../worker/create-worker.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'workflow-id': { type: 'string' }, bundle: { type: 'string' } },
});
const quiet = new DefaultLogger('ERROR');
Runtime.install({ logger: quiet });

const files = positionals.flatMap((p) =>
  statSync(p).isDirectory()
    ? readdirSync(p)
        .filter((f) => f.endsWith('.json'))
        .map((f) => path.join(p, f))
    : [p],
);
if (files.length === 0) {
  console.error('usage: replay-history.ts <file.json | folder>... [--workflow-id <id>] [--bundle <file>]');
  process.exit(2);
}
const workflowBundle = values.bundle
  ? { codePath: path.resolve(values.bundle) }
  : { code: (await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quiet })).code };

let failed = 0;
for (const file of files) {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { workflowId?: string; history?: unknown; events?: unknown };
  const wrapped = typeof json.workflowId === 'string' && json.history !== undefined;
  const workflowId = wrapped ? json.workflowId! : values['workflow-id'];
  if (!workflowId) throw new Error(`${file}: a bare history needs --workflow-id`);
  try {
    await Worker.runReplayHistory({ workflowBundle }, historyFromJSON(wrapped ? json.history : json), workflowId);
    console.log(`replays  ${workflowId}`);
  } catch (error) {
    failed += 1;
    console.log(`FAILS    ${workflowId}\n         ${String(error).slice(0, 600)}`);
  }
}
console.log(`${files.length - failed}/${files.length} replay`);
process.exit(failed > 0 ? 1 : 0);
