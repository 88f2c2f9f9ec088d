import { describe, expect, it } from 'vitest';
import { latestPerGroup } from '../../domain/catch-up.js';

describe('latestPerGroup (reminder catch-up)', () => {
  it('sends the latest due reminder and records the earlier ones as superseded', () => {
    expect(latestPerGroup(['-7d', '-1d', 'due'])).toEqual({ send: ['due'], superseded: ['-7d', '-1d'] });
  });

  it('keeps one per group, in the order the groups first appear', () => {
    const due = [
      { unit: 'kv1', key: '-7d' },
      { unit: 'kv2', key: '-7d' },
      { unit: 'kv1', key: '-1d' },
    ];
    const { send, superseded } = latestPerGroup(due, (d) => d.unit);
    expect(send).toEqual([
      { unit: 'kv1', key: '-1d' },
      { unit: 'kv2', key: '-7d' },
    ]);
    expect(superseded).toEqual([{ unit: 'kv1', key: '-7d' }]);
  });

  it('has nothing to do when nothing is due', () => {
    expect(latestPerGroup([])).toEqual({ send: [], superseded: [] });
  });
});
