import { InvalidInputError } from '@repo/core';
import { describe, expect, it } from 'vitest';
import {
  assertPlaceholders,
  isMostlyCjk,
  pickByLanguage,
  QUESTION_ANSWER_PROMPT,
  renderPrompt,
} from './rag-prompts.js';

describe('renderPrompt', () => {
  it('fills the given names and leaves other braces as written', () => {
    expect(renderPrompt('Q: {query} {"a": 1} {other}', { query: 'why?' })).toBe(
      'Q: why? {"a": 1} {other}',
    );
  });

  it('does not expand placeholders that arrive inside a value', () => {
    expect(renderPrompt('{context} / {query}', { context: 'doc says {query}', query: 'q' })).toBe(
      'doc says {query} / q',
    );
  });

  it('renders the Spring AI QA template with the question first', () => {
    const text = renderPrompt(QUESTION_ANSWER_PROMPT, { query: 'How tall?', context: 'Tall.' });
    expect(text.startsWith('How tall?\n\nContext information is below')).toBe(true);
    expect(text).toContain('---------------------\nTall.\n---------------------');
  });
});

describe('assertPlaceholders', () => {
  it('names the missing placeholders and the field', () => {
    let error: unknown;
    try {
      assertPlaceholders('promptTemplate', 'Answer {query}', ['query', 'context']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).details).toEqual([
      { field: 'promptTemplate', reason: 'must contain {context}' },
    ]);
  });

  it('accepts a template with every placeholder', () => {
    expect(() => assertPlaceholders('t', '{query} {context}', ['query', 'context'])).not.toThrow();
  });
});

describe('isMostlyCjk', () => {
  it.each([
    ['故宫在哪里？', true],
    ['What is RAG?', false],
    ['什么是 RAG 和 LLM？', true],
    ['Explain the 故宫 please, with details about its history', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(isMostlyCjk(text)).toBe(expected);
  });

  it('picks the Chinese variant for a Chinese question', () => {
    expect(pickByLanguage('长城有多长？', 'en', 'zh')).toBe('zh');
    expect(pickByLanguage('How long is the wall?', 'en', 'zh')).toBe('en');
  });
});
