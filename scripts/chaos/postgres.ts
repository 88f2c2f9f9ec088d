/**
 * The app's database for a fault run: a PostgreSQL cluster of its own, made by scripts/postgres/start-local.sh in a
 * fresh directory on a free port. Its own cluster (not the one .ci/run shares with the store tests) because the
 * suite restarts it, and a restart must never take the database away from another engineer's tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../tools/index.js';
import { freePort, sleep } from './free-port.js';

export interface ChaosPostgres {
  url: string;
  /** Stops the server, keeps it down for `downMs`, and starts it again on the same data and port. */
  restart(downMs: number): Promise<void>;
  /** Stops it and deletes its directory (synchronous, so the process 'exit' handler can call it too). */
  remove(): void;
}

const script = (name: string) => path.join(repoRoot, 'scripts', 'postgres', name);

function binDir(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  if (!newest) throw new Error('no PostgreSQL under /usr/lib/postgresql');
  return path.join('/usr/lib/postgresql', newest, 'bin');
}

/** PostgreSQL refuses to run as root: start-local.sh runs it as the postgres user then, and so must we. */
function asServerUser(command: string, args: string[]): void {
  const isRoot = process.getuid?.() === 0;
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function startChaosPostgres(): Promise<ChaosPostgres> {
  // Directly under the temp dir: the postgres user must be able to reach it (a mkdtemp parent is 0700).
  const dir = mkdtempSync(path.join(tmpdir(), 'tdkt-chaos-pg-'));
  const port = await freePort();
  const env = { ...process.env, TDKT_PG_DIR: dir, TDKT_PG_PORT: String(port), TDKT_PG_DB: 'tdkt_chaos' };
  const out = execFileSync(script('start-local.sh'), [], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const url = /TDKT_TEST_POSTGRES_URL=(\S+)/.exec(out)?.[1];
  if (!url) throw new Error(`start-local.sh printed no URL:\n${out}`);
  const actualPort = readFileSync(path.join(dir, 'port'), 'utf8').trim();
  const data = path.join(dir, 'data');
  const pgCtl = path.join(binDir(), 'pg_ctl');
  let removed = false;
  return {
    url,
    async restart(downMs) {
      asServerUser(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
      await sleep(downMs);
      // The same options start-local.sh starts it with, so clients find it where it was.
      const options = `-p ${actualPort} -c listen_addresses=127.0.0.1 -k ${path.join(dir, 'sockets')} -c fsync=off`;
      asServerUser(pgCtl, ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
    },
    remove() {
      if (removed) return;
      removed = true;
      execFileSync(script('stop-local.sh'), ['--purge', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    },
  };
}
