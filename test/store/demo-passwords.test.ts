/** Demo mode gives every demo account the demo password, once, in whichever process serves the sign-in page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCredentials, DEMO_PASSWORD, setPassword } from '../../store/credentials.js';
import { DEMO_USERNAMES, seedDemoData } from '../../store/demo-data.js';
import { ensureDemoPasswords } from '../../store/demo-passwords.js';
import { getUserByUsername, migrate, openEmbeddedDatabase, type SqlDatabase } from '../../store/index.js';

let db: SqlDatabase;
beforeAll(async () => {
  db = await openEmbeddedDatabase();
  await migrate(db);
  await seedDemoData(db);
});
afterAll(async () => {
  await db?.close();
});

describe('ensureDemoPasswords', () => {
  it('lets every demo account sign in with the demo password, and sets none twice', async () => {
    const lines: string[] = [];
    expect(await ensureDemoPasswords(db, (l) => lines.push(l))).toBe(DEMO_USERNAMES.length);
    expect(lines).toEqual([
      `web: demo accounts can sign in with the password "${DEMO_PASSWORD}" (${DEMO_USERNAMES.length} set)`,
    ]);
    for (const username of ['vanthu.kv2', 'thuongtruc', 'admin'])
      expect((await checkCredentials(db, username, DEMO_PASSWORD))?.username, username).toBe(username);
    expect(await ensureDemoPasswords(db, (l) => lines.push(l))).toBe(0);
    expect(lines).toHaveLength(1);
  });

  it('keeps a password someone has set', async () => {
    const user = (await getUserByUsername(db, 'truong.kv2'))!;
    await setPassword(db, user.id, 'mat-khau-rieng-2026');
    await ensureDemoPasswords(db, () => {});
    expect(await checkCredentials(db, 'truong.kv2', DEMO_PASSWORD)).toBeNull();
    expect((await checkCredentials(db, 'truong.kv2', 'mat-khau-rieng-2026'))?.username).toBe('truong.kv2');
  });
});
