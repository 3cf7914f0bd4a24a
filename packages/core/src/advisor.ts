// Advisors: around-advice for chat requests (Spring AI's CallAdvisor / StreamAdvisor). Each
// advisor may change the request, call `next`, and change or observe the response; the chain
// runs in `order` (lower first on the way in, last on the way out). The chain itself lives in
// `@repo/chat`; this is the contract advisors are written against.
import type { ChatRequest, ChatResponse, ChatStreamEvent } from './chat-model.js';
import type { Message } from './message.js';

/** A request travelling through the chain, with a context shared by every advisor of this request. */
export interface AdvisedRequest {
  request: ChatRequest;
  /** Per-request values advisors share (conversation id, retrieved documents, timings). */
  context: Map<string, unknown>;
}

/**
 * Context keys the chat client (`@repo/chat`) fills: `provider` and `model` before the chain runs
 * (requests carry no provider), `messages` after (the `Message[]` the request produced, set before
 * a stream's `finish` event since streams have no `messages` field). Here rather than in chat so
 * advisors in other packages (memory, rag) read them without importing chat.
 */
export const CHAT_CONTEXT_KEYS = {
  provider: 'chat.provider',
  model: 'chat.model',
  messages: 'chat.messages',
} as const;

export interface AdvisedResponse {
  response: ChatResponse;
  context: Map<string, unknown>;
  /**
   * Every message this turn produced, in order: assistant turns with tool calls, tool results and
   * the final answer (what a memory advisor stores). Absent means just `response.message`.
   */
  messages?: Message[];
}

export type CallAdvisorNext = (request: AdvisedRequest) => Promise<AdvisedResponse>;
export type StreamAdvisorNext = (request: AdvisedRequest) => AsyncIterable<ChatStreamEvent>;

export interface Advisor {
  /** Unique within a chain; used in logs and to replace an advisor by name. */
  readonly name: string;
  /** Lower runs first. Default 0. Spring AI's `Ordered`. */
  readonly order?: number;
  /** Around-advice for `call()`. An advisor without it is skipped for calls. */
  adviseCall?(request: AdvisedRequest, next: CallAdvisorNext): Promise<AdvisedResponse>;
  /** Around-advice for `stream()`. An advisor without it is skipped for streams. */
  adviseStream?(request: AdvisedRequest, next: StreamAdvisorNext): AsyncIterable<ChatStreamEvent>;
}

/** Advisors sorted by order; equal orders keep their registration order. */
export function sortAdvisors<T extends Pick<Advisor, 'order'>>(advisors: readonly T[]): T[] {
  return advisors
    .map((advisor, index) => ({ advisor, index }))
    .sort((a, b) => (a.advisor.order ?? 0) - (b.advisor.order ?? 0) || a.index - b.index)
    .map(({ advisor }) => advisor);
}
