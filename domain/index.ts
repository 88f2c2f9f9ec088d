/** The public surface of the pure domain: import from here in workflows, activities, the CLI and the UI. */
export * from './org.js';
export * from './stages.js';
export * from './calendar.js';
export * from './catalogue.js';
export * from './rules/index.js';
export * from './quota.js';
export * from './eligibility.js';
export * from './plan.js';
export * from './plans/index.js';
export * from './schemas.js';
export * from './i18n.js';
export * from './ics.js';
