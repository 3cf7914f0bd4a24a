// Structured output over HTTP against the embedded model (the openai SDK through the providers
// adapter into local-llm's in-process handler): what reaches the wire, and what comes back.
import { userMessage } from '@repo/core';
import type { ChatModelCapabilities } from '@repo/core';
import { createLocalLlm } from '@repo/local-llm';
import { createOpenAICompatibleChatModel } from '@repo/providers';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createStructuredOutput, generateStructured, StructuredOutputError } from './index.js';

const ActorFilms = z.object({ actor: z.string(), movies: z.array(z.string()) });
const llm = createLocalLlm();
const model = createOpenAICompatibleChatModel({
  provider: 'local',
  model: 'local',
  requireApiKey: false,
  baseURL: llm.baseURL,
  fetch: llm.fetch,
});

interface SentBody {
  response_format?: unknown;
  messages: Array<{ role: string; content: string }>;
}
const sentBodies = () => llm.requests().map((r) => r.body as SentBody);

function ask(capabilities: ChatModelCapabilities = model.capabilities, maxReasks?: number) {
  return generateStructured({
    call: (request) => model.call(request),
    request: { messages: [userMessage('Generate the filmography of 5 movies for Tom Hanks.')] },
    schema: ActorFilms,
    name: 'actor_films',
    capabilities,
    maxReasks,
  });
}

beforeEach(() => llm.reset());

describe('generateStructured on local-llm', () => {
  it('native json-schema mode: sends response_format json_schema and gets a valid typed value', async () => {
    expect(model.capabilities.structuredOutput).toBe('json-schema');
    const result = await ask();
    expect(ActorFilms.parse(result.value)).toEqual(result.value);
    expect(result.value.movies.length).toBeGreaterThan(0);
    expect(result.attempts).toBe(1);
    expect(result.usage.totalTokens).toBe(result.response.usage.totalTokens);
    expect(result.usage.totalTokens).toBeGreaterThan(0);
    const [body] = sentBodies();
    expect(body?.response_format).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'actor_films',
        schema: createStructuredOutput(ActorFilms).jsonSchema,
        strict: true,
      },
    });
  });

  it('extracts a fenced, preambled answer with a <think> block (prompt-only mode)', async () => {
    llm.script([
      {
        content:
          '<think>他演过很多电影。</think>Sure! Here is the JSON:\n```json\n{"actor": "汤姆·汉克斯", "movies": ["阿甘正传", "Big"]}\n```\nHope this helps!',
      },
    ]);
    const result = await ask({ structuredOutput: 'none' });
    expect(result.value).toEqual({ actor: '汤姆·汉克斯', movies: ['阿甘正传', 'Big'] });
    const [body] = sentBodies();
    expect(body?.response_format).toBeUndefined();
    expect(body?.messages[0]?.role).toBe('system');
    expect(body?.messages[0]?.content).toContain('Answer with a single JSON value');
  });

  it('json-object mode sends response_format json_object plus the instructions', async () => {
    llm.script([{ content: '{"actor": "Tom Hanks", "movies": ["Big"]}' }]);
    await ask({ structuredOutput: 'json-object' });
    const [body] = sentBodies();
    expect(body?.response_format).toEqual({ type: 'json_object' });
    expect(body?.messages[0]?.content).toContain('JSON Schema:');
  });

  it('re-asks over HTTP with the validation issues after an invalid answer', async () => {
    llm.script([
      {
        content: '{"actor": "Tom Hanks", "movies": "Big, Cast Away"}',
        usage: { promptTokens: 11, completionTokens: 9 },
      },
      {
        content: '{"actor": "Tom Hanks", "movies": ["Big", "Cast Away"]}',
        usage: { promptTokens: 40, completionTokens: 12 },
      },
    ]);
    const result = await ask();
    expect(result.value).toEqual({ actor: 'Tom Hanks', movies: ['Big', 'Cast Away'] });
    expect(result.attempts).toBe(2);
    expect(result.usage).toMatchObject({ promptTokens: 51, completionTokens: 21, totalTokens: 72 });
    const bodies = sentBodies();
    expect(bodies).toHaveLength(2);
    const second = bodies[1]?.messages ?? [];
    expect(second.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(second[1]?.content).toBe('{"actor": "Tom Hanks", "movies": "Big, Cast Away"}');
    expect(second[2]?.content).toContain(
      '- movies: must be an array, not the string "Big, Cast Away"',
    );
    expect(bodies[1]?.response_format).toEqual(bodies[0]?.response_format);
  });

  it('gives up after maxReasks with the last raw answer', async () => {
    llm.script([{ content: 'no JSON here' }, { content: 'Still prose: {"actor": 7}' }]);
    const error = await rejectionOf(ask(model.capabilities, 1));
    expect(error).toBeInstanceOf(StructuredOutputError);
    expect(error.attempts).toBe(2);
    expect(error.rawText).toBe('Still prose: {"actor": 7}');
    expect(error.issues.map((issue) => issue.path)).toEqual([['actor'], ['movies']]);
    expect(sentBodies()).toHaveLength(2);
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
