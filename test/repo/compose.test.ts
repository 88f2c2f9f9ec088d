/**
 * Docker does not run on this machine, so docker-compose.yml is checked as data here: every service of the
 * production layout, pinned images of the tested server version and none that Temporal has deprecated, ports,
 * healthchecks, start order, the Temporal services' configuration against deploy/temporal, and app env that our
 * config accepts. What the data cannot show, that the commands work, the production-topology test shows by running
 * them (`npm run test:topology`: scripts/topology/cluster.ts runs the compose commands on a local PostgreSQL).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../domain/config.js';
import { ALL_SEARCH_ATTRIBUTES } from '../../domain/search-attributes.js';
import { repoRoot, TEMPORAL_SERVER_VERSION } from '../../scripts/tools/index.js';
import { bindMounts, composeService, hostCommand, readComposeFile } from '../../scripts/topology/compose-service.js';
import { SITE_VARIABLES, TEMPORAL_SERVICES } from '../../scripts/topology/site.js';

const compose = readComposeFile();
const services = compose.services;
const service = (name: string) => composeService(compose, name);
const serverConfig = readFileSync(path.join(repoRoot, 'deploy', 'temporal', 'config', 'production.yaml'), 'utf8');
const setupSchema = readFileSync(path.join(repoRoot, 'deploy', 'temporal', 'setup-schema.sh'), 'utf8');

/** The variables the server config reads (`env "NAME" | default "value"`), with their defaults. */
const configReads = new Map(
  [...serverConfig.matchAll(/env "([A-Z0-9_]+)"(?:\s*\|\s*default "([^"]*)")?/g)].map((m) => [m[1]!, m[2]]),
);
const serverServices = Object.values(TEMPORAL_SERVICES);
const version = TEMPORAL_SERVER_VERSION.replace(/^v/, '');

describe('docker-compose.yml', () => {
  it('has every service of the production layout', () => {
    expect(Object.keys(services).sort()).toEqual(
      [
        'postgresql',
        'temporal-schema',
        ...serverServices,
        'temporal-namespace',
        'temporal-ui',
        'mailpit',
        'worker',
        'web',
      ].sort(),
    );
  });

  it('pins every image to a version (no implicit :latest), and uses no image Temporal has deprecated', () => {
    for (const [name, s] of Object.entries(services)) {
      if (s.build) continue;
      expect(s.image, name).toMatch(/^[\w./-]+:[\w.-]+$/);
      expect(s.image, name).not.toMatch(/:latest$/);
      expect(s.image, name).not.toMatch(/^temporalio\/auto-setup:/);
    }
  });

  it('runs the server version the topology test builds, in both the server and the admin-tools images', () => {
    for (const name of serverServices) expect(service(name).image, name).toBe(`temporalio/server:${version}`);
    for (const name of ['temporal-schema', 'temporal-namespace'])
      expect(service(name).image, name).toBe(`temporalio/admin-tools:${version}`);
  });

  it('runs frontend, history, matching and the internal worker as four services of one configuration', () => {
    const [first, ...others] = serverServices.map((name) => hostCommand(compose, name));
    for (const name of serverServices) {
      const { argv } = hostCommand(compose, name);
      expect(argv[0], name).toBe('temporal-server');
      expect(argv.slice(-2), name).toEqual(['--service', name.replace(/^temporal-/, '')]);
      // --root is the folder that holds production.yaml (--env production), with --config relative to it.
      const root = argv[argv.indexOf('--root') + 1]!;
      const env = argv[argv.indexOf('--env') + 1]!;
      expect(argv[argv.indexOf('--config') + 1]).toBe('.');
      expect(root, name).toBe(path.join(repoRoot, 'deploy', 'temporal', 'config'));
      expect(existsSync(path.join(root, `${env}.yaml`)), `${name}: ${env}.yaml`).toBe(true);
      expect(service(name).depends_on?.['temporal-schema']?.condition).toBe('service_completed_successfully');
    }
    for (const other of others) {
      expect(other.env).toEqual(first!.env);
      expect(other.argv.slice(0, -1)).toEqual(first!.argv.slice(0, -1));
    }
  });

  it("sets only variables the server config or the schema step read, and the config reads only those or the site's", () => {
    const env = service('temporal-frontend').environment ?? {};
    const site = new Set<string>(SITE_VARIABLES);
    for (const name of Object.keys(env))
      expect(configReads.has(name) || setupSchema.includes(name), `${name} is read by nobody`).toBe(true);
    for (const [name, fallback] of configReads) {
      // Every variable has a default in the file, or compose sets it; the test may change only the site's.
      expect(fallback !== undefined || name in env, `${name}: no default and compose does not set it`).toBe(true);
      if (!(name in env)) expect(site.has(name) || name === 'TEMPORAL_LOG_LEVEL', name).toBe(true);
    }
    expect(service('temporal-schema').environment).toEqual(env);
    // The dynamic config file named in the environment is the repository's, mounted.
    const dynamicConfig = hostCommand(compose, 'temporal-frontend').env.TEMPORAL_DYNAMIC_CONFIG_FILE!;
    expect(dynamicConfig.startsWith(repoRoot), dynamicConfig).toBe(true);
    expect(existsSync(dynamicConfig), dynamicConfig).toBe(true);
  });

  it('publishes the ports the README names, which are the config defaults', () => {
    expect(service('web').ports).toContain('3000:3000');
    const grpc = configReads.get('TEMPORAL_FRONTEND_GRPC_PORT');
    expect(service('temporal-frontend').ports).toContain(`${grpc}:${grpc}`);
    expect(service('temporal-ui').ports).toContain('8080:8080');
    expect(service('mailpit').ports).toEqual(expect.arrayContaining(['8025:8025', '1025:1025']));
    // The frontend's healthcheck asks its HTTP port.
    expect(service('temporal-frontend').healthcheck?.test.join(' ')).toContain(
      `:${configReads.get('TEMPORAL_FRONTEND_HTTP_PORT')}/`,
    );
  });

  it('health-checks the services others wait for, and starts them in order', () => {
    for (const name of ['postgresql', 'temporal-frontend', 'mailpit', 'web'])
      expect(service(name).healthcheck?.test.length, name).toBeGreaterThan(0);
    for (const [name, s] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(s.depends_on ?? {})) {
        const target = service(dependency);
        if (condition === 'service_healthy')
          expect(target.healthcheck, `${name} waits for ${dependency}'s health`).toBeDefined();
        else if (condition === 'service_completed_successfully')
          expect((target as { restart?: string }).restart, `${dependency} is a one-shot step`).toBe('no');
        else expect(condition, `${name} → ${dependency}`).toBe('service_started');
      }
    }
    expect(Object.keys(service('temporal-schema').depends_on ?? {})).toEqual(['postgresql']);
    expect(Object.keys(service('temporal-namespace').depends_on ?? {}).sort()).toEqual([...serverServices].sort());
    for (const name of ['worker', 'web'])
      expect(Object.keys(service(name).depends_on ?? {}), name).toEqual(
        expect.arrayContaining(['postgresql', 'temporal-namespace']),
      );
    expect(Object.keys(service('worker').depends_on ?? {})).toContain('mailpit');
  });

  it('gives the worker and the web UI an environment our config accepts, pointing at the compose services', () => {
    for (const name of ['worker', 'web']) {
      const config = parseConfig(service(name).environment ?? {});
      expect(config.TEMPORAL_ADDRESS).toBe(`temporal-frontend:${configReads.get('TEMPORAL_FRONTEND_GRPC_PORT')}`);
      expect(config.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgresql:5432\//);
      expect(config.SMTP_HOST).toBe('mailpit');
      expect(config.TEMPORAL_NAMESPACE).toBe(service('temporal-namespace').environment?.TEMPORAL_NAMESPACE);
    }
    expect(parseConfig(service('web').environment ?? {}).WEB_HOST).toBe('0.0.0.0');
    // The app's database is the one the PostgreSQL image creates.
    const database = new URL(service('worker').environment!.DATABASE_URL!).pathname.slice(1);
    expect(service('postgresql').environment?.POSTGRES_DB).toBe(database);
  });

  it('runs entry points and mounts files that exist in the repository', () => {
    for (const name of ['worker', 'web']) {
      const entry = service(name).command?.find((arg) => arg.endsWith('.ts'));
      expect(entry && existsSync(path.join(repoRoot, entry)), `${name}: ${entry}`).toBe(true);
    }
    for (const [name, s] of Object.entries(services)) {
      for (const [, host] of bindMounts(s)) expect(existsSync(host), `${name}: ${host}`).toBe(true);
      if (!s.entrypoint && !s.command) continue; // the image's own
      for (const arg of hostCommand(compose, name).argv.filter((a) => a.startsWith(repoRoot)))
        expect(existsSync(arg), `${name}: ${arg}`).toBe(true);
    }
    expect(existsSync(path.join(repoRoot, 'Dockerfile'))).toBe(true);
  });

  it('registers exactly the search attributes the code defines', () => {
    const script = readFileSync(path.join(repoRoot, 'deploy', 'temporal', 'register-search-attributes.sh'), 'utf8');
    const registered = [...script.matchAll(/\bTdkt\w+/g)].map((m) => m[0]);
    expect(new Set(registered)).toEqual(new Set(ALL_SEARCH_ATTRIBUTES.map((k) => k.name)));
  });
});
