/**
 * The mail links' base (PUBLIC_URL) follows the web UI's listen address unless set: every process (web, worker,
 * `npm start`) parses the same environment with parseConfig, so a moved WEB_PORT moves the links with it.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig, webAddress } from '../../domain/config.js';

describe('PUBLIC_URL', () => {
  it('defaults to the address the web UI listens on, WEB_PORT and WEB_HOST included', () => {
    expect(parseConfig({}).PUBLIC_URL).toBe('http://127.0.0.1:3000');
    expect(parseConfig({ WEB_PORT: '3456' }).PUBLIC_URL).toBe('http://127.0.0.1:3456');
    expect(parseConfig({ WEB_HOST: 'tdkt.local', WEB_PORT: '8080' }).PUBLIC_URL).toBe('http://tdkt.local:8080');
  });

  it('opens a wildcard listen address on loopback, and an IPv6 host in brackets', () => {
    expect(parseConfig({ WEB_HOST: '0.0.0.0', WEB_PORT: '4000' }).PUBLIC_URL).toBe('http://127.0.0.1:4000');
    expect(webAddress('::', 4000)).toBe('http://[::1]:4000');
    expect(webAddress('::1', 4000)).toBe('http://[::1]:4000');
  });

  it('keeps an explicit PUBLIC_URL (a proxy in front of the web UI), whatever the port', () => {
    expect(parseConfig({ WEB_PORT: '3456', PUBLIC_URL: 'https://tdkt.example.vn' }).PUBLIC_URL).toBe(
      'https://tdkt.example.vn',
    );
    expect(() => parseConfig({ PUBLIC_URL: 'not a url' })).toThrow(/PUBLIC_URL/);
  });
});
