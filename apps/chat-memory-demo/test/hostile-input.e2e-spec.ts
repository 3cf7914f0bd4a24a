// Every endpoint against hostile input (@repo/nest/testing's bad-input suite): each sample is one
// valid request; its mutations must never reach a 5xx, invalid ones are 4xx naming the field, and
// a refused message leaves nothing stored.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { checkBadInputs, type SampleRequest } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './create-test-app.js';

const SAMPLES: SampleRequest[] = [
  {
    method: 'GET',
    path: '/api/test/chat',
    query: { message: '我叫小明', conversationId: 'hostile' },
  },
  {
    method: 'POST',
    path: '/api/test/chat',
    body: { message: '我叫小明', conversationId: 'hostile' },
  },
  { method: 'GET', path: '/api/conversations' },
  { method: 'GET', path: '/api/conversations/:id/messages', params: { id: 'hostile' } },
  { method: 'DELETE', path: '/api/conversations/:id', params: { id: 'nobody' }, status: 404 },
];

let app: NestExpressApplication;
beforeAll(async () => (app = await createTestApp()));
afterAll(() => app.close());

describe('hostile input', () => {
  it('never answers 5xx; invalid requests are 4xx with the field; /health survives', async () => {
    const report = await checkBadInputs(app.getHttpServer(), SAMPLES);
    expect(report.failures).toEqual([]);
    expect(report.sent).toBeGreaterThan(50);
  });

  it('a lone surrogate is a 400 naming `message`, and nothing of the request is stored', async () => {
    const server = app.getHttpServer();
    const res = await request(server)
      .post('/api/test/chat')
      .set('content-type', 'application/json')
      .send('{"message":"你好\\ud800","conversationId":"surrogate"}')
      .expect(400);
    expect(res.body.details).toEqual([
      {
        field: 'message',
        reason: 'must be valid Unicode text (it holds a lone UTF-16 surrogate such as \\ud800)',
      },
    ]);
    await request(server).get('/api/conversations/surrogate/messages').expect(404);
  });
});
