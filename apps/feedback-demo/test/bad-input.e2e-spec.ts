// Mistakes get a 4xx naming the field and the reason, never a 500, and lose nothing stored: an
// unknown task (404), the same vote id with another body (409), a malformed vote or campaign
// (400), an unknown model (400 naming models[i]), an export before any vote (409).
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadyCampaign, createTestApp, type TaskJson } from './create-test-app.js';

interface ErrorBody {
  statusCode: number;
  message: string;
  details?: Array<{ field: string; reason: string }>;
}

let app: NestExpressApplication;
let task: TaskJson;
beforeAll(async () => {
  app = await createTestApp();
  await createReadyCampaign(app, {
    id: 'bad',
    name: 'bad',
    prompts: ['什么是KTO？'],
    models: ['local-detailed', 'local-brief'],
  });
  task = (
    await request(app.getHttpServer())
      .get('/api/feedback/campaigns/bad/next')
      .query({ annotator: 'ann' })
  ).body as TaskJson;
});
afterAll(() => app?.close());

const post = (path: string, body: unknown) =>
  request(app.getHttpServer())
    .post(path)
    .send(body as object);
const fields = (body: unknown) => ((body as ErrorBody).details ?? []).map((detail) => detail.field);

describe('bad input', () => {
  it('a vote on an unknown task is a 404 naming taskId', async () => {
    const res = await post('/api/feedback/votes', {
      id: 'u1',
      taskId: 'bad:99',
      annotator: 'ann',
      choice: 'left',
    });
    expect(res.status).toBe(404);
    expect(fields(res.body)).toEqual(['taskId']);
  });

  it('the same vote id with another body is a 409, and the first vote stays', async () => {
    const vote = { id: 'same', taskId: task.taskId, annotator: 'ann', choice: 'left' };
    expect((await post('/api/feedback/votes', vote)).status).toBe(201);
    const clash = await post('/api/feedback/votes', { ...vote, choice: 'right' });
    expect(clash.status).toBe(409);
    expect(fields(clash.body)).toEqual(['id']);
    const again = await post('/api/feedback/votes', vote);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ choice: 'left', created: false });
  });

  it('a malformed vote is a 400 naming each field', async () => {
    const res = await post('/api/feedback/votes', {
      id: '',
      taskId: task.taskId,
      annotator: 'ann',
      choice: 'up',
      strength: 9,
    });
    expect(res.status).toBe(400);
    expect(fields(res.body).sort()).toEqual(['choice', 'id', 'strength']);
  });

  it('a vote by an annotator the task was not given to is a 409', async () => {
    const res = await post('/api/feedback/votes', {
      id: 's1',
      taskId: task.taskId,
      annotator: 'stranger',
      choice: 'left',
    });
    expect(res.status).toBe(409);
    expect(fields(res.body)).toEqual(['taskId']);
  });

  it('a campaign with too few or unknown models is a 400 naming them', async () => {
    const few = await post('/api/feedback/campaigns', {
      name: 'x',
      prompts: ['q'],
      models: ['local-brief'],
    });
    expect(few.status).toBe(400);
    expect(fields(few.body)).toEqual(['models']);
    const unknown = await post('/api/feedback/campaigns', {
      name: 'x',
      prompts: ['q'],
      models: ['local-brief', 'gpt-9', '__proto__'],
    });
    expect(unknown.status).toBe(400);
    expect(fields(unknown.body)).toEqual(['models[1]', 'models[2]']);
    const blank = await post('/api/feedback/campaigns', {
      name: '',
      prompts: [],
      models: ['local-brief', 'local-detailed'],
      overlap: 0,
    });
    expect(blank.status).toBe(400);
    expect(fields(blank.body).sort()).toEqual(['name', 'overlap', 'prompts']);
    const badId = await post('/api/feedback/campaigns', {
      id: 'a:b',
      name: 'x',
      prompts: ['q'],
      models: ['local-brief', 'local-detailed'],
    });
    expect(badId.status).toBe(400);
    expect(fields(badId.body)).toEqual(['id']);
  });

  it('an unknown campaign is a 404 on every campaign route', async () => {
    for (const path of [
      '',
      '/next?annotator=a',
      '/leaderboard',
      '/agreement',
      '/export?format=kto',
      '/events',
    ]) {
      const res = await request(app.getHttpServer()).get(`/api/feedback/campaigns/nope${path}`);
      expect(res.status, path).toBe(404);
    }
  });

  it('an export before any vote is a 409 saying so; an unknown format a 400', async () => {
    await createReadyCampaign(app, {
      id: 'empty',
      name: 'empty',
      prompts: ['q'],
      models: ['local-detailed', 'local-brief'],
    });
    const empty = await request(app.getHttpServer())
      .get('/api/feedback/campaigns/empty/export')
      .query({ format: 'dpo-openai' });
    expect(empty.status).toBe(409);
    expect((empty.body as ErrorBody).message).toMatch(/no votes yet/);
    const format = await request(app.getHttpServer())
      .get('/api/feedback/campaigns/empty/export')
      .query({ format: 'csv' });
    expect(format.status).toBe(400);
    expect(fields(format.body)).toEqual(['format']);
  });

  it('the leaderboard and agreement of a campaign without votes are empty, not errors', async () => {
    const board = await request(app.getHttpServer()).get(
      '/api/feedback/campaigns/empty/leaderboard',
    );
    expect(board.status).toBe(200);
    expect(board.body).toMatchObject({ battles: 0, models: [] });
    const agreement = await request(app.getHttpServer()).get(
      '/api/feedback/campaigns/empty/agreement',
    );
    expect(agreement.status).toBe(200);
    expect(agreement.body).toMatchObject({
      votes: 0,
      rawAgreement: null,
      positionBias: { leftShare: null },
    });
  });
});
