import { describe, expect, it } from 'vitest';
import { sessionCampaign, sessionPath, sessionReturn } from '../../client/web/council-session.js';

describe('the council session page as the way back after a vote', () => {
  it('accepts the plain page and the page of one campaign, nothing else', () => {
    expect(sessionReturn('/hoi-dong')).toBeNull();
    expect(sessionReturn('/hoi-dong?dot=tong-ket-2025')).toBe('tong-ket-2025');
    for (const other of [
      '',
      undefined,
      'https://example.com',
      '//example.com/hoi-dong',
      '/hoi-dong/../quan-tri',
      '/hoi-dong?dot=a&tro_ve=https://example.com',
      '/hoi-dong?trang=abc',
      '/hoi-dong?dot=',
      `/hoi-dong?dot=${'x'.repeat(121)}`,
    ]) {
      expect(sessionReturn(other), String(other)).toBeUndefined();
    }
  });

  it('builds links with the campaign encoded', () => {
    expect(sessionPath(null)).toBe('/hoi-dong');
    expect(sessionPath('đợt 1&x', { ok: 'vote' })).toBe('/hoi-dong?dot=%C4%91%E1%BB%A3t+1%26x&ok=vote');
    expect(sessionReturn(sessionPath('đợt 1&x'))).toBe('đợt 1&x');
    expect(sessionCampaign('  c1  ')).toBe('c1');
    expect(sessionCampaign(['c1'])).toBeNull();
  });
});
