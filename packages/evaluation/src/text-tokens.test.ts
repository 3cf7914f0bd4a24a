import { describe, expect, it } from 'vitest';
import { contentTokens, normalizeAnswer, splitSentences, tokenize } from './text-tokens.js';

describe('text tokens', () => {
  it('normalises as SQuAD does', () => {
    expect(normalizeAnswer('The  Eiffel Tower, in Paris!')).toBe('eiffel tower in paris');
    expect(normalizeAnswer('an apple a day')).toBe('apple day');
  });

  it('folds full-width forms and splits CJK into characters', () => {
    expect(normalizeAnswer('ＡＢＣ１２３')).toBe('abc123');
    expect(tokenize('明朝有16位皇帝。')).toEqual(['明', '朝', '有', '16', '位', '皇', '帝']);
    expect(tokenize('Paris是法国的首都')).toEqual(['paris', '是', '法', '国', '的', '首', '都']);
  });

  it('drops stop words for content tokens', () => {
    expect(contentTokens('What is the capital of France?')).toEqual(['capital', 'france']);
    expect(contentTokens('巴黎是法国的首都')).toEqual(['巴', '黎', '法', '国', '首', '都']);
  });

  it('splits sentences in English and Chinese', () => {
    expect(splitSentences('Paris is big. It is old!\nYes')).toEqual([
      'Paris is big.',
      'It is old!',
      'Yes',
    ]);
    expect(splitSentences('巴黎是首都。它很古老！')).toEqual(['巴黎是首都。', '它很古老！']);
  });
});
