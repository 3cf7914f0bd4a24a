import { describe, expect, it } from 'vitest';
import { contentTerms, isMostlyCjk, splitSentences, streamPieces } from './text-utils.js';

describe('text utils', () => {
  it('stream pieces join back to the original text', () => {
    for (const text of [
      'Hello, world!  Two spaces.',
      '你好，世界。Mixed 中文 text',
      ' lead\nand trail ',
      '',
    ])
      expect(streamPieces(text).join('')).toBe(text);
    expect(streamPieces('你好 world')).toEqual(['你', '好', ' ', 'world']);
  });

  it('splits sentences on Latin and CJK punctuation and newlines, not inside numbers', () => {
    expect(splitSentences('Pi is 3.14. Really?\n第一句。第二句！第三句？')).toEqual([
      'Pi is 3.14.',
      'Really?',
      '第一句。',
      '第二句！',
      '第三句？',
    ]);
  });

  it('content terms drop stop words and use CJK bigrams', () => {
    expect([...contentTerms('What is the tallest tower?')]).toEqual(['tallest', 'tower']);
    expect([...contentTerms('长城有多长')]).toEqual(['长城', '多长']);
  });

  it('detects mostly-CJK text', () => {
    expect(isMostlyCjk('你好 world')).toBe(true);
    expect(isMostlyCjk('hello 世 world again')).toBe(false);
  });
});
