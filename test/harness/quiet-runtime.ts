// Installed before any test file touches Temporal: keeps worker logs to warnings and errors so test
// output shows what failed, not every worker state change.
import { DefaultLogger, Runtime } from '@temporalio/worker';

Runtime.install({ logger: new DefaultLogger('WARN') });
