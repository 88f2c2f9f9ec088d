/**
 * Why an action was refused: a Vietnamese sentence for the screen and an English one for the logs.
 * Pure; the workflow turns it into a Temporal ApplicationFailure of type "ActionRefused".
 */
export class Refusal extends Error {
  constructor(
    readonly code: string,
    readonly vi: string,
    readonly en: string,
  ) {
    super(vi);
    this.name = 'Refusal';
  }
}

export function refuse(code: string, vi: string, en: string): never {
  throw new Refusal(code, vi, en);
}
