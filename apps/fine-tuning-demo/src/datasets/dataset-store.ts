// Datasets kept as files in the data folder: `<id>.jsonl` (the rows, converted when they came as
// TRL DPO) beside `<id>.json` (the report the API answers), written atomically. A restart lists
// them again; nothing else holds them.
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DatasetJson } from './dataset-json.js';

export class DatasetStore {
  constructor(private readonly folder: string) {}

  rowsPath(id: string): string {
    return path.join(this.folder, `${id}.jsonl`);
  }

  async put(dataset: DatasetJson): Promise<void> {
    const file = path.join(this.folder, `${dataset.id}.json`);
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(dataset)}\n`);
    await rename(temporary, file);
  }

  async get(id: string): Promise<DatasetJson | undefined> {
    if (!/^ds-[\w-]+$/.test(id)) return undefined;
    try {
      return JSON.parse(
        await readFile(path.join(this.folder, `${id}.json`), 'utf8'),
      ) as DatasetJson;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Newest first. */
  async list(): Promise<DatasetJson[]> {
    const names = (await readdir(this.folder)).filter((name) => name.endsWith('.json'));
    const all = await Promise.all(names.map((name) => this.get(name.slice(0, -'.json'.length))));
    return all
      .filter((dataset): dataset is DatasetJson => dataset !== undefined)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }
}
