/**
 * `npm run tools`: makes sure the Temporal CLI (dev server) and the Java time-skipping test server are
 * available, building them from package registries when missing. Idempotent and fast when cached.
 * `npm run tools:server` (`--server`) also builds the real Temporal server and its SQL tool, which only the
 * production-topology test (`npm run test:topology`) needs.
 */
import { ensureTemporalCli, ensureTemporalServer, ensureTestServer } from './tools/index.js';

const cli = ensureTemporalCli();
const testServer = ensureTestServer();
console.log(`temporal CLI:         ${cli ? `${cli.path} (${cli.source})` : 'SDK download at run time'}`);
console.log(
  `temporal test server: ${testServer ? `${testServer.path} (${testServer.source})` : 'SDK download at run time'}`,
);
if (process.argv.includes('--server')) {
  const server = ensureTemporalServer();
  console.log(`temporal server:      ${server.binDir} (${server.source}: temporal-server, temporal-sql-tool)`);
}
