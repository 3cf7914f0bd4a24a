// Token-sized chunks from LangChain's RecursiveCharacterTextSplitter, measured with the offline
// o200k counter (LangChain's own TokenTextSplitter downloads its tables). Two additions to
// LangChain's separators: Chinese/Japanese sentence and clause punctuation (。！？；，、), tried
// before the space, because CJK text has no spaces and would otherwise be cut mid-sentence; and
// that punctuation stays at the end of its sentence (LangChain moves a kept separator to the
// start of the next piece). Markdown documents use LangChain's Markdown separators (headings,
// fences, rules) first, and a code block that fits in a chunk is never cut, not even at the
// blank lines inside it.
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { InvalidInputError } from '@repo/core';
import type { RagDocument } from './rag-types.js';
import { countTokens } from './count-tokens.js';

export interface SplitOptions {
  /** Largest chunk, in tokens of `lengthFunction` (default 512). */
  chunkSize?: number;
  /** How much neighbouring chunks share (default 64, or a quarter of a chunkSize under 256). */
  chunkOverlap?: number;
  /** Markdown separators: `auto` (default) uses them for documents from the Markdown reader or `.md` sources. */
  markdown?: boolean | 'auto';
  /** Size measure (default: o200k tokens); `(text) => text.length` splits by characters. */
  lengthFunction?: (text: string) => number;
}

/** Sentence and clause ends of CJK text, strongest first; they stay with the text they end. */
const CJK_SEPARATORS = ['。', '！', '？', '；', '，', '、'];
const TRAILING = new Set(CJK_SEPARATORS);

class SentenceAwareSplitter extends RecursiveCharacterTextSplitter {
  constructor(
    fields: ConstructorParameters<typeof RecursiveCharacterTextSplitter>[0],
    /** Markdown: do not cut inside a code fence that fits in a chunk. */
    private readonly fenceSize?: (text: string) => number,
  ) {
    super(fields);
  }

  protected override splitOnSeparator(text: string, separator: string): string[] {
    let pieces: string[];
    // Code points, not UTF-16 units: the last resort must not cut an emoji or a rare Han character in two.
    if (separator === '') pieces = Array.from(text);
    else if (TRAILING.has(separator))
      pieces = text.split(new RegExp(`(?<=${separator})`)).filter((s) => s !== '');
    else pieces = super.splitOnSeparator(text, separator);
    return this.fenceSize ? this.glueFences(text, pieces) : pieces;
  }

  /**
   * LangChain's Markdown separators cut at blank lines inside code (and move a closing fence to
   * the next piece); rejoin pieces whose boundary falls inside a fence that fits in a chunk.
   */
  private glueFences(text: string, pieces: string[]): string[] {
    const fences = fenceRanges(text).filter(
      ([start, end]) => this.fenceSize!(text.slice(start, end)) <= this.chunkSize,
    );
    if (fences.length === 0) return pieces;
    const glued: string[] = [];
    let offset = 0;
    let carry = '';
    for (const piece of pieces) {
      carry += piece;
      offset += piece.length;
      if (!fences.some(([start, end]) => start < offset && offset < end)) {
        glued.push(carry);
        carry = '';
      }
    }
    if (carry) glued.push(carry);
    return glued;
  }
}

/** [start, end) of each fenced code block (``` or ~~~); an unclosed fence runs to the end. */
function fenceRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let open: { index: number; marker: string } | undefined;
  for (const match of text.matchAll(/^ {0,3}(`{3,}|~{3,})[^\n]*$/gm)) {
    const marker = match[1]!;
    if (!open) open = { index: match.index, marker };
    else if (
      marker[0] === open.marker[0] &&
      marker.length >= open.marker.length &&
      match[0].trim() === marker
    ) {
      ranges.push([open.index, match.index + match[0].length]);
      open = undefined;
    }
  }
  if (open) ranges.push([open.index, text.length]);
  return ranges;
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
  const lengthFunction = options.lengthFunction ?? countTokens;
  return new SentenceAwareSplitter(
    { chunkSize, chunkOverlap, separators: withCjk(base), lengthFunction },
    options.markdown ? lengthFunction : undefined,
  );
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
  const plain = createTextSplitter({ ...options, markdown: false });
  const markdown = createTextSplitter({ ...options, markdown: true });
  const chunks: RagDocument[] = [];
  for (const document of documents) {
    const useMarkdown =
      options.markdown === 'auto' || options.markdown === undefined
        ? isMarkdown(document)
        : options.markdown;
    const texts = await (useMarkdown ? markdown : plain).splitText(document.text);
    texts
      .filter((text) => text.trim() !== '')
      .forEach((text, chunkIndex) =>
        chunks.push({ text, metadata: { ...document.metadata, chunkIndex } }),
      );
  }
  return chunks;
}
