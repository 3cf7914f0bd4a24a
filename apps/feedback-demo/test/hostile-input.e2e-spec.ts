// Every endpoint against hostile input (@repo/nest/testing's bad-input suite): each sample is one
// valid request; its mutations must never reach a 5xx, invalid ones are 4xx naming the field, and
// /health answers afterwards. Campaign creates are small and generate on the embedded model.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { checkBadInputs, type SampleRequest } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadyCampaign, createTestApp, type TaskJson } from './create-test-app.js';

let app: NestExpressApplication;
let task: TaskJson;
beforeAll(async () => {
  // Room for the campaigns the mutations create, so a valid one is not a 429 instead.
  app = await createTestApp({ FEEDBACK_MAX_GENERATING: '16' });
  await createReadyCampaign(app, {
    id: 'h',
    name: 'h',
    prompts: ['什么是SFT？'],
    models: ['local-detailed', 'local-brief'],
  });
  task = (
    await request(app.getHttpServer())
      .get('/api/feedback/campaigns/h/next')
      .query({ annotator: 'ann' })
  ).body as TaskJson;
  // One vote already in, so the export card has something to describe.
  const server = app.getHttpServer();
  const first = (
    await request(server).get('/api/feedback/campaigns/h/next').query({ annotator: 'pre' })
  ).body as TaskJson;
  const vote = { id: 'pre', taskId: first.taskId, annotator: 'pre', choice: 'tie' };
  expect((await request(server).post('/api/feedback/votes').send(vote)).status).toBe(201);
});
afterAll(() => app.close());

describe('hostile input', () => {
  it('never answers 5xx; invalid requests are 4xx with the field; /health survives', async () => {
    const samples: SampleRequest[] = [
      {
        method: 'POST',
        path: '/api/feedback/campaigns',
        body: {
          name: '对比',
          prompts: ['你好'],
          models: ['local-detailed', 'local-brief'],
          overlap: 1,
          rubricVersion: 'v1',
        },
        status: 201,
      },
      { method: 'GET', path: '/api/feedback/campaigns' },
      { method: 'GET', path: '/api/feedback/models' },
      { method: 'GET', path: '/api/feedback/campaigns/:id', params: { id: 'h' } },
      {
        method: 'GET',
        path: '/api/feedback/campaigns/:id/next',
        params: { id: 'h' },
        query: { annotator: 'ann' },
      },
      {
        method: 'POST',
        path: '/api/feedback/votes',
        body: {
          id: 'v1',
          taskId: task.taskId,
          annotator: 'ann',
          choice: 'left',
          strength: 2,
          timeSpentMs: 1200,
          comment: '左边更好',
        },
        status: 201,
      },
      {
        method: 'POST',
        path: '/api/feedback/votes/undo',
        body: { id: 'nope', annotator: 'ann' },
        status: 404,
      },
      {
        method: 'POST',
        path: '/api/feedback/thumbs',
        body: { responseId: task.left.responseId, value: 'up', reasons: ['清楚'] },
        status: 201,
      },
      { method: 'GET', path: '/api/feedback/campaigns/:id/leaderboard', params: { id: 'h' } },
      { method: 'GET', path: '/api/feedback/campaigns/:id/agreement', params: { id: 'h' } },
      {
        method: 'GET',
        path: '/api/feedback/campaigns/:id/export/card',
        params: { id: 'h' },
        query: { format: 'kto' },
      },
    ];
    const report = await checkBadInputs(app.getHttpServer(), samples);
    expect(report.failures).toEqual([]);
    expect(report.sent).toBeGreaterThan(100);
  }, 120_000);
});
