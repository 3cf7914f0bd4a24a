// Feedback on chat-demo's answers: /api/chat's answers carry a responseId (body and X-Response-Id;
// a stream's `done` event), and POST /api/feedback/thumbs stores a judgement on it, in PGlite in
// memory here (DATABASE_URL=memory://) instead of the app's .data/chat-demo folder.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG } from '@repo/nest';
import {
  bufferText,
  checkBadInputs,
  createNestTestApp,
  feedbackSampleRequests,
  parseSse,
} from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAppConfig } from '../src/app-config.js';
import { AppModule } from '../src/app.module.js';
import { configureApp } from '../src/configure-app.js';
import { DATA_FOLDER } from '../src/data-folder.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let app: NestExpressApplication;
beforeAll(async () => {
  app = await createNestTestApp({
    module: AppModule,
    configure: configureApp,
    overrides: [[APP_CONFIG, parseAppConfig({ DATABASE_URL: 'memory://' })]],
  });
});
afterAll(() => app.close());

const http = () => request(app.getHttpServer());
const chat = (content: string) =>
  http()
    .post('/api/chat')
    .send({ messages: [{ role: 'user', content }] });

describe('feedback on /api/chat answers', () => {
  it('gives each answer a responseId that POST /api/feedback/thumbs takes', async () => {
    const answer = await chat('长城有多长？');
    expect(answer.status).toBe(200);
    const { responseId } = answer.body as { responseId: string };
    expect(responseId).toMatch(UUID);
    expect(answer.headers['x-response-id']).toBe(responseId);

    const thumbs = { id: 'chat-demo-thumb-1', responseId, value: 'down', reasons: ['太长'] };
    const created = await http().post('/api/feedback/thumbs').send(thumbs);
    expect(created.status).toBe(201);
    expect(created.body.feedback).toMatchObject({
      id: 'chat-demo-thumb-1',
      responseId,
      value: 'down',
      reasons: ['太长'],
      annotator: { id: 'anonymous', kind: 'end_user' },
    });
    expect((await http().post('/api/feedback/thumbs').send(thumbs)).status).toBe(200);

    const stored = await http().get(`/api/feedback/responses/${responseId}`);
    expect(stored.body.target).toMatchObject({
      prompt: [{ role: 'user', parts: [{ type: 'text', text: '长城有多长？' }] }],
      answer: answer.body.content,
      provider: 'local',
    });
  });

  it('gives a streamed answer its id in the done event and the header', async () => {
    const res = await http()
      .post('/api/chat/stream')
      .send({ messages: [{ role: 'user', content: '你好' }] })
      .buffer(true)
      .parse(bufferText);
    const done = parseSse(res.body as string).at(-1);
    const { responseId } = done?.data as { responseId: string };
    expect(done?.event).toBe('done');
    expect(res.headers['x-response-id']).toBe(responseId);
    const thumbs = await http().post('/api/feedback/thumbs').send({ responseId, value: 'up' });
    expect(thumbs.status).toBe(201);
  });

  it('gives no id to an answer that cannot be judged (a history ending with the assistant)', async () => {
    const res = await http()
      .post('/api/chat')
      .send({
        messages: [
          { role: 'user', content: '你好' },
          { role: 'assistant', content: '您好！' },
        ],
      });
    expect(res.status).toBe(200);
    expect(res.body.responseId).toBeUndefined();
    expect(res.headers['x-response-id']).toBeUndefined();
  });

  it('is a 404 naming responseId for an unknown answer, a 400 naming the field for bad input', async () => {
    const unknown = await http()
      .post('/api/feedback/thumbs')
      .send({ responseId: 'not-an-answer', value: 'up' });
    expect([unknown.status, unknown.body.details]).toEqual([
      404,
      [{ field: 'responseId', reason: 'names the unknown response "not-an-answer"' }],
    ]);
    const bad = await http().post('/api/feedback/thumbs').send({ responseId: 'x', value: '👍' });
    expect([bad.status, bad.body.details[0].field]).toEqual([400, 'value']);
  });

  it('/health reports the feedback store once it is in use', async () => {
    const res = await http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body.info.feedback).toMatchObject({
      status: 'up',
      database: 'memory',
      opened: true,
    });
  });

  it('survives the bad-input suite on the feedback routes', async () => {
    const { responseId } = (await chat('你好')).body as { responseId: string };
    const report = await checkBadInputs(app.getHttpServer(), feedbackSampleRequests(responseId));
    expect(report.failures).toEqual([]);
    expect(report.sent).toBeGreaterThan(50);
  });
});

describe('DATABASE_URL', () => {
  it("defaults to the app's PGlite folder and refuses what storage cannot open", () => {
    expect(parseAppConfig({}).DATABASE_URL).toBe(`file:${DATA_FOLDER}`);
    expect(DATA_FOLDER).toMatch(/apps[\\/]chat-demo[\\/]\.data[\\/]chat-demo$/);
    expect(() => parseAppConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
