import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/tools/index.js';
import { QUOTE_SEED, QUOTES, SEED_FILES } from './seed-quotes.js';

// The seeds (the product's acceptance text) are not part of the repository: they sit in the shared workspace
// beside it, `../shared/seeds` from the repository root. TDKT_SEEDS_DIR points elsewhere.
const SEEDS_DIR = process.env.TDKT_SEEDS_DIR ?? path.resolve(repoRoot, '../shared/seeds');
// Whitespace and Unicode normalisation aside: the seeds mix composed and decomposed Vietnamese letters.
const normalise = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

// Never skipped: a checkout always has the workspace beside it, and a check that passes by not finding its
// text would prove nothing (a missing folder fails with the path it looked at).
describe('the quoted seed sentences are verbatim', () => {
  it('finds the seeds', () => {
    expect(existsSync(SEEDS_DIR), `no seeds at ${SEEDS_DIR} (set TDKT_SEEDS_DIR)`).toBe(true);
  });

  for (const [key, quote] of Object.entries(QUOTES) as [keyof typeof QUOTES, string][]) {
    it(`${key}: ${quote}`, () => {
      const seed = readFileSync(path.join(SEEDS_DIR, SEED_FILES[QUOTE_SEED[key]]), 'utf8');
      expect(normalise(seed).includes(normalise(quote)), quote).toBe(true);
    });
  }
});
