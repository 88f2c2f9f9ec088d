/**
 * `npm start` as a user runs it, for the tests that start the whole product (test/e2e/npm-start*.test.ts): free
 * ports, the child in its own process group (like a terminal's foreground job), its output, and Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { repoRoot } from '../../scripts/tools/index.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Waits until the output matches `until`; a slow, busy machine gets minutes. */
export async function waitForOutput(started: Started, until: RegExp, timeoutMs = 360_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!until.test(started.output())) {
    if (started.child.exitCode !== null) throw new Error(`npm start exited:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`npm start did not print ${String(until)}:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Starts `npm start` (scripts/start.ts) with `env` and waits until its output matches `until`. */
export async function startApp(
  env: NodeJS.ProcessEnv,
  until: RegExp = /tdkt-flow is running/,
  timeoutMs = 360_000,
): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'start.ts')], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started = { child, output: () => output, exited };
  await waitForOutput(started, until, timeoutMs);
  return started;
}

/** Ctrl-C in the terminal: SIGINT to the whole process group; resolves to the exit code. */
export async function pressCtrlC(started: Started): Promise<number | null> {
  process.kill(-started.child.pid!, 'SIGINT');
  return started.exited;
}
