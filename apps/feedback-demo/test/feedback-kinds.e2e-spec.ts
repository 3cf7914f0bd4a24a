// Thumbs, ratings and corrections (FeedbackModule) on a campaign's candidates, stored beside the
// votes on the app's one database: an SFT export takes the correction, a retry is stored once.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bufferText } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createReadyCampaign, createTestApp, type TaskJson } from './create-test-app.js';

let app: NestExpressApplication;
beforeAll(async () => (app = await createTestApp()));
afterAll(() => app?.close());

it('takes thumbs, ratings and corrections on candidates', async () => {
  const { campaign } = await createReadyCampaign(app, {
    id: 'kinds',
    name: 'kinds',
    prompts: ['用一句话介绍奖励模型。'],
    models: ['local-detailed', 'local-brief'],
  });
  const next = await request(app.getHttpServer())
    .get(`/api/feedback/campaigns/${campaign.id}/next`)
    .query({ annotator: '小明' });
  const task = next.body as TaskJson;
  expect(task.left.responseId).toMatch(/^kinds:0:local-(detailed|brief)$/);

  const thumbs = {
    id: 't1',
    responseId: task.left.responseId,
    value: 'down',
    reasons: ['太短'],
    annotator: '小明',
    annotatorKind: 'crowd',
    campaignId: campaign.id,
    taskId: task.taskId,
  };
  expect(
    (await request(app.getHttpServer()).post('/api/feedback/thumbs').send(thumbs)).status,
  ).toBe(201);
  expect(
    (await request(app.getHttpServer()).post('/api/feedback/thumbs').send(thumbs)).status,
  ).toBe(200);
  const rating = {
    id: 'r1',
    responseId: task.right.responseId,
    scale: 5,
    scores: { 有用性: 4, 正确性: 5 },
    annotator: '小明',
    annotatorKind: 'crowd',
    campaignId: campaign.id,
    taskId: task.taskId,
  };
  expect(
    (await request(app.getHttpServer()).post('/api/feedback/ratings').send(rating)).status,
  ).toBe(201);
  const better = '奖励模型根据人类偏好给回答打分，用来指导强化学习。';
  const correction = {
    id: 'c1',
    responseId: task.left.responseId,
    text: better,
    annotator: '小明',
    annotatorKind: 'crowd',
    campaignId: campaign.id,
    taskId: task.taskId,
  };
  expect(
    (await request(app.getHttpServer()).post('/api/feedback/corrections').send(correction)).status,
  ).toBe(201);

  const unknown = await request(app.getHttpServer())
    .post('/api/feedback/thumbs')
    .send({ ...thumbs, id: 't2', responseId: 'nope' });
  expect(unknown.status).toBe(404);
  expect((unknown.body as { details: Array<{ field: string }> }).details[0]?.field).toBe(
    'responseId',
  );

  const view = await request(app.getHttpServer()).get(
    `/api/feedback/responses/${encodeURIComponent(task.left.responseId)}`,
  );
  expect(view.status).toBe(200);
  expect(JSON.stringify(view.body)).toContain(better);

  // The correction is a supervised example: SFT exports the edited answer, not the model's.
  const sft = await request(app.getHttpServer())
    .get(`/api/feedback/campaigns/${campaign.id}/export`)
    .query({ format: 'sft-openai' })
    .buffer(true)
    .parse(bufferText);
  expect(sft.status).toBe(200);
  const lines = (sft.body as string)
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { messages: Array<{ role: string; content: string }> });
  expect(lines.map((line) => line.messages.at(-1))).toEqual([
    { role: 'assistant', content: better },
  ]);
});
