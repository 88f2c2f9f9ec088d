/**
 * The production topology on one machine, run for real: the Temporal server v1.29.1 on PostgreSQL (the default store
 * and the SQL visibility store, set up by temporal-sql-tool) with frontend, history, matching and the internal worker
 * as four processes, then two tdkt workers and the web process, the app's store on the same PostgreSQL.
 *
 * Every command comes from docker-compose.yml (compose-service.ts): the schema step, the four services, the
 * namespace and search-attribute step, the worker and the web. Only the site's settings differ (SITE_VARIABLES:
 * where PostgreSQL is, the database names, loopback addresses and free ports), so this runs what compose runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOWS_PATH } from '../../worker/create-worker.js';
import { freePort } from '../chaos/free-port.js';
import { ensureTemporalCli, findTemporalServer, repoRoot, type TemporalServerTools } from '../tools/index.js';
import { composeService, hostCommand, readComposeFile, type ComposeFile } from './compose-service.js';
import { freeMembershipPort } from './ports.js';
import { managedProcess, type ManagedProcess } from './process.js';
import type { SITE_VARIABLES } from './site.js';
import { TEMPORAL_SERVICES, type TemporalService } from './site.js';
import { acceptsConnections, answersOk, logHas } from './probes.js';

const run = promisify(execFile);

/** What a worker prints once it polls (worker/main.ts). */
const WORKER_READY = 'worker: polling task queue';

export interface TopologyOptions {
  /** A PostgreSQL URL whose user may create databases (TDKT_TEST_POSTGRES_URL). */
  postgresUrl: string;
  /** Where logs and the workflow bundle go. */
  runDir: string;
  /** The SMTP server the tdkt workers send to. */
  smtpPort: number;
  /** Databases of this topology: dropped and made again at start, so a run begins on an empty cluster. */
  databases?: { temporal: string; visibility: string; app: string };
  tdktWorkers?: number;
  say?: (line: string) => void;
}

export interface Topology {
  /** The frontend's gRPC address (loopback). */
  address: string;
  namespace: string;
  taskQueue: string;
  appDatabaseUrl: string;
  webUrl: string;
  /** The frontend's HTTP URL the compose healthcheck asks. */
  healthUrl: string;
  bundlePath: string;
  /** Output of the namespace and search-attribute step. */
  namespaceSetupOutput: string;
  temporal: Record<TemporalService, ManagedProcess>;
  workers: ManagedProcess[];
  web: ManagedProcess;
  /** Stops every process (apps first, then the server) and drops the databases unless asked to keep them. */
  stop(options?: { keepDatabases?: boolean }): Promise<void>;
  /** Synchronous last resort for the process 'exit' handler. */
  killNow(): void;
}

export const DEFAULT_DATABASES = {
  temporal: 'temporal_topo',
  visibility: 'temporal_topo_visibility',
  app: 'tdkt_topo',
};

function requireServerTools(): TemporalServerTools {
  const tools = findTemporalServer();
  if (!tools)
    throw new Error(
      'the production topology needs the Temporal server and temporal-sql-tool v1.29.1: run `npm run tools:server` ' +
        '(go install from the Go module proxy, minutes, once per machine)',
    );
  return tools;
}

async function dropDatabases(postgresUrl: string, names: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    for (const name of names) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Runs a one-shot compose step (its entrypoint and command) on the host; throws with its output if it fails. */
async function runStep(
  compose: ComposeFile,
  service: string,
  site: Record<string, string>,
  pathDirs: string[],
): Promise<string> {
  const step = hostCommand(compose, service);
  const [command, ...args] = step.argv;
  try {
    const { stdout, stderr } = await run(command!, args, {
      cwd: repoRoot,
      env: { ...process.env, ...step.env, ...site, PATH: [...pathDirs, process.env.PATH].join(path.delimiter) },
      timeout: 5 * 60_000,
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${service} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

export async function startTopology(options: TopologyOptions): Promise<Topology> {
  const say = options.say ?? (() => undefined);
  const tools = requireServerTools();
  const cli = ensureTemporalCli();
  if (!cli) throw new Error('the namespace step needs the Temporal CLI: run `npm run tools`');
  const compose = readComposeFile();
  const databases = options.databases ?? DEFAULT_DATABASES;
  mkdirSync(options.runDir, { recursive: true });
  const pgUrl = new URL(options.postgresUrl);
  /** Every process made, started or still starting: a failed start-up kills them all. */
  const made: ManagedProcess[] = [];

  const membership = new Set<number>();
  const ports = {
    frontendGrpc: await freePort(),
    frontendHttp: await freePort(),
    frontendMembership: await freeMembershipPort(membership),
    historyGrpc: await freePort(),
    historyMembership: await freeMembershipPort(membership),
    matchingGrpc: await freePort(),
    matchingMembership: await freeMembershipPort(membership),
    workerGrpc: await freePort(),
    workerMembership: await freeMembershipPort(membership),
    web: await freePort(),
  };
  const address = `127.0.0.1:${ports.frontendGrpc}`;
  const site: Record<(typeof SITE_VARIABLES)[number], string> = {
    TEMPORAL_DB_HOST: pgUrl.hostname,
    TEMPORAL_DB_PORT: pgUrl.port || '5432',
    TEMPORAL_DB_USER: decodeURIComponent(pgUrl.username),
    TEMPORAL_DB_PASSWORD: decodeURIComponent(pgUrl.password),
    TEMPORAL_DB_NAME: databases.temporal,
    TEMPORAL_VISIBILITY_DB_NAME: databases.visibility,
    TEMPORAL_BIND_IP: '127.0.0.1',
    TEMPORAL_BROADCAST_ADDRESS: '127.0.0.1',
    TEMPORAL_FRONTEND_GRPC_PORT: String(ports.frontendGrpc),
    TEMPORAL_FRONTEND_HTTP_PORT: String(ports.frontendHttp),
    TEMPORAL_FRONTEND_MEMBERSHIP_PORT: String(ports.frontendMembership),
    TEMPORAL_HISTORY_GRPC_PORT: String(ports.historyGrpc),
    TEMPORAL_HISTORY_MEMBERSHIP_PORT: String(ports.historyMembership),
    TEMPORAL_MATCHING_GRPC_PORT: String(ports.matchingGrpc),
    TEMPORAL_MATCHING_MEMBERSHIP_PORT: String(ports.matchingMembership),
    TEMPORAL_WORKER_GRPC_PORT: String(ports.workerGrpc),
    TEMPORAL_WORKER_MEMBERSHIP_PORT: String(ports.workerMembership),
    TEMPORAL_CLUSTER_RPC_ADDRESS: address,
    TEMPORAL_ADDRESS: address,
  };

  const killAll = () => made.forEach((p) => p.killNow());
  try {
    await dropDatabases(options.postgresUrl, [databases.temporal, databases.visibility, databases.app]);
    say(`PostgreSQL ${pgUrl.host}: databases ${Object.values(databases).join(', ')} dropped; schema step…`);
    const schemaOutput = await runStep(compose, 'temporal-schema', site, [tools.binDir]);
    writeFileSync(path.join(options.runDir, 'temporal-schema.log'), schemaOutput);

    // The compose healthcheck's URL, on this run's port: the test asks the real frontend what compose would.
    const healthcheck = composeService(compose, TEMPORAL_SERVICES.frontend).healthcheck?.test.join(' ') ?? '';
    const healthPath = /:\d+(\/\S*)/.exec(healthcheck)?.[1];
    if (!healthPath) throw new Error(`no HTTP healthcheck URL in ${TEMPORAL_SERVICES.frontend}: ${healthcheck}`);
    const healthUrl = `http://127.0.0.1:${ports.frontendHttp}${healthPath}`;

    const grpcPort = { history: ports.historyGrpc, matching: ports.matchingGrpc };
    const temporal = Object.fromEntries(
      (Object.keys(TEMPORAL_SERVICES) as TemporalService[]).map((name) => {
        const command = hostCommand(compose, TEMPORAL_SERVICES[name]);
        const [program, ...args] = command.argv;
        if (program !== 'temporal-server') throw new Error(`${TEMPORAL_SERVICES[name]} does not run temporal-server`);
        const logFile = path.join(options.runDir, `temporal-${name}.log`);
        const managed = managedProcess({
          name: `temporal ${name}`,
          argv: [tools.server, ...args],
          env: { ...command.env, ...site },
          cwd: options.runDir,
          logFile,
          // In the ring first (its log names the members it reached), then serving: the frontend answers the compose
          // healthcheck's URL, history and matching accept gRPC, the internal worker (which serves nothing) polls.
          ready: async (logFrom: number) =>
            (await logHas(logFile, '"msg":"Current reachable members"', logFrom)) &&
            (name === 'frontend'
              ? await answersOk(healthUrl)
              : name === 'worker'
                ? await logHas(logFile, '"msg":"Started Worker"', logFrom)
                : await acceptsConnections(grpcPort[name])),
          // A Go server starting on a busy 2-core machine, ringpop's join included.
          readyTimeoutMs: 180_000,
        });
        return [name, managed];
      }),
    ) as Record<TemporalService, ManagedProcess>;
    made.push(...Object.values(temporal));
    // All four at once, as compose starts them. Services that bootstrap ringpop from peers still joining can wait out
    // maxJoinDuration (30 s) and try again (seen here: the frontend had no history host for 47 s); the namespace
    // step holds the apps back until a read only history answers comes back through the frontend.
    await Promise.all(Object.values(temporal).map((p) => startRestartingOnExit(p)));
    say(`Temporal ${address}: frontend, history, matching, worker are up (four processes); namespace step…`);
    const namespaceSetupOutput = await runStep(compose, 'temporal-namespace', site, [path.dirname(cli.path)]);
    writeFileSync(path.join(options.runDir, 'temporal-namespace.log'), namespaceSetupOutput);

    const bundlePath = path.join(options.runDir, 'workflow-bundle.js');
    // As the image does (Dockerfile: WORKFLOW_BUNDLE): workers start from a bundle built once.
    const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH });
    writeFileSync(bundlePath, code);
    const admin = new pg.Client({ connectionString: options.postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${databases.app}`).finally(() => admin.end());
    const appDatabaseUrl = withDatabase(options.postgresUrl, databases.app);

    const appSite = {
      TEMPORAL_ADDRESS: address,
      DATABASE_URL: appDatabaseUrl,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(options.smtpPort),
      WORKFLOW_BUNDLE: bundlePath,
    };
    const appProcess = (
      service: 'worker' | 'web',
      name: string,
      extra: Record<string, string>,
      ready: (logFrom: number, logFile: string) => Promise<boolean>,
    ) => {
      const command = hostCommand(compose, service);
      const [program, ...args] = command.argv;
      const logFile = path.join(options.runDir, `${name}.log`);
      return managedProcess({
        name,
        argv: [program === 'node' ? process.execPath : program!, ...args],
        env: { ...command.env, ...appSite, ...extra },
        cwd: repoRoot,
        logFile,
        ready: (from) => ready(from, logFile),
        readyTimeoutMs: 120_000,
      });
    };
    const workers = Array.from({ length: options.tdktWorkers ?? 2 }, (_, i) =>
      appProcess('worker', `tdkt-worker-${i + 1}`, {}, (from, log) => logHas(log, WORKER_READY, from)),
    );
    const webUrl = `http://127.0.0.1:${ports.web}`;
    made.push(...workers);
    const web = appProcess('web', 'tdkt-web', { WEB_HOST: '127.0.0.1', WEB_PORT: String(ports.web) }, () =>
      answersOk(`${webUrl}/healthz`),
    );
    made.push(web);
    // The first worker seeds the demo directory and creates the yearly Schedule; the others then start together.
    await workers[0]!.start();
    await Promise.all([...workers.slice(1), web].map((p) => p.start()));
    say(`tdkt: ${workers.length} workers and the web process (${webUrl}) are up, store ${databases.app}`);

    const composeWorker = composeService(compose, 'worker');
    return {
      address,
      namespace: composeWorker.environment?.TEMPORAL_NAMESPACE ?? 'default',
      taskQueue: composeWorker.environment?.TEMPORAL_TASK_QUEUE ?? 'tdkt',
      appDatabaseUrl,
      webUrl,
      healthUrl,
      bundlePath,
      namespaceSetupOutput,
      temporal,
      workers,
      web,
      async stop(stopOptions = {}) {
        for (const p of [web, ...workers]) await p.stop();
        for (const name of ['frontend', 'worker', 'matching', 'history'] as const) await temporal[name].stop();
        if (!stopOptions.keepDatabases)
          await dropDatabases(options.postgresUrl, [databases.temporal, databases.visibility, databases.app]);
      },
      killNow: killAll,
    };
  } catch (error) {
    killAll();
    throw error;
  }
}

/**
 * Starts a Temporal service as compose runs it (`restart: unless-stopped`): one that exits while starting is
 * started again. On a fresh database the four services race to write the cluster metadata, and a loser can exit
 * once (seen in CI: matching stopped on "duplicate key value violates unique constraint cluster_metadata_info_pkey").
 */
async function startRestartingOnExit(service: ManagedProcess, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await service.start();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= attempts || !message.includes('exited before it was ready')) throw error;
      console.warn(`${service.name}: exited while starting (attempt ${attempt} of ${attempts}); starting it again`);
    }
  }
}
