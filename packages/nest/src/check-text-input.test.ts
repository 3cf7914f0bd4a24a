import { InvalidInputError } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { findTextProblems, MAX_DEPTH } from './check-text-input.js';
import { createValidationPipe } from './validation-pipe.js';

describe('findTextProblems', () => {
  it('names the field of a NUL or a lone surrogate, keys included; valid CJK and emoji pass', () => {
    const body = {
      messages: [
        { role: 'user', content: '你好，世界 👋🏽' },
        { role: 'user', content: 'a\u0000b' },
        { role: 'user', content: 'broken \ud800 pair' },
        { role: 'user', content: '\udfff' },
      ],
      ['bad\u0000key']: 1,
    };
    expect(findTextProblems(body, [], 'body')).toEqual([
      {
        field: 'bad\\u0000key',
        reason: '(its name) must not contain NUL characters (\\u0000)',
      },
      { field: 'messages[1].content', reason: 'must not contain NUL characters (\\u0000)' },
      {
        field: 'messages[2].content',
        reason: 'must be valid Unicode text (it holds a lone UTF-16 surrogate such as \\ud800)',
      },
      {
        field: 'messages[3].content',
        reason: 'must be valid Unicode text (it holds a lone UTF-16 surrogate such as \\ud800)',
      },
    ]);
    expect(findTextProblems({ text: '汉字 𠀀 (a rare Han character) 🎉' }, [], 'body')).toEqual([]);
  });

  it('stops at MAX_DEPTH levels without recursing (no stack overflow at 100,000 levels)', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const problems = findTextProblems({ a: deep }, [], 'body');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.reason).toBe(`must not nest deeper than ${MAX_DEPTH} levels`);
    expect(problems[0]?.field).toMatch(/^a(\[0\]){63}$/);
  });
});

describe('the validation pipe checks every body, query and path parameter', () => {
  const pipe = createValidationPipe();
  const reject = (value: unknown, type: 'body' | 'query' | 'param', data?: string) => {
    try {
      pipe.transform(value, { type, data, metatype: String });
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      return (error as InvalidInputError).details;
    }
    throw new Error('expected a refusal');
  };

  it('names a path parameter by its name and a query value by its key', () => {
    expect(reject('run\u0000id', 'param', 'id')).toEqual([
      { field: 'id', reason: 'must not contain NUL characters (\\u0000)' },
    ]);
    expect(reject({ userInput: '\ud83d' }, 'query')).toEqual([
      {
        field: 'userInput',
        reason: 'must be valid Unicode text (it holds a lone UTF-16 surrogate such as \\ud800)',
      },
    ]);
    expect(reject('\u0000', 'body')).toEqual([
      { field: 'body', reason: 'must not contain NUL characters (\\u0000)' },
    ]);
    // Multer's files and other custom parameters are not text.
    expect(pipe.transform({ buffer: '\u0000' }, { type: 'custom' })).toEqual({ buffer: '\u0000' });
  });
});
