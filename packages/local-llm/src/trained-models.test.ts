import { loadTrainedChatModel, type TrainedChatModel } from '@repo/trainer/serve';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSeededCheckpoint } from './__fixtures__/trained-checkpoint.js';
import { createLocalLlm, startLocalLlmServer, type LocalLlmServer } from './index.js';
import { TrainedModels } from './trained-models.js';

let checkpoint: Awaited<ReturnType<typeof saveSeededCheckpoint>>;
let reference: TrainedChatModel;
let server: LocalLlmServer;
let client: OpenAI;

beforeAll(async () => {
  checkpoint = await saveSeededCheckpoint();
  reference = await loadTrainedChatModel(checkpoint.dir, { id: 'tiny-chat' });
  server = await startLocalLlmServer({
    port: 0,
    trainedModels: { 'tiny-chat': checkpoint.dir, broken: `${checkpoint.dir}-missing` },
    env: {},
  });
  client = new OpenAI({ apiKey: 'test', baseURL: server.baseURL, maxRetries: 0 });
});
afterAll(async () => {
  await server.close();
  await checkpoint.remove();
});

const chinese = [
  { role: 'system' as const, content: '你是助手。' },
  { role: 'user' as const, content: '你好，今天天气怎么样？' },
];

describe('a trained checkpoint served by local-llm', () => {
  it('lists the trained id with the built-in models', async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => [m.id, m.owned_by])).toEqual([
      ['local', 'local-llm'],
      ['local-reasoner', 'local-llm'],
      ['local-embedding', 'local-llm'],
      ['tiny-chat', 'trainer'],
      ['broken', 'trainer'],
    ]);
    expect((await client.models.retrieve('tiny-chat')).id).toBe('tiny-chat');
  });

  it('answers exactly what the checkpoint samples for the same seed, with its token counts', async () => {
    const expected = reference.complete(chinese, { seed: 5, temperature: 1, max_tokens: 24 });
    expect(expected.text.length).toBeGreaterThan(0);
    const completion = await client.chat.completions.create({
      model: 'tiny-chat',
      messages: chinese,
      seed: 5,
      temperature: 1,
      max_tokens: 24,
    });
    expect(completion.model).toBe('tiny-chat');
    expect(completion.choices[0]?.message).toMatchObject({
      role: 'assistant',
      content: expected.text,
    });
    expect(completion.choices[0]?.finish_reason).toBe(expected.finishReason);
    expect(completion.usage).toEqual({
      prompt_tokens: expected.promptTokens,
      completion_tokens: expected.completionTokens,
      total_tokens: expected.promptTokens + expected.completionTokens,
      completion_tokens_details: { reasoning_tokens: 0 },
    });
    // The system and user turns, in the checkpoint's own (character) tokens.
    expect(expected.promptTokens).toBeGreaterThan(10);
  });

  it('gives the same answer to the same request without a seed', async () => {
    const messages = [{ role: 'user' as const, content: 'Hello! How are you?' }];
    const expected = reference.complete(messages);
    const ask = () => client.chat.completions.create({ model: 'tiny-chat', messages });
    const [first, second] = await Promise.all([ask(), ask()]);
    expect(first.choices[0]?.message.content).toBe(expected.text);
    expect(second.choices[0]?.message.content).toBe(expected.text);
    expect(first.usage?.completion_tokens).toBe(expected.completionTokens);
  });

  it('streams chunks in local-llm’s format that add up to the same answer and usage', async () => {
    const options = { seed: 9, temperature: 1.2, max_completion_tokens: 30 };
    const expected = reference.complete(chinese, options);
    const stream = await client.chat.completions.create({
      model: 'tiny-chat',
      messages: chinese,
      ...options,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const deltas = chunks.map((c) => c.choices[0]?.delta.content).filter((d) => d !== undefined);
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    expect(deltas.join('')).toBe(expected.text);
    expect(deltas.length).toBeGreaterThan(2);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe(expected.finishReason);
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-1)?.usage).toMatchObject({
      prompt_tokens: expected.promptTokens,
      completion_tokens: expected.completionTokens,
    });
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
  });

  it('refuses what the model cannot take with a 400 naming the field', async () => {
    const refused = (body: Record<string, unknown>) =>
      failure(client.chat.completions.create({ model: 'tiny-chat', messages: chinese, ...body }));
    const tool = await refused({
      messages: [...chinese, { role: 'tool', tool_call_id: 'c1', content: '{}' }],
    });
    expect([tool?.status, tool?.param]).toEqual([400, 'messages[2].role']);
    const hot = await refused({ temperature: 2.5 });
    expect([hot?.status, hot?.param]).toEqual([400, 'temperature']);
    const streamed = await refused({ stream: true, top_p: 0 });
    expect([streamed?.status, streamed?.param]).toEqual([400, 'top_p']);
  });

  it('answers a checkpoint that cannot be loaded with a 500 saying why', async () => {
    const error = await failure(
      client.chat.completions.create({ model: 'broken', messages: chinese }),
    );
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error).toMatchObject({ status: 500, code: 'trained_model_unavailable' });
    expect(error?.message).toContain("The trained model 'broken' cannot be loaded");
    expect(error?.message).toContain('model.json cannot be read');
    // The other models are unaffected.
    const ok = await client.chat.completions.create({ model: 'local', messages: chinese });
    expect(ok.choices[0]?.message.content).toContain('你好');
  });
});

/** The API error a call fails with; undefined when it succeeds. */
function failure(
  call: Promise<unknown>,
): Promise<InstanceType<typeof OpenAI.APIError> | undefined> {
  return call.then(
    () => undefined,
    (error: unknown) => error as InstanceType<typeof OpenAI.APIError>,
  );
}

describe('trained model configuration', () => {
  it('reads LOCAL_LLM_TRAINED_MODELS as id=dir pairs, the option winning for the same id', async () => {
    const llm = createLocalLlm({
      env: { LOCAL_LLM_TRAINED_MODELS: ' tiny-chat=/nowhere , other=./runs/x ' },
      trainedModels: { 'tiny-chat': checkpoint.dir },
    });
    const models = (await (await llm.fetch(`${llm.baseURL}/models`)).json()) as {
      data: { id: string }[];
    };
    expect(models.data.map((m) => m.id).slice(3)).toEqual(['tiny-chat', 'other']);
    const response = await llm.fetch(`${llm.baseURL}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'tiny-chat', messages: chinese, max_tokens: 4, seed: 2 }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { choices: { message: { content: string } }[] };
    expect(body.choices[0]?.message.content).toBe(
      reference.complete(chinese, { max_tokens: 4, seed: 2 }).text,
    );
  });

  it('refuses a malformed variable or a built-in id, naming where', () => {
    expect(() => createLocalLlm({ env: { LOCAL_LLM_TRAINED_MODELS: 'tiny' } })).toThrow(
      'LOCAL_LLM_TRAINED_MODELS entry "tiny": write id=dir',
    );
    expect(() => createLocalLlm({ env: { LOCAL_LLM_TRAINED_MODELS: 'a=/x,a=/y' } })).toThrow(
      'the id "a" is given twice',
    );
    expect(() => createLocalLlm({ env: {}, trainedModels: { local: '/x' } })).toThrow(
      'trainedModels["local"]: "local" is a built-in model id',
    );
  });

  it('imports the trainer and loads a checkpoint only when first asked, then once', async () => {
    let imports = 0;
    const models = new TrainedModels(new Map([['tiny-chat', checkpoint.dir]]), async () => {
      imports++;
      return import('@repo/trainer/serve');
    });
    expect([models.ids, models.has('tiny-chat'), models.has('local')]).toEqual([
      ['tiny-chat'],
      true,
      false,
    ]);
    expect(imports).toBe(0);
    const [a, b] = await Promise.all([models.load('tiny-chat'), models.load('tiny-chat')]);
    expect(a).toBe(b);
    expect(await models.load('tiny-chat')).toBe(a);
    expect(imports).toBe(1);
  });

  it('tries a failed load again on the next request', async () => {
    let imports = 0;
    const models = new TrainedModels(new Map([['x', checkpoint.dir]]), () => {
      imports++;
      return imports === 1 ? Promise.reject(new Error('not built')) : import('@repo/trainer/serve');
    });
    await expect(models.load('x')).rejects.toThrow('not built');
    expect((await models.load('x')).id).toBe('x');
    expect(imports).toBe(2);
  });
});
