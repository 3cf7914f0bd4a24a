// /health (Terminus: model + store), /docs (Swagger, built on first request) and the boot-time
// config check (one message listing every bad variable).
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bootChecks } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAppConfig } from '../src/app-config.js';
import { DEFAULT_DATA_URL } from '../src/data-folder.js';
import { createTestApp } from './create-test-app.js';

let app: NestExpressApplication;
beforeAll(async () => (app = await createTestApp({ MEMORY_STORE: 'memory' })));
afterAll(async () => {
  await app.close();
});

describe('ops endpoints', () => {
  it('/health reports the model and the store', async () => {
    const res = await request(app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info).toEqual({
      ai: {
        status: 'up',
        provider: 'local',
        model: 'local',
        embeddingProvider: 'local',
        configuredProviders: ['local'],
        checked: 'config',
      },
      storage: { status: 'up', store: 'memory' },
    });
  });

  it('/docs serves the Swagger UI and its OpenAPI document lists the routes', async () => {
    const ui = await request(app.getHttpServer()).get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
    const spec = await request(app.getHttpServer()).get('/docs-json');
    expect(Object.keys(spec.body.paths).sort()).toEqual([
      '/api/conversations',
      '/api/conversations/{id}',
      '/api/conversations/{id}/messages',
      '/api/test/chat',
      '/health',
    ]);
  });
});

describe('config', () => {
  it('defaults: port 3001 on loopback, SQL on the app’s PGlite folder, a window of 20', () => {
    const config = parseAppConfig({});
    expect(config).toMatchObject({
      PORT: 3001,
      HOST: '127.0.0.1',
      MEMORY_STORE: 'sql',
      DATABASE_URL: DEFAULT_DATA_URL,
      MEMORY_MAX_MESSAGES: 20,
    });
    expect(DEFAULT_DATA_URL).toMatch(/^file:\/.*chat-memory-demo\/\.data\/chat-memory-demo$/);
  });

  it('MEMORY_STORE=redis without REDIS_URL fails with one message', () => {
    expect(() => parseAppConfig({ MEMORY_STORE: 'redis' })).toThrow(
      'Invalid configuration:\n  - REDIS_URL: is required when MEMORY_STORE=redis (e.g. redis://127.0.0.1:6379)',
    );
  });

  it('lists every bad variable, and treats empty values as unset', () => {
    expect(() =>
      parseAppConfig({
        MEMORY_STORE: 'mongo',
        DATABASE_URL: 'mysql://x',
        MEMORY_MAX_MESSAGES: '0',
      }),
    ).toThrow(
      'Invalid configuration:\n' +
        '  - MEMORY_STORE: must be one of sql, memory, redis\n' +
        '  - DATABASE_URL: must be memory://, file:<folder> or postgres://…\n' +
        '  - MEMORY_MAX_MESSAGES: must be between 1 and 1000',
    );
    expect(parseAppConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3001);
  });
});

describe('boot', () => {
  const main = new URL('../dist/main.js', import.meta.url);
  const checks = bootChecks(main, {
    badVariable: {
      env: { MEMORY_STORE: 'redis' },
      message:
        'Invalid configuration:\n  - REDIS_URL: is required when MEMORY_STORE=redis (e.g. redis://127.0.0.1:6379)',
    },
  });
  for (const check of checks) it(check.name, check.run);
});
