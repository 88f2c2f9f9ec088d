/**
 * Heap snapshots of a worker's workflow threads (`npm run bench -- --heap-snapshots DIR`). The Temporal SDK runs
 * workflow code in worker threads it creates itself, and their heap, where every cached workflow lives, can only
 * be read through the thread object: so the thread constructor is wrapped, before the worker is created, to keep
 * a reference to each thread. Open the files in Chrome DevTools (Memory tab) to see what a cached case keeps.
 */
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { pipeline } from 'node:stream/promises';
import type * as WorkerThreads from 'node:worker_threads';

const threads: WorkerThreads.Worker[] = [];

/** Call before Worker.create: threads the SDK starts later are kept for writeWorkflowThreadSnapshots. */
export function trackWorkflowThreads(): void {
  // The SDK reads `Worker` off the CommonJS module object each time it starts a thread, so it sees the wrapper.
  const workerThreads = createRequire(import.meta.url)('node:worker_threads') as {
    Worker: typeof WorkerThreads.Worker;
  };
  const Original = workerThreads.Worker;
  workerThreads.Worker = class TrackedThread extends Original {
    constructor(...args: ConstructorParameters<typeof Original>) {
      super(...args);
      threads.push(this);
    }
  };
}

/** Writes `<prefix>-thread-<n>.heapsnapshot` for each tracked thread; returns the files written. */
export async function writeWorkflowThreadSnapshots(prefix: string): Promise<string[]> {
  const files: string[] = [];
  for (const [index, thread] of threads.entries()) {
    const file = `${prefix}-thread-${index + 1}.heapsnapshot`;
    await pipeline(await thread.getHeapSnapshot(), createWriteStream(file));
    files.push(file);
  }
  return files;
}
