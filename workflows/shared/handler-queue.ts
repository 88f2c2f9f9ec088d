/**
 * Update handlers that wait (for a turn, for the quota lane, for an activity in older cases) must not interleave:
 * each takes a turn and runs once every handler before it has released its own.
 *
 * `take()` is synchronous and the caller awaits the turn itself, so a handler has exactly the awaits it had when
 * this was written inline: the order of the commands a workflow task emits depends on how many microtasks each
 * coroutine passes through, and committed histories must keep replaying.
 */
export interface HandlerQueue {
  take(): { turn: Promise<void>; release: () => void };
}

export function handlerQueue(): HandlerQueue {
  let busy: Promise<void> = Promise.resolve();
  return {
    take() {
      const turn = busy;
      let release!: () => void;
      busy = new Promise((resolve) => (release = resolve));
      return { turn, release };
    },
  };
}
