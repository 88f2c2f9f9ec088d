/**
 * The bare Temporal baseline: a workflow that does nothing but answer a query and wait on a condition,
 * so "start + settle" of the product is compared with the cheapest workflow that also waits for a person.
 * Its query has the product's name (`state`), so the same readiness wait (waitUntilReady) serves both.
 */
import { condition, defineQuery, defineSignal, setHandler } from '@temporalio/workflow';

export const baselineStateQuery = defineQuery<{ waiting: boolean }>('state');
export const baselineFinishSignal = defineSignal('finish');

export async function benchBaseline(): Promise<void> {
  let finished = false;
  setHandler(baselineStateQuery, () => ({ waiting: !finished }));
  setHandler(baselineFinishSignal, () => {
    finished = true;
  });
  await condition(() => finished);
}
