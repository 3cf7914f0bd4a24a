// Pre-retrieval query transformers (Spring AI's RewriteQueryTransformer, CompressionQueryTransformer
// and TranslationQueryTransformer): each asks the chat model for one better query. A reply with
// nothing usable keeps the original query: retrieval on the user's words beats retrieval on "".
import { textOf } from '@repo/core';
import type { ChatModel, ChatOptions, Message } from '@repo/core';
import { completePrompt, parseSingleQuery } from './complete-prompt.js';
import type { QueryTransformer, RagQuery } from './modular-rag-types.js';
import {
  assertPlaceholders,
  COMPRESS_QUERY_PROMPT,
  renderPrompt,
  REWRITE_QUERY_PROMPT,
  TRANSLATE_QUERY_PROMPT,
} from './rag-prompts.js';

export interface QueryTransformerOptions {
  chatModel: ChatModel;
  /** A custom prompt; must keep the default's placeholders. */
  promptTemplate?: string;
  /** Default `{ temperature: 0 }`. */
  chatOptions?: ChatOptions;
}

export interface RewriteQueryTransformerOptions extends QueryTransformerOptions {
  /** What the query will be run against (default `vector store`). */
  targetSearchSystem?: string;
}

/** Rewrites a wordy or vague question into a concise search query. */
export function createRewriteQueryTransformer(
  options: RewriteQueryTransformerOptions,
): QueryTransformer {
  const template = options.promptTemplate ?? REWRITE_QUERY_PROMPT;
  assertPlaceholders('promptTemplate', template, ['query', 'target']);
  const target = options.targetSearchSystem ?? 'vector store';
  return (query, stage) =>
    ask(options, renderPrompt(template, { query: query.text, target }), query, stage?.signal);
}

/**
 * Folds the conversation into a standalone query ("and in 2020?" → "Tesla revenue in 2020"). With
 * no history there is nothing to fold, so the model is not called.
 */
export function createCompressionQueryTransformer(
  options: QueryTransformerOptions,
): QueryTransformer {
  const template = options.promptTemplate ?? COMPRESS_QUERY_PROMPT;
  assertPlaceholders('promptTemplate', template, ['history', 'query']);
  return async (query, stage) => {
    const history = formatHistory(query.history ?? []);
    if (!history) return query;
    const prompt = renderPrompt(template, { history, query: query.text });
    return ask(options, prompt, query, stage?.signal);
  };
}

export interface TranslationQueryTransformerOptions extends QueryTransformerOptions {
  /** The language the documents are written in, e.g. `English` or `Chinese`. */
  targetLanguage: string;
}

/** Translates the query into the documents' language (an embedding model is often monolingual). */
export function createTranslationQueryTransformer(
  options: TranslationQueryTransformerOptions,
): QueryTransformer {
  const template = options.promptTemplate ?? TRANSLATE_QUERY_PROMPT;
  assertPlaceholders('promptTemplate', template, ['query', 'targetLanguage']);
  const targetLanguage = options.targetLanguage;
  return (query, stage) =>
    ask(
      options,
      renderPrompt(template, { query: query.text, targetLanguage }),
      query,
      stage?.signal,
    );
}

/** User and assistant turns as `user: …` lines; system prompts and tool traffic are not the topic. */
export function formatHistory(messages: readonly Message[]): string {
  return messages
    .filter((message) => message.role === 'user' || message.role === 'assistant')
    .map((message) => ({ role: message.role, text: textOf(message).trim() }))
    .filter(({ text }) => text.length > 0)
    .map(({ role, text }) => `${role}: ${text}`)
    .join('\n');
}

async function ask(
  options: QueryTransformerOptions,
  prompt: string,
  query: RagQuery,
  signal: AbortSignal | undefined,
): Promise<RagQuery> {
  const reply = await completePrompt(options.chatModel, prompt, {
    signal,
    options: options.chatOptions,
  });
  return { ...query, text: parseSingleQuery(reply, query.text) };
}
