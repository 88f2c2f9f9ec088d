/**
 * The workflow's clock. Inside a workflow Temporal makes Date deterministic (it reads the time of the
 * current workflow task, and replays the same value), so this is safe here and only here.
 */
export function nowIso(): string {
  return new Date(Date.now()).toISOString();
}
