/**
 * Demo mode (SEED_DEMO_DATA): every demo account without a password gets the README's demo password, each with
 * its own salt. Called by every process that serves the sign-in page — `npm start` and the docker-compose web
 * service — so the demo can be signed into however it is run. An account that already has a password keeps it.
 */
import { DEMO_PASSWORD, seedDemoPasswords } from './credentials.js';
import { DEMO_USERNAMES } from './demo-data.js';
import type { SqlDatabase } from './sql.js';

export async function ensureDemoPasswords(db: SqlDatabase, log: (line: string) => void = console.log): Promise<number> {
  const set = await seedDemoPasswords(db, DEMO_USERNAMES, DEMO_PASSWORD);
  if (set > 0) log(`web: demo accounts can sign in with the password "${DEMO_PASSWORD}" (${set} set)`);
  return set;
}
