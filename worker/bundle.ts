/**
 * The workflow bundle, built once: a production image builds it when the image is made (`npm run build:workflows`)
 * and its workers start from the file (WORKFLOW_BUNDLE), instead of bundling workflows/ with webpack at every
 * start, which took 5–10 s and the CPU of a small machine. Development (`npm start`, tests) still bundles the
 * sources at start, so a code change never runs against a stale bundle.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOWS_PATH } from './create-worker.js';

export async function writeWorkflowBundle(outFile: string): Promise<{ bytes: number }> {
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH });
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, code);
  return { bytes: Buffer.byteLength(code) };
}

/** The bundle file a worker starts from; a missing file is a deployment mistake, said plainly at start. */
export function prebuiltBundle(codePath: string): { codePath: string } {
  const resolved = path.resolve(codePath);
  if (!existsSync(resolved)) {
    throw new Error(`WORKFLOW_BUNDLE=${codePath}: no such file; build it with \`npm run build:workflows ${codePath}\``);
  }
  return { codePath: resolved };
}
