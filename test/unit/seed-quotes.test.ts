import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUOTE_SEED, QUOTES, SEED_FILES } from './seed-quotes.js';

// The seeds live outside the repository (in the shared workspace); the check runs wherever they are present.
const SEEDS_DIR = process.env.TDKT_SEEDS_DIR ?? '/work/shared/seeds';
// Whitespace and Unicode normalisation aside: the seeds mix composed and decomposed Vietnamese letters.
const normalise = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

describe.skipIf(!existsSync(SEEDS_DIR))('the quoted seed sentences are verbatim', () => {
  for (const [key, quote] of Object.entries(QUOTES) as [keyof typeof QUOTES, string][]) {
    it(`${key}: ${quote}`, () => {
      const seed = readFileSync(join(SEEDS_DIR, SEED_FILES[QUOTE_SEED[key]]), 'utf8');
      expect(normalise(seed).includes(normalise(quote)), quote).toBe(true);
    });
  }
});
