import type { TestWorkflowEnvironment } from '@temporalio/testing';

/**
 * Retries an assertion until it passes: visibility is eventually consistent, so lists lag a moment
 * behind the workflows they describe. Fails with the assertion's own error after the deadline.
 */
export async function waitFor(
  assertion: () => Promise<void> | void,
  timeoutMs = 10_000,
  intervalMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

/**
 * Moves a time-skipping environment's clock on to an instant (nothing when it is already past): the timers due
 * meanwhile fire on the way, as they would in real time.
 */
export async function untilInstant(env: TestWorkflowEnvironment, iso: string): Promise<void> {
  const ms = Date.parse(iso) - (await env.currentTimeMs());
  if (ms > 0) await env.sleep(ms);
}
