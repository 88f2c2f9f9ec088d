/** Unit and cluster lists read in a person's order: "khu vực 2" before "khu vực 10", by name not by code. */
import { describe, expect, it } from 'vitest';
import { byName } from '../../client/web/natural-order.js';

describe('byName', () => {
  it('puts numbers in numeric order and sorts by the name a person reads', () => {
    const units = ['khu vực 10', 'khu vực 2', 'khu vực 1', 'Văn phòng', 'khu vực 12'].map((name, i) => ({
      id: `u${i}`,
      name: `Viện kiểm sát nhân dân ${name}`,
    }));
    expect(byName(units).map((u) => u.name.replace('Viện kiểm sát nhân dân ', ''))).toEqual([
      'khu vực 1',
      'khu vực 2',
      'khu vực 10',
      'khu vực 12',
      'Văn phòng',
    ]);
    expect(units[0]!.name).toContain('10'); // the input is left as it was
  });
});
