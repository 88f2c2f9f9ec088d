/**
 * The one catch-up rule for reminders: when several of a case's reminders are due at once (a worker outage, a
 * hold, a deadline moved into the past), only the latest of each group goes out and the others are recorded as
 * superseded, so nobody gets a burst of stale mail and the audit still shows each one. Used by the nomination and
 * every year case (registration, compact, plan, advanced models, complaint).
 */
export function latestPerGroup<T>(
  due: readonly T[],
  groupOf: (item: T) => string = () => '',
): { send: T[]; superseded: T[] } {
  const latest = new Map<string, T>();
  const superseded: T[] = [];
  for (const item of due) {
    const previous = latest.get(groupOf(item));
    if (previous !== undefined) superseded.push(previous);
    latest.set(groupOf(item), item);
  }
  return { send: [...latest.values()], superseded };
}
