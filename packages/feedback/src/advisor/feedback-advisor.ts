// The feedback advisor: gives every final chat answer a stable response id (in the advisor
// context under FEEDBACK_RESPONSE_ID, for the app to hand to its client) and keeps what a
// feedback target needs (the prompt the model saw, the answer, model, provider, sampling
// parameters), so that a later thumbs or rating on that id can be stored against it. Spring AI
// has no counterpart; it is LangSmith's and Langfuse's "trace id on every answer" as an advisor.
// Per request it costs a UUID and a Map insert: the target is built and written only when feedback
// arrives (or, with `persist: 'always'`, after the response, off the request's path).
import { randomUUID } from 'node:crypto';
import type { AdvisedRequest, ChatResponse, ChatStreamEvent, StreamAdvisorNext } from '@repo/core';
import { AiError } from '@repo/core';
import { invalidInput } from '../feedback-errors.js';
import type { FeedbackStore } from '../store/feedback-store.js';
import { FEEDBACK_LIMITS } from '../store/field-checks.js';
import type { FeedbackAdvisor, FeedbackAdvisorOptions } from './feedback-advisor-options.js';
import { toTargetInput } from './feedback-target-input.js';
import { PendingTargets, type PendingTarget } from './pending-targets.js';

/**
 * The advisor-context key of an answer's response id. Set by the advisor on the way in; an app
 * that must know the id before the answer exists (to put it in a stream's last event) sets it
 * itself with `prompt.advisorContext({ [FEEDBACK_RESPONSE_ID]: id })`. Removed again when the
 * answer cannot be judged (a turn that ended in tool calls, a prompt not ending with a user or
 * tool message).
 */
export const FEEDBACK_RESPONSE_ID = 'feedback.responseId';

export const FEEDBACK_ADVISOR_DEFAULTS = {
  maxPending: 1_000,
  pendingTtlMs: 30 * 60_000,
  order: 1_000,
} as const;

export function createFeedbackAdvisor(options: FeedbackAdvisorOptions): FeedbackAdvisor {
  const persist = options.persist ?? 'on-feedback';
  const createId = options.createId ?? randomUUID;
  const onError = options.onError ?? warnNotRecorded;
  const pending = new PendingTargets({
    maxSize: positive(options.maxPending, FEEDBACK_ADVISOR_DEFAULTS.maxPending, 'maxPending'),
    ttlMs: positive(options.pendingTtlMs, FEEDBACK_ADVISOR_DEFAULTS.pendingTtlMs, 'pendingTtlMs'),
    now: options.now ?? Date.now,
  });
  const inFlight = new Set<Promise<void>>();
  const source = options.store;
  const store = (): Promise<FeedbackStore> =>
    typeof source === 'function' ? source() : Promise.resolve(source);

  const responseIdOf = (context: Map<string, unknown>): string => {
    const given = context.get(FEEDBACK_RESPONSE_ID);
    if (given === undefined) {
      const id = createId();
      context.set(FEEDBACK_RESPONSE_ID, id);
      return id;
    }
    if (typeof given !== 'string' || given.trim() === '' || given.length > FEEDBACK_LIMITS.idLength)
      throw invalidInput(
        FEEDBACK_RESPONSE_ID,
        'must be a non-empty string of at most 200 characters',
      );
    return given;
  };

  const write = (responseId: string, target: PendingTarget) => {
    const task = new Promise<void>((resolve) => setImmediate(resolve))
      .then(store)
      .then((opened) => opened.recordTarget(toTargetInput(responseId, target)))
      .then(
        () => pending.delete(responseId, target),
        (error: unknown) => onError(error, responseId),
      )
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  };

  const hold = (responseId: string, advised: AdvisedRequest, response: ChatResponse) => {
    if (!isJudgeable(advised, response)) {
      advised.context.delete(FEEDBACK_RESPONSE_ID);
      return;
    }
    const { messages, options: chatOptions } = advised.request;
    const target = { prompt: messages, options: chatOptions, response, createdAt: new Date() };
    pending.add(responseId, target);
    if (persist === 'always') write(responseId, target);
  };

  return {
    name: options.name ?? 'feedback',
    order: options.order ?? FEEDBACK_ADVISOR_DEFAULTS.order,
    async adviseCall(advised, next) {
      const responseId = responseIdOf(advised.context);
      const result = await next(advised);
      hold(responseId, { request: advised.request, context: result.context }, result.response);
      return result;
    },
    async *adviseStream(advised, next: StreamAdvisorNext): AsyncGenerator<ChatStreamEvent> {
      const responseId = responseIdOf(advised.context);
      for await (const event of next(advised)) {
        // Held before the finish event goes out: a client may send feedback right after it.
        if (event.type === 'finish') hold(responseId, advised, event.response);
        yield event;
      }
    },
    async resolveTarget(responseId) {
      const held = pending.get(responseId);
      const opened = await store();
      if (!held) return opened.getTarget(responseId);
      const stored = await opened.recordTarget(toTargetInput(responseId, held));
      pending.delete(responseId, held);
      return stored;
    },
    isPending: (responseId) => pending.get(responseId) !== undefined,
    get pendingCount() {
      return pending.size;
    },
    async flush() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
}

/** A final answer to a prompt that a training row can be made of. */
function isJudgeable(advised: AdvisedRequest, response: ChatResponse): boolean {
  if (response.finishReason === 'tool-calls') return false;
  const role = advised.request.messages.at(-1)?.role;
  return role === 'user' || role === 'tool';
}

function positive(value: number | undefined, fallback: number, field: string): number {
  if (value === undefined) return fallback;
  if (Number.isInteger(value) && value > 0) return value;
  throw invalidInput(field, 'must be a positive integer');
}

// Ids and kinds only: the error's message may quote the prompt (docs/conventions.md rule 10).
function warnNotRecorded(error: unknown, responseId: string): void {
  const kind =
    error instanceof AiError ? error.kind : error instanceof Error ? error.name : 'error';
  console.warn(`feedback: the target of response ${responseId} was not recorded (${kind})`);
}
