// Multi-query expansion (Spring AI's MultiQueryExpander): the model writes several versions of the
// question, each retrieved separately and joined afterwards. Spring AI falls back to the original
// query when the reply does not have exactly N lines; models number, bullet, introduce and repeat
// their lists, so this parser keeps what it can use instead.
import { InvalidInputError } from '@repo/core';
import type { ChatModel, ChatOptions } from '@repo/core';
import { cleanQueryLine, completePrompt } from './complete-prompt.js';
import type { QueryExpander } from './modular-rag-types.js';
import { assertPlaceholders, MULTI_QUERY_PROMPT, renderPrompt } from './rag-prompts.js';

export interface MultiQueryExpanderOptions {
  chatModel: ChatModel;
  /** How many variants to ask for and keep (default 3, as in Spring AI). */
  numberOfQueries?: number;
  /** Put the original query first, in addition to the variants (default false). */
  includeOriginal?: boolean;
  /** A custom prompt with `{query}` and `{number}`. */
  promptTemplate?: string;
  /** Default `{ temperature: 0 }`. */
  chatOptions?: ChatOptions;
}

export function createMultiQueryExpander(options: MultiQueryExpanderOptions): QueryExpander {
  const count = options.numberOfQueries ?? 3;
  if (!Number.isInteger(count) || count < 1) {
    const reason = 'must be a whole number of at least 1';
    throw new InvalidInputError(`numberOfQueries ${reason}`, [
      { field: 'numberOfQueries', reason },
    ]);
  }
  const template = options.promptTemplate ?? MULTI_QUERY_PROMPT;
  assertPlaceholders('promptTemplate', template, ['query', 'number']);

  return async (query, stage) => {
    const prompt = renderPrompt(template, { query: query.text, number: String(count) });
    const reply = await completePrompt(options.chatModel, prompt, {
      signal: stage?.signal,
      options: options.chatOptions,
    });
    const variants = parseQueryList(reply, count, options.includeOriginal ? [query.text] : []);
    // Nothing usable: retrieve on the user's own words rather than on nothing.
    if (variants.length === 0) return [query];
    const texts = options.includeOriginal ? [query.text, ...variants] : variants;
    return texts.map((text) => ({ ...query, text }));
  };
}

/**
 * One query per line: numbering, bullets, `Query:` labels and quotes stripped; intro lines ending
 * in a colon, blanks and duplicates (case-insensitive, also of `exclude`) dropped; at most `max`.
 */
export function parseQueryList(reply: string, max: number, exclude: string[] = []): string[] {
  const seen = new Set(exclude.map(normalise));
  const queries: string[] = [];
  for (const line of reply.split(/\r?\n/)) {
    if (queries.length >= max) break;
    if (/[:：]\s*$/.test(line.trim())) continue;
    const text = cleanQueryLine(line);
    const key = normalise(text);
    if (!text || seen.has(key)) continue;
    seen.add(key);
    queries.push(text);
  }
  return queries;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
