// The retrieval half of a RAG advisor, shared by call and stream so both retrieve exactly once per
// request (the seed's /api/qwen/chat searched by hand and then again through QuestionAnswerAdvisor):
// query from the last user message → transformers → expander → retrievers → joiner →
// post-processors → augmenter, with documents and citations left in the advisor context.
import { textOf } from '@repo/core';
import type { AdvisedRequest, Message, UserMessage } from '@repo/core';
import { citeSources } from './cite-sources.js';
import { RAG_CONTEXT_KEYS } from './modular-rag-types.js';
import type {
  Citation,
  DocumentJoiner,
  DocumentPostProcessor,
  DocumentRetriever,
  QueryAugmenter,
  QueryExpander,
  QueryTransformer,
  RagQuery,
} from './modular-rag-types.js';
import type { ScoredDocument } from './rag-types.js';

export interface RagPipeline {
  queryTransformers: readonly QueryTransformer[];
  queryExpander?: QueryExpander | undefined;
  documentRetrievers: readonly DocumentRetriever[];
  documentJoiner: DocumentJoiner;
  documentPostProcessors: readonly DocumentPostProcessor[];
  queryAugmenter: QueryAugmenter;
}

/** What one request retrieved, for `onRetrieved` and for tests. */
export interface RetrievalResult {
  /** The user's question as asked (what the augmenter renders). */
  query: RagQuery;
  /** The queries actually searched, after transformation and expansion. */
  searchedQueries: RagQuery[];
  documents: ScoredDocument[];
  citations: Citation[];
  context: Map<string, unknown>;
}

export type AugmentedRequest =
  | { type: 'forward'; advised: AdvisedRequest; retrieval?: RetrievalResult }
  | { type: 'answer'; text: string; advised: AdvisedRequest; retrieval: RetrievalResult };

export async function augmentChatRequest(
  advised: AdvisedRequest,
  pipeline: RagPipeline,
): Promise<AugmentedRequest> {
  const { request, context } = advised;
  const userIndex = request.messages.findLastIndex((message) => message.role === 'user');
  const userText = userIndex < 0 ? '' : textOf(request.messages[userIndex]!).trim();
  // Nothing to search for (history-only prompt, image-only message): the request goes on as is.
  if (!userText) return { type: 'forward', advised };

  const signal = request.signal ? { signal: request.signal } : {};
  const query: RagQuery = {
    text: userText,
    history: request.messages.slice(0, userIndex),
    context,
  };
  let searched = query;
  for (const transform of pipeline.queryTransformers) searched = await transform(searched, signal);
  const searchedQueries = pipeline.queryExpander
    ? await pipeline.queryExpander(searched, signal)
    : [searched];
  // One ranked list per (query, retriever), fetched concurrently: they are independent searches.
  const rankedLists = await Promise.all(
    searchedQueries.flatMap((q) =>
      pipeline.documentRetrievers.map((retrieve) => retrieve(q, signal)),
    ),
  );
  let documents = pipeline.documentJoiner(rankedLists);
  for (const postProcess of pipeline.documentPostProcessors)
    documents = await postProcess(query, documents);

  const citations = citeSources(documents);
  context.set(RAG_CONTEXT_KEYS.documents, documents);
  context.set(RAG_CONTEXT_KEYS.citations, citations);
  const retrieval: RetrievalResult = { query, searchedQueries, documents, citations, context };

  const augmented = pipeline.queryAugmenter(query, documents);
  if (augmented.type === 'answer')
    return { type: 'answer', text: augmented.text, advised, retrieval };
  const messages = [...request.messages];
  messages[userIndex] = replaceText(messages[userIndex] as UserMessage, augmented.text);
  return { type: 'forward', advised: { request: { ...request, messages }, context }, retrieval };
}

// The augmented prompt replaces the text only: images the user attached still go to the model.
function replaceText(message: UserMessage, text: string): Message {
  const images = message.parts.filter((part) => part.type !== 'text');
  return { role: 'user', parts: [{ type: 'text', text }, ...images] };
}
