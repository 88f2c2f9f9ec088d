import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { findOnPath, isExecutable, runStep } from './exec.js';
import { machineToolsCache } from './paths.js';

/**
 * The real Temporal server and its SQL schema tool, for the production topology (scripts/topology, deploy/temporal).
 * v1.29.1 is the server the CLI v1.5.1 embeds; its go.mod has no `replace` directive and it embeds its SQL schemas,
 * so both commands build with `go install` from the Go module proxy alone. docker-compose.yml runs the same version
 * (test/repo/compose.test.ts checks the image tags against this constant).
 */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const MODULE = 'go.temporal.io/server';
/** `go install` names a binary after its package folder; the names an operator knows are the release's. */
const COMMANDS = [
  { pkg: 'cmd/server', built: 'server', name: 'temporal-server' },
  { pkg: 'cmd/tools/sql', built: 'sql', name: 'temporal-sql-tool' },
] as const;

export interface TemporalServerTools {
  /** `temporal-server`: `start --service=frontend|history|matching|worker`. */
  server: string;
  /** `temporal-sql-tool`: create-database, setup-schema, update-schema (embedded schemas). */
  sqlTool: string;
  /** The folder holding both, to put first on PATH for the setup scripts. */
  binDir: string;
  source: 'env' | 'cache' | 'built';
}

function cachedDir(): string {
  return path.join(machineToolsCache(), `temporal-server-${TEMPORAL_SERVER_VERSION}`);
}

function complete(dir: string): boolean {
  return COMMANDS.every((c) => isExecutable(path.join(dir, c.name)));
}

/** Looks for both binaries without building anything: TEMPORAL_SERVER_BIN_DIR, then the machine cache. */
export function findTemporalServer(): TemporalServerTools | undefined {
  const fromEnv = process.env.TEMPORAL_SERVER_BIN_DIR;
  if (fromEnv) {
    if (!complete(fromEnv))
      throw new Error(`TEMPORAL_SERVER_BIN_DIR=${fromEnv} lacks ${COMMANDS.map((c) => c.name).join(' or ')}`);
    return toolsIn(fromEnv, 'env');
  }
  const dir = cachedDir();
  return complete(dir) ? toolsIn(dir, 'cache') : undefined;
}

function toolsIn(dir: string, source: TemporalServerTools['source']): TemporalServerTools {
  return {
    server: path.join(dir, 'temporal-server'),
    sqlTool: path.join(dir, 'temporal-sql-tool'),
    binDir: dir,
    source,
  };
}

/**
 * Finds the server and the SQL tool, or builds both with `go install` (5 minutes on 2 cores after the CLI, once per
 * machine; GOFLAGS from the environment is passed on, e.g. `-p=1` to leave a core to others). Throws when Go is
 * missing: unlike the CLI there is no SDK download to fall back to.
 */
export function ensureTemporalServer(log: (line: string) => void = console.error): TemporalServerTools {
  const found = findTemporalServer();
  if (found) return found;
  const go = findOnPath('go');
  if (!go) throw new Error(`temporal server: not in ${cachedDir()} and Go is not installed to build it`);
  const target = cachedDir();
  const staging = `${target}.partial-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  log(`temporal server: building ${MODULE} ${TEMPORAL_SERVER_VERSION} (server, sql tool) with go install, once`);
  const startedAt = Date.now();
  try {
    runStep(go, ['install', ...COMMANDS.map((c) => `${MODULE}/${c.pkg}@${TEMPORAL_SERVER_VERSION}`)], {
      ...process.env,
      GOBIN: staging,
      CGO_ENABLED: '0',
      GOFLAGS: ['-buildvcs=false', process.env.GOFLAGS ?? ''].join(' ').trim(),
    });
    for (const c of COMMANDS) renameSync(path.join(staging, c.built), path.join(staging, c.name));
    // Rename the whole folder so a concurrent or interrupted build never leaves a half-built pair behind.
    if (!complete(target)) {
      if (existsSync(target)) rmSync(target, { recursive: true, force: true });
      mkdirSync(path.dirname(target), { recursive: true });
      renameSync(staging, target);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  log(`temporal server: built in ${Math.round((Date.now() - startedAt) / 1000)} s`);
  return toolsIn(target, 'built');
}
