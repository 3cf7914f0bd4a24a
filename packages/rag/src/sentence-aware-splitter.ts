// LangChain's RecursiveCharacterTextSplitter with what CJK text, Markdown and hostile input need:
// - CJK sentence punctuation (。！？；，、) stays at the end of its sentence (LangChain moves a
//   kept separator to the start of the next piece);
// - a Markdown code block that fits in a chunk is never cut, not even at blank lines inside it;
// - a Markdown heading never ends a chunk: a piece that is only a heading line is glued to the
//   piece after it, so the heading starts the chunk with the text under it (when that is too big,
//   it is split further with the heading still at its front);
// - bounded work: a large text is first cut into blocks (cut-into-blocks.ts) and split block by
//   block, yielding to the event loop between blocks; where no separator is left, pieces are
//   windows of a few code points instead of single characters (same chunks, a fraction of the
//   merging work); piece lengths are memoised within a block; and a text that would make more
//   than `maxChunks` chunks stops as soon as it passes that many (TooManyChunksError).
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { countTokens } from './count-tokens.js';
import { cutIntoBlocks } from './cut-into-blocks.js';
import { TooManyChunksError } from './etl-errors.js';

export const CJK_SEPARATORS = ['。', '！', '？', '；', '，', '、'];
const TRAILING = new Set(CJK_SEPARATORS);
/** Pieces up to this long are measured once per block (LangChain measures each one 2-3 times). */
const MEMO_MAX_LENGTH = 8192;

export interface SplitterFields {
  chunkSize: number;
  chunkOverlap: number;
  separators: string[];
  /** Synchronous, as a fence's size is checked while pieces are glued. */
  lengthFunction: (text: string) => number;
  /** Markdown: do not cut inside a code fence that fits in a chunk. */
  keepFences: boolean;
  /** Characters per block of the linear first cut. */
  blockSize: number;
  /** Most chunks one `splitText` may return. */
  maxChunks: number;
}

export class SentenceAwareSplitter extends RecursiveCharacterTextSplitter {
  private readonly keepFences: boolean;
  private readonly blockSize: number;
  private readonly maxChunks: number;
  /** Code points per piece once no separator is left: small enough for overlap and chunk size. */
  private readonly window: number;
  private readonly measure: (text: string) => number;
  private memo = new Map<string, number>();

  constructor(fields: SplitterFields) {
    super({
      chunkSize: fields.chunkSize,
      chunkOverlap: fields.chunkOverlap,
      separators: fields.separators,
    });
    this.measure = fields.lengthFunction;
    this.lengthFunction = (text) => this.memoised(text);
    this.keepFences = fields.keepFences;
    this.blockSize = fields.blockSize;
    this.maxChunks = fields.maxChunks;
    // A code point is at most 4 tokens (o200k is byte-level) and at most 2 UTF-16 units; a
    // window must stay under the chunk size and, to keep the overlap, a quarter of it.
    const overlapBound = fields.chunkOverlap > 0 ? Math.floor(fields.chunkOverlap / 4) : 16;
    this.window = Math.max(1, Math.min(16, overlapBound, Math.floor((fields.chunkSize - 1) / 4)));
  }

  override async splitText(text: string): Promise<string[]> {
    const blocks = cutIntoBlocks(text, this.blockSize, this.separators, TRAILING);
    const chunks: string[] = [];
    for (const [index, block] of blocks.entries()) {
      this.memo = new Map();
      for (const chunk of await super.splitText(block)) chunks.push(chunk);
      if (chunks.length > this.maxChunks) throw new TooManyChunksError('', this.maxChunks);
      if (index < blocks.length - 1) await nextTurn();
    }
    this.memo = new Map();
    return chunks;
  }

  protected override splitOnSeparator(text: string, separator: string): string[] {
    let pieces: string[];
    // Code points, not UTF-16 units: the last resort must not cut an emoji or a rare Han character in two.
    if (separator === '') pieces = this.windows(text);
    else if (TRAILING.has(separator))
      pieces = text.split(new RegExp(`(?<=${separator})`)).filter((s) => s !== '');
    else pieces = super.splitOnSeparator(text, separator);
    if (!this.keepFences) return pieces;
    // Windows (separator '') are a few code points, no heading lines: gluing them could pass the size.
    const glued = this.glueFences(text, pieces);
    return separator === '' ? glued : glueHeadings(glued);
  }

  /**
   * Text with no separator left, as windows of a few code points, each measured as its UTF-8
   * bytes: an upper bound of its tokens (o200k is byte-level), which is what countTokens says of
   * such a run anyway, and which costs nothing (exact counts of 16-character windows took 30 s
   * for 10 MB of random letters, 54 s for 10 MB of Chinese without punctuation).
   */
  private windows(text: string): string[] {
    const points = Array.from(text);
    const pieces: string[] = [];
    for (let i = 0; i < points.length; i += this.window) {
      const piece = this.window === 1 ? points[i]! : points.slice(i, i + this.window).join('');
      if (this.window > 1 && this.measure === countTokens)
        this.memo.set(piece, Buffer.byteLength(piece, 'utf8'));
      pieces.push(piece);
    }
    return pieces;
  }

  private memoised(text: string): number {
    if (text.length > MEMO_MAX_LENGTH) return this.measure(text);
    let length = this.memo.get(text);
    if (length === undefined) this.memo.set(text, (length = this.measure(text)));
    return length;
  }

  /**
   * LangChain's Markdown separators cut at blank lines inside code (and move a closing fence to
   * the next piece); rejoin pieces whose boundary falls inside a fence that fits in a chunk.
   */
  private glueFences(text: string, pieces: string[]): string[] {
    const fences = fenceRanges(text);
    if (fences.length === 0) return pieces;
    const glued: string[] = [];
    let offset = 0;
    let carry = '';
    let fence = 0;
    const fits = new Map<number, boolean>();
    const fitsInChunk = (index: number) => {
      const [start, end] = fences[index]!;
      if (!fits.has(index)) fits.set(index, this.measure(text.slice(start, end)) <= this.chunkSize);
      return fits.get(index);
    };
    for (const piece of pieces) {
      carry += piece;
      offset += piece.length;
      // Fences and pieces both run forward: skip the fences that end before this boundary.
      while (fence < fences.length && fences[fence]![1] <= offset) fence++;
      const inside = fence < fences.length && fences[fence]![0] < offset;
      if (!inside || !fitsInChunk(fence)) {
        glued.push(carry);
        carry = '';
      }
    }
    if (carry) glued.push(carry);
    return glued;
  }
}

/** A piece that is one ATX heading line (the reader writes every heading so), blank lines around it. */
const HEADING_ONLY = /^\s*#{1,6}[ \t][^\n]*\s*$/;
/** Longer pieces are no heading line: keeps the test linear on hostile input (a line of spaces). */
const HEADING_MAX_LENGTH = 1024;

/** Glues a heading-only piece (and blank pieces after it) to the next piece with content. */
function glueHeadings(pieces: string[]): string[] {
  const glued: string[] = [];
  let carry = '';
  for (const piece of pieces) {
    carry += piece;
    if (carry.length <= HEADING_MAX_LENGTH && HEADING_ONLY.test(carry)) continue;
    glued.push(carry);
    carry = '';
  }
  if (carry) glued.push(carry);
  return glued;
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
