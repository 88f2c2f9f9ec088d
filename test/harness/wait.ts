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
