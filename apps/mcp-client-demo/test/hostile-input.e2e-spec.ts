// Every endpoint against hostile input (@repo/nest/testing's bad-input suite): each sample is one
// valid request; its mutations must never reach a 5xx, invalid ones are 4xx naming the field.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { checkBadInputs, type SampleRequest } from '@repo/nest/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, WEATHER_STDIO, whenConnected } from './create-test-app.js';

const SAMPLES: SampleRequest[] = [
  { method: 'GET', path: '/api/chat/ai', query: { userInput: '北京天气怎么样？' } },
  { method: 'GET', path: '/api/chat/ai/stream', query: { userInput: '北京天气怎么样？' } },
  { method: 'GET', path: '/api/mcp/servers' },
];

let app: NestExpressApplication;
beforeAll(async () => {
  const created = await createTestApp({ weather: WEATHER_STDIO });
  app = created.app;
  await whenConnected(created.mcp);
});
afterAll(() => app.close());

describe('hostile input', () => {
  it('never answers 5xx; invalid requests are 4xx with the field; /health survives', async () => {
    const report = await checkBadInputs(app.getHttpServer(), SAMPLES);
    expect(report.failures).toEqual([]);
    expect(report.sent).toBeGreaterThan(8);
  });
});
