// Every seed chat endpoint at its own path, on the embedded model (no key set).
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ModelRegistry } from '@repo/providers';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, echoText } from './create-test-app.js';

let app: NestExpressApplication;
let registry: ModelRegistry;
beforeAll(async () => ({ app, registry } = await createTestApp()));
beforeEach(() => registry.localLlm().reset());
afterAll(async () => {
  await app.close();
});

const DEEPSEEK_SYSTEM =
  'You are deepseek chat bot, you answer questions in a concise and accurate manner.';
const JSON_SYSTEM = 'You are a friendly chat bot that answers question with json always';
const sent = () =>
  registry
    .localLlm()
    .requests()
    .map((r) => (r.body as { messages: Array<{ role: string; content: string }> }).messages);

async function getText(path: string) {
  const res = await request(app.getHttpServer()).get(path);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
  expect(res.headers['x-ai-provider']).toBe('local');
  return res.text;
}

describe('/api/deepseek/chatWithPrompt', () => {
  it('01 (default): the input as the user message, under the seed system prompt', async () => {
    expect(await getText('/api/deepseek/chatWithPrompt?userInput=Hello!')).toBe(echoText('Hello!'));
    expect(sent()[0]).toEqual([
      { role: 'system', content: DEEPSEEK_SYSTEM },
      { role: 'user', content: 'Hello!' },
    ]);
  });

  it('02 renders {content} and 03 renders <content> into the same text', async () => {
    const two = await getText('/api/deepseek/chatWithPrompt?userInput=hello&promptType=02');
    const three = await getText('/api/deepseek/chatWithPrompt?userInput=hello&promptType=03');
    expect(two).toBe(
      '[local-llm] 这是离线本地模型。你说的是：“使用 json 格式输出这段文字： hello”',
    );
    expect(three).toBe(two);
    expect(sent().map((m) => m[1]?.content)).toEqual([
      '使用 json 格式输出这段文字： hello',
      '使用 json 格式输出这段文字： hello',
    ]);
  });

  it('an unknown promptType is a 400 listing the valid values (the seed answered 200)', async () => {
    const res = await request(app.getHttpServer()).get(
      '/api/deepseek/chatWithPrompt?userInput=hi&promptType=04',
    );
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { field: 'promptType', reason: 'must be one of: 01, 02, 03' },
    ]);
    expect(registry.localLlm().requests()).toHaveLength(0);
  });

  it('a missing userInput is a 400 naming the field', async () => {
    const res = await request(app.getHttpServer()).get('/api/deepseek/chatWithPrompt');
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain('userInput');
  });
});

describe('/api/deepseek/chatWithMetric', () => {
  it('answers and counts the tokens at /metrics (the seed names, plus Spring AI tags)', async () => {
    const read = async () => {
      const text = (await request(app.getHttpServer()).get('/metrics')).text;
      const value = (pattern: string) =>
        Number(new RegExp(`^${pattern} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
      return {
        prompt: value('ai_prompt_tokens_total'),
        completion: value('ai_completion_tokens_total'),
        total: value('ai_total_tokens_total'),
        output: value(
          'gen_ai_client_token_usage_total\\{gen_ai_system="local",gen_ai_request_model="local",gen_ai_token_type="output"\\}',
        ),
      };
    };
    const before = await read();
    expect(await getText('/api/deepseek/chatWithMetric?userInput=Hi')).toBe(echoText('Hi'));
    const after = await read();
    expect(after.completion - before.completion).toBe(19);
    expect(after.output - before.output).toBe(19);
    expect(after.prompt - before.prompt).toBeGreaterThan(0);
    expect(after.total - before.total).toBe(
      after.prompt - before.prompt + (after.completion - before.completion),
    );
  });
});

describe.each(['doubao', 'qwen', 'ollama'])('/api/%s/chat', (provider) => {
  it('answers from the embedded model with the "json always" system prompt', async () => {
    expect(await getText(`/api/${provider}/chat?userInput=Hello!`)).toBe(echoText('Hello!'));
    expect(sent()[0]?.[0]).toEqual({ role: 'system', content: JSON_SYSTEM });
  });

  it('a blank userInput is a 400', async () => {
    const res = await request(app.getHttpServer()).get(`/api/${provider}/chat?userInput=`);
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('userInput');
  });
});

describe('multi-chat', () => {
  it('/api/multi-chat/chat asks both, labelled correctly, on any method', async () => {
    const res = await request(app.getHttpServer()).post('/api/multi-chat/chat');
    expect(res.status).toBe(200);
    expect(res.headers['x-ai-provider']).toBe('local, local');
    expect(res.text).toBe(
      `DeepSeek: ${echoText('who are you?')}\nDoubao: ${echoText('who are you?')}`,
    );
    expect(sent()[0]?.[0]).toEqual({ role: 'system', content: JSON_SYSTEM });
    expect(sent()[1]).toEqual([{ role: 'user', content: 'who are you?' }]);
  });

  it('/api/multi-chat-openai/chat returns the answers (the seed returned nothing)', async () => {
    const res = await request(app.getHttpServer()).get('/api/multi-chat-openai/chat');
    expect(res.headers['x-ai-provider']).toBe('local, local');
    const question = 'What is the capital of France?';
    expect(res.text).toBe(`DeepSeek: ${echoText(question)}\nDoubao: ${echoText(question)}`);
    const temperatures = registry
      .localLlm()
      .requests()
      .map((r) => (r.body as { temperature?: number }).temperature)
      .sort();
    expect(temperatures).toEqual([0.5, 0.7]);
  });
});
