import { describe, expect, it } from 'vitest';
import {
  createFewShotPrompt,
  createPromptTemplate,
  fewShotMessages,
  TemplateError,
} from './index.js';

const examples = [
  { word: 'happy', antonym: 'sad' },
  { word: 'tall', antonym: 'short' },
];

describe('createFewShotPrompt', () => {
  it('joins prefix, formatted examples and suffix with a blank line (LangChain layout)', () => {
    const prompt = createFewShotPrompt({
      prefix: 'Give the antonym of every {kind}.',
      examples,
      exampleTemplate: 'Input: {word}\nOutput: {antonym}',
      suffix: 'Input: {input}\nOutput:',
    });
    expect(prompt.variables).toEqual(['kind', 'input']);
    expect(prompt.render({ kind: 'word', input: 'big' })).toBe(
      'Give the antonym of every word.\n\n' +
        'Input: happy\nOutput: sad\n\n' +
        'Input: tall\nOutput: short\n\n' +
        'Input: big\nOutput:',
    );
  });

  it('takes a PromptTemplate, a separator, no prefix, and keeps braces in example values', () => {
    const prompt = createFewShotPrompt({
      examples: [{ q: '北京的天气', a: '{"city": "北京"}' }],
      exampleTemplate: createPromptTemplate('Q: <q>\nA: <a>', { delimiters: ['<', '>'] }),
      suffix: 'Q: <input>\nA:',
      separator: '\n---\n',
      delimiters: ['<', '>'],
    });
    const message = prompt.toMessage('user', { input: '上海的天气' });
    expect(message).toEqual({
      role: 'user',
      parts: [{ type: 'text', text: 'Q: 北京的天气\nA: {"city": "北京"}\n---\nQ: 上海的天气\nA:' }],
    });
    expect(prompt.toMessage('system', { input: 'x' }).role).toBe('system');
  });

  it('fails at creation when an example lacks a value, and at render for missing inputs', () => {
    expect(() =>
      createFewShotPrompt({
        examples: [{ word: 'x' }],
        exampleTemplate: '{word} {antonym}',
        suffix: '',
      }),
    ).toThrow('Missing template variable: antonym');
    const prompt = createFewShotPrompt({ examples, exampleTemplate: '{word}', suffix: '{input}' });
    expect(() => prompt.render()).toThrow(TemplateError);
  });
});

describe('fewShotMessages', () => {
  it('alternates user and assistant messages; object outputs become JSON', () => {
    expect(
      fewShotMessages([
        { input: '2+2', output: '4' },
        { input: '演员', output: { actor: '周星驰' } },
      ]),
    ).toEqual([
      { role: 'user', parts: [{ type: 'text', text: '2+2' }] },
      { role: 'assistant', parts: [{ type: 'text', text: '4' }] },
      { role: 'user', parts: [{ type: 'text', text: '演员' }] },
      { role: 'assistant', parts: [{ type: 'text', text: '{"actor":"周星驰"}' }] },
    ]);
  });
});
