/**
 * Worker processes that are SIGKILLed a few seconds after each starts polling, and started again at once, the
 * way a crashing container would be restarted by its supervisor. Killing on a timer after readiness (not on a
 * fixed wall clock) makes sure each process does real work before it dies, whatever the machine's speed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../tools/index.js';
import { READY_LINE } from './worker-ready.js';

export interface FleetOptions {
  size: number;
  env: Record<string, string>;
  logDir: string;
  /** How long after it polls a process is killed; each kill adds a random jitter of up to half of it. */
  killAfterMs: number;
}

export interface FleetStats {
  starts: number;
  kills: number;
  /** Exits the fleet did not cause (a crash at start-up while a dependency is down, say). */
  otherExits: number;
}

export interface WorkerFleet {
  stats: FleetStats;
  /** Stops the kills; the processes keep running (the settle phase). */
  stopKilling(): void;
  stop(): Promise<void>;
  killNow(): void;
  logFiles(): string[];
}

const entry = path.join(repoRoot, 'scripts', 'chaos', 'worker-entry.ts');

export function startWorkerFleet(options: FleetOptions): WorkerFleet {
  const stats: FleetStats = { starts: 0, kills: 0, otherExits: 0 };
  const processes = new Set<ChildProcess>();
  const logFiles: string[] = [];
  let killing = true;
  let stopping = false;

  const kill = (child: ChildProcess, signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };

  const launch = (slot: number) => {
    if (stopping) return;
    stats.starts += 1;
    const logFile = path.join(options.logDir, `worker-${slot}.log`);
    if (!logFiles.includes(logFile)) logFiles.push(logFile);
    const log = createWriteStream(logFile, { flags: 'a' });
    log.write(`\n--- start ${stats.starts} at ${new Date().toISOString()}\n`);
    // detached: its own process group, so a SIGKILL reaches the whole worker (the SDK's threads live in it).
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: repoRoot,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    processes.add(child);
    let killedByUs = false;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      log.write(chunk);
      if (timer || !chunk.toString().includes(READY_LINE)) return;
      const delay = options.killAfterMs + Math.random() * options.killAfterMs * 0.5;
      timer = setTimeout(() => {
        if (!killing || stopping) return;
        killedByUs = true;
        stats.kills += 1;
        kill(child, 'SIGKILL');
      }, delay);
    });
    child.stderr.on('data', (chunk: Buffer) => log.write(chunk));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      processes.delete(child);
      log.end(`--- exit ${code ?? signal} at ${new Date().toISOString()}\n`);
      if (!killedByUs && !stopping) stats.otherExits += 1;
      // Back at once after a kill; a second later after a crash, so a missing dependency is not hammered.
      if (!stopping) setTimeout(() => launch(slot), killedByUs ? 100 : 1000);
    });
  };

  for (let slot = 1; slot <= options.size; slot++) {
    // Staggered so the processes do not all die at the same moment.
    setTimeout(() => launch(slot), (slot - 1) * 1500);
  }

  return {
    stats,
    stopKilling: () => (killing = false),
    async stop() {
      stopping = true;
      const exits = [...processes].map((child) => new Promise<void>((resolve) => child.once('exit', () => resolve())));
      for (const child of processes) kill(child, 'SIGTERM');
      const timer = setTimeout(() => processes.forEach((child) => kill(child, 'SIGKILL')), 15_000);
      await Promise.all(exits);
      clearTimeout(timer);
    },
    killNow: () => {
      stopping = true;
      processes.forEach((child) => kill(child, 'SIGKILL'));
    },
    logFiles: () => [...logFiles],
  };
}
