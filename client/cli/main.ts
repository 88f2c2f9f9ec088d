/** The `tdkt` binary: connects to Temporal and the directory database from the environment, then runs one command. */
import { Client, Connection } from '@temporalio/client';
import { getUserByUsername, openDatabase } from '../../store/index.js';
import { parseConfig } from '../../domain/config.js';
import { CasesClient } from '../lib/cases.js';
import { runCli, USAGE } from './cli.js';

const argv = process.argv.slice(2);
if (argv.length === 0 || argv.includes('--help')) {
  console.log(USAGE);
  process.exit(argv.length === 0 ? 2 : 0);
}
const config = parseConfig(process.env);
const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
// The directory is only read (to turn --as usernames into actors); it is opened lazily, for commands that need it.
let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
const code = await runCli(argv, {
  cases: new CasesClient(new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }), config.TEMPORAL_TASK_QUEUE),
  async actorFor(username) {
    db ??= await openDatabase(config.DATABASE_URL);
    const user = await getUserByUsername(db, username);
    return user
      ? { userId: user.id, displayName: user.displayName, role: user.roles[0]!, unitId: user.unitId, actingFor: null }
      : null;
  },
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
await db?.close();
await connection.close();
process.exit(code);
