// Conformance: local-llm on a real port, driven by three clients — the raw openai SDK, our
// ChatModel/EmbeddingModel and LangChain's ChatOpenAI/OpenAIEmbeddings — which must agree, call
// and stream alike (docs/pain-points.md P3, P4). Tool-call ids are per request, so calls compare by name and
// arguments.
import type { AIMessageChunk } from '@langchain/core/messages';
import { type BaseMessage } from '@langchain/core/messages';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import {
  AuthenticationError,
  collectStream,
  ProviderError,
  userMessage,
  type ToolDefinition,
} from '@repo/core';
import { createLocalLlm, startLocalLlmServer, type LocalLlmServer } from '@repo/local-llm';
import OpenAI from 'openai';
import type { ChatCompletionTool } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFallbackChatModel } from './fallback-chat-model.js';
import { createOpenAICompatibleChatModel } from './openai-compatible-chat-model.js';
import { createOpenAICompatibleEmbeddingModel } from './openai-compatible-embedding-model.js';

interface Outcome {
  text: string;
  calls: Array<{ name: string; arguments: unknown }>;
  usage: { prompt: number; completion: number };
}

let server: LocalLlmServer;
let sdk: OpenAI;
const sleeps: number[] = [];

beforeAll(async () => {
  server = await startLocalLlmServer({ port: 0, control: true });
  sdk = new OpenAI({ apiKey: 'test', baseURL: server.baseURL, maxRetries: 0 });
  // Warm-up: local-llm loads its token tables on the first completion.
  await sdk.chat.completions.create({
    model: 'local',
    messages: [{ role: 'user', content: 'warm up' }],
  });
}, 30_000);
afterAll(async () => server.close());
beforeEach(() => {
  server.llm.reset();
  sleeps.length = 0;
});

const ours = () =>
  createOpenAICompatibleChatModel({
    provider: 'local',
    model: 'local',
    requireApiKey: false,
    baseURL: server.baseURL,
    retry: { sleep: async (ms) => void sleeps.push(ms) },
  });
const langchain = () =>
  new ChatOpenAI({
    model: 'local',
    apiKey: 'test',
    configuration: { baseURL: server.baseURL },
    maxRetries: 0,
    streamUsage: true,
  });

const toWire = (tools: ToolDefinition[]): ChatCompletionTool[] =>
  tools.map((tool) => ({ type: 'function', function: { ...tool } }));

async function viaSdk(text: string, tools: ToolDefinition[], stream: boolean): Promise<Outcome> {
  const base = {
    model: 'local',
    messages: [{ role: 'user' as const, content: text }],
    ...(tools.length ? { tools: toWire(tools) } : {}),
  };
  if (!stream) {
    const completion = await sdk.chat.completions.create(base);
    const message = completion.choices[0]!.message;
    return {
      text: message.content ?? '',
      calls: (message.tool_calls ?? []).flatMap((c) =>
        c.type === 'function'
          ? [{ name: c.function.name, arguments: JSON.parse(c.function.arguments) as unknown }]
          : [],
      ),
      usage: {
        prompt: completion.usage?.prompt_tokens ?? 0,
        completion: completion.usage?.completion_tokens ?? 0,
      },
    };
  }
  const chunks = await sdk.chat.completions.create({
    ...base,
    stream: true,
    stream_options: { include_usage: true },
  });
  const outcome: Outcome = { text: '', calls: [], usage: { prompt: 0, completion: 0 } };
  const args: string[] = [];
  for await (const chunk of chunks) {
    if (chunk.usage)
      outcome.usage = {
        prompt: chunk.usage.prompt_tokens,
        completion: chunk.usage.completion_tokens,
      };
    const delta = chunk.choices[0]?.delta;
    outcome.text += delta?.content ?? '';
    for (const call of delta?.tool_calls ?? []) {
      if (call.function?.name)
        outcome.calls[call.index] = { name: call.function.name, arguments: undefined };
      args[call.index] = (args[call.index] ?? '') + (call.function?.arguments ?? '');
    }
  }
  outcome.calls.forEach(
    (call, index) => (call.arguments = JSON.parse(args[index] || '{}') as unknown),
  );
  return outcome;
}

async function viaOurs(text: string, tools: ToolDefinition[], stream: boolean): Promise<Outcome> {
  const request = { messages: [userMessage(text)], tools };
  const response = stream
    ? await collectStream(ours().stream(request))
    : await ours().call(request);
  return {
    text: response.text,
    calls: response.message.parts.flatMap((p) =>
      p.type === 'tool-call' ? [{ name: p.name, arguments: p.arguments }] : [],
    ),
    usage: { prompt: response.usage.promptTokens, completion: response.usage.completionTokens },
  };
}

async function viaLangChain(
  text: string,
  tools: ToolDefinition[],
  stream: boolean,
): Promise<Outcome> {
  const model = tools.length ? langchain().bindTools(toWire(tools)) : langchain();
  let message: BaseMessage | undefined;
  if (stream) {
    let full: AIMessageChunk | undefined;
    for await (const chunk of await model.stream(text)) full = full ? full.concat(chunk) : chunk;
    message = full;
  } else message = await model.invoke(text);
  const ai = message as AIMessageChunk;
  return {
    text: typeof ai.content === 'string' ? ai.content : '',
    calls: (ai.tool_calls ?? []).map((c) => ({ name: c.name, arguments: c.args })),
    usage: {
      prompt: ai.usage_metadata?.input_tokens ?? 0,
      completion: ai.usage_metadata?.output_tokens ?? 0,
    },
  };
}

async function allClients(text: string, tools: ToolDefinition[] = []) {
  const results: Record<string, Outcome> = {};
  for (const [name, run] of Object.entries({ sdk: viaSdk, ours: viaOurs, langchain: viaLangChain }))
    for (const stream of [false, true])
      results[`${name}:${stream ? 'stream' : 'call'}`] = await run(text, tools, stream);
  return results;
}

function expectAllEqual(results: Record<string, Outcome>): Outcome {
  const [first, ...rest] = Object.values(results);
  for (const [name, outcome] of Object.entries(results))
    expect({ name, ...outcome }).toEqual({ name, ...first });
  expect(rest).toHaveLength(5);
  return first!;
}

const weather: ToolDefinition = {
  name: 'getWeather',
  description: 'Weather for a city',
  parameters: {
    type: 'object',
    properties: {
      city: { type: 'string' },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    },
    required: ['city', 'unit'],
  },
};
const clock: ToolDefinition = {
  name: 'currentTime',
  description: 'The current time',
  parameters: { type: 'object', properties: {} },
};

describe('three clients, one local-llm', () => {
  it('plain answer: same text and non-zero usage, call and stream', async () => {
    const outcome = expectAllEqual(await allClients('Say hello to the workshop'));
    expect(outcome.text).toContain('Say hello to the workshop');
    expect(outcome.usage.prompt).toBeGreaterThan(0);
    expect(outcome.usage.completion).toBeGreaterThan(0);
  });

  it('tool call without arguments', async () => {
    const outcome = expectAllEqual(await allClients('What time is it now?', [clock, weather]));
    expect(outcome.calls).toEqual([{ name: 'currentTime', arguments: {} }]);
  });

  it('tool call with several arguments', async () => {
    const outcome = expectAllEqual(
      await allClients('What is the weather in Paris in fahrenheit?', [weather]),
    );
    expect(outcome.calls).toEqual([
      { name: 'getWeather', arguments: { city: 'Paris', unit: 'fahrenheit' } },
    ]);
  });

  it('two parallel tool calls', async () => {
    const outcome = expectAllEqual(
      await allClients('What is the weather in Paris and London?', [weather]),
    );
    expect(outcome.calls).toEqual([
      { name: 'getWeather', arguments: { city: 'Paris', unit: 'celsius' } },
      { name: 'getWeather', arguments: { city: 'London', unit: 'celsius' } },
    ]);
  });

  it('control API: a scripted reply comes back exactly through every client', async () => {
    server.llm.script(
      Array.from({ length: 6 }, () => ({
        content: 'Scripted: 42.',
        usage: { promptTokens: 11, completionTokens: 4 },
      })),
    );
    const outcome = expectAllEqual(await allClients('anything'));
    expect(outcome).toEqual({
      text: 'Scripted: 42.',
      calls: [],
      usage: { prompt: 11, completion: 4 },
    });
  });

  it('JSON schema mode gives the same valid JSON to every client', async () => {
    const schema = {
      type: 'object',
      properties: { city: { type: 'string' }, days: { type: 'integer' } },
      required: ['city', 'days'],
      additionalProperties: false,
    };
    const prompt = 'Plan 3 days in Rome';
    const raw = await sdk.chat.completions.create({
      model: 'local',
      messages: [{ role: 'user', content: prompt }],
      response_format: { type: 'json_schema', json_schema: { name: 'plan', schema } },
    });
    const viaModel = await ours().call({
      messages: [userMessage(prompt)],
      options: { responseFormat: { type: 'json-schema', name: 'plan', schema } },
    });
    const viaChain = await langchain().invoke(prompt, {
      response_format: { type: 'json_schema', json_schema: { name: 'plan', schema } },
    });
    const parsed = JSON.parse(viaModel.text) as { city: unknown; days: unknown };
    expect(typeof parsed.city).toBe('string');
    expect(Number.isInteger(parsed.days)).toBe(true);
    expect(JSON.parse(raw.choices[0]!.message.content ?? '')).toEqual(parsed);
    expect(JSON.parse(viaChain.content as string)).toEqual(parsed);
    expect(ours().capabilities.structuredOutput).toBe('json-schema');
  });

  it('embeddings: float and base64, SDK, ours and LangChain agree within 1e-6', async () => {
    const input = ['the cat sat', 'on the mat'];
    const sdkBase64 = (await sdk.embeddings.create({ model: 'local-embedding', input })).data.map(
      (d) => d.embedding,
    );
    const sdkFloat = (
      await sdk.embeddings.create({ model: 'local-embedding', input, encoding_format: 'float' })
    ).data.map((d) => d.embedding);
    const embedder = (encodingFormat: 'float' | 'base64') =>
      createOpenAICompatibleEmbeddingModel({
        provider: 'local',
        model: 'local-embedding',
        requireApiKey: false,
        baseURL: server.baseURL,
        encodingFormat,
      });
    const oursFloat = (await embedder('float').embed({ input })).embeddings;
    const oursBase64 = (await embedder('base64').embed({ input })).embeddings;
    const chain = await new OpenAIEmbeddings({
      model: 'local-embedding',
      apiKey: 'test',
      configuration: { baseURL: server.baseURL },
      maxRetries: 0,
    }).embedDocuments(input);
    const sent = server.llm
      .requests()
      .map((r) => (r.body as { encoding_format?: string }).encoding_format);
    expect(sent).toEqual(['base64', 'float', 'float', 'base64', sent[4]]);
    for (const other of [sdkFloat, oursFloat, oursBase64, chain]) {
      expect(other).toHaveLength(2);
      other.forEach((vector, i) => {
        expect(vector).toHaveLength(sdkBase64[i]!.length);
        vector.forEach((value, j) =>
          expect(Math.abs(value - sdkBase64[i]![j]!)).toBeLessThan(1e-6),
        );
      });
    }
    expect(sdkBase64[0]).toHaveLength(384);
  });

  it('retries a 429 after its Retry-After; the raw SDK (maxRetries 0) sees the 429', async () => {
    server.llm.faults({ status: 429, retryAfter: 1, times: 1 });
    const error = await sdk.chat.completions
      .create({ model: 'local', messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    server.llm.faults({ status: 429, retryAfter: 1, times: 1 });
    const response = await ours().call({ messages: [userMessage('hi')] });
    expect(response.text).toContain('hi');
    expect(sleeps).toEqual([1000]);
    expect(server.llm.requests()).toHaveLength(3);
  });

  it('falls back on 503 from the port to an in-process model', async () => {
    server.llm.faults({ status: 503 });
    const backupLlm = createLocalLlm();
    backupLlm.script([{ content: 'backup answer' }]);
    const backup = createOpenAICompatibleChatModel({
      provider: 'backup',
      model: 'local',
      requireApiKey: false,
      baseURL: backupLlm.baseURL,
      fetch: backupLlm.fetch,
    });
    const response = await createFallbackChatModel([ours(), backup]).call({
      messages: [userMessage('hi')],
    });
    expect(response).toMatchObject({ provider: 'backup', text: 'backup answer' });
    expect(server.llm.requests()).toHaveLength(3);
  });

  it('maps HTTP errors to typed errors', async () => {
    server.llm.script([
      { error: { status: 401, message: 'no key' } },
      { error: { status: 422, message: 'unprocessable' } },
    ]);
    await expect(ours().call({ messages: [userMessage('hi')] })).rejects.toBeInstanceOf(
      AuthenticationError,
    );
    const error = await ours()
      .call({ messages: [userMessage('hi')] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      status: 422,
      retryable: false,
      provider: 'local',
      model: 'local',
    });
  });
});
