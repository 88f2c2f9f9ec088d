/**
 * Which units a council decides for (domain/org.ts unitsDecidedBy): the nearest council up a unit's hierarchy,
 * as the case context loads it — so the council session page lists only its own councils' closed votes.
 */
import { describe, expect, it } from 'vitest';
import { unitsDecidedBy } from '../../domain/org.js';

const UNITS = [
  { id: 'tc', parentId: null },
  { id: 'hd', parentId: 'tc' },
  { id: 'hd-kv1', parentId: 'hd' },
  { id: 'hd-vp', parentId: 'hd' },
  { id: 'bn', parentId: 'tc' },
  { id: 'bn-kv1', parentId: 'bn' },
  { id: 'bn-kv1-p1', parentId: 'bn-kv1' },
  { id: 'lone', parentId: null },
];

describe('unitsDecidedBy', () => {
  it('gives each council the units below it up to the next council, itself included', () => {
    const councils = new Set(['tc', 'hd', 'bn']);
    expect(unitsDecidedBy(UNITS, councils, ['hd'])).toEqual(['hd', 'hd-kv1', 'hd-vp']);
    expect(unitsDecidedBy(UNITS, councils, ['bn'])).toEqual(['bn', 'bn-kv1', 'bn-kv1-p1']);
    expect(unitsDecidedBy(UNITS, councils, ['tc'])).toEqual(['tc']);
    expect(unitsDecidedBy(UNITS, councils, ['hd', 'bn'])).toEqual([
      'hd',
      'hd-kv1',
      'hd-vp',
      'bn',
      'bn-kv1',
      'bn-kv1-p1',
    ]);
  });

  it('leaves out units under no council, and is not caught by a cycle in the parents', () => {
    expect(unitsDecidedBy(UNITS, new Set(['hd']), ['hd'])).toEqual(['hd', 'hd-kv1', 'hd-vp']);
    const cycle = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect(unitsDecidedBy(cycle, new Set(['hd']), ['hd'])).toEqual([]);
  });
});
