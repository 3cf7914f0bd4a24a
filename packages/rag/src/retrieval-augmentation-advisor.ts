// Spring AI's RetrievalAugmentationAdvisor for @repo/chat's ChatClient (any chain running core's
// Advisor contract): transformers → expander → retriever(s) → joiner → post-processors → augmenter
// around both `call()` and `stream()`. Documents and citations land in the advisor context, which
// the caller reads from `call()`'s `context` or `stream().collect()`'s, or through `onRetrieved`.
import { CHAT_CONTEXT_KEYS, emptyUsage } from '@repo/core';
import type { AdvisedRequest, Advisor, ChatResponse, ChatStreamEvent } from '@repo/core';
import { augmentChatRequest } from './augment-chat-request.js';
import type { RagPipeline, RetrievalResult } from './augment-chat-request.js';
import { createContextualQueryAugmenter } from './augment-query.js';
import { concatenateDocuments } from './join-documents.js';
import type {
  DocumentJoiner,
  DocumentPostProcessor,
  DocumentRetriever,
  QueryAugmenter,
  QueryExpander,
  QueryTransformer,
} from './modular-rag-types.js';

export interface RetrievalAugmentationAdvisorOptions {
  /** Applied in order to the user's question before searching. */
  queryTransformers?: readonly QueryTransformer[];
  queryExpander?: QueryExpander;
  /** One retriever, or several whose results are joined (e.g. two stores fused by RRF). */
  documentRetriever: DocumentRetriever | readonly DocumentRetriever[];
  /** Default `concatenateDocuments`; use `fuseReciprocalRank` for several queries or retrievers. */
  documentJoiner?: DocumentJoiner;
  documentPostProcessors?: readonly DocumentPostProcessor[];
  /** Default `createContextualQueryAugmenter()` (fixed "I don't know" on an empty context). */
  queryAugmenter?: QueryAugmenter;
  /** Called once per request after retrieval, before the model (e.g. to send citations first over SSE). */
  onRetrieved?: (retrieval: RetrievalResult) => void;
  /** Default 0 (Spring AI's); memory advisors (-1000) run outside it, so history is already in. */
  order?: number;
  name?: string;
}

export function createRetrievalAugmentationAdvisor(
  options: RetrievalAugmentationAdvisorOptions,
): Advisor {
  const pipeline: RagPipeline = {
    queryTransformers: options.queryTransformers ?? [],
    queryExpander: options.queryExpander,
    documentRetrievers:
      typeof options.documentRetriever === 'function'
        ? [options.documentRetriever]
        : options.documentRetriever,
    documentJoiner: options.documentJoiner ?? concatenateDocuments,
    documentPostProcessors: options.documentPostProcessors ?? [],
    queryAugmenter: options.queryAugmenter ?? createContextualQueryAugmenter(),
  };
  return createRagAdvisor(pipeline, options, 'retrieval-augmentation');
}

/** The advisor around a pipeline; the question-answer advisor is the same with other defaults. */
function createRagAdvisor(
  pipeline: RagPipeline,
  options: Pick<RetrievalAugmentationAdvisorOptions, 'onRetrieved' | 'order' | 'name'>,
  defaultName: string,
): Advisor {
  const augment = async (advised: AdvisedRequest) => {
    const augmented = await augmentChatRequest(advised, pipeline);
    if (augmented.retrieval) options.onRetrieved?.(augmented.retrieval);
    return augmented;
  };
  return {
    name: options.name ?? defaultName,
    order: options.order ?? 0,
    async adviseCall(advised, next) {
      const augmented = await augment(advised);
      if (augmented.type === 'forward') return next(augmented.advised);
      const response = answerDirectly(advised, augmented.text);
      return { response, context: advised.context, messages: [response.message] };
    },
    // A generator, so the search starts when the caller starts reading, like the model call would.
    async *adviseStream(advised, next): AsyncGenerator<ChatStreamEvent> {
      const augmented = await augment(advised);
      if (augmented.type === 'forward') {
        yield* next(augmented.advised);
        return;
      }
      const response = answerDirectly(advised, augmented.text);
      yield { type: 'text-delta', text: augmented.text };
      yield { type: 'usage', usage: response.usage };
      yield { type: 'finish', finishReason: 'stop', response };
    },
  };
}

// The empty-context answer, shaped like a model turn with zero usage so callers, memory and
// metrics advisors treat it as any other answer. The keys are the ones the chat client fills.
function answerDirectly({ request, context }: AdvisedRequest, text: string): ChatResponse {
  return {
    id: 'rag-empty-context',
    provider: String(context.get(CHAT_CONTEXT_KEYS.provider) ?? 'rag'),
    model: request.options?.model ?? String(context.get(CHAT_CONTEXT_KEYS.model) ?? 'none'),
    message: { role: 'assistant', parts: [{ type: 'text', text }] },
    text,
    finishReason: 'stop',
    usage: emptyUsage(),
    totalUsage: emptyUsage(),
  };
}
