/**
 * The outages of a run, each started when a share of the journeys is done (not at a wall-clock time), so each one
 * lands while journeys are in flight however fast the machine is: Temporal stopped and started again on the same
 * SQLite file, the SMTP server down, PostgreSQL restarted. Each is logged and counted for the figures.
 */
import { sleep } from './free-port.js';

export interface Fault {
  name: string;
  /** The share of journeys done (0..1) at which it starts. */
  at: number;
  run(): Promise<void>;
}

export interface FaultLog {
  done: string[];
  failed: string[];
}

export function outage(
  name: string,
  at: number,
  downMs: number,
  stop: () => Promise<void>,
  start: () => Promise<void>,
): Fault {
  return {
    name,
    at,
    async run() {
      await stop();
      await sleep(downMs);
      await start();
    },
  };
}

/** Starts each fault once its share is reached; `progress` is polled. Resolves when every started fault ended. */
export function scheduleFaults(faults: Fault[], progress: () => number, log: FaultLog, say: (line: string) => void) {
  const pending = [...faults].sort((a, b) => a.at - b.at);
  const running: Promise<void>[] = [];
  const timer = setInterval(() => {
    while (pending.length > 0 && progress() >= pending[0]!.at) {
      const fault = pending.shift()!;
      const started = Date.now();
      say(`fault: ${fault.name} begins`);
      running.push(
        fault.run().then(
          () => {
            say(`fault: ${fault.name} over after ${Math.round((Date.now() - started) / 1000)} s`);
            log.done.push(fault.name);
          },
          (error: unknown) => {
            say(`fault: ${fault.name} failed: ${String(error)}`);
            log.failed.push(`${fault.name}: ${String(error)}`);
          },
        ),
      );
    }
  }, 500);
  return {
    /** Faults whose share was never reached are run now, so every run has all of them. */
    async finish(): Promise<void> {
      clearInterval(timer);
      for (const fault of pending.splice(0)) {
        say(`fault: ${fault.name} begins (late)`);
        running.push(
          fault.run().then(
            () => void log.done.push(fault.name),
            (e: unknown) => void log.failed.push(String(e)),
          ),
        );
      }
      await Promise.all(running);
    },
  };
}
