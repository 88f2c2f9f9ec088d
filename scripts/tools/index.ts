export { ensureTemporalCli, findTemporalCli, TEMPORAL_CLI_VERSION, type ResolvedTool } from './temporal-cli.js';
export {
  ensureTemporalServer,
  findTemporalServer,
  TEMPORAL_SERVER_VERSION,
  type TemporalServerTools,
} from './temporal-server.js';
export { ensureTestServer, findTestServer, TEST_SERVER_VERSION } from './test-server.js';
export { repoRoot } from './paths.js';
