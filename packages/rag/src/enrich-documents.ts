// Metadata enrichers like Spring AI's KeywordMetadataEnricher and SummaryMetadataEnricher: a chat
// model reads each chunk and its answer lands in metadata, where it can be filtered on, shown in a
// citation or prepended to a prompt. The metadata keys are Spring's (`excerpt_keywords`,
// `section_summary`, …), so stores filled by a Spring service read the same. Unlike Spring,
// previous/next summaries never cross from one source file into another.
import type { ChatModel } from '@repo/core';
import { userMessage } from '@repo/core';
import type { RagDocument } from './rag-types.js';
import { mapConcurrent } from './map-concurrent.js';

export interface DocumentEnricher {
  readonly name: string;
  /** Returns new documents (the input is not mutated), in input order. */
  enrich(
    documents: readonly RagDocument[],
    options?: { signal?: AbortSignal },
  ): Promise<RagDocument[]>;
}

interface EnricherOptions {
  chatModel: ChatModel;
  /** Chat calls in flight at once (default 4). */
  concurrency?: number;
  /** `{context}` is replaced by the chunk text. */
  promptTemplate?: string;
}

export interface KeywordEnricherOptions extends EnricherOptions {
  /** How many keywords to ask for and keep (default 5, as in the seed). */
  keywordCount?: number;
}

export type SummaryType = 'previous' | 'current' | 'next';

export interface SummaryEnricherOptions extends EnricherOptions {
  /** Which summaries each chunk gets (default: current only). */
  summaryTypes?: SummaryType[];
}

export const KEYWORDS_METADATA_KEY = 'excerpt_keywords';
export const SUMMARY_METADATA_KEYS = {
  previous: 'prev_section_summary',
  current: 'section_summary',
  next: 'next_section_summary',
} as const;

// Spring AI's prompt templates, with `{context}` for their `{context_str}`.
const KEYWORD_TEMPLATE =
  '{context}. Give {count} unique keywords for this document. Format as comma separated. Keywords:';
const SUMMARY_TEMPLATE =
  'Here is the content of the section:\n{context}\n\nSummarize the key topics and entities of the section.\n\nSummary:';

async function ask(
  model: ChatModel,
  prompt: string,
  signal: AbortSignal | undefined,
): Promise<string> {
  const response = await model.call({
    messages: [userMessage(prompt)],
    options: { temperature: 0 },
    signal,
  });
  return response.text.trim();
}

/** Models answer in lists, numbered lines, Chinese commas, with a "Keywords:" echo; this takes the words. */
export function parseKeywords(answer: string, count: number): string[] {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const raw of answer.replace(/^\s*keywords\s*[:：]/i, '').split(/[,，、;；\n]/)) {
    const keyword = raw
      .trim()
      .replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '')
      .replace(/^["'“”‘’`]+|["'“”‘’`.。]+$/g, '')
      .trim();
    if (!keyword || seen.has(keyword.toLowerCase())) continue;
    seen.add(keyword.toLowerCase());
    keywords.push(keyword);
  }
  return keywords.slice(0, count);
}

export function createKeywordEnricher(options: KeywordEnricherOptions): DocumentEnricher {
  const count = options.keywordCount ?? 5;
  const template = options.promptTemplate ?? KEYWORD_TEMPLATE;
  return {
    name: 'keywords',
    enrich: (documents, { signal } = {}) =>
      mapConcurrent(
        documents,
        options.concurrency ?? 4,
        async (document) => {
          const prompt = template
            .replaceAll('{count}', String(count))
            .replaceAll('{context}', document.text);
          const keywords = parseKeywords(await ask(options.chatModel, prompt, signal), count);
          return {
            ...document,
            metadata: { ...document.metadata, [KEYWORDS_METADATA_KEY]: keywords },
          };
        },
        signal,
      ),
  };
}

export function createSummaryEnricher(options: SummaryEnricherOptions): DocumentEnricher {
  const types = new Set(options.summaryTypes ?? ['current']);
  const template = options.promptTemplate ?? SUMMARY_TEMPLATE;
  return {
    name: 'summary',
    async enrich(documents, { signal } = {}) {
      // One summary per chunk; previous/next are read from the neighbours' summaries.
      const summaries = await mapConcurrent(
        documents,
        options.concurrency ?? 4,
        (document) =>
          ask(options.chatModel, template.replaceAll('{context}', document.text), signal),
        signal,
      );
      const sameSource = (i: number, j: number) =>
        documents[j] !== undefined &&
        documents[j].metadata.source === documents[i]?.metadata.source;
      return documents.map((document, i) => {
        const metadata = { ...document.metadata };
        if (types.has('current')) metadata[SUMMARY_METADATA_KEYS.current] = summaries[i];
        if (types.has('previous') && sameSource(i, i - 1))
          metadata[SUMMARY_METADATA_KEYS.previous] = summaries[i - 1];
        if (types.has('next') && sameSource(i, i + 1))
          metadata[SUMMARY_METADATA_KEYS.next] = summaries[i + 1];
        return { ...document, metadata };
      });
    },
  };
}
