// FeedbackModule end to end: a tiny app on the real chat client (the embedded model over the
// openai SDK) and PGlite in memory; answers get ids, feedback on them is stored once per client
// id, and every bad input is a 4xx naming the field.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { systemMessage, userMessage } from '@repo/core';
import { createFeedbackStore, type FeedbackAdvisor } from '@repo/feedback';
import { createDatabase, type Database } from '@repo/storage';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFeedbackTestApp } from '../__fixtures__/feedback-test-app.js';
import { bufferText, parseSse } from '../testing/sse-client.js';
import { checkBadInputs } from '../testing/check-bad-inputs.js';
import { feedbackSampleRequests } from '../testing/feedback-samples.js';
import { FEEDBACK_ADVISOR } from './feedback-module-definition.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const server = (app: NestExpressApplication) => app.getHttpServer();

let app: NestExpressApplication;
beforeAll(async () => {
  app = await createFeedbackTestApp({ databaseUrl: 'memory://' });
}, 30_000);
afterAll(() => app.close());

async function ask(message: string): Promise<{ content: string; responseId: string }> {
  const res = await request(server(app)).post('/chat').send({ message });
  expect(res.status).toBe(201);
  return res.body as { content: string; responseId: string };
}
const post = (path: string, body: object) =>
  request(server(app)).post(`/api/feedback/${path}`).send(body);

describe('POST /api/feedback/thumbs', () => {
  it('stores a thumb on an answer once per client id: 201, then 200 for a retry', async () => {
    const { responseId } = await ask('长城有多长？');
    expect(responseId).toMatch(UUID);
    const body = { id: 'thumb-1', responseId, value: 'down', reasons: ['太长', '不准确'] };
    const created = await post('thumbs', body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      created: true,
      feedback: {
        id: 'thumb-1',
        kind: 'thumbs',
        responseId,
        value: 'down',
        reasons: ['太长', '不准确'],
        annotator: { id: 'anonymous', kind: 'end_user' },
        status: 'submitted',
        current: true,
        createdAt: expect.any(String),
      },
    });
    const retry = await post('thumbs', body);
    expect([retry.status, retry.body.created]).toEqual([200, false]);
    expect(retry.body.feedback).toEqual(created.body.feedback);
  });

  it('is 409 naming id when the same id comes with another body', async () => {
    const { responseId } = await ask('你好');
    expect((await post('thumbs', { id: 'thumb-2', responseId, value: 'up' })).status).toBe(201);
    const res = await post('thumbs', { id: 'thumb-2', responseId, value: 'down' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      details: [{ field: 'id', reason: 'is already stored with a different body' }],
    });
  });

  it('is 404 naming responseId for an answer it never gave', async () => {
    const res = await post('thumbs', { responseId: 'no-such-answer', value: 'up' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: expect.stringContaining('Response "no-such-answer" is not known'),
      details: [{ field: 'responseId', reason: 'names the unknown response "no-such-answer"' }],
    });
  });

  it('makes an id when the client sends none (so a retry is stored twice) and takes the annotator', async () => {
    const { responseId } = await ask('讲个笑话');
    const first = await post('thumbs', { responseId, value: 'up', annotator: '小明' });
    const second = await post('thumbs', { responseId, value: 'up', annotator: '小红' });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.feedback.id).toMatch(UUID);
    expect(second.body.feedback.id).not.toBe(first.body.feedback.id);
    expect(first.body.feedback.annotator).toEqual({ id: '小明', kind: 'end_user' });
  });

  it.each([
    ['no responseId', { value: 'up' }, 'responseId'],
    ['an unknown value', { responseId: 'x', value: 'sideways' }, 'value'],
    ['an empty responseId', { responseId: '', value: 'up' }, 'responseId'],
    [
      'a responseId over 200 characters',
      { responseId: 'x'.repeat(201), value: 'up' },
      'responseId',
    ],
    ['an empty reason', { responseId: 'x', value: 'up', reasons: ['太长', ''] }, 'reasons[1]'],
    ['21 reasons', { responseId: 'x', value: 'up', reasons: Array(21).fill('太长') }, 'reasons'],
    ['a blank annotator', { responseId: 'x', value: 'up', annotator: '   ' }, 'annotator'],
    ['a numeric id', { responseId: 'x', value: 'up', id: 7 }, 'id'],
    ['a long comment', { responseId: 'x', value: 'up', comment: 'a'.repeat(10_001) }, 'comment'],
    ['an unknown field', { responseId: 'x', value: 'up', kind: 'rating' }, 'kind'],
  ])('is 400 naming the field for %s', async (_label, body, field) => {
    const res = await post('thumbs', body);
    expect(res.status).toBe(400);
    expect(res.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
  });
});

describe('POST /api/feedback/ratings and /corrections', () => {
  it('stores rubric scores and a correction, and GET shows them with the answer', async () => {
    const { responseId, content } = await ask('什么是向量数据库？');
    const rating = await post('ratings', {
      id: 'rating-1',
      responseId,
      scale: 5,
      scores: { 准确性: 4, 简洁性: 5 },
      annotator: 'expert-1',
    });
    expect(rating.status).toBe(201);
    expect(rating.body.feedback).toMatchObject({ kind: 'rating', scale: 5, responseId });
    const correction = await post('corrections', {
      id: 'correction-1',
      responseId,
      text: '向量数据库按向量相似度检索数据。',
    });
    expect(correction.status).toBe(201);

    const res = await request(server(app)).get(`/api/feedback/responses/${responseId}`);
    expect(res.status).toBe(200);
    expect(res.body.target).toEqual({
      responseId,
      prompt: [userMessage('什么是向量数据库？')],
      answer: content,
      model: 'local',
      provider: 'local',
      parameters: {},
      createdAt: expect.any(String),
    });
    expect(res.body.feedback.map((row: { id: string }) => row.id)).toEqual([
      'rating-1',
      'correction-1',
    ]);
    expect(res.body.feedback[1]).toMatchObject({
      kind: 'correction',
      text: '向量数据库按向量相似度检索数据。',
    });
  });

  it('is 400 naming the field for bad ratings and corrections', async () => {
    const { responseId, content } = await ask('你好');
    const cases: Array<[string, object, string]> = [
      ['ratings', { responseId, scale: 6, scores: { 准确性: 4 } }, 'scale'],
      ['ratings', { responseId, scale: 5, scores: { 准确性: 9 } }, 'scores.准确性'],
      ['ratings', { responseId, scale: 5, scores: { 准确性: 2.5 } }, 'scores.准确性'],
      ['ratings', { responseId, scale: 5 }, 'scores'],
      ['corrections', { responseId, text: '   ' }, 'text'],
      ['corrections', { responseId, text: content }, 'text'],
    ];
    for (const [path, body, field] of cases) {
      const res = await post(path, body);
      expect([path, field, res.status]).toEqual([path, field, 400]);
      expect(res.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    }
  });

  it('GET is 404 for an unknown answer and 400 for an id over 200 characters', async () => {
    const unknown = await request(server(app)).get('/api/feedback/responses/nope');
    expect([unknown.status, unknown.body.details[0].field]).toEqual([404, 'responseId']);
    const long = await request(server(app)).get(`/api/feedback/responses/${'x'.repeat(201)}`);
    expect([long.status, long.body.details[0].field]).toEqual([400, 'responseId']);
  });
});

describe('streamed answers and /health', () => {
  it("reports the id in the stream's done event, and feedback on it is stored", async () => {
    const res = await request(server(app))
      .post('/chat/stream')
      .send({ message: '写一首关于春天的短诗' })
      .buffer(true)
      .parse(bufferText);
    const done = parseSse(res.body as string).at(-1);
    expect(done?.event).toBe('done');
    const { responseId } = done?.data as { responseId: string };
    expect(responseId).toMatch(UUID);
    expect((await post('thumbs', { responseId, value: 'up' })).status).toBe(201);
  });

  it('reports the store and the answers held', async () => {
    await ask('还有一个问题');
    const res = await request(server(app)).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.info.feedback).toEqual({
      status: 'up',
      database: 'memory',
      opened: true,
      pendingAnswers: expect.any(Number),
    });
    expect(res.body.info.feedback.pendingAnswers).toBeGreaterThan(0);
    const advisor = app.get<FeedbackAdvisor>(FEEDBACK_ADVISOR);
    expect(res.body.info.feedback.pendingAnswers).toBe(advisor.pendingCount);
  });

  it('survives the bad-input suite on every route', async () => {
    const { responseId } = await ask('你好');
    const report = await checkBadInputs(server(app), feedbackSampleRequests(responseId));
    expect(report.failures).toEqual([]);
    expect(report.sent).toBeGreaterThan(50);
  });
});

describe("targets: 'store' with the app's database", () => {
  let database: Database;
  let storeApp: NestExpressApplication;
  const open = vi.fn(async () => database);
  beforeAll(async () => {
    database = await createDatabase({ url: 'memory://' });
    storeApp = await createFeedbackTestApp({ database: open, targets: 'store' });
  });
  afterAll(async () => {
    await storeApp.close();
    await database.close();
  });

  it('opens nothing at boot, then judges targets the app recorded itself', async () => {
    const health = await request(server(storeApp)).get('/health');
    expect(health.body.info.feedback).toEqual({ status: 'up', database: 'app', opened: false });
    expect(open).not.toHaveBeenCalled();
    expect(storeApp.get(FEEDBACK_ADVISOR)).toBeNull();
    const store = await createFeedbackStore(database);
    await store.recordTarget({
      responseId: 'candidate-a',
      prompt: [systemMessage('你是一位翻译。'), userMessage('把“你好”翻译成英文')],
      answer: 'Hello',
      model: 'qwen-plus',
    });
    const thumbs = (body: object) =>
      request(server(storeApp)).post('/api/feedback/thumbs').send(body);
    const [first, second] = await Promise.all([
      thumbs({ responseId: 'candidate-a', value: 'up', annotator: 'crowd-1' }),
      thumbs({ responseId: 'candidate-a', value: 'down', annotator: 'crowd-2' }),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(open).toHaveBeenCalledTimes(1);
    const missing = await thumbs({ responseId: 'candidate-b', value: 'up' });
    expect([missing.status, missing.body.details[0].field]).toEqual([404, 'responseId']);
    // The app's database stays open: the module did not open it, so it does not close it.
    await storeApp.close();
    expect((await store.getTarget('candidate-a'))?.answer).toBe('Hello');
  });
});
