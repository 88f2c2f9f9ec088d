/**
 * One process at a time on an embedded database directory (activities/store/embedded-lock.ts): PGlite itself lets
 * a second opener read a stale copy, so the store refuses it with a Vietnamese sentence, and takes over the lock
 * of a process that is gone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedDatabaseBusyError, openEmbeddedDatabase } from '../../activities/store/index.js';

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

  it('needs no lock in memory', async () => {
    const [a, b] = await Promise.all([openEmbeddedDatabase(), openEmbeddedDatabase()]);
    await Promise.all([a.close(), b.close()]);
  });
});
