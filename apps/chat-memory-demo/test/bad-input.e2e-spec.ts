// A user mistake is never a 500: 400 naming the field, 404 for an unknown conversation, 413 for a
// message over the memory's size limit (checked before any model call).
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DEFAULT_MAX_MESSAGE_BYTES } from '@repo/memory';
import { AI_MODEL_REGISTRY } from '@repo/nest';
import type { ModelRegistry } from '@repo/providers';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './create-test-app.js';

let app: NestExpressApplication;
beforeAll(async () => (app = await createTestApp()));
afterAll(async () => {
  await app.close();
});

const fields = (body: { details: { field: string }[] }) => [
  ...new Set(body.details.map((detail) => detail.field)),
];

describe('bad input', () => {
  it.each([
    ['a missing', {}],
    ['an empty', { message: '' }],
    ['a blank', { message: '   ' }],
  ])('%s message is a 400 naming `message`', async (_case, query) => {
    const res = await request(app.getHttpServer()).get('/api/test/chat').query(query);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(fields(res.body)).toEqual(['message']);
  });

  it.each([
    ['bad characters', 'a b/c', 'letters, digits and _ . : -'],
    ['101 characters', 'x'.repeat(101), 'conversationId must have at most 100 characters'],
  ])('a conversationId with %s is a 400 naming it', async (_case, conversationId, reason) => {
    const res = await request(app.getHttpServer())
      .get('/api/test/chat')
      .query({ message: 'hi', conversationId });
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['conversationId']);
    expect(res.body.message).toContain(reason);
  });

  it('an unknown field is a 400 naming it', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/test/chat')
      .send({ message: 'hi', role: 'system' });
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['role']);
  });

  it('a message over the size limit is a 413 naming `message`, and no model call is made', async () => {
    const registry = app.get<ModelRegistry>(AI_MODEL_REGISTRY);
    const before = registry.localLlm().requests().length;
    const res = await request(app.getHttpServer())
      .post('/api/test/chat')
      .send({ message: 'x'.repeat(DEFAULT_MAX_MESSAGE_BYTES), conversationId: 'big' });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
      details: [{ field: 'message', reason: `must be at most ${DEFAULT_MAX_MESSAGE_BYTES} bytes` }],
    });
    expect(registry.localLlm().requests()).toHaveLength(before);
    expect((await request(app.getHttpServer()).get('/api/conversations/big/messages')).status).toBe(
      404,
    );
  });

  it('an unknown conversation is a 404 on read and delete', async () => {
    for (const res of [
      await request(app.getHttpServer()).get('/api/conversations/nobody/messages'),
      await request(app.getHttpServer()).delete('/api/conversations/nobody'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'Conversation "nobody" not found.',
        details: [{ field: 'id', reason: 'no conversation has this id' }],
      });
    }
  });

  it('a bad conversation id in the path is a 400 naming `id`', async () => {
    const res = await request(app.getHttpServer()).get(
      `/api/conversations/${'x'.repeat(101)}/messages`,
    );
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['id']);
  });
});
