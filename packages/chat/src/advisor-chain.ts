// The advisor chain (Spring AI's DefaultAroundAdvisorChain): advisors sorted by `order` wrap each
// other around a terminal, lowest order outermost. The terminal is the whole tool loop, so an
// advisor sees a complete turn (every tool round and the final answer), not one model call.
import { sortAdvisors } from '@repo/core';
import type { Advisor, CallAdvisorNext, StreamAdvisorNext } from '@repo/core';

/** Defaults first, then per-request advisors; a per-request advisor replaces a default of the same name. */
export function mergeAdvisors(
  defaults: readonly Advisor[],
  perRequest: readonly Advisor[],
): Advisor[] {
  // A handful of advisors at most, merged on every request: a scan beats building a Set of names.
  const replaced = (advisor: Advisor) => perRequest.some(({ name }) => name === advisor.name);
  return [...defaults.filter((advisor) => !replaced(advisor)), ...perRequest];
}

/**
 * The chain is built per request, and the advisors nearly always come already in order (a
 * client's defaults, then the request's own): those skip the sort's three arrays and objects.
 */
function inOrder(advisors: readonly Advisor[]): readonly Advisor[] {
  for (let i = 1; i < advisors.length; i++)
    if ((advisors[i - 1]!.order ?? 0) > (advisors[i]!.order ?? 0)) return sortAdvisors(advisors);
  return advisors;
}

export function buildCallChain(
  advisors: readonly Advisor[],
  terminal: CallAdvisorNext,
): CallAdvisorNext {
  // Built inside out: the last advisor wraps the terminal, the first wraps everything. Each link
  // calls the method on its advisor (no bound copy of it per request).
  return inOrder(advisors).reduceRight<CallAdvisorNext>(
    (next, advisor) =>
      advisor.adviseCall ? (request) => advisor.adviseCall!(request, next) : next,
    terminal,
  );
}

export function buildStreamChain(
  advisors: readonly Advisor[],
  terminal: StreamAdvisorNext,
): StreamAdvisorNext {
  return inOrder(advisors).reduceRight<StreamAdvisorNext>(
    (next, advisor) =>
      advisor.adviseStream ? (request) => advisor.adviseStream!(request, next) : next,
    terminal,
  );
}
