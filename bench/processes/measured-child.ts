/**
 * Parent side of a measured process: forks a TypeScript script under tsx, waits until it is ready, keeps its
 * memory samples (latest and peak since the last mark) and stops it, killing it if it does not stop in time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { repoRoot } from '../../scripts/tools/index.js';
import type { ChildMessage, MemorySample, ParentMessage } from './protocol.js';

export interface MemoryWindow {
  start: MemorySample;
  peak: MemorySample;
  end: MemorySample;
}

export class MeasuredChild {
  private latest: MemorySample | undefined;
  private windowStart: MemorySample | undefined;
  private peak: MemorySample | undefined;
  private readonly exited: Promise<number | null>;
  private stopRequested = false;
  /** How the process ended when nobody asked it to (e.g. a worker out of memory), or null while it runs. */
  unexpectedExit: string | null = null;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly port: number | undefined,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode);
      else
        child.once('exit', (code, signal) => {
          if (!this.stopRequested) this.unexpectedExit = signal ? `signal ${signal}` : `exit code ${code}`;
          resolve(code);
        });
    });
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'memory') this.record(message.sample);
    });
  }

  static async start(name: string, script: string, args: string[], readyTimeoutMs = 180_000): Promise<MeasuredChild> {
    const child = fork(script, args, {
      cwd: repoRoot,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const port = await new Promise<number | undefined>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${name}: not ready after ${readyTimeoutMs / 1000} s`));
      }, readyTimeoutMs);
      const onMessage = (message: ChildMessage) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(message.port);
        } else if (message.type === 'failed') {
          clearTimeout(timer);
          reject(new Error(`${name} failed to start: ${message.message}`));
        }
      };
      child.on('message', onMessage);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (code ${code}) before it was ready`));
      });
    });
    const measured = new MeasuredChild(name, child, port);
    measured.mark();
    return measured;
  }

  private record(sample: MemorySample): void {
    this.latest = sample;
    this.windowStart ??= sample;
    // Each figure's own maximum: RSS and heap do not peak at the same moment.
    const peak = this.peak ?? sample;
    this.peak = {
      rssBytes: Math.max(peak.rssBytes, sample.rssBytes),
      heapUsedBytes: Math.max(peak.heapUsedBytes, sample.heapUsedBytes),
      heapTotalBytes: Math.max(peak.heapTotalBytes, sample.heapTotalBytes),
      externalBytes: Math.max(peak.externalBytes, sample.externalBytes),
    };
  }

  /** Starts a new measuring window: peak is reset to the current sample. */
  mark(): void {
    this.windowStart = this.latest;
    this.peak = this.latest;
  }

  /** Memory since the last mark(): first sample, peaks (each figure's own), and the latest sample. */
  window(): MemoryWindow {
    if (!this.latest || !this.windowStart || !this.peak) throw new Error(`${this.name}: no memory sample yet`);
    return { start: this.windowStart, peak: this.peak, end: this.latest };
  }

  async stop(graceMs = 30_000): Promise<void> {
    this.stopRequested = true;
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    if (this.child.connected) this.child.send({ type: 'stop' } satisfies ParentMessage);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Last resort (the bench ran out of time, or crashed): no grace. */
  kill(): void {
    this.stopRequested = true;
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
