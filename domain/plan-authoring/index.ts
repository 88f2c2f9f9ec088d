/** "Lập kế hoạch năm …" (issue 11): drafting the coming year's plan, what to confirm, and what to refuse. */
export * from './clusters.js';
export * from './draft.js';
export * from './next-year.js';
export * from './review.js';
export * from './tet.js';
export * from './year-text.js';
export * from './season.js';
export * from './running.js';
export * from './amendment.js';
