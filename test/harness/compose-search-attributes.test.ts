import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { ALL_SEARCH_ATTRIBUTES } from '../../domain/search-attributes.js';
import { repoRoot } from '../../scripts/tools/index.js';
import { uniqueId } from './temporal.js';

const run = promisify(execFile);
const SCRIPT = path.join(repoRoot, 'deploy', 'temporal', 'register-search-attributes.sh');

describe('docker-compose search attribute registration (run for real against the dev server)', () => {
  const cli = inject('temporalCliPath');

  it.skipIf(!cli)('registers every project search attribute in a fresh namespace, and is idempotent', async () => {
    const address = inject('temporalAddress');
    const namespace = uniqueId('compose-ns');
    await run(cli!, ['operator', 'namespace', 'create', '--address', address, '--namespace', namespace]);
    const env = {
      ...process.env,
      PATH: `${path.dirname(cli!)}:${process.env.PATH}`,
      TEMPORAL_ADDRESS: address,
      TEMPORAL_NAMESPACE: namespace,
    };

    const first = await run('sh', [SCRIPT], { env });
    expect(first.stdout).toContain('TdktUnit created (Keyword)');
    const second = await run('sh', [SCRIPT], { env });
    expect(second.stdout).not.toContain('created');

    const list = await run(cli!, [
      'operator',
      'search-attribute',
      'list',
      '--address',
      address,
      '--namespace',
      namespace,
      '--output',
      'json',
    ]);
    const registered = JSON.stringify(JSON.parse(list.stdout));
    for (const key of ALL_SEARCH_ATTRIBUTES) expect(registered, key.name).toContain(key.name);
  });
});
