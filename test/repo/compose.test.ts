/**
 * Docker does not run on this machine, so docker-compose.yml is checked as data: every service the
 * README promises, pinned images, ports, healthchecks, start order, and app env that our config accepts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../../domain/config.js';
import { ALL_SEARCH_ATTRIBUTES } from '../../domain/search-attributes.js';
import { repoRoot } from '../../scripts/tools/index.js';

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const services = compose.services;
const service = (name: string): Service => {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
};

describe('docker-compose.yml', () => {
  it('has every service of the production layout', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['mailpit', 'postgresql', 'temporal', 'temporal-search-attributes', 'temporal-ui', 'web', 'worker'].sort(),
    );
  });

  it('pins every image to a version (no implicit :latest)', () => {
    for (const [name, s] of Object.entries(services)) {
      if (s.build) continue;
      expect(s.image, name).toMatch(/^[\w./-]+:[\w.-]+$/);
      expect(s.image, name).not.toMatch(/:latest$/);
    }
  });

  it('publishes the ports the README names', () => {
    expect(service('web').ports).toContain('3000:3000');
    expect(service('temporal').ports).toContain('7233:7233');
    expect(service('temporal-ui').ports).toContain('8080:8080');
    expect(service('mailpit').ports).toEqual(expect.arrayContaining(['8025:8025', '1025:1025']));
  });

  it('health-checks the services others wait for, and starts them in order', () => {
    for (const name of ['postgresql', 'temporal', 'mailpit', 'web'])
      expect(service(name).healthcheck?.test.length, name).toBeGreaterThan(0);
    for (const [name, s] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(s.depends_on ?? {})) {
        const target = service(dependency);
        if (condition === 'service_healthy')
          expect(target.healthcheck, `${name} waits for ${dependency}'s health`).toBeDefined();
        else expect(condition, `${name} → ${dependency}`).toBe('service_completed_successfully');
      }
    }
    expect(Object.keys(service('worker').depends_on ?? {})).toEqual(
      expect.arrayContaining(['postgresql', 'temporal', 'temporal-search-attributes', 'mailpit']),
    );
  });

  it('gives the worker and the web UI an environment our config accepts, pointing at the compose services', () => {
    for (const name of ['worker', 'web']) {
      const config = parseConfig(service(name).environment ?? {});
      expect(config.TEMPORAL_ADDRESS).toBe('temporal:7233');
      expect(config.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgresql:5432\//);
      expect(config.SMTP_HOST).toBe('mailpit');
    }
    expect(parseConfig(service('web').environment ?? {}).WEB_HOST).toBe('0.0.0.0');
  });

  it('runs entry points and mounts files that exist in the repository', () => {
    for (const name of ['worker', 'web']) {
      const entry = service(name).command?.find((arg) => arg.endsWith('.ts'));
      expect(entry && existsSync(path.join(repoRoot, entry)), `${name}: ${entry}`).toBe(true);
    }
    for (const s of Object.values(services)) {
      for (const volume of s.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('./')) expect(existsSync(path.join(repoRoot, source)), source).toBe(true);
      }
    }
    expect(existsSync(path.join(repoRoot, 'Dockerfile'))).toBe(true);
  });

  it('registers exactly the search attributes the code defines', () => {
    const script = readFileSync(path.join(repoRoot, 'deploy', 'temporal', 'register-search-attributes.sh'), 'utf8');
    const registered = [...script.matchAll(/\bTdkt\w+/g)].map((m) => m[0]);
    expect(new Set(registered)).toEqual(new Set(ALL_SEARCH_ATTRIBUTES.map((k) => k.name)));
  });
});
