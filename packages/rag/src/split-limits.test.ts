// Hostile input for the reader and the splitter (issue 12 §6): no separators, extreme repetition,
// one huge paragraph, a multi-megabyte Markdown paragraph (a stack overflow in marked before),
// Chinese without punctuation. Each finishes (Vitest's hang guard is the only clock here: no timed
// assertions), with chunks inside the budget that rebuild the text, and the chunk cap stops early.
import { describe, expect, it } from 'vitest';
import { countTokens, LONG_RUN } from './count-tokens.js';
import { cutIntoBlocks } from './cut-into-blocks.js';
import { TooManyChunksError } from './etl-errors.js';
import { readDocument } from './read-document.js';
import { createTextSplitter, splitDocuments } from './split-documents.js';

/** Deterministic pseudo-random text from an alphabet of strings. */
function pseudoRandom(length: number, alphabet: readonly string[]): string {
  let x = 12345;
  const parts: string[] = [];
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    parts.push(alphabet[x % alphabet.length]!);
  }
  return parts.join('');
}

const MB = 1024 * 1024;
/**
 * LangChain's splitter adds up its pieces' counts (" jumps" is one token) and then trims the
 * chunk, and a first word without its space may count one token more ("jumps" is two).
 */
const SLACK = 2;
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('countTokens on long runs', () => {
  it('is exact on ordinary text and counts a long run as its UTF-8 bytes', () => {
    expect(countTokens('hello world')).toBe(2);
    expect(countTokens('a'.repeat(LONG_RUN))).toBe(LONG_RUN);
    expect(countTokens('汉'.repeat(100))).toBe(300);
    expect(countTokens(`hello ${'-'.repeat(100)} world`)).toBe(
      countTokens('hello ') + 100 + countTokens(' world'),
    );
    // Quadratic in js-tiktoken (minutes); linear here.
    expect(countTokens('字'.repeat(200_000))).toBe(600_000);
  });
});

describe('cutIntoBlocks', () => {
  const separators = ['\n\n', '\n', '。', ' '];
  const trailing = new Set(['。']);

  it('rebuilds the text, with blocks no longer than the size, cut at the strongest separator', () => {
    const text = `${'word '.repeat(30)}\n\n${'next '.repeat(30)}`;
    const blocks = cutIntoBlocks(text, 200, separators, trailing);
    expect(blocks.join('')).toBe(text);
    expect(blocks[0]).toBe('word '.repeat(30));
    for (const block of blocks) expect(block.length).toBeLessThanOrEqual(200);
  });

  it('keeps 。 with its sentence and never cuts a surrogate pair', () => {
    const chinese = '向量数据库保存嵌入。'.repeat(30);
    const blocks = cutIntoBlocks(chinese, 64, separators, trailing);
    expect(blocks.join('')).toBe(chinese);
    for (const block of blocks.slice(0, -1)) expect(block.endsWith('。')).toBe(true);
    const emoji = '😀'.repeat(100);
    const cut = cutIntoBlocks(emoji, 51, separators, trailing);
    expect(cut.join('')).toBe(emoji);
    for (const block of cut) expect(block).toMatch(/^(?:[\uD800-\uDBFF][\uDC00-\uDFFF])+$/);
  });
});

describe('splitting hostile input', () => {
  it.each([
    [
      'no separators (random letters)',
      pseudoRandom(2 * MB, 'abcdefghijklmnopqrstuvwxyz'.split('')),
    ],
    ['one repeated character', 'a'.repeat(2 * MB)],
    [
      'Chinese without punctuation',
      pseudoRandom(700_000, '向量数据库保存嵌入它支持相似度搜索'.split('')),
    ],
  ])('%s: chunks within 512 tokens that rebuild the text', async (_name, text) => {
    const chunks = await splitDocuments([{ text, metadata: { source: 'x.txt' } }], {
      chunkOverlap: 0,
    });
    expect(chunks.map((c) => c.text).join('')).toBe(text);
    for (const chunk of chunks) expect(countTokens(chunk.text)).toBeLessThanOrEqual(512);
    // Long runs count as bytes: 448 to 512 bytes a chunk (16-character windows), and a partial
    // chunk at the end of each 32,768-character block.
    const bytes = Buffer.byteLength(text);
    expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil(bytes / 512));
    expect(chunks.length).toBeLessThanOrEqual(Math.ceil(bytes / 448) + text.length / 32_768 + 1);
  });

  it('extreme repetition and one huge paragraph: chunks within budget, in order', async () => {
    const text = 'the quick brown fox jumps over the lazy dog. '.repeat(100_000); // 4.5 MB
    const chunks = await splitDocuments([{ text, metadata: { source: 'x.txt' } }]);
    expect(chunks.length).toBeGreaterThan(2000);
    for (const chunk of chunks) expect(countTokens(chunk.text)).toBeLessThanOrEqual(SLACK + 512);
    expect(chunks.at(-1)!.metadata.chunkIndex).toBe(chunks.length - 1);
  });

  it('a 9 MB Markdown paragraph is read and split (marked overflowed its stack on it)', async () => {
    const paragraph = `# 大段落\n\n${'lorem ipsum 中文段落 dolor sit amet '.repeat(300_000)}`;
    expect(paragraph.length).toBeGreaterThan(9_000_000);
    const documents = await readDocument({ bytes: utf8(paragraph), filename: 'big.md' });
    expect(documents).toHaveLength(1);
    expect(documents[0]!.metadata.section).toBe('大段落');
    const chunks = await splitDocuments(documents);
    expect(chunks.length).toBeGreaterThan(5000);
    // A sample: counting 5,000 chunks of 500 tokens takes js-tiktoken seconds.
    for (const chunk of chunks.filter((_, i) => i % 50 === 0))
      expect(countTokens(chunk.text)).toBeLessThanOrEqual(SLACK + 512);
  });

  it('stops at the chunk cap after measuring only the first blocks', async () => {
    const text = 'a'.repeat(4 * MB);
    let measured = 0;
    const error = await splitDocuments([{ text, metadata: { source: 'huge.txt' } }], {
      maxChunks: 10,
      lengthFunction: (piece) => ((measured += piece.length), piece.length),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyChunksError);
    expect(error).toMatchObject({ source: 'huge.txt', limit: 10, scope: 'file' });
    expect((error as Error).message).toBe(
      '"huge.txt" is too large to ingest: it makes more than 10 chunks (the limit per file); split it into smaller files',
    );
    expect(measured).toBeLessThan(text.length / 10);
  });

  it('createTextSplitter().splitText is bounded the same way', async () => {
    const splitter = createTextSplitter({ chunkSize: 64, chunkOverlap: 0, maxChunks: 3 });
    await expect(splitter.splitText('句'.repeat(100_000))).rejects.toBeInstanceOf(
      TooManyChunksError,
    );
    expect(await splitter.splitText('短句。')).toEqual(['短句。']);
  });
});
