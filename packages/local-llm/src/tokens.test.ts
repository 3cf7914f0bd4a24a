import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { countTokens, TOKEN_SLICE, truncateToTokens } from './tokens.js';

/** o200k in one call, as gpt-tokenizer does it without slicing. */
const encoding = createRequire(import.meta.url)('gpt-tokenizer/encoding/o200k_base') as {
  encode(text: string, options: { disallowedSpecial: Set<string> }): number[];
};
const exact = (text: string) => encoding.encode(text, { disallowedSpecial: new Set() }).length;

describe('countTokens', () => {
  it('counts ordinary long text exactly, English and Chinese with punctuation', () => {
    const english = 'The quick brown fox jumps over the lazy dog. '.repeat(200);
    const chinese = '今天天气很好，我们去公园散步。 '.repeat(300);
    for (const text of [english, chinese]) {
      expect(text.length).toBeGreaterThan(TOKEN_SLICE * 4);
      expect(countTokens(text)).toBe(exact(text));
    }
  });

  it('counts a long run without spaces in slices: at most one more token per slice', () => {
    const run = '中文测试模型吞吐量'.repeat(400); // 3,600 characters, no space
    const slices = Math.ceil(run.length / TOKEN_SLICE);
    const counted = countTokens(run);
    expect(counted).toBeGreaterThanOrEqual(exact(run));
    expect(counted).toBeLessThanOrEqual(exact(run) + slices);
  });

  it('never cuts a surrogate pair (rare Han characters and emoji survive a truncation)', () => {
    const astral = '𠀀🎉'.repeat(1000); // every character is a surrogate pair
    expect(countTokens(astral)).toBeGreaterThan(0);
    const cut = truncateToTokens(astral, 900);
    expect(cut.length).toBeGreaterThan(0);
    expect(astral.startsWith(cut)).toBe(true);
    expect(cut).not.toMatch(/[\ud800-\udbff]$/);
    expect(cut).not.toContain('\ufffd');
  });

  it('counts 150,000 unspaced characters (two minutes in one call before)', () => {
    const huge = '模'.repeat(150_000);
    const counted = countTokens(huge);
    const perSlice = exact('模'.repeat(TOKEN_SLICE));
    const whole = Math.floor(150_000 / TOKEN_SLICE);
    expect(counted).toBe(whole * perSlice + exact('模'.repeat(150_000 - whole * TOKEN_SLICE)));
  });

  it('truncates long text to the token budget', () => {
    const text = '你好世界'.repeat(1000);
    const cut = truncateToTokens(text, 100);
    expect(text.startsWith(cut)).toBe(true);
    expect(countTokens(cut)).toBeLessThanOrEqual(100);
    expect(countTokens(cut)).toBeGreaterThan(90);
  });
});
