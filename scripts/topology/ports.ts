/**
 * Ports for the Temporal services' membership (ringpop): the server stores each member's port in a SMALLINT column
 * of cluster_membership, so one from the OS's ephemeral range (32768 and up) is refused by PostgreSQL and the
 * service exits. These are picked at random below that range and checked free on loopback.
 */
import { createServer } from 'node:net';

const LOW = 20_000;
const HIGH = 32_767;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function freeMembershipPort(taken: Set<number> = new Set()): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if (!taken.has(port) && (await isFree(port))) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`no free port between ${LOW} and ${HIGH} on 127.0.0.1`);
}
