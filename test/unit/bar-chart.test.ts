/** The dashboard's bar charts: a label, however long, has a line of its own, so it never runs into its bar or number. */
import { describe, expect, it } from 'vitest';
import { barChart } from '../../client/web/render.js';

describe('barChart', () => {
  it('puts each label above its bar and the number after the bar, rows apart', () => {
    const svg = barChart(
      [
        { label: 'Cụm thi đua số 1: đăng ký thi đua (12/12), một nhãn rất dài', value: 12 },
        { label: 'Cụm thi đua số 2: ký giao ước (0/9)', value: 0 },
      ],
      'Thử',
    );
    const labels = [...svg.matchAll(/<text x="0" y="(\d+)" class="chart-label">/g)].map((m) => Number(m[1]));
    const bars = [...svg.matchAll(/<rect x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)"/g)].map((m) =>
      m.slice(1).map(Number),
    );
    const values = [...svg.matchAll(/<text x="(\d+)" y="\d+" class="chart-value">(\d+)</g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(labels).toHaveLength(2);
    for (const [i, [x, y, w, h]] of bars.entries()) {
      expect(x).toBe(0);
      expect(y).toBeGreaterThan(labels[i]!); // below its label's baseline
      if (i + 1 < labels.length) expect(y! + h!).toBeLessThan(labels[i + 1]! - 12); // above the next label
      expect(values[i]![0]).toBeGreaterThan(x! + w!); // the number after the bar
    }
    expect(values.map((v) => v[1])).toEqual([12, 0]);
  });
});
