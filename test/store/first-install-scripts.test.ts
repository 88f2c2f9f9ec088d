/**
 * A first install without the demo (docs/getting-started.md, issue 11): nobody can sign in until an operator imports
 * the directory and sets the first administrator's password from the command line. Runs the two scripts as an
 * operator would, as child processes on an embedded database in a temporary folder, then signs in with the store's
 * own credential check.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDemoData } from '../../store/demo-data.js';
import { checkCredentials } from '../../store/credentials.js';
import { countDirectory } from '../../store/directory.js';
import { openMigratedDatabase } from '../../store/open.js';

const dir = mkdtempSync(path.join(tmpdir(), 'tdkt-first-install-'));
const DATABASE_URL = `pglite:${path.join(dir, 'db')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a script with tsx, the way its npm script does; answers its exit code and output. */
function run(script: string, args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', path.join('scripts', script), ...args],
      { env: { ...process.env, DATABASE_URL, SEED_DEMO_DATA: 'false' }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr }),
    );
    child.stdin?.end(stdin);
  });
}

describe('first install: the directory and the first password from the command line', () => {
  const data = buildDemoData();
  const admin = data.users.find((u) => u.roles.includes('admin'))!;
  const file = path.join(dir, 'directory.json');

  it('refuses a directory with a bad row in Vietnamese and writes nothing; then imports the good one', async () => {
    const bad = { ...data, units: [{ ...data.units[0], name: '' }, ...data.units.slice(1)] };
    writeFileSync(file, JSON.stringify(bad));
    const refused = await run('directory-import.ts', [file]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('nothing imported');
    expect(refused.err).toMatch(/Đơn vị/);

    writeFileSync(file, JSON.stringify(data));
    const dry = await run('directory-import.ts', [file, '--dry-run']);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain('nothing written');
    const db = await openMigratedDatabase(DATABASE_URL);
    try {
      expect((await countDirectory(db)).users).toBe(0);
    } finally {
      await db.close();
    }

    const done = await run('directory-import.ts', [file]);
    expect(done.code, done.err).toBe(0);
    const after = await openMigratedDatabase(DATABASE_URL);
    try {
      expect((await countDirectory(after)).users).toBe(data.users.length);
    } finally {
      await after.close();
    }
  }, 300_000);

  it("sets the administrator's password from standard input, refusing a short one and an unknown account", async () => {
    const short = await run('set-password.ts', [admin.username], 'ngan\n');
    expect(short.code).toBe(1);
    expect((await run('set-password.ts', ['khong-co-ai'], 'mat-khau-du-dai-2026\n')).err).toContain('no account');

    const set = await run('set-password.ts', [admin.username], 'mat-khau-du-dai-2026\n');
    expect(set.code, set.err).toBe(0);
    const db = await openMigratedDatabase(DATABASE_URL);
    try {
      expect((await checkCredentials(db, admin.username, 'mat-khau-du-dai-2026'))?.id).toBe(admin.id);
      expect(await checkCredentials(db, admin.username, 'ngan')).toBeNull();
    } finally {
      await db.close();
    }
  }, 300_000);
});
