/**
 * People reading cases while others act on them, as the web UI's pages do (CasesClient.readCases): each reader
 * reads a few started cases at a time, again and again. Queries are answered by workers from the case's memory,
 * possibly while a workflow task is still open, so they add a pressure that actions alone do not.
 */
import type { CasesClient } from '../../client/lib/cases.js';
import { sleep } from './free-port.js';

export function startReaders(cases: CasesClient, count: number, started: () => readonly string[]) {
  let running = count > 0;
  let reads = 0;
  const loops = Array.from({ length: count }, async () => {
    while (running) {
      const ids = started();
      if (ids.length > 0) {
        const page = Array.from({ length: 3 }, () => ids[Math.floor(Math.random() * ids.length)]!);
        await cases.readCases(page);
        reads += page.length;
      }
      await sleep(250);
    }
  });
  return {
    reads: () => reads,
    async stop(): Promise<void> {
      running = false;
      await Promise.all(loops);
    },
  };
}
