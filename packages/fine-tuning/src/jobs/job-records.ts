// What a follower needs to pick jobs up again after a restart: which backend holds the job, the
// idempotency key it was submitted with, the spec (file ids and settings, never a credential) and
// the last status seen. In memory, one JSON file per job in a folder (written atomically), or SQL
// (sql-job-records.ts).
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JobSpec, JobStatus } from './job-types.js';

export interface JobRecord {
  jobId: string;
  backend: string;
  idempotencyKey?: string;
  spec: JobSpec;
  status: JobStatus;
  rawStatus: string;
  fineTunedModel?: string;
  /** The name the finished model is registered under (`registerFineTunedModel`). */
  alias?: string;
  /** Milliseconds since the epoch. */
  updatedAt: number;
}

export interface JobRecordStore {
  get(backend: string, jobId: string): Promise<JobRecord | undefined>;
  findByIdempotencyKey(backend: string, key: string): Promise<JobRecord | undefined>;
  put(record: JobRecord): Promise<void>;
  /** Every record, oldest update first. */
  list(): Promise<JobRecord[]>;
}

export function createMemoryJobRecordStore(): JobRecordStore {
  const records = new Map<string, JobRecord>();
  return {
    get: async (backend, jobId) => copy(records.get(recordKey(backend, jobId))),
    findByIdempotencyKey: async (backend, key) =>
      copy([...records.values()].find((r) => r.backend === backend && r.idempotencyKey === key)),
    put: async (record) => void records.set(recordKey(record.backend, record.jobId), copy(record)),
    list: async () => sortByUpdate([...records.values()].map((r) => copy(r))),
  };
}

/** One `<backend>~<job id>.json` per job in `dir` (created when missing). */
export function createJsonFolderJobRecordStore(dir: string): JobRecordStore {
  const fileOf = (backend: string, jobId: string) =>
    path.join(dir, `${encodeURIComponent(recordKey(backend, jobId))}.json`);
  const readAll = async (): Promise<JobRecord[]> => {
    const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    const files = names.filter((name) => name.endsWith('.json'));
    return Promise.all(
      files.map(
        async (name) => JSON.parse(await readFile(path.join(dir, name), 'utf8')) as JobRecord,
      ),
    );
  };
  return {
    async get(backend, jobId) {
      try {
        return JSON.parse(await readFile(fileOf(backend, jobId), 'utf8')) as JobRecord;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    findByIdempotencyKey: async (backend, key) =>
      (await readAll()).find((r) => r.backend === backend && r.idempotencyKey === key),
    async put(record) {
      await mkdir(dir, { recursive: true });
      const file = fileOf(record.backend, record.jobId);
      const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, JSON.stringify(record, null, 2) + '\n');
      await rename(temporary, file);
    },
    list: async () => sortByUpdate(await readAll()),
  };
}

const recordKey = (backend: string, jobId: string) => `${backend}~${jobId}`;

function copy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

function sortByUpdate(records: JobRecord[]): JobRecord[] {
  return records.sort((a, b) => a.updatedAt - b.updatedAt);
}
