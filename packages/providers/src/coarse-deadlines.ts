// Deadlines checked by one shared timer instead of a setTimeout per call. A whole-answer timeout
// almost never fires, yet arming and clearing a timer for every call was a visible share of a
// chat call's CPU in the chat bench (a Timeout object and two timer-list updates each). Here a
// call adds itself to a set and removes itself when done; one unref'd interval, running only while
// the set has been busy, fires what is overdue. A timeout fires up to TICK_MS late: nothing here
// times out in less than seconds in practice, and the tests' shortest is 50 ms.

const TICK_MS = 25;

interface Deadline {
  at: number;
  onExpire: () => void;
}

const pending = new Set<Deadline>();
let ticker: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  // Stops on the first idle tick, so a quiet process keeps no timer going.
  if (pending.size === 0) {
    clearInterval(ticker);
    ticker = undefined;
    return;
  }
  const now = Date.now();
  for (const deadline of pending)
    if (deadline.at <= now) {
      pending.delete(deadline);
      deadline.onExpire();
    }
}

/** Calls `onExpire` once `ms` have passed, unless the returned function is called first. */
export function watchDeadline(ms: number, onExpire: () => void): () => void {
  const deadline: Deadline = { at: Date.now() + ms, onExpire };
  pending.add(deadline);
  if (ticker === undefined) {
    ticker = setInterval(tick, TICK_MS);
    ticker.unref();
  }
  return () => void pending.delete(deadline);
}
