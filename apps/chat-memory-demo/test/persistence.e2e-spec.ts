// The default store is a PGlite folder: history survives a restart, and a second app on the same
// folder gets a clear "in use by pid N" answer (503) instead of corrupting it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from './create-test-app.js';

const folder = mkdtempSync(join(tmpdir(), 'chat-memory-demo-'));
const env = { MEMORY_STORE: 'sql', DATABASE_URL: `file:${folder}` };
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const ask = (app: NestExpressApplication, message: string) =>
  request(app.getHttpServer()).get('/api/test/chat').query({ message, conversationId: 'bob' });

describe('MEMORY_STORE=sql on a PGlite folder', () => {
  it('keeps the history across a restart', async () => {
    const first = await createTestApp(env);
    await ask(first, 'My name is Bob');
    await first.close();

    const second = await createTestApp(env);
    try {
      expect((await ask(second, 'What is my name?')).text).toBe('Your name is Bob.');
      const messages = await request(second.getHttpServer()).get('/api/conversations/bob/messages');
      expect(messages.body.map((m: { ordinal: number }) => m.ordinal)).toEqual([1, 2, 3, 4]);
    } finally {
      await second.close();
    }
  });

  it('answers a second app on the same folder with a clear in-use error', async () => {
    const owner = await createTestApp(env);
    const intruder = await createTestApp(env);
    try {
      expect((await request(owner.getHttpServer()).get('/api/conversations')).status).toBe(200);
      const res = await request(intruder.getHttpServer()).get('/api/conversations');
      expect(res.status).toBe(503);
      expect(res.body.message).toMatch(
        new RegExp(`^The database folder .+ is in use by pid ${process.pid}`),
      );
      const health = await request(intruder.getHttpServer()).get('/health');
      expect(health.status).toBe(503);
    } finally {
      await intruder.close();
      await owner.close();
    }
    // Once the owner is gone the folder opens again.
    const next = await createTestApp(env);
    expect((await request(next.getHttpServer()).get('/api/conversations')).body).toHaveLength(1);
    await next.close();
  });
});
