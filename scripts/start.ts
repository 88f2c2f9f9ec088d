/**
 * `npm start`: the embedded default in one command. Starts the Temporal dev server (SQLite file under
 * data/, Web UI, the project's search attributes), then the app process (worker + web UI + SMTP
 * catcher), prints every URL, and on Ctrl-C stops the app first (it drains), then Temporal.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { parseConfig, webAddress } from '../domain/config.js';
import { devServerSearchAttributeArgs } from '../domain/search-attributes.js';
import { killNow, startChild, stopChild, waitUntil, type Child } from './dev/children.js';
import { ensureTemporalCli, repoRoot } from './tools/index.js';

const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(repoRoot, 'data'));
const temporalPort = Number(process.env.TEMPORAL_PORT ?? 7233);
const temporalUiPort = Number(process.env.TEMPORAL_UI_PORT ?? temporalPort + 1000);
const env = {
  TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
  TEMPORAL_UI_URL: `http://127.0.0.1:${temporalUiPort}`,
  DATABASE_URL: `pglite:${path.join(dataDir, 'pglite')}`,
  OUTBOX_DIR: path.join(dataDir, 'outbox'),
  ...process.env,
};
const config = parseConfig(env);

const cli = ensureTemporalCli();
if (!cli) {
  console.error(
    'npm start needs the Temporal CLI. Install Go (then it is built automatically), or set TEMPORAL_CLI_PATH to a `temporal` binary.',
  );
  process.exit(1);
}
mkdirSync(dataDir, { recursive: true });

const children: Child[] = [];
let stopping = false;
async function stopAll(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log('\nstopping: app first (it drains the worker), then Temporal…');
    // Reverse start order: the worker finishes its tasks while Temporal is still up.
    for (const child of [...children].reverse()) await stopChild(child);
  }
  process.exit(exitCode);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
// Safety net: however this process ends (an uncaught error included), take the children with it.
process.on('exit', () => children.forEach(killNow));

function watch(child: Child): void {
  void child.exited.then((code) => {
    if (!stopping) {
      console.error(`${child.name} exited unexpectedly (code ${code}); stopping everything`);
      void stopAll(1);
    }
  });
}

try {
  const temporal = startChild('temporal', cli.path, [
    'server',
    'start-dev',
    '--db-filename',
    path.join(dataDir, 'temporal.db'),
    '--ip',
    '127.0.0.1',
    '--port',
    String(temporalPort),
    '--ui-port',
    String(temporalUiPort),
    '--namespace',
    config.TEMPORAL_NAMESPACE,
    '--log-level',
    'warn',
    ...devServerSearchAttributeArgs(),
  ]);
  children.push(temporal);
  watch(temporal);
  await waitUntil(
    'Temporal dev server',
    async () => {
      const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return true;
      } finally {
        await connection.close();
      }
    },
    60_000,
    temporal.exited,
  );

  const app = startChild('app', process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'app.ts')], {
    env: { ...env },
  });
  children.push(app);
  watch(app);
  const webUrl = webAddress(config.WEB_HOST, config.WEB_PORT);
  await waitUntil('web UI', async () => (await fetch(`${webUrl}/healthz`)).ok, 90_000, app.exited);

  console.log(`
tdkt-flow is running (Ctrl-C stops everything):
  Web UI (tdkt-flow):   ${webUrl}
  Temporal Web UI:      ${config.TEMPORAL_UI_URL}
  Temporal gRPC:        ${config.TEMPORAL_ADDRESS} (namespace ${config.TEMPORAL_NAMESPACE})
  SMTP catcher:         ${config.SMTP_HOST}:${config.SMTP_PORT} (mails shown at ${webUrl}/hop-thu-di)
  Data:                 ${dataDir}
${config.SEED_DEMO_DATA ? "  Demo:                 the current year is being prepared (see 'demo: ready'; docs/demo.md)\n" : ''}`);
} catch (error) {
  console.error(`npm start failed: ${(error as Error).message}`);
  await stopAll(1);
}
