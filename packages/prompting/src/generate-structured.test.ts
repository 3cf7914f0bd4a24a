import { systemMessage, textOf, userMessage } from '@repo/core';
import type { ChatRequest } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createStructuredOutput, generateStructured, StructuredOutputError } from './index.js';

const ActorFilms = z.object({ actor: z.string(), movies: z.array(z.string()) });
const valid = '{"actor": "Tom Hanks", "movies": ["Big", "Cast Away"]}';
const instructions = createStructuredOutput(ActorFilms).formatInstructions();
const request = (): ChatRequest => ({
  messages: [systemMessage('You are a film buff.'), userMessage('Films of Tom Hanks?')],
  options: { temperature: 0 },
});

function run(model: MockChatModel, extra: { maxReasks?: number; req?: ChatRequest } = {}) {
  return generateStructured({
    call: (r) => model.call(r),
    request: extra.req ?? request(),
    schema: ActorFilms,
    name: 'actor_films',
    capabilities: model.capabilities,
    maxReasks: extra.maxReasks,
  });
}

describe('generateStructured: strategy per capability', () => {
  it('native json-schema mode sends the response format and leaves the messages alone', async () => {
    const model = new MockChatModel({
      replies: [valid],
      capabilities: { structuredOutput: 'json-schema' },
    });
    const result = await run(model);
    expect(result.value).toEqual({ actor: 'Tom Hanks', movies: ['Big', 'Cast Away'] });
    expect(result.attempts).toBe(1);
    const sent = model.requests[0];
    expect(sent?.options).toEqual({
      temperature: 0,
      responseFormat: {
        type: 'json-schema',
        name: 'actor_films',
        schema: createStructuredOutput(ActorFilms).jsonSchema,
        strict: true,
      },
    });
    expect(sent?.messages).toEqual(request().messages);
  });

  it('json-object mode sends {type: json} and appends instructions to the last system message', async () => {
    const model = new MockChatModel({
      replies: [valid],
      capabilities: { structuredOutput: 'json-object' },
    });
    await run(model);
    const sent = model.requests[0];
    expect(sent?.options?.responseFormat).toEqual({ type: 'json' });
    expect(sent?.messages).toHaveLength(2);
    expect(sent?.messages[0]).toEqual(systemMessage(`You are a film buff.\n\n${instructions}`));
  });

  it('prompt-only mode adds a system message with the instructions and no response format', async () => {
    const model = new MockChatModel({
      replies: [valid],
      capabilities: { structuredOutput: 'none' },
    });
    const req: ChatRequest = { messages: [userMessage('汤姆·汉克斯演过哪些电影？')] };
    await run(model, { req });
    const sent = model.requests[0];
    expect(sent?.options?.responseFormat).toBeUndefined();
    expect(sent?.messages).toEqual([
      systemMessage(instructions),
      userMessage('汤姆·汉克斯演过哪些电影？'),
    ]);
    expect(req.messages).toHaveLength(1); // the caller's request is not mutated
  });

  it('treats unknown capabilities as prompt-only', async () => {
    const model = new MockChatModel({ replies: [valid] });
    const result = await generateStructured({
      call: (r) => model.call(r),
      request: request(),
      schema: ActorFilms,
    });
    expect(result.value.actor).toBe('Tom Hanks');
    expect(textOf(model.requests[0]?.messages[0] ?? userMessage(''))).toContain(instructions);
  });
});

describe('generateStructured: re-ask', () => {
  it('re-asks with the raw answer and the issues, then succeeds; usage is summed', async () => {
    const model = new MockChatModel({
      capabilities: { structuredOutput: 'json-schema' },
      replies: [
        {
          text: 'Sure! {"actor": "Tom Hanks", "movies": "Big"}',
          usage: { promptTokens: 10, completionTokens: 5 },
        },
        { text: valid, usage: { promptTokens: 30, completionTokens: 7 } },
      ],
    });
    const result = await run(model);
    expect(result.attempts).toBe(2);
    expect(result.value.movies).toEqual(['Big', 'Cast Away']);
    expect(result.response.text).toBe(valid);
    expect(result.usage).toEqual({ promptTokens: 40, completionTokens: 12, totalTokens: 52 });
    const second = model.requests[1];
    expect(second?.options?.responseFormat).toMatchObject({ type: 'json-schema' });
    expect(second?.messages.slice(0, 2)).toEqual(request().messages);
    expect(second?.messages[2]).toEqual({
      role: 'assistant',
      parts: [{ type: 'text', text: 'Sure! {"actor": "Tom Hanks", "movies": "Big"}' }],
    });
    expect(textOf(second?.messages[3] ?? userMessage(''))).toBe(
      'Your previous answer could not be used:\n' +
        '- movies: must be an array, not the string "Big"\n' +
        'Reply again with only the corrected JSON value that conforms to the schema: no explanations, no code fences.',
    );
  });

  it('after maxReasks throws StructuredOutputError with the last raw text, issues and attempts', async () => {
    const model = new MockChatModel({
      replies: ['not json', '{"actor": 1}', '[]'],
      capabilities: { structuredOutput: 'json-object' },
    });
    const error = await rejectionOf(run(model));
    expect(error).toBeInstanceOf(StructuredOutputError);
    expect(error.rawText).toBe('[]');
    expect(error.attempts).toBe(3);
    expect(error.issues).toEqual([
      { path: [], code: 'invalid_type', message: 'must be an object, not an array' },
    ]);
    expect(error.message).toMatch(
      /^The model's answer is not valid structured output after 3 attempts:/,
    );
    expect(error.usage?.totalTokens).toBeGreaterThan(0);
    expect(model.requests).toHaveLength(3);
    // The first re-ask carried the extraction failure.
    expect(textOf(model.requests[1]?.messages.at(-1) ?? userMessage(''))).toContain(
      '- (root): The answer contains no JSON object or array.',
    );
    // Conversation grows: system, user, then assistant + user per re-ask.
    expect(model.requests[2]?.messages.map((m) => m.role)).toEqual([
      'system',
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
    ]);
  });

  it('maxReasks 0 makes exactly one call; an empty answer is not echoed back', async () => {
    const once = new MockChatModel({ replies: [''] });
    await expect(run(once, { maxReasks: 0 })).rejects.toMatchObject({ attempts: 1, rawText: '' });
    expect(once.requests).toHaveLength(1);
    const twice = new MockChatModel({ replies: ['', valid] });
    await run(twice);
    expect(twice.requests[1]?.messages.map((m) => m.role)).toEqual(['system', 'user', 'user']);
  });

  it('rejects a negative maxReasks and stops when the signal is aborted', async () => {
    const model = new MockChatModel({ replies: [valid] });
    await expect(run(model, { maxReasks: -1 })).rejects.toMatchObject({ code: 'invalid_input' });
    const controller = new AbortController();
    controller.abort();
    await expect(
      generateStructured({
        call: (r) => model.call(r),
        request: request(),
        schema: ActorFilms,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'aborted' });
    expect(model.requests).toHaveLength(0);
  });

  it('forwards the signal on the request and lets provider errors through untouched', async () => {
    const controller = new AbortController();
    const failure = new Error('boom');
    const model = new MockChatModel({ replies: [failure] });
    const error = await generateStructured({
      call: (r) => model.call(r),
      request: request(),
      schema: ActorFilms,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(error).toBe(failure);
    expect(model.requests[0]?.signal).toBe(controller.signal);
  });
});

async function rejectionOf(promise: Promise<unknown>): Promise<StructuredOutputError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as StructuredOutputError,
  );
}
