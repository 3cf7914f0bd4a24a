// A listwise reranker (a modular-RAG post-processing stage): any ChatModel reads the question and
// the numbered passages and replies with their numbers, best first. Written here because neither
// Spring AI nor LangChain.js ships a model-agnostic listwise reranker (LangChain's rerankers call
// Cohere or a cross-encoder service). Off by default: the embedded model cannot judge relevance,
// a hosted model can. A reply with no usable number keeps the retrieval order.
import { InvalidInputError, type ChatModel, type ChatOptions } from '@repo/core';
import { completePrompt } from './complete-prompt.js';
import type { DocumentPostProcessor } from './modular-rag-types.js';
import { assertPlaceholders, pickByLanguage, renderPrompt } from './rag-prompts.js';

export const LISTWISE_RERANK_PROMPT = `Rank the passages below by how well they answer the question.
Reply with the passage numbers only, best first, separated by commas (for example: 3, 1, 2).
Leave out passages that do not help answer the question.

Question: {query}

{documents}`;

export const LISTWISE_RERANK_PROMPT_ZH = `请根据下面各段落回答问题的程度给它们排序。
只回复段落编号，最相关的在前，用逗号分隔（例如：3, 1, 2）。
与问题无关的段落不要列出。

问题：{query}

{documents}`;

export interface ListwiseRerankerOptions {
  chatModel: ChatModel;
  /** How many documents to keep after reranking (default: all). */
  topN?: number;
  /** Drop the documents the model left out (default false: they follow, in retrieval order). */
  dropUnranked?: boolean;
  /** Characters of each passage shown to the model (default 800). */
  maxChars?: number;
  /** A prompt with `{query}` and `{documents}`, or one per language (`zh` for a CJK question). */
  promptTemplate?: string | { en: string; zh: string };
  /** Default `{ temperature: 0 }`. */
  chatOptions?: ChatOptions;
}

export function createListwiseReranker(options: ListwiseRerankerOptions): DocumentPostProcessor {
  const topN = options.topN;
  if (topN !== undefined && !(Number.isInteger(topN) && topN >= 1))
    throw invalid('topN', 'must be a whole number of at least 1');
  const maxChars = options.maxChars ?? 800;
  if (!(Number.isInteger(maxChars) && maxChars >= 20))
    throw invalid('maxChars', 'must be a whole number of at least 20');
  const given = options.promptTemplate ?? {
    en: LISTWISE_RERANK_PROMPT,
    zh: LISTWISE_RERANK_PROMPT_ZH,
  };
  const templates = typeof given === 'string' ? { en: given, zh: given } : given;
  assertPlaceholders('promptTemplate.en', templates.en, ['query', 'documents']);
  assertPlaceholders('promptTemplate.zh', templates.zh, ['query', 'documents']);

  return async (query, documents) => {
    if (documents.length < 2) return documents.slice(0, topN);
    const passages = documents
      .map((document, i) => `[${i + 1}] ${clip(document.text, maxChars)}`)
      .join('\n\n');
    const template = pickByLanguage(query.text, templates.en, templates.zh);
    const reply = await completePrompt(
      options.chatModel,
      renderPrompt(template, { query: query.text, documents: passages }),
      { options: options.chatOptions },
    );
    const order = parseRanking(reply, documents.length);
    if (order.length === 0) return documents.slice(0, topN); // nothing usable: keep retrieval order
    const ranked = order.map((i) => documents[i]!);
    const rest = options.dropUnranked ? [] : documents.filter((_, i) => !order.includes(i));
    return [...ranked, ...rest].slice(0, topN);
  };
}

/**
 * The passage numbers in a reply, as 0-based indexes in the order given: numbers outside 1…count
 * and repeats are ignored, so "[2] > [1]", "2, 1" and "Passage 2 is best, then 1" all read 2, 1.
 */
export function parseRanking(reply: string, count: number): number[] {
  const order: number[] = [];
  for (const match of reply.matchAll(/\d+/g)) {
    const index = Number(match[0]) - 1;
    if (index >= 0 && index < count && !order.includes(index)) order.push(index);
  }
  return order;
}

function clip(text: string, maxChars: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > maxChars ? chars.slice(0, maxChars).join('') + '…' : chars.join('');
}

function invalid(field: string, reason: string): InvalidInputError {
  return new InvalidInputError(`${field} ${reason}`, [{ field, reason }]);
}
