// /health, /docs, the one error body for what no controller handles (unknown routes, malformed
// JSON and bodies over the limit) and how `node dist/main.js` stops on a mistake (one message,
// exit 1, no stack trace).
import { bootChecks } from '@repo/nest/testing';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './create-test-app.js';

const t = useTestApp();

describe('ops endpoints and errors', () => {
  it('/health reports the model from config without calling it', async () => {
    const res = await request(t.app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.info.ai).toMatchObject({ status: 'up', provider: 'local', checked: 'config' });
    expect(t.llm.requests()).toHaveLength(0);
  });

  it('/docs-json documents every route', async () => {
    const res = await request(t.app.getHttpServer()).get('/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths).sort()).toEqual([
      '/api/tools',
      '/api/tools/chat',
      '/api/tools/chat/stream',
      '/api/tools/run',
      '/api/tools/steps',
      '/api/tools/steps/{conversationId}',
      '/health',
    ]);
  });

  it('unknown route → 404, malformed JSON → 400, a body over 1 MB → 413', async () => {
    const server = t.app.getHttpServer();
    const missing = await request(server).get('/api/nothing');
    expect(missing.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cannot GET /api/nothing',
      details: [],
    });
    const malformed = await request(server)
      .post('/api/tools/chat')
      .set('content-type', 'application/json')
      .send('{"message": ');
    expect(malformed.status).toBe(400);
    const big = await t.post('/api/tools/steps/x-1', {
      results: [{ toolCallId: 'call_1', result: 'x'.repeat(1024 * 1024 + 1) }],
    });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });
});

describe('boot', () => {
  const main = new URL('../dist/main.js', import.meta.url);
  const checks = bootChecks(main, {
    badVariable: {
      env: { TOOLS_FIXED_TIME: 'yesterday' },
      message:
        'Invalid configuration:\n  - TOOLS_FIXED_TIME: must be an ISO date-time, e.g. 2025-06-01T12:00:00Z',
    },
  });
  for (const check of checks) it(check.name, check.run);
});
