/**
 * The few messages between the bench and the processes it measures (a worker, the web server), over
 * Node's IPC channel. Children report their own memory (heap is only visible from inside), say when they
 * are ready, and stop when asked.
 */

export interface MemorySample {
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  /** Memory of C++ objects and ArrayBuffers bound to JS (e.g. the embedded database's WebAssembly memory). */
  externalBytes: number;
}

export type ChildMessage =
  { type: 'ready'; port?: number } | { type: 'memory'; sample: MemorySample } | { type: 'failed'; message: string };

export type ParentMessage = { type: 'stop' };

export const MEMORY_SAMPLE_INTERVAL_MS = 250;

function send(message: ChildMessage): void {
  process.send?.(message);
}

/** Child side: report readiness and memory, run `stop` when the bench asks, and exit when done. */
export function serveChild(start: () => Promise<{ port?: number; stop: () => Promise<void> }>): void {
  if (!process.send) throw new Error('this script is started by the bench (bench/run.ts) with an IPC channel');
  const sampleMemory = () => {
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    send({
      type: 'memory',
      sample: { rssBytes: rss, heapUsedBytes: heapUsed, heapTotalBytes: heapTotal, externalBytes: external },
    });
  };
  start()
    .then(({ port, stop }) => {
      const timer = setInterval(sampleMemory, MEMORY_SAMPLE_INTERVAL_MS);
      sampleMemory();
      send(port === undefined ? { type: 'ready' } : { type: 'ready', port });
      process.on('message', (message: ParentMessage) => {
        if (message.type !== 'stop') return;
        clearInterval(timer);
        stop()
          .then(() => process.exit(0))
          .catch((error: unknown) => {
            console.error(error);
            process.exit(1);
          });
      });
      // If the bench dies, do not linger.
      process.on('disconnect', () => process.exit(0));
    })
    .catch((error: unknown) => {
      send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    });
}
