/**
 * Issue 11: plans are data in the database, so the worker, the workflows and the client library never import
 * a shipped plan (domain/plans/*). Only the importer (store/plan-import.ts) reads them, to load them.
 * The web (routes, their helpers, the campaign options) reads the organisation's plans from the database too.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/tools/index.js';

const GUARDED = ['worker', 'workflows', 'client/lib', 'client/web', 'activities/plan.ts'];

function tsFiles(entry: string): string[] {
  const full = path.join(repoRoot, entry);
  if (statSync(full).isFile()) return [full];
  return readdirSync(full)
    .flatMap((name) => tsFiles(path.join(entry, name)))
    .filter((f) => f.endsWith('.ts'));
}

describe('plan constants', () => {
  it('are imported by no worker, workflow, client-library or web module', () => {
    const offenders = GUARDED.flatMap(tsFiles).filter((file) =>
      /from\s+['"][./]*(?:\.\.\/)*domain\/plans\//.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((f) => path.relative(repoRoot, f))).toEqual([]);
  });
});
