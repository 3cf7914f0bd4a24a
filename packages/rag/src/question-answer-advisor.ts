// Spring AI's QuestionAnswerAdvisor: search the vector store with the user's question, put the hits
// into the user message with the QA template, answer with citations. It is the retrieval-
// augmentation pipeline with one retriever and the QA template, so the two advisors cannot drift;
// it searches once per request in call and stream alike (the seed searched twice per request).
// The store's search mode, weights and relevance cut-off pass through, and so do post-processors
// (a reranker).
import type { Advisor } from '@repo/core';
import { createContextualQueryAugmenter } from './augment-query.js';
import type { ContextualQueryAugmenterOptions } from './augment-query.js';
import { concatenateDocuments } from './join-documents.js';
import { QUESTION_ANSWER_PROMPT, QUESTION_ANSWER_PROMPT_ZH } from './rag-prompts.js';
import { createRetrievalAugmentationAdvisor } from './retrieval-augmentation-advisor.js';
import type { RetrievalAugmentationAdvisorOptions } from './retrieval-augmentation-advisor.js';
import { createVectorStoreDocumentRetriever } from './retrieve-documents.js';
import type { VectorStoreDocumentRetrieverOptions } from './retrieve-documents.js';

export interface QuestionAnswerAdvisorOptions
  extends
    VectorStoreDocumentRetrieverOptions,
    Omit<ContextualQueryAugmenterOptions, 'promptTemplate'>,
    Pick<
      RetrievalAugmentationAdvisorOptions,
      'onRetrieved' | 'order' | 'name' | 'documentPostProcessors'
    > {
  /**
   * `{query}` and `{context}` (or Spring AI's `{question_answer_context}`), or one per language.
   * Default: Spring AI's QA template, and a Chinese variant for mostly-CJK questions.
   */
  promptTemplate?: ContextualQueryAugmenterOptions['promptTemplate'];
}

export function createQuestionAnswerAdvisor(options: QuestionAnswerAdvisorOptions): Advisor {
  const { vectorStore, topK, similarityThreshold, filter, mode, weights, minRelevance } = options;
  const { onRetrieved, order, name, documentPostProcessors } = options;
  return createRetrievalAugmentationAdvisor({
    documentRetriever: createVectorStoreDocumentRetriever({
      vectorStore,
      topK,
      similarityThreshold,
      filter,
      mode,
      weights,
      minRelevance,
    }),
    documentJoiner: concatenateDocuments,
    documentPostProcessors,
    queryAugmenter: createContextualQueryAugmenter({
      ...options,
      promptTemplate: options.promptTemplate ?? {
        en: QUESTION_ANSWER_PROMPT,
        zh: QUESTION_ANSWER_PROMPT_ZH,
      },
    }),
    onRetrieved,
    order,
    name: name ?? 'question-answer',
  });
}
