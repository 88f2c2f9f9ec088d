import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (scripts/tools/ is two levels below it). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Per-checkout tool links; ignored by git. */
export const projectToolsBin = path.join(repoRoot, '.tools', 'bin');

/**
 * Machine-wide cache shared by every clone, so a fresh CI clone does not rebuild the 250 MB CLI.
 * TDKT_TOOLS_CACHE overrides it (e.g. to keep everything inside a sandbox).
 */
export function machineToolsCache(): string {
  const base =
    process.env.TDKT_TOOLS_CACHE ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'tdkt-flow');
  return path.resolve(base);
}
