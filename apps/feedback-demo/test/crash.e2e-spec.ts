// SIGKILL during a burst of votes from 20 annotators (the built app in its own process, on a PGlite
// folder and on PostgreSQL): after the kill, every vote that was answered 2xx is stored exactly
// once, overlap is still respected, and the app starts again on the same data and goes on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCampaignStore, createFeedbackStore } from '@repo/feedback';
import { spawnApp, type SpawnedApp } from '@repo/nest/testing';
import { createDatabase, type Database } from '@repo/storage';
import { createTestDatabase, postgresTestUrl } from '@repo/storage/testing';
import { describe, expect, it } from 'vitest';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const ANNOTATORS = 20;
const KILL_AFTER = 60;
const OVERLAP = 3;

interface Answered {
  id: string;
  taskId: string;
  annotator: string;
}

async function json(res: Response): Promise<unknown> {
  const text = await res.text();
  return text === '' ? undefined : JSON.parse(text);
}

/** Votes as fast as the app answers until it dies; returns the votes answered 2xx. */
async function voteUntilKilled(app: SpawnedApp): Promise<Answered[]> {
  const created = await fetch(`${app.url}/api/feedback/campaigns`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: 'crash',
      name: '崩溃测试',
      prompts: Array.from({ length: 40 }, (_, i) => `第${i}个问题：什么是对齐？`),
      models: ['local-detailed', 'local-brief'],
      overlap: OVERLAP,
    }),
  });
  expect(created.status).toBe(201);
  await (await fetch(`${app.url}/api/feedback/campaigns/crash/events`)).text();
  const answered: Answered[] = [];
  let killing: Promise<void> | undefined;
  const annotate = async (annotator: string) => {
    try {
      for (;;) {
        const next = await fetch(
          `${app.url}/api/feedback/campaigns/crash/next?annotator=${encodeURIComponent(annotator)}`,
        );
        if (next.status !== 200) return;
        const { taskId } = (await json(next)) as { taskId: string };
        const id = `${taskId}|${annotator}`;
        const vote = await fetch(`${app.url}/api/feedback/votes`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id, taskId, annotator, choice: 'left' }),
        });
        if (vote.status !== 201) throw new Error(`vote ${id}: ${vote.status} ${await vote.text()}`);
        answered.push({ id, taskId, annotator });
        if (answered.length === KILL_AFTER) killing = app.kill();
      }
    } catch (error) {
      // After the kill every request fails to connect: that is the point.
      if (killing === undefined) throw error;
    }
  };
  await Promise.all(Array.from({ length: ANNOTATORS }, (_, i) => annotate(`标注员${i}`)));
  await killing;
  expect(killing).toBeDefined();
  return answered;
}

async function expectAllStored(database: Database, answered: Answered[]): Promise<void> {
  const store = await createFeedbackStore(database);
  const campaigns = await createCampaignStore(database, store);
  const ids = new Set<string>();
  const holders = new Map<string, Set<string>>();
  for await (const vote of store.streamFeedback({
    campaignId: 'crash',
    status: 'any',
    includeSuperseded: true,
  })) {
    expect(ids.has(vote.id)).toBe(false);
    ids.add(vote.id);
    const names = holders.get(vote.taskId ?? '') ?? new Set();
    names.add(vote.annotator.id);
    holders.set(vote.taskId ?? '', names);
  }
  for (const vote of answered) expect(ids.has(vote.id), vote.id).toBe(true);
  for (const names of holders.values()) expect(names.size).toBeLessThanOrEqual(OVERLAP);
  expect((await campaigns.getCampaign('crash'))?.status).toBe('ready');
}

async function restartAndVote(env: Record<string, string>): Promise<void> {
  const app = await spawnApp('dist/main.js', { cwd: appDir, env });
  try {
    const next = await fetch(`${app.url}/api/feedback/campaigns/crash/next?annotator=after`);
    expect(next.status).toBe(200);
    const { taskId } = (await json(next)) as { taskId: string };
    const vote = await fetch(`${app.url}/api/feedback/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'after-1', taskId, annotator: 'after', choice: 'tie' }),
    });
    expect(vote.status).toBe(201);
  } finally {
    await app.stop();
  }
}

describe('SIGKILL during a burst of votes: PGlite folder', () => {
  it('loses no vote that was answered 2xx', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'feedback-crash-'));
    // spawnApp passes PATH and these only: no provider key, the embedded model answers.
    const env = { DATABASE_URL: `file:${folder}` };
    try {
      const answered = await voteUntilKilled(await spawnApp('dist/main.js', { cwd: appDir, env }));
      expect(answered.length).toBeGreaterThanOrEqual(KILL_AFTER);
      const database = await createDatabase({ url: env.DATABASE_URL });
      try {
        await expectAllStored(database, answered);
      } finally {
        await database.close();
      }
      await restartAndVote(env);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 180_000);
});

describe.runIf(postgresTestUrl() !== undefined)(
  'SIGKILL during a burst of votes: PostgreSQL',
  () => {
    it('loses no vote that was answered 2xx', async () => {
      const database = await createTestDatabase({ kind: 'postgres' });
      const env = { DATABASE_URL: database.connectionString };
      try {
        const answered = await voteUntilKilled(
          await spawnApp('dist/main.js', { cwd: appDir, env }),
        );
        await expectAllStored(database, answered);
        await restartAndVote(env);
      } finally {
        await database.close();
      }
    }, 180_000);
  },
);
