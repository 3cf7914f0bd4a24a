// The app's job records, one JSON file per job in the data folder (written atomically), so a
// restart lists every job and follows the unfinished ones again. Small: one file per submit.
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppJobRecord } from './job-view.js';

const SAFE_ID = /^[\w.-]{1,128}$/;

export class JobStore {
  constructor(private readonly folder: string) {}

  async put(record: AppJobRecord): Promise<void> {
    const file = path.join(this.folder, `${record.backend}~${record.id}.json`);
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, `${JSON.stringify(record)}\n`);
    await rename(temporary, file);
  }

  /** Newest first. */
  async list(): Promise<AppJobRecord[]> {
    const names = (await readdir(this.folder)).filter((name) => name.endsWith('.json'));
    const records = await Promise.all(
      names.map(
        async (name) =>
          JSON.parse(await readFile(path.join(this.folder, name), 'utf8')) as AppJobRecord,
      ),
    );
    return records.sort(
      (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
    );
  }

  async get(id: string): Promise<AppJobRecord | undefined> {
    if (!SAFE_ID.test(id)) return undefined;
    return (await this.list()).find((record) => record.id === id);
  }

  async findByIdempotencyKey(key: string): Promise<AppJobRecord | undefined> {
    return (await this.list()).find((record) => record.idempotencyKey === key);
  }

  async findByAlias(alias: string): Promise<AppJobRecord | undefined> {
    return (await this.list()).find((record) => record.alias === alias);
  }
}
