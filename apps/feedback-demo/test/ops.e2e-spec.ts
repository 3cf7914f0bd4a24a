// How `node dist/main.js` stops on a mistake: one clear message on stderr, exit code 1, no stack
// trace and nothing "started" before it; and /health, /docs and the page while it runs.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bootChecks } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './create-test-app.js';

describe('boot', () => {
  const main = new URL('../dist/main.js', import.meta.url);
  const checks = bootChecks(main, {
    env: { DATABASE_URL: 'memory://' },
    badVariable: {
      env: { FEEDBACK_CONCURRENCY: '0' },
      message: 'Invalid configuration:\n  - FEEDBACK_CONCURRENCY: must be between 1 and 32',
    },
  });
  for (const check of checks) it(check.name, check.run);
});

describe('running', () => {
  let app: NestExpressApplication;
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app?.close());

  it('answers /health with the feedback store', async () => {
    const res = await request(app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('"generating":0');
  });

  it('documents the API at /docs', async () => {
    const res = await request(app.getHttpServer()).get('/docs-json');
    expect(res.status).toBe(200);
    const paths = Object.keys((res.body as { paths: object }).paths);
    for (const path of [
      '/api/feedback/campaigns',
      '/api/feedback/votes',
      '/api/feedback/thumbs',
      '/api/feedback/campaigns/{id}/export',
    ])
      expect(paths).toContain(path);
  });
});
