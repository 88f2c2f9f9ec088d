/**
 * One worker process of a fault run: the product's worker (createWorker, the real activities on the run's
 * PostgreSQL and SMTP) from a prebuilt bundle, so a restart after a SIGKILL takes seconds, not a webpack build.
 * It is worker/main.ts without the yearly Schedule, which is no part of a journey. Configured by the environment
 * (domain/config.ts) like the product's worker; prints READY_LINE once it polls, which the fleet waits for.
 */
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { parseConfig } from '../../domain/config.js';
import { workerFromConfig } from '../../worker/from-config.js';
import { READY_LINE } from './worker-ready.js';

// WARN keeps what the checks look for (failed workflow tasks, nondeterminism) and drops the routine lines.
Runtime.install({ logger: new DefaultLogger('WARN') });
const config = parseConfig(process.env);
if (!config.WORKFLOW_BUNDLE) throw new Error('a chaos worker needs WORKFLOW_BUNDLE');
const { worker, close } = await workerFromConfig(config);
const running = worker.run();
console.log(READY_LINE);
await running;
await close();
