/**
 * Accounts for the web UI: password hashes (scrypt, a memory-hard KDF from node:crypto, with a random salt per
 * user), server-side sessions keyed by the SHA-256 of a random token, generated cookie secrets, and the facts
 * about a signed-in user that decide what they see (council seats, clusters they head).
 */
import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { User } from '../domain/org.js';
import { getUser, getUserByUsername } from './directory.js';
import type { SqlSession } from './sql.js';

/** The password of the demo accounts seeded by `npm start` (listed in the README). */
export const DEMO_PASSWORD = 'tdkt2025';

/** N = 2^15, r = 8, p = 1: about 32 MiB and tens of milliseconds per hash. Stored in the hash, so it can change. */
const SCRYPT = { N: 32768, r: 8, p: 1, keyLength: 32 } as const;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt(base64)$hash(base64)`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p, keyLength } = SCRYPT;
  const key = await scrypt(password, salt, keyLength, { N, r, p, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltText, hashText] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hashText, 'base64');
  const N = Number(n);
  if (!Number.isInteger(N) || N < 2 || expected.length < 16) return false;
  const key = await scrypt(password, Buffer.from(saltText, 'base64'), expected.length, {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return timingSafeEqual(key, expected);
}

/** A hash of a password nobody has, so an unknown username costs as much time as a wrong password. */
let decoyHash: Promise<string> | undefined;

/**
 * The user whose username and password match, or null. Unknown users and users without a password take the
 * same time as a wrong password, so response times do not reveal which usernames exist.
 */
export async function checkCredentials(db: SqlSession, username: string, password: string): Promise<User | null> {
  const user = await getUserByUsername(db, username);
  const [row] = user
    ? await db.query<{ password_hash: string | null }>('SELECT password_hash FROM users WHERE id = $1', [user.id])
    : [];
  const stored = row?.password_hash ?? null;
  if (!user || !stored) {
    decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verifyPassword(password, await decoyHash);
    return null;
  }
  return (await verifyPassword(password, stored)) ? user : null;
}

export async function setPassword(db: SqlSession, userId: string, password: string): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, await hashPassword(password)]);
}

/**
 * Gives every listed account that has no password yet the demo password (one salt per user). Accounts that
 * already have a password keep it. Returns how many were set.
 */
export async function seedDemoPasswords(
  db: SqlSession,
  usernames: readonly string[],
  password: string,
): Promise<number> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM users WHERE password_hash IS NULL AND username = ANY($1::text[]) ORDER BY id',
    [usernames],
  );
  for (const row of rows) await setPassword(db, row.id, password);
  return rows.length;
}

// ------------------------------------------------------------------------------------------------ sessions

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface WebSession {
  tokenHash: string;
  userId: string;
  expiresAt: string;
}

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(db: SqlSession, userId: string, ttlSeconds: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO web_sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`,
    [hashToken(token), userId, ttlSeconds],
  );
  return token;
}

/**
 * The session of a token if it has not expired; sliding expiry: each use pushes the end `ttlSeconds` further
 * (written at most once a minute). Expired rows of anyone are swept now and then.
 */
export async function touchSession(db: SqlSession, token: string, ttlSeconds: number): Promise<WebSession | null> {
  const rows = await db.query<{ user_id: string; expires_at: string; stale: boolean }>(
    `SELECT user_id, to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS expires_at,
            last_seen < now() - interval '1 minute' AS stale
     FROM web_sessions WHERE token_hash = $1 AND expires_at > now()`,
    [hashToken(token)],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.stale) {
    await db.query(
      `UPDATE web_sessions SET last_seen = now(), expires_at = now() + make_interval(secs => $2) WHERE token_hash = $1`,
      [hashToken(token), ttlSeconds],
    );
    if (Math.random() < 0.05) await db.query('DELETE FROM web_sessions WHERE expires_at <= now()');
  }
  return { tokenHash: hashToken(token), userId: row.user_id, expiresAt: row.expires_at };
}

export async function deleteSession(db: SqlSession, token: string): Promise<void> {
  await db.query('DELETE FROM web_sessions WHERE token_hash = $1', [hashToken(token)]);
}

/** A named random secret, created on first use and then the same for every process and restart. */
export async function webSecret(db: SqlSession, name: string): Promise<string> {
  await db.query('INSERT INTO web_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    name,
    randomBytes(32).toString('base64url'),
  ]);
  const [row] = await db.query<{ value: string }>('SELECT value FROM web_secrets WHERE name = $1', [name]);
  if (!row) throw new Error(`web secret ${name} missing after insert`);
  return row.value;
}

// ------------------------------------------------------------------------------------------------- account

/** The signed-in user and the seats that decide their inbox and menus. */
export interface Account {
  user: User;
  /** Councils (by unit id) where the user holds a voting seat. */
  councilMemberOf: string[];
  /** Councils (by unit id) whose secretariat is the user's unit. */
  secretariatOf: string[];
  /** Councils (by unit id) chaired or led from the user's unit. */
  councilUnits: string[];
  /** Clusters and blocs (by id) the user's unit is a member of (their cluster votes wait on its head). */
  clusterMemberOf: string[];
}

export async function loadAccount(db: SqlSession, userId: string): Promise<Account | null> {
  const user = await getUser(db, userId);
  if (!user) return null;
  const seats = await db.query<{ council_unit_id: string }>(
    `SELECT DISTINCT council_unit_id FROM council_seats WHERE user_id = $1 AND seat = 'member' ORDER BY council_unit_id`,
    [userId],
  );
  const secretariat = await db.query<{ unit_id: string }>(
    'SELECT unit_id FROM councils WHERE secretariat_unit_id = $1 ORDER BY unit_id',
    [user.unitId],
  );
  const councils = await db.query<{ unit_id: string }>('SELECT unit_id FROM councils WHERE unit_id = $1', [
    user.unitId,
  ]);
  const clusters = await db.query<{ cluster_id: string }>(
    'SELECT cluster_id FROM cluster_members WHERE unit_id = $1 ORDER BY cluster_id',
    [user.unitId],
  );
  return {
    user,
    councilMemberOf: seats.map((s) => s.council_unit_id),
    secretariatOf: secretariat.map((s) => s.unit_id),
    councilUnits: councils.map((c) => c.unit_id),
    clusterMemberOf: clusters.map((c) => c.cluster_id),
  };
}
