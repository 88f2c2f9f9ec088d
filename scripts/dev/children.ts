/**
 * Supervising child processes for `npm start`: start them, wait for readiness, and stop them all
 * (SIGTERM, then SIGKILL after a grace period) so Ctrl-C leaves no process behind.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface Child {
  name: string;
  process: ChildProcess;
  exited: Promise<number | null>;
}

export function startChild(name: string, command: string, args: string[], options: SpawnOptions = {}): Child {
  // detached: the child gets its own process group, so we decide when it stops (after the app has
  // drained), and a group kill also reaches anything it started.
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: true, ...options });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null)));
    child.once('error', (error) => {
      console.error(`${name}: could not start: ${error.message}`);
      resolve(1);
    });
  });
  return { name, process: child, exited };
}

export async function stopChild(child: Child, graceMs = 15_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null || !child.process.pid) return;
  const group = -child.process.pid;
  try {
    process.kill(group, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, graceMs);
  await child.exited;
  clearTimeout(timer);
}

/** Polls `check` until it resolves true, or fails with `what` after the timeout. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  exited?: Promise<unknown>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited?.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${what}: the process exited before it was ready`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what}: not ready after ${Math.round(timeoutMs / 1000)} s`);
}

/** Synchronous last resort (for process 'exit' handlers): SIGKILL the child's whole group if it still runs. */
export function killNow(child: Child): void {
  if (child.process.exitCode !== null || child.process.signalCode !== null || !child.process.pid) return;
  try {
    process.kill(-child.process.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}
