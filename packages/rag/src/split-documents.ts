// Token-sized chunks from LangChain's RecursiveCharacterTextSplitter, measured with the offline
// o200k counter (LangChain's own TokenTextSplitter downloads its tables). Two additions to
// LangChain's separators: Chinese/Japanese sentence and clause punctuation (。！？；，、), tried
// before the space, because CJK text has no spaces and would otherwise be cut mid-sentence; and
// that punctuation stays at the end of its sentence. Markdown documents use LangChain's Markdown
// separators (headings, fences, rules) first, and a code block that fits in a chunk is never cut.
// Work is bounded (sentence-aware-splitter.ts): linear in the text's length, and a document that
// would make more than `maxChunks` chunks is refused as soon as it passes that many.
// Each chunk carries its document title, heading path and file name as `context` (chunk-context.ts),
// and Markdown sections too small to stand alone are merged first (merge-sections.ts).
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { InvalidInputError } from '@repo/core';
import type { RagDocument } from './rag-types.js';
import { countTokens } from './count-tokens.js';
import { TooManyChunksError } from './etl-errors.js';
import { chunkContext } from './chunk-context.js';
import { mergeSmallSections } from './merge-sections.js';
import { CJK_SEPARATORS, SentenceAwareSplitter } from './sentence-aware-splitter.js';

/** Defaults of the bounds; see the README's "Limits" for what they cost. */
export const SPLIT_LIMITS = {
  /** Characters per block of the linear first cut (a block is split by LangChain's splitter). */
  blockSize: 32_768,
  /** Chunks one call of `splitDocuments` (in ingestion: one file) may make. */
  maxChunks: 25_000,
} as const;

export interface SplitOptions {
  /** Largest chunk, in tokens of `lengthFunction` (default 512). */
  chunkSize?: number;
  /** How much neighbouring chunks share (default 64, or a quarter of a chunkSize under 256). */
  chunkOverlap?: number;
  /** Markdown separators: `auto` (default) uses them for documents from the Markdown reader or `.md` sources. */
  markdown?: boolean | 'auto';
  /** Size measure (default: o200k tokens); `(text) => text.length` splits by characters. */
  lengthFunction?: (text: string) => number;
  /** Most chunks one call may make (default 25,000); more is a TooManyChunksError. */
  maxChunks?: number;
  /**
   * Give each chunk a `context` (default true): `Document: <title> (<file>)` and
   * `Section: <heading path>`, which stores embed and index in front of the text. A document that
   * already has a `context` keeps it.
   */
  context?: boolean;
  /**
   * Merge Markdown sections under `minSectionTokens` with their neighbours under the same parent
   * heading, up to `chunkSize` (default false). Neighbours must be in the same call: pass a file's
   * sections together (ingestion does, in-process and in its worker threads alike).
   */
  mergeSections?: boolean;
  /** Below this a section is merged (default: a quarter of chunkSize). */
  minSectionTokens?: number;
}

/** Inserts the CJK separators before the space, the last separator that still respects words. */
function withCjk(separators: string[]): string[] {
  const space = separators.indexOf(' ');
  const at = space === -1 ? separators.length : space;
  return [...separators.slice(0, at), ...CJK_SEPARATORS, ...separators.slice(at)];
}

/** The configured LangChain splitter, for callers that want `splitText` on raw strings. */
export function createTextSplitter(
  options: SplitOptions & { markdown?: boolean } = {},
): RecursiveCharacterTextSplitter {
  const chunkSize = options.chunkSize ?? 512;
  const chunkOverlap = options.chunkOverlap ?? Math.min(64, Math.floor(chunkSize / 4));
  if (!(chunkSize > 0) || chunkOverlap < 0 || chunkOverlap >= chunkSize)
    throw new InvalidInputError(
      `chunkOverlap (${chunkOverlap}) must be at least 0 and below chunkSize (${chunkSize})`,
      [{ field: 'chunkOverlap', reason: 'must be in [0, chunkSize)' }],
    );
  const base = options.markdown
    ? RecursiveCharacterTextSplitter.getSeparatorsForLanguage('markdown')
    : ['\n\n', '\n', ' ', ''];
  return new SentenceAwareSplitter({
    chunkSize,
    chunkOverlap,
    separators: withCjk(base),
    lengthFunction: options.lengthFunction ?? countTokens,
    keepFences: options.markdown === true,
    blockSize: SPLIT_LIMITS.blockSize,
    maxChunks: options.maxChunks ?? SPLIT_LIMITS.maxChunks,
  });
}

function isMarkdown(document: RagDocument): boolean {
  const source = String(document.metadata.source ?? '');
  return Array.isArray(document.metadata.headingPath) || /\.(md|markdown)$/i.test(source);
}

/** Splits each document; chunks keep their document's metadata and add `chunkIndex` (0-based). */
export async function splitDocuments(
  documents: readonly RagDocument[],
  options: SplitOptions = {},
): Promise<RagDocument[]> {
  const maxChunks = options.maxChunks ?? SPLIT_LIMITS.maxChunks;
  const plain = createTextSplitter({ ...options, markdown: false });
  const markdown = createTextSplitter({ ...options, markdown: true });
  const chunkSize = plain.chunkSize;
  const sections =
    options.mergeSections !== true
      ? documents
      : mergeSmallSections(documents, {
          chunkSize,
          minTokens: options.minSectionTokens ?? Math.floor(chunkSize / 4),
          lengthFunction: options.lengthFunction ?? countTokens,
        });
  const chunks: RagDocument[] = [];
  for (const document of sections) {
    const useMarkdown =
      options.markdown === 'auto' || options.markdown === undefined
        ? isMarkdown(document)
        : options.markdown;
    let texts: string[];
    try {
      texts = await (useMarkdown ? markdown : plain).splitText(document.text);
    } catch (error) {
      throw error instanceof TooManyChunksError
        ? new TooManyChunksError(String(document.metadata.source ?? ''), maxChunks)
        : error;
    }
    const context =
      document.context ?? (options.context === false ? undefined : chunkContext(document.metadata));
    let chunkIndex = 0;
    for (const text of texts)
      if (text.trim() !== '')
        chunks.push({
          text,
          ...(context === undefined ? {} : { context }),
          metadata: { ...document.metadata, chunkIndex: chunkIndex++ },
        });
    if (chunks.length > maxChunks)
      throw new TooManyChunksError(String(document.metadata.source ?? ''), maxChunks);
  }
  return chunks;
}
