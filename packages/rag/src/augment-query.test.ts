import { InvalidInputError } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { createContextualQueryAugmenter } from './augment-query.js';
import {
  EMPTY_CONTEXT_ANSWER,
  EMPTY_CONTEXT_ANSWER_ZH,
  EMPTY_CONTEXT_PROMPT,
} from './rag-prompts.js';
import type { ScoredDocument } from './rag-types.js';

const docs: ScoredDocument[] = [
  { id: '1', text: 'The Eiffel Tower is 330 metres tall.', metadata: {}, score: 0.9 },
  { id: '2', text: 'It was completed in 1889.', metadata: {}, score: 0.8 },
];

describe('createContextualQueryAugmenter', () => {
  it("renders Spring AI's template with the documents joined by newlines", () => {
    const result = createContextualQueryAugmenter()({ text: 'How tall is it?' }, docs);
    expect(result.type).toBe('prompt');
    expect(result.text).toContain(
      '---------------------\nThe Eiffel Tower is 330 metres tall.\nIt was completed in 1889.\n---------------------',
    );
    expect(result.text).toContain('Query: How tall is it?\n\nAnswer:');
  });

  it('uses the Chinese template for a Chinese question', () => {
    const result = createContextualQueryAugmenter()({ text: '埃菲尔铁塔有多高？' }, docs);
    expect(result.text).toContain('请根据上下文信息');
    expect(result.text).toContain('问题：埃菲尔铁塔有多高？');
  });

  it('takes a custom template, per language, and a document formatter', () => {
    const augment = createContextualQueryAugmenter({
      promptTemplate: {
        en: 'Docs:\n{question_answer_context}\nQ: {query}',
        zh: '资料：{context}\n问：{query}',
      },
      formatDocument: (d, i) => `[${i + 1}] ${d.text}`,
      documentSeparator: '\n\n',
    });
    expect(augment({ text: 'When?' }, docs).text).toBe(
      'Docs:\n[1] The Eiffel Tower is 330 metres tall.\n\n[2] It was completed in 1889.\nQ: When?',
    );
    expect(augment({ text: '何时？' }, docs.slice(1)).text).toBe(
      '资料：[1] It was completed in 1889.\n问：何时？',
    );
  });

  it('rejects a template without {context}', () => {
    expect(() => createContextualQueryAugmenter({ promptTemplate: '{query}' })).toThrow(
      InvalidInputError,
    );
  });
});

describe('empty-context policy', () => {
  it('answers "I don\'t know" without a prompt by default, in the question\'s language', () => {
    const augment = createContextualQueryAugmenter();
    expect(augment({ text: 'Who won?' }, [])).toEqual({
      type: 'answer',
      text: EMPTY_CONTEXT_ANSWER,
    });
    expect(augment({ text: '谁赢了？' }, [])).toEqual({
      type: 'answer',
      text: EMPTY_CONTEXT_ANSWER_ZH,
    });
  });

  it('takes a custom fixed answer', () => {
    const augment = createContextualQueryAugmenter({
      emptyContextAnswer: (query) => `No documents about "${query.text}".`,
    });
    expect(augment({ text: 'cats' }, [])).toEqual({
      type: 'answer',
      text: 'No documents about "cats".',
    });
  });

  it('sends the empty-context template to the model when one is given', () => {
    const augment = createContextualQueryAugmenter({ emptyContextTemplate: EMPTY_CONTEXT_PROMPT });
    expect(augment({ text: 'Who won?' }, [])).toEqual({
      type: 'prompt',
      text: EMPTY_CONTEXT_PROMPT,
    });
    const withQuery = createContextualQueryAugmenter({
      emptyContextTemplate: 'No docs for: {query}',
    });
    expect(withQuery({ text: 'Who won?' }, [])).toEqual({
      type: 'prompt',
      text: 'No docs for: Who won?',
    });
  });

  it('sends the bare question with allowEmptyContext', () => {
    const augment = createContextualQueryAugmenter({ allowEmptyContext: true });
    expect(augment({ text: 'Who won?' }, [])).toEqual({ type: 'prompt', text: 'Who won?' });
  });
});
