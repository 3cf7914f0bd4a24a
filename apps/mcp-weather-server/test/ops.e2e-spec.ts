// /health (Terminus), /docs (Swagger UI, loaded on first visit), the one error body for what
// Nest answers itself (unknown routes, unparsable JSON) and how `node dist/main.js` stops on a
// mistake (one message, exit 1, no stack trace).
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bootChecks } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_TOKEN } from './create-test-app.js';

let app: NestExpressApplication;
beforeAll(async () => {
  app = await createTestApp({ MCP_AUTH_TOKEN: TEST_TOKEN });
});
afterAll(() => app.close());

describe('ops endpoints', () => {
  it('/health reports the server, its tools and the auth mode, never the token', async () => {
    const res = await request(app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.mcp).toEqual({
      status: 'up',
      server: 'weather-mcp-server',
      version: '1.0.0',
      transport: 'streamable-http',
      path: '/mcp',
      tools: ['getCurrentWeather'],
      auth: 'bearer',
      allowedHosts: ['127.0.0.1', 'localhost', '[::1]'],
    });
    expect(res.text).not.toContain(TEST_TOKEN);
  });

  it('/docs serves the Swagger UI and its document lists /mcp and /health', async () => {
    const ui = await request(app.getHttpServer()).get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
    const spec = await request(app.getHttpServer()).get('/docs-json');
    expect(Object.keys(spec.body.paths).sort()).toEqual(['/health', '/mcp']);
    expect(spec.body.paths['/mcp'].post).toMatchObject({ tags: ['mcp'] });
  });

  it('unknown routes and unparsable JSON get the one error body', async () => {
    const missing = await request(app.getHttpServer()).get('/sse');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cannot GET /sse',
      details: [],
    });
    const broken = await request(app.getHttpServer())
      .post('/mcp')
      .set('Content-Type', 'application/json')
      .send('{"jsonrpc":');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ statusCode: 400, error: 'Bad Request', details: [] });
  });
});

describe('boot', () => {
  const main = new URL('../dist/main.js', import.meta.url);
  const checks = bootChecks(main, {
    ai: false,
    badVariable: {
      env: { MCP_AUTH_TOKEN: 'hunter2' },
      message:
        'Invalid configuration:\n  - MCP_AUTH_TOKEN: must be at least 16 characters (or empty for no token)',
    },
  });
  for (const check of checks) it(check.name, check.run);
});
