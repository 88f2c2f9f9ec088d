/** Diễn tập (rehearsal) of a drafted plan (issue 11): its input and result, the calendar and the conflicts. */
export * from './types.js';
export * from './notices.js';
export * from './conflicts.js';
export * from './calendar.js';
export * from './sample.js';
