/** Why a plan operation was refused: a Vietnamese message, and a code the web layer and activities map. */
export class PlanStoreError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'invalid' | 'unconfirmed' | 'stale',
    message: string,
  ) {
    super(message);
    this.name = 'PlanStoreError';
  }
}
