/**
 * One process at a time on an embedded database directory (store/embedded-lock.ts): PGlite itself lets
 * a second opener read a stale copy, so the store refuses it with a Vietnamese sentence, and takes over the lock
 * of a process that is gone — also one naming this process's own PID (a restarted container is PID 1 again) — and
 * when several processes find the same stale lock, exactly one of them takes it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedDatabaseBusyError, openEmbeddedDatabase } from '../../store/index.js';

const root = mkdtempSync(path.join(tmpdir(), 'tdkt-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('embedded database lock', () => {
  it('refuses a second opener while the first holds the directory, and frees it on close', async () => {
    const dataDir = path.join(root, 'held');
    const first = await openEmbeddedDatabase({ dataDir });
    expect(existsSync(`${dataDir}.lock`)).toBe(true);
    const second = openEmbeddedDatabase({ dataDir });
    await expect(second).rejects.toBeInstanceOf(EmbeddedDatabaseBusyError);
    await expect(second).rejects.toThrow(
      `Cơ sở dữ liệu nhúng ${dataDir} đang được một tiến trình khác sử dụng (PID ${process.pid}`,
    );
    await first.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const again = await openEmbeddedDatabase({ dataDir });
    await again.close();
  });

  it('takes over the lock of a process that has ended', async () => {
    const dataDir = path.join(root, 'stale');
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(`${dataDir}.lock`, `${gone}\n`);
    const db = await openEmbeddedDatabase({ dataDir });
    try {
      expect((await db.query<{ one: number }>('SELECT 1 AS one'))[0]?.one).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('takes over a lock naming this process when this process did not take it (a restart reusing the PID)', async () => {
    const dataDir = path.join(root, 'own-pid');
    writeFileSync(`${dataDir}.lock`, `${process.pid}\n`);
    const db = await openEmbeddedDatabase({ dataDir });
    try {
      // Now it is ours: a second opener in this process is refused.
      await expect(openEmbeddedDatabase({ dataDir })).rejects.toBeInstanceOf(EmbeddedDatabaseBusyError);
    } finally {
      await db.close();
    }
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('gives a stale lock to exactly one of several processes starting at once', async () => {
    const dataDir = path.join(root, 'race');
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(`${dataDir}.lock`, `${gone}\n`);
    const lockModule = path.resolve(import.meta.dirname, '../../store/embedded-lock.ts');
    // Each child waits for the same instant, tries the lock, says what happened and holds it a while.
    const startAt = Date.now() + 4000;
    const script = `
      const { lockEmbeddedDatabase } = await import(${JSON.stringify(lockModule)});
      while (Date.now() < ${startAt});
      try {
        const release = lockEmbeddedDatabase(${JSON.stringify(dataDir)});
        console.log('took');
        setTimeout(release, 1500);
      } catch (error) {
        console.log(error.name);
      }`;
    const children = Array.from(
      { length: 4 },
      () =>
        new Promise<{ out: string; pid: number }>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
          child.on('error', reject);
          child.on('exit', () => resolve({ out: out.trim(), pid: child.pid! }));
        }),
    );
    const results = await Promise.all(children);
    expect(results.map((r) => r.out).sort()).toEqual([
      'EmbeddedDatabaseBusyError',
      'EmbeddedDatabaseBusyError',
      'EmbeddedDatabaseBusyError',
      'took',
    ]);
    // The winner released it on exit; nothing is left behind.
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    expect(existsSync(`${dataDir}.lock.takeover`)).toBe(false);
  }, 30_000);

  it('needs no lock in memory', async () => {
    const [a, b] = await Promise.all([openEmbeddedDatabase(), openEmbeddedDatabase()]);
    await Promise.all([a.close(), b.close()]);
  });
});
