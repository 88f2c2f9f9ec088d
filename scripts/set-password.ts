/**
 * Sets an account's password from the command line, for the first administrator of an install without the demo
 * (docs/getting-started.md): `npm run --silent user:password -- <username or user id>`, the password on standard input (typed,
 * or piped: `printf '%s' "$PASSWORD" | npm run …`), so it never shows in the shell's history or the process list.
 * The account must be in the directory (`npm run directory:import`). For the embedded default, stop `npm start`
 * first. DATABASE_URL selects the database, as for the app.
 */
import { text } from 'node:stream/consumers';
import { parseConfig } from '../domain/config.js';
import { setPassword } from '../store/credentials.js';
import { getUser, getUserByUsername } from '../store/directory.js';
import { openMigratedDatabase } from '../store/open.js';

/** Long enough that a guessed password is not the weak point; the web's sign-in limits tries as well. */
const MIN_LENGTH = 12;

const account = process.argv[2];
if (!account) {
  console.error('usage: npm run --silent user:password -- <username or user id>   (the password on standard input)');
  process.exit(2);
}
if (process.stdin.isTTY) process.stderr.write(`Password for ${account} (then Enter, Ctrl-D): `);
const password = (await text(process.stdin)).replace(/\r?\n$/, '');
if (password.length < MIN_LENGTH) {
  console.error(`user:password: the password must have at least ${MIN_LENGTH} characters; nothing changed`);
  process.exit(1);
}
const db = await openMigratedDatabase(parseConfig(process.env).DATABASE_URL);
try {
  const user = (await getUser(db, account)) ?? (await getUserByUsername(db, account));
  if (!user) {
    console.error(`user:password: no account ${account} in the directory; nothing changed`);
    process.exitCode = 1;
  } else {
    await setPassword(db, user.id, password);
    console.log(`user:password: password of ${account} set`);
  }
} finally {
  await db.close();
}
