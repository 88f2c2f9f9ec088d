/** Dates on pages are dd/mm/yyyy in Vietnam time, inside `<time datetime>` so machines read the instant. */
import { describe, expect, it } from 'vitest';
import { helpers } from '../../client/web/render.js';

describe('time helpers', () => {
  it('writes the Vietnam date of an instant and the instant itself', () => {
    // 17:30 UTC on 15/12 is already 16/12 in Vietnam (UTC+7).
    expect(helpers.time('2025-12-15T17:30:00.000Z')).toBe(
      '<time datetime="2025-12-15T17:30:00.000Z">16/12/2025</time>',
    );
    expect(helpers.time(null)).toBe('—');
  });
  it('writes the Vietnam date and time of an instant and the instant itself (the timelines)', () => {
    const html = helpers.dateTimeTag('2025-12-15T17:30:00.000Z');
    expect(html).toMatch(/^<time datetime="2025-12-15T17:30:00.000Z">[^<]*16\/12\/2025[^<]*<\/time>$/);
    expect(html).toContain('00:30');
    expect(helpers.dateTimeTag(undefined)).toBe('—');
  });
  it('writes a calendar date as dd/mm/yyyy, and anything else escaped as it is', () => {
    expect(helpers.ymdTime('2025-12-31')).toBe('<time datetime="2025-12-31">31/12/2025</time>');
    expect(helpers.ymdTime('<b>')).toBe('&lt;b&gt;');
  });
});
