// One AbortSignal per attempt that fires on the caller's signal or on our own timeout, and
// remembers which of the two fired: the SDK reports both as the same abort, but callers must get
// TimeoutError (maybe try another model) or AbortedError (stop) respectively.

/** Per attempt unless the model or request says otherwise. */
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface AttemptSignal {
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  timedOut(): boolean;
  callerAborted(): boolean;
  /** Restart the timer: streams use the timeout as an idle limit between chunks. */
  touch(): void;
  /** The attempt finished normally: stop the timer and detach, without aborting. */
  complete(): void;
  /** Stop the timer and detach from the caller's signal; aborts the request unless completed. */
  dispose(): void;
}

export function createAttemptSignal(
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
): AttemptSignal {
  const controller = new AbortController();
  let timedOut = false;
  let completed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) controller.abort(callerSignal.reason);
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

  const arm = () => {
    if (timer !== undefined) clearTimeout(timer);
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) return;
    timer = setTimeout(() => {
      if (controller.signal.aborted) return;
      timedOut = true;
      controller.abort(new Error(`Timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  };
  arm();

  return {
    signal: controller.signal,
    timeoutMs,
    timedOut: () => timedOut,
    callerAborted: () => !timedOut && callerSignal?.aborted === true,
    touch: () => {
      if (!controller.signal.aborted) arm();
    },
    complete: () => {
      completed = true;
      if (timer !== undefined) clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
      // Aborting a finished request is pure cost (a DOMException with a stack trace per call,
      // the largest item in the providers bench profile), so only an open one is aborted.
      if (!completed && !controller.signal.aborted) controller.abort();
    },
  };
}
