// How `node dist/main.js` stops on a mistake: one clear message on stderr, exit code 1, no stack
// trace and nothing "started" before it; and /health, /docs and the page while it runs.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { fileURLToPath } from 'node:url';
import { bootChecks, spawnApp } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './create-test-app.js';

const appDir = fileURLToPath(new URL('..', import.meta.url));

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

describe('while generating', () => {
  it('answers /health during a campaign’s generation, not after it', async () => {
    // The built app, whose embedded model answers in-process: generation must still give the
    // event loop turns, or this /health would wait for all 1,000 candidates.
    const app = await spawnApp('dist/main.js', { cwd: appDir, env: { DATABASE_URL: 'memory://' } });
    try {
      const created = await fetch(`${app.url}/api/feedback/campaigns`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'busy',
          prompts: Array.from({ length: 500 }, (_, i) => `第${i}题`),
          models: ['local-detailed', 'local-brief'],
        }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      // As the results page does: follow the progress stream meanwhile, and ask /health again
      // and again until generation is done. A starved event loop answers none of them until the
      // end; a healthy one answers many while the stream is still open.
      let finished = false;
      const events = fetch(`${app.url}/api/feedback/campaigns/${id}/events`)
        .then((res) => res.text())
        .finally(() => (finished = true));
      let answeredDuring = 0;
      while (!finished) {
        const health = await fetch(`${app.url}/health`);
        expect(health.status).toBe(200);
        if (!finished) answeredDuring++;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await events).toContain('event: done');
      expect(answeredDuring).toBeGreaterThanOrEqual(5);
    } finally {
      await app.stop();
    }
  }, 120_000);
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
