/** The year's plan and its cases (registration, compact, advanced models, complaints): pure rules. */
export * from './common.js';
export * from './registration.js';
export * from './compact.js';
export * from './plan-run.js';
export * from './advanced-model.js';
export * from './complaint.js';
