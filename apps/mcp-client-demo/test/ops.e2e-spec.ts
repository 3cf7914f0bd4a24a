// /docs (Swagger UI, loaded on first visit), the one error body, an empty mcp.json (no tools, the
// route still answers) and how `node dist/main.js` stops on a mistake (one message, exit 1).
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bootChecks } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_DIR } from '../src/app-config.js';
import { createTestApp } from './create-test-app.js';

let app: NestExpressApplication;
beforeAll(async () => ({ app } = await createTestApp({})));
afterAll(() => app.close());

describe('ops endpoints', () => {
  it('/docs serves the Swagger UI; the document lists the routes and the DTO', async () => {
    const ui = await request(app.getHttpServer()).get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
    const spec = await request(app.getHttpServer()).get('/docs-json');
    expect(Object.keys(spec.body.paths).sort()).toEqual([
      '/api/chat/ai',
      '/api/chat/ai/stream',
      '/api/mcp/servers',
      '/health',
    ]);
    expect(spec.body.paths['/api/chat/ai'].get).toMatchObject({
      tags: ['chat'],
      parameters: [{ name: 'userInput', in: 'query', required: true }],
    });
  });

  it('unknown routes get the one error body', async () => {
    const res = await request(app.getHttpServer()).get('/mcp/chat/ai');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cannot GET /mcp/chat/ai',
      details: [],
    });
  });

  it('with no MCP server configured the route answers without tools', async () => {
    expect((await request(app.getHttpServer()).get('/api/mcp/servers')).body).toEqual({
      servers: [],
    });
    const res = await request(app.getHttpServer())
      .get('/api/chat/ai')
      .query({ userInput: '北京天气怎么样？' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('[local-llm] 这是离线本地模型。你说的是：“北京天气怎么样？”');
  });
});

describe('boot', () => {
  const main = new URL('../dist/main.js', import.meta.url);
  const checks = bootChecks(main, {
    badVariable: {
      env: { MCP_CONFIG: 'no-such.json' },
      message: `Invalid configuration:\n  - MCP_CONFIG: file not found: ${join(APP_DIR, 'no-such.json')}`,
    },
  });
  for (const check of checks) it(check.name, check.run);
});
