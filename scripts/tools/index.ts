export { ensureTemporalCli, findTemporalCli, TEMPORAL_CLI_VERSION, type ResolvedTool } from './temporal-cli.js';
export { ensureTestServer, findTestServer, TEST_SERVER_VERSION } from './test-server.js';
export { repoRoot } from './paths.js';
