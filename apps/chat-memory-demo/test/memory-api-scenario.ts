// The seed's scenarios and every endpoint, as one suite run on each store (SQL on PGlite and
// PostgreSQL, process memory, Redis): same answers, same HTTP behaviour.
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, echoText } from './create-test-app.js';

export interface StoreSetup {
  env: Record<string, string>;
  cleanup?: () => Promise<void>;
}

export function memoryApiScenario(setup: () => Promise<StoreSetup>): void {
  let app: NestExpressApplication;
  let store: StoreSetup;
  const chat = (message: string, conversationId?: string) =>
    request(app.getHttpServer())
      .get('/api/test/chat')
      .query(conversationId === undefined ? { message } : { message, conversationId });

  beforeAll(async () => {
    store = await setup();
    app = await createTestApp(store.env);
  });
  afterAll(async () => {
    await app?.close();
    await store?.cleanup?.();
  });

  it('remembers a name within a conversation and not across conversations', async () => {
    const first = await chat('My name is Bob', 'bob');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(first.headers['x-ai-provider']).toBe('local');
    expect(first.text).toBe(echoText('My name is Bob'));
    expect((await chat('What is my name?', 'bob')).text).toBe('Your name is Bob.');
    expect((await chat('What is my name?', 'alice')).text).toBe("I don't know your name yet.");
  });

  it('remembers in Chinese, and POST takes the fields from a JSON body', async () => {
    await chat('我叫小明', 'xiaoming');
    const res = await request(app.getHttpServer())
      .post('/api/test/chat')
      .send({ message: '我叫什么名字？', conversationId: 'xiaoming' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('你叫小明。');
  });

  it('uses the conversation "default" without an id', async () => {
    await chat('My name is Dora');
    expect((await chat('What is my name?', 'default')).text).toBe('Your name is Dora.');
  });

  it('lists conversations newest first with their message counts', async () => {
    const res = await request(app.getHttpServer()).get('/api/conversations');
    expect(res.status).toBe(200);
    expect(
      res.body.map((c: { id: string; messageCount: number }) => [c.id, c.messageCount]),
    ).toEqual([
      ['default', 4],
      ['xiaoming', 4],
      ['alice', 2],
      ['bob', 4],
    ]);
    expect(Number.isNaN(Date.parse(res.body[0].updatedAt))).toBe(false);
  });

  it('reads a conversation’s messages with their parts and ordinals', async () => {
    const res = await request(app.getHttpServer()).get('/api/conversations/bob/messages');
    expect(res.status).toBe(200);
    expect(res.body.map((m: { ordinal: number; role: string }) => [m.ordinal, m.role])).toEqual([
      [1, 'user'],
      [2, 'assistant'],
      [3, 'user'],
      [4, 'assistant'],
    ]);
    expect(res.body[0].parts).toEqual([{ type: 'text', text: 'My name is Bob' }]);
    expect(res.body[3].parts).toEqual([{ type: 'text', text: 'Your name is Bob.' }]);
  });

  it('deletes a conversation (204), then forgets it (404)', async () => {
    const server = app.getHttpServer();
    const deleted = await request(server).delete('/api/conversations/bob');
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await request(server).delete('/api/conversations/bob')).status).toBe(404);
    expect((await request(server).get('/api/conversations/bob/messages')).status).toBe(404);
    expect((await chat('What is my name?', 'bob')).text).toBe("I don't know your name yet.");
  });

  it('reports the store as up at /health', async () => {
    const res = await request(app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.info.storage).toEqual({
      status: 'up',
      store: store.env['MEMORY_STORE'] ?? 'sql',
    });
  });
}
