// Every endpoint against hostile input (@repo/nest/testing's bad-input suite): each sample is one
// valid request; its mutations must never reach a 5xx, invalid ones are 4xx naming the field.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { checkBadInputs, type SampleRequest } from '@repo/nest/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './create-test-app.js';

const hello = [{ role: 'user', content: '你好' }];

export const SAMPLES: SampleRequest[] = [
  {
    method: 'POST',
    path: '/api/chat',
    body: { messages: hello, model: 'local', options: { temperature: 0.5, stop: ['。'] } },
  },
  { method: 'POST', path: '/api/chat/stream', body: { messages: hello } },
  { method: 'GET', path: '/api/chat/stream', query: { message: '你好', model: 'local' } },
  { method: 'POST', path: '/api/chat/entity', body: { message: 'Films of Tom Hanks' } },
  {
    method: 'GET',
    path: '/api/deepseek/chatWithPrompt',
    query: { userInput: '你好', promptType: '03' },
  },
  { method: 'GET', path: '/api/deepseek/chatWithMetric', query: { userInput: '你是谁?' } },
  { method: 'GET', path: '/api/qwen/chat', query: { userInput: 'Hi' } },
  { method: 'GET', path: '/api/providers' },
];

let app: NestExpressApplication;
beforeAll(async () => {
  ({ app } = await createTestApp());
});
afterAll(() => app.close());

describe('hostile input', () => {
  it('never answers 5xx; invalid requests are 4xx with the field; /health survives', async () => {
    const report = await checkBadInputs(app.getHttpServer(), SAMPLES);
    expect(report.failures).toEqual([]);
    expect(report.sent).toBeGreaterThan(200);
  });
});
