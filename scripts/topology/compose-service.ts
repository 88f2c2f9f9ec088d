/**
 * Reads a service of docker-compose.yml as the command a host can run: its entrypoint and command, its environment,
 * and every path inside the container that one of its bind mounts provides, turned back into the repository's file.
 * The production topology (scripts/topology/cluster.ts) runs the Temporal services and the setup steps this way, so
 * what the test runs is what compose runs, not a copy of it that could drift.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../tools/index.js';

export interface ComposeFileService {
  image?: string;
  build?: string;
  entrypoint?: string[];
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

export interface ComposeFile {
  services: Record<string, ComposeFileService>;
  volumes?: Record<string, unknown>;
}

export const COMPOSE_FILE = path.join(repoRoot, 'docker-compose.yml');

export function readComposeFile(file = COMPOSE_FILE): ComposeFile {
  return parse(readFileSync(file, 'utf8'), { merge: true }) as ComposeFile;
}

export function composeService(compose: ComposeFile, name: string): ComposeFileService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

export interface HostCommand {
  /** The program, then its arguments, with container paths turned into repository paths. */
  argv: string[];
  /** The service's environment, with container paths turned into repository paths. */
  env: Record<string, string>;
  /** The service's image, e.g. temporalio/server:1.29.1. */
  image: string | undefined;
}

/** The service's bind mounts of repository files: container path → repository path. */
export function bindMounts(service: ComposeFileService): [container: string, host: string][] {
  return (service.volumes ?? [])
    .map((volume) => volume.split(':'))
    .filter(([source]) => source?.startsWith('./'))
    .map(([source, target]) => [target!, path.join(repoRoot, source!)] as [string, string])
    .sort(([a], [b]) => b.length - a.length); // the most specific mount first
}

/** A path inside the container, as the repository file a bind mount puts there (unchanged when none does). */
export function toHostPath(mounts: [string, string][], value: string): string {
  for (const [container, host] of mounts) {
    if (value === container) return host;
    if (value.startsWith(`${container}/`)) return path.join(host, value.slice(container.length + 1));
  }
  return value;
}

export function hostCommand(compose: ComposeFile, name: string): HostCommand {
  const service = composeService(compose, name);
  const mounts = bindMounts(service);
  const argv = [...(service.entrypoint ?? []), ...(service.command ?? [])].map((arg) => toHostPath(mounts, arg));
  if (argv.length === 0) throw new Error(`docker-compose.yml: service "${name}" has no entrypoint or command`);
  const env = Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([key, value]) => [key, toHostPath(mounts, String(value))]),
  );
  return { argv, env, image: service.image };
}
