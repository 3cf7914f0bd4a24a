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
  const names = new Set(perRequest.map((advisor) => advisor.name));
  return [...defaults.filter((advisor) => !names.has(advisor.name)), ...perRequest];
}

export function buildCallChain(
  advisors: readonly Advisor[],
  terminal: CallAdvisorNext,
): CallAdvisorNext {
  // Built inside out: the last advisor wraps the terminal, the first wraps everything.
  return sortAdvisors(advisors).reduceRight<CallAdvisorNext>((next, advisor) => {
    const adviseCall = advisor.adviseCall?.bind(advisor);
    return adviseCall ? (request) => adviseCall(request, next) : next;
  }, terminal);
}

export function buildStreamChain(
  advisors: readonly Advisor[],
  terminal: StreamAdvisorNext,
): StreamAdvisorNext {
  return sortAdvisors(advisors).reduceRight<StreamAdvisorNext>((next, advisor) => {
    const adviseStream = advisor.adviseStream?.bind(advisor);
    return adviseStream ? (request) => adviseStream(request, next) : next;
  }, terminal);
}
