/**
 * One long-running process of the topology (a Temporal service, a tdkt worker, the web process), which the test can
 * SIGKILL and start again with the same command, as a supervisor restarts a crashed container. Its output goes to
 * a log file of the run (appended across restarts); `ready` says when a start counts as up.
 */
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { startChild, waitUntil, killNow, stopChild, type Child } from '../dev/children.js';

export interface ProcessSpec {
  name: string;
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  logFile: string;
  /**
   * Resolves true once the process serves; polled until `readyTimeoutMs`. `logFrom` is the length of the log file
   * when this start began, so a check on the log reads only what this start printed.
   */
  ready: (logFrom: number) => Promise<boolean>;
  readyTimeoutMs: number;
}

export interface ManagedProcess {
  name: string;
  logFile: string;
  /** How many times it came up (a start that never became ready does not count). */
  starts: number;
  kills: number;
  /** Starts it (again) and waits until it is ready. */
  start(): Promise<void>;
  /** SIGKILLs its whole process group and waits for it to be gone: a crash, nothing drained. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after the grace period. */
  stop(graceMs?: number): Promise<void>;
  /** Synchronous last resort for the process 'exit' handler. */
  killNow(): void;
  running(): boolean;
}

export function managedProcess(spec: ProcessSpec): ManagedProcess {
  let child: Child | null = null;
  const managed: ManagedProcess = {
    name: spec.name,
    logFile: spec.logFile,
    starts: 0,
    kills: 0,
    async start() {
      if (managed.running()) throw new Error(`${spec.name} is already running`);
      const logFrom = existsSync(spec.logFile) ? statSync(spec.logFile).size : 0;
      const log = openSync(spec.logFile, 'a');
      const [command, ...args] = spec.argv;
      child = startChild(spec.name, command!, args, {
        cwd: spec.cwd,
        env: { ...process.env, ...spec.env },
        stdio: ['ignore', log, log],
      });
      closeSync(log); // the child has its own copy
      const starting = child;
      await waitUntil(spec.name, () => spec.ready(logFrom), spec.readyTimeoutMs, starting.exited).catch(
        (error: unknown) => {
          // A process that never became ready is nobody's to stop later: it goes now, not with the test run.
          killNow(starting);
          child = null;
          throw new Error(`${String(error instanceof Error ? error.message : error)} (log: ${spec.logFile})`);
        },
      );
      managed.starts += 1;
    },
    async kill() {
      if (!child || !managed.running()) throw new Error(`${spec.name} is not running`);
      managed.kills += 1;
      killNow(child);
      await child.exited;
      child = null;
    },
    async stop(graceMs = 15_000) {
      if (child) await stopChild(child, graceMs);
      child = null;
    },
    killNow() {
      if (child) killNow(child);
    },
    running: () => child !== null && child.process.exitCode === null && child.process.signalCode === null,
  };
  return managed;
}
