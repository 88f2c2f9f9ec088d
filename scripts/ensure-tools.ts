/**
 * `npm run tools`: makes sure the Temporal CLI (dev server) and the Java time-skipping test server are
 * available, building them from package registries when missing. Idempotent and fast when cached.
 */
import { ensureTemporalCli, ensureTestServer } from './tools/index.js';

const cli = ensureTemporalCli();
const testServer = ensureTestServer();
console.log(`temporal CLI:         ${cli ? `${cli.path} (${cli.source})` : 'SDK download at run time'}`);
console.log(
  `temporal test server: ${testServer ? `${testServer.path} (${testServer.source})` : 'SDK download at run time'}`,
);
