/**
 * The bare Temporal baseline: a workflow that does nothing but answer a query and wait on a condition,
 * so "start + settle" of the product is compared with the cheapest workflow that also waits for a person.
 * Its query has the product's name (`state`), so the same readiness wait (waitUntilReady) serves both.
 */
import { condition, defineQuery, defineSignal, proxyActivities, setHandler, sleep } from '@temporalio/workflow';

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

export interface BareYearCaseInput {
  /** ISO instants: the case sleeps until each and calls one no-op activity there (a "notice"). */
  instants: string[];
}

/**
 * The bare baseline of a rehearsal (bench/rehearsal.ts): one workflow per case of the year, with a timer and one
 * activity at each instant where the product's case sent a notice, and nothing else.
 */
export async function bareYearCase(input: BareYearCaseInput): Promise<number> {
  const { notice } = proxyActivities<{ notice(at: string): Promise<void> }>({ startToCloseTimeout: '1 minute' });
  let sent = 0;
  for (const at of input.instants) {
    const ms = Date.parse(at) - Date.now();
    if (ms > 0) await sleep(ms);
    await notice(at);
    sent += 1;
  }
  return sent;
}
