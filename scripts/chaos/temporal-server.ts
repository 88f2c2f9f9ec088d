/**
 * The suite's own Temporal dev server (the Temporal CLI), persisted in a SQLite file so it can be stopped and
 * started again on the same data, as an operator restarting the server would. Loopback only, headless, on ports
 * picked at start so it never meets another engineer's server.
 */
import { openSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { devServerSearchAttributeArgs } from '../../domain/search-attributes.js';
import { startChild, stopChild, waitUntil, killNow, type Child } from '../dev/children.js';
import { ensureTemporalCli } from '../tools/index.js';
import { freePort } from './free-port.js';

export interface DevServer {
  address: string;
  /** Stops the server (SIGTERM, SIGKILL after a grace period); the SQLite file stays. */
  stop(): Promise<void>;
  /** Starts it again on the same file and ports, and waits until it answers. */
  start(): Promise<void>;
  /** Synchronous last resort for the process 'exit' handler. */
  killNow(): void;
}

async function answers(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1000 });
  try {
    await connection.workflowService.getSystemInfo({});
    return true;
  } finally {
    await connection.close();
  }
}

export async function startDevServer(dir: string): Promise<DevServer> {
  const cli = ensureTemporalCli();
  if (!cli) throw new Error('the fault suite needs the Temporal CLI (install Go, or set TEMPORAL_CLI_PATH)');
  const [port, httpPort, metricsPort] = [await freePort(), await freePort(), await freePort()];
  const address = `127.0.0.1:${port}`;
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    path.join(dir, 'temporal.db'),
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--http-port',
    String(httpPort),
    '--metrics-port',
    String(metricsPort),
    '--headless',
    '--log-level',
    'warn',
    // Registering them again on a restart is harmless: the CLI keeps the ones the file already has.
    ...devServerSearchAttributeArgs(),
  ];
  let child: Child | null = null;
  let starts = 0;
  const start = async () => {
    starts += 1;
    const log = openSync(path.join(dir, `temporal-${starts}.log`), 'a');
    child = startChild('temporal', cli.path, args, { stdio: ['ignore', log, log] });
    // A busy 2-core machine can take long to open the SQLite file and start every service.
    await waitUntil('Temporal dev server', () => answers(address), 120_000, child.exited);
  };
  await start();
  return {
    address,
    start,
    async stop() {
      if (child) await stopChild(child, 10_000);
      child = null;
    },
    killNow: () => {
      if (child) killNow(child);
    },
  };
}
