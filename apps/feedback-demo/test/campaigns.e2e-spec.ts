// A campaign end to end over HTTP on the embedded model: create (201, progress over SSE), queues
// of three annotators with overlap 2, votes revealing the models, undo, the leaderboard, the
// agreement figures and a DPO export that matches the votes cast, positions mapped back.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bufferText } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createReadyCampaign,
  createTestApp,
  labelQueue,
  type TaskJson,
} from './create-test-app.js';

const PROMPTS = [
  '什么是RLHF？请用两三句话解释。',
  'Why do we compare answers pairwise instead of rating them?',
  '写一句关于奖励模型的话。',
];

let app: NestExpressApplication;
beforeAll(async () => (app = await createTestApp()));
afterAll(() => app?.close());

/** Prefers the whole answer (local-detailed) over the one cut to 8 tokens. */
const preferDetailed = (task: TaskJson) =>
  task.left.text.length >= task.right.text.length ? 'left' : 'right';

describe('campaigns', () => {
  it('lists the offline candidate models', async () => {
    const res = await request(app.getHttpServer()).get('/api/feedback/models');
    expect(res.status).toBe(200);
    expect(
      (res.body as { models: Array<{ name: string }> }).models.map((model) => model.name),
    ).toEqual(['local-detailed', 'local-brief']);
  });

  it('runs a campaign from creation to export', async () => {
    const { campaign, events } = await createReadyCampaign(app, {
      name: 'RLHF 入门',
      prompts: PROMPTS,
      models: ['local-detailed', 'local-brief'],
      overlap: 2,
    });
    expect(campaign).toMatchObject({ status: 'generating', tasks: 3 });
    expect(campaign.invite?.path).toBe(`/#/label/${campaign.id}?invite=${campaign.invite?.token}`);
    const done = events.filter((event) => event.event === 'progress').at(-1)?.data;
    expect(done).toEqual({ total: 6, done: 6, failed: 0, finished: true });

    const first = await labelQueue(app, campaign.id, '张三', preferDetailed);
    const second = await labelQueue(app, campaign.id, '李四', preferDetailed);
    const third = await labelQueue(app, campaign.id, '王五', preferDetailed);
    expect([first.length, second.length, third.length]).toEqual([3, 3, 0]);
    for (const { task, choice, reveal } of [...first, ...second]) {
      // The pair really differs, and the revealed winner is the detailed model.
      expect(task.left.text).not.toBe(task.right.text);
      expect(reveal[choice as 'left' | 'right']).toBe('local-detailed');
      expect(task.prompt.at(-1)?.role).toBe('user');
    }

    const board = await request(app.getHttpServer()).get(
      `/api/feedback/campaigns/${campaign.id}/leaderboard`,
    );
    expect(board.status).toBe(200);
    const rows = (
      board.body as {
        models: Array<{
          model: string;
          wins: number;
          losses: number;
          lower: number;
          upper: number;
          rating: number;
        }>;
      }
    ).models;
    expect(rows.map((row) => [row.model, row.wins, row.losses])).toEqual([
      ['local-detailed', 6, 0],
      ['local-brief', 0, 6],
    ]);
    expect(rows[0]!.lower).toBeLessThanOrEqual(rows[0]!.rating);
    expect(rows[0]!.upper).toBeGreaterThanOrEqual(rows[0]!.rating);

    const agreement = await request(app.getHttpServer()).get(
      `/api/feedback/campaigns/${campaign.id}/agreement`,
    );
    expect(agreement.body).toMatchObject({ items: 3, votes: 6, annotators: 2, rawAgreement: 1 });
    expect((agreement.body as { perAnnotator: unknown[] }).perAnnotator).toHaveLength(2);

    const exported = await request(app.getHttpServer())
      .get(`/api/feedback/campaigns/${campaign.id}/export`)
      .query({ format: 'dpo-trl' })
      .buffer(true)
      .parse(bufferText);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = (exported.body as string)
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            prompt: Array<{ content: string }>;
            chosen: Array<{ content: string }>;
            rejected: Array<{ content: string }>;
          },
      );
    // One line per item (both annotators agree), the longer answer chosen whatever side it was on.
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const task = first.find(
        (vote) => vote.task.prompt.at(-1)?.content === line.prompt.at(-1)?.content,
      )!.task;
      const longer =
        task.left.text.length >= task.right.text.length ? task.left.text : task.right.text;
      const shorter = longer === task.left.text ? task.right.text : task.left.text;
      expect(line.chosen.at(-1)?.content).toBe(longer);
      expect(line.rejected.at(-1)?.content).toBe(shorter);
    }
    const card = await request(app.getHttpServer())
      .get(`/api/feedback/campaigns/${campaign.id}/export/card`)
      .query({ format: 'dpo-trl' });
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({
      format: 'dpo-trl',
      complete: true,
      empty: false,
      rowsWritten: 3,
    });
  });

  it('answers 202 with Retry-After while generating, then the task; undo brings a task back', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/feedback/campaigns')
      .send({
        name: 'undo',
        prompts: ['解释一下DPO。'],
        models: ['local-detailed', 'local-brief'],
        overlap: 1,
      });
    expect(res.status).toBe(201);
    const id = (res.body as { id: string }).id;
    const early = await request(app.getHttpServer())
      .get(`/api/feedback/campaigns/${id}/next`)
      .query({ annotator: 'a' });
    if (early.status === 202) {
      expect(early.headers['retry-after']).toBe('2');
      expect(early.body).toMatchObject({ status: 'generating' });
    } else expect(early.status).toBe(200);
    for (;;) {
      const next = await request(app.getHttpServer())
        .get(`/api/feedback/campaigns/${id}/next`)
        .query({ annotator: 'a' });
      if (next.status === 202) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      expect(next.status).toBe(200);
      const task = next.body as TaskJson;
      expect(task.position).toEqual({ done: 0, remaining: 1 });
      const vote = { id: 'v-1', taskId: task.taskId, annotator: 'a', choice: 'tie' };
      expect(
        (await request(app.getHttpServer()).post('/api/feedback/votes').send(vote)).status,
      ).toBe(201);
      expect(
        (await request(app.getHttpServer()).post('/api/feedback/votes').send(vote)).status,
      ).toBe(200);
      const after = await request(app.getHttpServer())
        .get(`/api/feedback/campaigns/${id}/next`)
        .query({ annotator: 'a' });
      expect(after.status).toBe(204);
      expect(after.headers['x-queue']).toBe('done');
      const undo = await request(app.getHttpServer())
        .post('/api/feedback/votes/undo')
        .send({ id: 'v-1', annotator: 'a' });
      expect(undo.status).toBe(200);
      expect(undo.body).toEqual({ taskId: task.taskId });
      const again = await request(app.getHttpServer())
        .get(`/api/feedback/campaigns/${id}/next`)
        .query({ annotator: 'a' });
      expect((again.body as TaskJson).taskId).toBe(task.taskId);
      return;
    }
  });

  it('leaves annotators who fail the gold items out of a filtered export', async () => {
    const gold = [{ prompt: '1 + 1 = ?', better: '2', worse: '11' }];
    const { campaign } = await createReadyCampaign(app, {
      name: 'gold',
      prompts: ['什么是偏好？'],
      models: ['local-detailed', 'local-brief'],
      overlap: 2,
      gold,
    });
    const pick = (better: boolean) => (task: TaskJson) => {
      const gold = task.left.text === '2' || task.left.text === '11';
      if (!gold) return preferDetailed(task);
      return (task.left.text === '2') === better ? 'left' : 'right';
    };
    expect(await labelQueue(app, campaign.id, 'careful', pick(true))).toHaveLength(2);
    expect(await labelQueue(app, campaign.id, 'careless', pick(false))).toHaveLength(2);
    const card = async (query: Record<string, string>) =>
      (
        await request(app.getHttpServer())
          .get(`/api/feedback/campaigns/${campaign.id}/export/card`)
          .query(query)
      ).body as { rowsWritten: number; filters: { excludedAnnotators: string[] } };
    const all = await card({ format: 'dpo-trl' });
    const filtered = await card({ format: 'dpo-trl', excludeFlagged: 'true' });
    expect(filtered.filters.excludedAnnotators).toEqual(['careless']);
    // The gold pair itself is exported only while both verdicts count (they disagree: no majority).
    expect(all.rowsWritten).toBe(1);
    expect(filtered.rowsWritten).toBe(2);
  });
});
