// The fast counter (bpe-counter.ts) against js-tiktoken's own encoder on many seeded random
// pieces of mixed English, Chinese, digits, punctuation, whitespace and emoji: the chunk
// boundaries depend on it, so it must be exactly `encode(text).length`, not an estimate.
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { countTokens, LONG_RUN } from './count-tokens.js';

/** mulberry32: the same seed gives the same pieces on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [
  ..."the vector search index query chunk embedding Store Memory HTTP API don't we're".split(' '),
  ...'向量 数据库 保存 嵌入 检索 增强 生成 模型 文档 片段 中文 分词 語言'.split(' '),
  ...['。', '，', '、', '！', '？', '；', '：', '“', '”', '（', '）'],
  ...[' ', '  ', '\n', '\n\n', '\t', ' \n', '.', ',', '!', '?', '-', '--', '#', '##', '```'],
  ...['0', '7', '42', '2026', '3.14', '😀', '👍🏽', '𠀀', 'é', 'ß', 'Ω', '<|endoftext|>'],
];

function randomPiece(next: () => number): string {
  let piece = '';
  for (let n = 1 + Math.floor(next() * 40); n > 0; n--)
    piece += ALPHABET[Math.floor(next() * ALPHABET.length)]!;
  return piece;
}

describe('countTokens (the fast exact counter)', () => {
  const encoder = new Tiktoken(o200k);
  const plain = (text: string) => encoder.encode(text, [], []).length;

  it('equals js-tiktoken on 3,000 random mixed English/Chinese pieces', () => {
    const next = seeded(17);
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const piece = randomPiece(next);
      // Long runs are counted as bytes on purpose (split-limits.test.ts); leave them out here.
      if (new RegExp(`[\\p{L}\\p{M}]{${LONG_RUN},}|\\s{${LONG_RUN},}`, 'u').test(piece)) continue;
      expect(countTokens(piece), piece).toBe(plain(piece));
      compared++;
    }
    expect(compared).toBeGreaterThan(2500);
  });

  it('counts long runs as bytes exactly as the plain rule does (runs found by a naive search)', () => {
    const naive = new RegExp(
      `[\\p{L}\\p{M}]{${LONG_RUN},}|[^\\s\\p{L}\\p{M}\\p{N}]{${LONG_RUN},}|\\s{${LONG_RUN},}`,
      'gu',
    );
    const reference = (text: string) => {
      let total = 0;
      let from = 0;
      for (const run of text.matchAll(naive)) {
        total += plain(text.slice(from, run.index)) + Buffer.byteLength(run[0], 'utf8');
        from = run.index + run[0].length;
      }
      return total + plain(text.slice(from));
    };
    const next = seeded(42);
    const runs = ['字'.repeat(70), 'a'.repeat(63), 'b'.repeat(64), '-'.repeat(80), ' '.repeat(66)];
    for (let i = 0; i < 300; i++) {
      const piece = `${randomPiece(next)}${runs[i % runs.length]!}${randomPiece(next)}`;
      expect(countTokens(piece), piece).toBe(reference(piece));
    }
  });

  it('equals js-tiktoken on repeated pieces (served from its cache) and on whole paragraphs', () => {
    const paragraph =
      'RAG 检索增强生成：先检索，再生成。The splitter counts tokens once per piece, ' +
      '并且缓存重复的片段。Numbers like 12345 and emoji 😀 count too.';
    for (let i = 0; i < 3; i++) expect(countTokens(paragraph)).toBe(plain(paragraph));
    expect(countTokens('中文标题')).toBe(plain('中文标题'));
    expect(countTokens('')).toBe(0);
  });
});
