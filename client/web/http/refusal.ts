/** The HTTP status of a workflow's (or the domain's) refusal, for every page that acts on a case. */

/** Codes that say the person may not act here at all (their role, unit or seat), rather than "not now". */
const NOT_YOURS = new Set([
  'wrong-role',
  'wrong-unit',
  'not-involved',
  'not-a-member',
  'not-member',
  'recused',
  'acting-for-role',
  // The standing body advises on a complaint; concluding it is the leadership's.
  'advises-only',
]);

/** Someone acting out of their role, unit or seat is 403; a right person at a wrong moment is 422. */
export function refusalStatus(code: string): number {
  return NOT_YOURS.has(code) ? 403 : 422;
}
