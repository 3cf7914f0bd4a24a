// Every record store keeps what a restarted follower needs; the folder and SQL ones survive a
// restart (a new store on the same folder or database), and SQL runs on PGlite and PostgreSQL.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase } from '@repo/storage';
import { createTestDatabase, postgresTestUrl } from '@repo/storage/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createJsonFolderJobRecordStore,
  createMemoryJobRecordStore,
  type JobRecord,
  type JobRecordStore,
} from './job-records.js';
import { createSqlJobRecordStore } from './sql-job-records.js';

const record = (jobId: string, updatedAt: number, key?: string): JobRecord => ({
  jobId,
  backend: 'openai',
  ...(key === undefined ? {} : { idempotencyKey: key }),
  spec: { model: 'gpt-4o-mini-2024-07-18', trainingFile: 'file-1', suffix: '客服' },
  status: 'running',
  rawStatus: 'running',
  updatedAt,
});

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'job-records-'));
  dirs.push(dir);
  return path.join(dir, 'records');
}

async function exercise(store: JobRecordStore) {
  await store.put(record('ftjob-b', 2, 'key-b'));
  await store.put(record('ftjob-a', 1));
  await store.put({
    ...record('ftjob-b', 3, 'key-b'),
    status: 'succeeded',
    rawStatus: 'succeeded',
  });
  expect((await store.list()).map((r) => [r.jobId, r.status])).toEqual([
    ['ftjob-a', 'running'],
    ['ftjob-b', 'succeeded'],
  ]);
  expect((await store.findByIdempotencyKey('openai', 'key-b'))?.jobId).toBe('ftjob-b');
  expect(await store.findByIdempotencyKey('together', 'key-b')).toBeUndefined();
  expect((await store.get('openai', 'ftjob-a'))?.spec.suffix).toBe('客服');
  expect(await store.get('openai', 'ftjob-z')).toBeUndefined();
}

describe('job record stores', () => {
  it('in memory', async () => {
    const store = createMemoryJobRecordStore();
    await exercise(store);
    const got = await store.get('openai', 'ftjob-a');
    got!.status = 'failed'; // a copy: the store is not changed through it
    expect((await store.get('openai', 'ftjob-a'))?.status).toBe('running');
  });

  it('in a JSON folder, read back by a new store after a restart', async () => {
    const dir = await folder();
    expect(await createJsonFolderJobRecordStore(dir).list()).toEqual([]);
    await exercise(createJsonFolderJobRecordStore(dir));
    expect((await readdir(dir)).sort()).toEqual(['openai~ftjob-a.json', 'openai~ftjob-b.json']);
    const again = createJsonFolderJobRecordStore(dir);
    expect(await again.get('openai', 'ftjob-b')).toEqual({
      ...record('ftjob-b', 3, 'key-b'),
      status: 'succeeded',
      rawStatus: 'succeeded',
    });
  });

  it('in SQL on a PGlite folder, read back after the database is reopened', async () => {
    const url = `file:${await folder()}`;
    const database = await createDatabase({ url });
    const store = await createSqlJobRecordStore(database);
    expect(await store.list()).toEqual([]);
    await exercise(store);
    await store.put({ ...record('ftjob-c', 4), alias: '客服-bot', fineTunedModel: 'ft:x:c' });
    await database.close();
    const reopened = await createDatabase({ url });
    try {
      const again = await createSqlJobRecordStore(reopened); // migrations already applied: a no-op
      expect(await again.get('openai', 'ftjob-b')).toEqual({
        ...record('ftjob-b', 3, 'key-b'),
        status: 'succeeded',
        rawStatus: 'succeeded',
      });
      expect(await again.get('openai', 'ftjob-c')).toEqual({
        ...record('ftjob-c', 4),
        alias: '客服-bot',
        fineTunedModel: 'ft:x:c',
      });
      expect((await again.list()).map((r) => r.jobId)).toEqual(['ftjob-a', 'ftjob-b', 'ftjob-c']);
    } finally {
      await reopened.close();
    }
  });

  it.skipIf(postgresTestUrl() === undefined)('in SQL on PostgreSQL', async () => {
    const database = await createTestDatabase({ kind: 'postgres' });
    try {
      await exercise(await createSqlJobRecordStore(database));
    } finally {
      await database.close();
    }
  });
});
