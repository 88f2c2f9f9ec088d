import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds a command on PATH without spawning a shell. */
export function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** Runs a build step, streaming its output to stderr; throws with the command line if it fails. */
export function runStep(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd?: string): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env, cwd });
  if (result.error) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited with status ${result.status ?? result.signal}`);
}
