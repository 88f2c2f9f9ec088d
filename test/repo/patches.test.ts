/**
 * Every patch the workflows ask about (workflows/shared/patches.ts) is guarded by committed histories on both
 * sides: one recorded with its marker (the new code path) and one recorded before it (the old path, which must keep
 * replaying). test/workflows/replay.test.ts replays them all; this file checks that the pairs exist, so a patch
 * cannot be added, or a legacy history dropped, without the history that proves it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PATCHES, type PatchId } from '../../workflows/shared/patches.js';
import { historiesDir } from '../fixtures/scenarios.js';
import { loadHistories, patchIdsOf } from '../harness/histories.js';

/** For each patch: a history that carries its marker, and one recorded before it existed. */
const GUARDS: Record<PatchId, { marked: string; unmarked: string }> = {
  'cluster-vote': { marked: 'nomination-flag-cluster-vote-failed', unmarked: 'nomination-awarded-before-cluster-vote' },
  'year-reminders-whole-second': {
    marked: 'year-registration-reminded-then-registered',
    unmarked: 'year-advanced-models-selected-6a13e80',
  },
  'advanced-model-send-on': {
    marked: 'year-advanced-models-selected-then-sent-on',
    unmarked: 'year-advanced-models-selected-6a13e80',
  },
  'submit-reserves-outside-handler': {
    marked: 'nomination-awarded',
    unmarked: 'nomination-awarded-before-cluster-vote',
  },
  'quota-ledger-closes': { marked: 'quota-ledger-closed', unmarked: 'quota-ledger-before-close-3e67d3b' },
  'quota-settled-on-award': { marked: 'nomination-awarded', unmarked: 'nomination-awarded-before-settle-3e67d3b' },
  'quota-ledger-checks-held-places': {
    marked: 'quota-ledger-held-place-freed',
    unmarked: 'quota-ledger-closed',
  },
  'case-index': {
    marked: 'nomination-awarded',
    unmarked: 'nomination-awarded-before-cluster-vote',
  },
  'complaint-leader-concludes': {
    marked: 'year-complaint-proposed-then-dismissed-by-leader',
    unmarked: 'year-complaint-resolved-by-standing-body-22256a8',
  },
};

describe('patch registry', () => {
  const histories = new Map(loadHistories(historiesDir('product')).map((h) => [h.name, h.history]));

  it('names every patch once, and only patches the workflows ask about', () => {
    const ids = Object.values(PATCHES);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(GUARDS).sort()).toEqual([...ids].sort());
  });

  for (const id of Object.values(PATCHES)) {
    it(`${id}: one committed history carries its marker and one was recorded before it`, () => {
      const { marked, unmarked } = GUARDS[id];
      expect(histories.has(marked), marked).toBe(true);
      expect(histories.has(unmarked), unmarked).toBe(true);
      expect(patchIdsOf(histories.get(marked)!)).toContain(id);
      expect(patchIdsOf(histories.get(unmarked)!)).not.toContain(id);
    });
  }

  it('workflows ask patched() only through the registry, never with a literal id', () => {
    const workflowsDir = new URL('../../workflows/', import.meta.url).pathname;
    const files = readdirSync(workflowsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const literal = files.filter((f) => /patched\(\s*['"`]/.test(readFileSync(path.join(workflowsDir, f), 'utf8')));
    expect(literal).toEqual([]);
  });

  it('every marker in a committed history is a registered patch', () => {
    const known = new Set<string>(Object.values(PATCHES));
    for (const [name, history] of histories)
      for (const id of patchIdsOf(history)) expect(known.has(id), `${name}: ${id}`).toBe(true);
  });
});
