// Boots the real AppModule for e2e tests with its own config (no process.env): the app's variables
// go through the same zod schema as main.ts, the AI ones to AiModule, with no retries. Default
// store: PGlite in memory (each test file its own). The same configureApp() as main.ts.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG } from '@repo/nest';
import { bufferText, createNestTestApp, parseSse, type SseRecord } from '@repo/nest/testing';
import request from 'supertest';
import { expect } from 'vitest';
import { parseAppConfig } from '../src/app-config.js';
import { AppModule } from '../src/app.module.js';
import { configureApp } from '../src/configure-app.js';

export function createTestApp(env: Record<string, string> = {}): Promise<NestExpressApplication> {
  const config = parseAppConfig({ DATABASE_URL: 'memory://', ...env });
  return createNestTestApp({
    module: AppModule,
    configure: configureApp,
    overrides: [[APP_CONFIG, config]],
  });
}

export interface CampaignBody {
  id?: string;
  name: string;
  prompts: string[];
  models: string[];
  overlap?: number;
  gold?: Array<{ prompt: string; better: string; worse: string }>;
  dailyCap?: number;
}

export interface CampaignJson {
  id: string;
  status: string;
  tasks: number;
  progress: { total: number; done: number; failed: number; finished: boolean };
  invite?: { token: string; path: string };
}

/** Creates a campaign (201) and waits for its candidates through the progress SSE stream. */
export async function createReadyCampaign(
  app: NestExpressApplication,
  body: CampaignBody,
  headers: Record<string, string> = {},
): Promise<{ campaign: CampaignJson; events: SseRecord[] }> {
  const res = await request(app.getHttpServer())
    .post('/api/feedback/campaigns')
    .set(headers)
    .send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const campaign = res.body as CampaignJson;
  const events = await readProgress(app, campaign.id, headers);
  expect(events.at(-1)?.event).toBe('done');
  return { campaign, events };
}

export async function readProgress(
  app: NestExpressApplication,
  campaignId: string,
  headers: Record<string, string> = {},
): Promise<SseRecord[]> {
  const res = await request(app.getHttpServer())
    .get(`/api/feedback/campaigns/${campaignId}/events`)
    .set(headers)
    .buffer(true)
    .parse(bufferText);
  expect(res.status).toBe(200);
  return parseSse(res.body as string);
}

export interface TaskJson {
  taskId: string;
  prompt: Array<{ role: string; content: string }>;
  left: { responseId: string; text: string };
  right: { responseId: string; text: string };
  position: { done: number; remaining: number };
}

/** Labels an annotator's whole queue with `choose`; returns each vote with the task it answered. */
export async function labelQueue(
  app: NestExpressApplication,
  campaignId: string,
  annotator: string,
  choose: (task: TaskJson) => 'left' | 'right' | 'tie' | 'both-bad',
  headers: Record<string, string> = {},
): Promise<Array<{ task: TaskJson; choice: string; reveal: { left: string; right: string } }>> {
  const votes = [];
  for (;;) {
    const next = await request(app.getHttpServer())
      .get(`/api/feedback/campaigns/${campaignId}/next`)
      .query({ annotator })
      .set(headers);
    if (next.status === 204) return votes;
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    const task = next.body as TaskJson;
    const choice = choose(task);
    const vote = await request(app.getHttpServer())
      .post('/api/feedback/votes')
      .set(headers)
      .send({
        id: `${task.taskId}|${annotator}`,
        taskId: task.taskId,
        annotator,
        choice,
        timeSpentMs: 2500,
      });
    expect(vote.status, JSON.stringify(vote.body)).toBe(201);
    votes.push({
      task,
      choice,
      reveal: (vote.body as { reveal: { left: string; right: string } }).reveal,
    });
  }
}
