import { existsSync, mkdirSync, renameSync, rmSync, symlinkSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { findOnPath, isExecutable, runStep } from './exec.js';
import { machineToolsCache, projectToolsBin } from './paths.js';

/**
 * v1.5.1 is the newest CLI tag whose go.mod has no `replace` directive, so `go install …@version`
 * works from the module proxy alone (Temporal server 1.29.1, Web UI 2.42.1).
 */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const MODULE = 'github.com/temporalio/cli/cmd/temporal';

export interface ResolvedTool {
  path: string;
  /** Where it came from, for the log line. */
  source: 'env' | 'PATH' | 'project' | 'cache' | 'built';
}

function linkIntoProject(target: string, name: string): string {
  mkdirSync(projectToolsBin, { recursive: true });
  const link = path.join(projectToolsBin, name);
  if (existsSync(link) || isDanglingLink(link)) rmSync(link, { force: true });
  symlinkSync(target, link);
  return link;
}

function isDanglingLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Looks for the CLI without building anything. */
export function findTemporalCli(): ResolvedTool | undefined {
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`TEMPORAL_CLI_PATH=${fromEnv} is not an executable file`);
    return { path: fromEnv, source: 'env' };
  }
  const onPath = findOnPath('temporal');
  if (onPath) return { path: onPath, source: 'PATH' };
  const inProject = path.join(projectToolsBin, 'temporal');
  if (isExecutable(inProject)) return { path: inProject, source: 'project' };
  const cached = cachedCliPath();
  if (isExecutable(cached)) return { path: linkIntoProject(cached, 'temporal'), source: 'cache' };
  return undefined;
}

function cachedCliPath(): string {
  return path.join(machineToolsCache(), `temporal-cli-${TEMPORAL_CLI_VERSION}`, 'temporal');
}

/**
 * Finds the CLI or builds it with `go install` from the Go module proxy.
 * Returns undefined only when Go is missing too: callers then fall back to the SDK's own download,
 * which works on machines with internet access.
 */
export function ensureTemporalCli(log: (line: string) => void = console.error): ResolvedTool | undefined {
  const found = findTemporalCli();
  if (found) return found;
  const go = findOnPath('go');
  if (!go) {
    log('temporal CLI: not found and Go is not installed; falling back to the SDK download (needs internet)');
    return undefined;
  }
  const target = cachedCliPath();
  const staging = `${path.dirname(target)}.partial-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  log(`temporal CLI: building ${MODULE}@${TEMPORAL_CLI_VERSION} with go install (a few minutes, once per machine)`);
  try {
    runStep(go, ['install', `${MODULE}@${TEMPORAL_CLI_VERSION}`], {
      ...process.env,
      GOBIN: staging,
      CGO_ENABLED: '0',
      GOFLAGS: '-buildvcs=false',
    });
    mkdirSync(path.dirname(path.dirname(target)), { recursive: true });
    // Rename the whole folder so a concurrent or interrupted build never leaves a half-written binary behind.
    if (!isExecutable(target)) renameSync(staging, path.dirname(target));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { path: linkIntoProject(target, 'temporal'), source: 'built' };
}
