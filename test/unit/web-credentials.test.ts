/** Password hashing, sessions and the directory import's CSV reading, on the embedded database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkCredentials,
  createSession,
  deleteSession,
  hashPassword,
  seedDemoPasswords,
  touchSession,
  verifyPassword,
  webSecret,
} from '../../store/credentials.js';
import { migrate, openEmbeddedDatabase, seedDemoData, type SqlDatabase } from '../../store/index.js';
import { parseCsv, prepareImport } from '../../client/web/directory-import.js';

let db: SqlDatabase;
beforeAll(async () => {
  db = await openEmbeddedDatabase();
  await migrate(db);
  await seedDemoData(db);
});
afterAll(async () => {
  await db?.close();
});

describe('passwords', () => {
  it('hashes with scrypt and a per-user salt, verifies, and rejects wrong passwords', async () => {
    const a = await hashPassword('tdkt2025');
    const b = await hashPassword('tdkt2025');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('tdkt2025', a)).toBe(true);
    expect(await verifyPassword('tdkt2026', a)).toBe(false);
    expect(await verifyPassword('tdkt2025', 'garbage')).toBe(false);
  });

  it('seeds demo passwords only where none is set, and checks credentials', async () => {
    expect(await seedDemoPasswords(db, ['admin', 'truong.kv2'], 'tdkt2025')).toBe(2);
    expect(await seedDemoPasswords(db, ['admin', 'truong.kv2'], 'khac')).toBe(0);
    expect((await checkCredentials(db, 'ADMIN', 'tdkt2025'))?.username).toBe('admin');
    expect(await checkCredentials(db, 'admin', 'khac')).toBeNull();
    expect(await checkCredentials(db, 'khong-ton-tai', 'tdkt2025')).toBeNull();
    expect(await checkCredentials(db, 'vanthu.kv9', 'tdkt2025')).toBeNull(); // no password yet
  });
});

describe('sessions', () => {
  it('stores only a hash of the token, expires and ends on sign-out', async () => {
    const token = await createSession(db, 'u-admin', 60);
    const rows = await db.query<{ token_hash: string }>('SELECT token_hash FROM web_sessions');
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
    expect((await touchSession(db, token, 60))?.userId).toBe('u-admin');
    await deleteSession(db, token);
    expect(await touchSession(db, token, 60)).toBeNull();
    const expired = await createSession(db, 'u-admin', -1);
    expect(await touchSession(db, expired, 60)).toBeNull();
    expect(await webSecret(db, 'cookie')).toBe(await webSecret(db, 'cookie'));
  });
});

describe('directory import', () => {
  it('reads quoted CSV and reports row errors without writing', async () => {
    expect(parseCsv('a,b\r\n"x, y","he said ""hi"""\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'he said "hi"'],
    ]);
    const report = await prepareImport(db, {
      format: 'csv',
      kind: 'units',
      text: 'id,name,level,parentId,staffCount,collectiveCount,email\nhd-moi,Đơn vị mới,department,hd,5,1,moi@vks.test\nhd-sai,Sai,department,khong-co,abc,1,x',
    });
    expect(report.counts.units).toBe(1);
    expect(report.errors.some((e) => e.includes('dòng 3'))).toBe(true);
  });
});
