// Every endpoint against hostile input (@repo/nest/testing's bad-input suite): each sample is one
// valid request; its mutations must never reach a 5xx, invalid ones are 4xx naming the field.
import { checkBadInputs, type SampleRequest } from '@repo/nest/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './create-test-app.js';

const SAMPLES: SampleRequest[] = [
  { method: 'GET', path: '/api/tools' },
  {
    method: 'POST',
    path: '/api/tools/run',
    body: { name: 'readFile', arguments: { path: 'welcome.txt' }, context: { userId: 'u-1' } },
  },
  {
    method: 'POST',
    path: '/api/tools/chat',
    body: {
      message: '巴黎的天气怎么样？',
      tools: ['getCurrentWeather'],
      context: { timeZone: 'Asia/Shanghai' },
    },
  },
  { method: 'POST', path: '/api/tools/chat/stream', body: { message: 'What is 2+3?' } },
  {
    method: 'POST',
    path: '/api/tools/steps',
    body: { conversationId: 'hostile', message: 'Weather in Paris?' },
  },
  {
    method: 'POST',
    path: '/api/tools/steps/:conversationId',
    params: { conversationId: 'nobody' },
    body: { results: [{ toolCallId: 'call_1', decline: '不需要' }] },
    status: 404,
  },
  {
    method: 'GET',
    path: '/api/tools/steps/:conversationId',
    params: { conversationId: 'hostile' },
  },
  {
    method: 'DELETE',
    path: '/api/tools/steps/:conversationId',
    params: { conversationId: 'nobody' },
    status: 404,
  },
];

let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.app.close());

describe('hostile input', () => {
  it('never answers 5xx; invalid requests are 4xx with the field; /health survives', async () => {
    const report = await checkBadInputs(t.app.getHttpServer(), SAMPLES);
    expect(report.failures).toEqual([]);
    expect(report.sent).toBeGreaterThan(200);
  });
});
