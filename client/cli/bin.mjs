#!/usr/bin/env node
// The `tdkt` command (package.json "bin"): runs the TypeScript CLI through tsx, as the rest of the project does.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
// Resolve tsx from this package, so the command works from any working directory.
const tsx = import.meta.resolve('tsx');
const result = spawnSync(process.execPath, ['--import', tsx, main, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
