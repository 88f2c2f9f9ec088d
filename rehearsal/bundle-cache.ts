/**
 * The workflow bundle of a rehearsal, built once per version of the workflow code: webpack takes 5–10 s of a
 * small machine's CPU, and each rehearsal is a new process. Without WORKFLOW_BUNDLE (a production image builds
 * one), the bundle is written to the system's temporary folder under a hash of everything it is built from (the
 * sources of workflows/ and domain/, and the lockfile), so a changed source never runs from a stale bundle.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { repoRoot } from '../scripts/tools/index.js';
import { WORKFLOWS_PATH } from '../worker/create-worker.js';

const SOURCES = ['workflows', 'domain', 'activities'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

export function workflowSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of [
    ...SOURCES.flatMap((d) => sourceFiles(path.join(repoRoot, d))),
    path.join(repoRoot, 'package-lock.json'),
  ]) {
    hash.update(path.relative(repoRoot, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

export async function cachedWorkflowBundle(): Promise<{ codePath: string }> {
  const codePath = path.join(tmpdir(), `tdkt-rehearsal-bundle-${workflowSourceHash()}.js`);
  if (!existsSync(codePath)) {
    const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietLogger });
    // Written aside, then renamed: two rehearsals at once never read half a file.
    const partial = `${codePath}.${process.pid}.partial`;
    writeFileSync(partial, code);
    renameSync(partial, codePath);
  }
  return { codePath };
}

const noop = (): void => undefined;
const quietLogger = { trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error, log: noop };
