import { createDatabase } from '@repo/storage';
import { afterAll, describe, expect, it } from 'vitest';
import type { EvalRun } from '../eval-run.js';
import { parseSuite } from '../suite/load-suite.js';
import { createEvalRunStore } from './eval-run-store.js';

const database = await createDatabase({ url: 'memory://' });
afterAll(() => database.close());

const suite = parseSuite({
  description: '评测',
  prompts: ['{{q}}'],
  providers: ['local'],
  tests: [{ vars: { q: '你好' } }],
});

function finished(id: string, passRate: number): EvalRun {
  return {
    id,
    name: suite.name,
    startedAt: '2026-11-30T00:00:00.000Z',
    finishedAt: '2026-11-30T00:00:05.000Z',
    status: 'completed',
    results: [],
    summary: {
      total: 0,
      passed: 0,
      failed: 0,
      errors: 0,
      cancelled: 0,
      passRate,
      ci95: [0, 1],
      heuristic: false,
      durationMs: 5,
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      cost: 0,
      namedScores: {},
    },
  };
}

describe('the eval run store', () => {
  it('keeps a run from start to finish, whole, and lists newest first', async () => {
    const store = await createEvalRunStore(database);
    await createEvalRunStore(database); // migrating twice is harmless
    await store.start('run-1', suite);
    expect(await store.get('run-1')).toMatchObject({
      id: 'run-1',
      name: '评测',
      status: 'running',
      passRate: null,
      run: null,
      finishedAt: null,
      suite: JSON.parse(JSON.stringify(suite)) as unknown,
    });
    await store.finish(finished('run-1', 0.75));
    await store.start('run-2', suite);
    await store.fail('run-2', 'interrupted by a restart');
    const [second, first] = await store.list();
    expect(second).toMatchObject({
      id: 'run-2',
      status: 'failed',
      error: 'interrupted by a restart',
    });
    expect(first).toMatchObject({
      id: 'run-1',
      status: 'completed',
      passRate: 0.75,
      finishedAt: '2026-11-30T00:00:05.000Z',
    });
    expect((await store.get('run-1'))?.run).toEqual(finished('run-1', 0.75));
    expect(await store.get('nope')).toBeUndefined();
    expect(await store.list({ limit: 1 })).toHaveLength(1);
  });

  it('fails every run left running, and only those', async () => {
    const store = await createEvalRunStore(database);
    await store.start('left-1', suite);
    await store.start('left-2', suite);
    await store.start('done', suite);
    await store.finish(finished('done', 1));
    expect(await store.failRunning('interrupted by a restart')).toBeGreaterThanOrEqual(2);
    expect(await store.get('left-2')).toMatchObject({
      status: 'failed',
      error: 'interrupted by a restart',
    });
    expect((await store.get('done'))?.status).toBe('completed');
    expect(await store.failRunning('again')).toBe(0);
  });

  it('refuses a duplicate run id without touching the stored one', async () => {
    const store = await createEvalRunStore(database);
    await store.start('dup', suite);
    await expect(store.start('dup', suite)).rejects.toThrow();
    expect((await store.get('dup'))?.status).toBe('running');
  });
});
