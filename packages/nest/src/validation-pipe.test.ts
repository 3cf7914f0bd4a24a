import { InvalidInputError } from '@repo/core';
import { createZodDto } from 'nestjs-zod/dto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createValidationPipe } from './validation-pipe.js';

class ChatDto extends createZodDto(
  z.strictObject({
    messages: z
      .array(z.strictObject({ role: z.enum(['user', 'assistant']), content: z.string().min(1) }))
      .min(1)
      .max(3),
    temperature: z.number().max(2).optional(),
    topP: z.number().gt(0).optional(),
    conversationId: z
      .string()
      .regex(/^[\w-]+$/, 'must be letters, digits, _ or -')
      .optional(),
  }),
) {}

const pipe = createValidationPipe();
const parse = (value: unknown, type: 'body' | 'query' = 'body') =>
  pipe.transform(value, { type, metatype: ChatDto });

function failure(value: unknown, type: 'body' | 'query' = 'body'): InvalidInputError {
  try {
    parse(value, type);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('ZodValidationPipe', () => {
  it('returns the parsed DTO (unknown types pass through untouched)', () => {
    const body = { messages: [{ role: 'user', content: '你好' }], temperature: 0.5 };
    expect(parse(body)).toEqual(body);
    expect(pipe.transform('raw', { type: 'param', metatype: String })).toBe('raw');
    expect(pipe.transform({ a: 1 }, { type: 'custom' })).toEqual({ a: 1 });
  });

  it('names every field the way a client writes it, in plain words', () => {
    const error = failure({
      messages: [{ role: 'system', content: '' }, { role: 'user' }],
      temperature: 3,
      topP: 0,
      conversationId: 'bob smith',
      extra: true,
    });
    expect(error.details).toEqual([
      { field: 'messages[0].role', reason: 'must be one of: user, assistant' },
      { field: 'messages[0].content', reason: 'must not be empty' },
      { field: 'messages[1].content', reason: 'is required' },
      { field: 'temperature', reason: 'must be at most 2' },
      { field: 'topP', reason: 'must be greater than 0' },
      { field: 'conversationId', reason: 'must be letters, digits, _ or -' },
      { field: 'extra', reason: 'is not an accepted field' },
    ]);
    expect(error.message).toBe(
      'Invalid request: messages[0].role must be one of: user, assistant; ' +
        'messages[0].content must not be empty; messages[1].content is required; ' +
        'temperature must be at most 2; topP must be greater than 0; ' +
        'conversationId must be letters, digits, _ or -; extra is not an accepted field',
    );
  });

  it('says what type was expected, and names the whole body or query when it is wrong', () => {
    expect(failure({ messages: 'hi' }).details).toEqual([
      { field: 'messages', reason: 'must be an array, not the string "hi"' },
    ]);
    expect(failure({ messages: [] }).details).toEqual([
      { field: 'messages', reason: 'must not be empty' },
    ]);
    expect(failure({ messages: Array(4).fill({ role: 'user', content: 'x' }) }).details).toEqual([
      { field: 'messages', reason: 'must have at most 3 items' },
    ]);
    expect(failure('text').details).toEqual([
      { field: 'body', reason: 'must be an object, not the string "text"' },
    ]);
    expect(failure(undefined, 'query').details).toEqual([
      { field: 'query', reason: 'is required' },
    ]);
  });
});
