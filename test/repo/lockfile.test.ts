/**
 * `npm ci` refuses a lock file that lacks any optional dependency of a locked package. The registry
 * mirror here lacks the non-Linux builds of @swc/core, so `npm install` drops them from the lock;
 * they are kept by hand (with os/cpu, so Linux skips them). This fails if an install drops them again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/tools/index.js';

interface LockEntry {
  optionalDependencies?: Record<string, string>;
}

describe('package-lock.json', () => {
  it('locks every optional dependency of every locked package, as npm ci requires', () => {
    const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, LockEntry>;
    };
    const missing: string[] = [];
    for (const [key, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        const nested = `${key}/node_modules/${name}`;
        if (!lock.packages[nested] && !lock.packages[`node_modules/${name}`])
          missing.push(`${key || '(root)'} → ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
