/** The workflow bundle's entry point: every workflow type the tdkt worker runs. */
export { nomination } from './nomination/workflow.js';
export { forwardedCase } from './nomination/forwarded.js';
export { quotaLedger } from './quota/ledger.js';
export { plan, nextYearPlan, registration, compact, advancedModels, complaint } from './plan/index.js';
export { movement } from './movement/workflow.js';
