// The data folder fine-tuning keeps its state in (LOCAL_LLM_DATA_DIR, the `dataDir` option, or a
// temporary folder per instance): uploaded files under files/, one folder per job under jobs/.
// Records are JSON files written atomically (a temporary file renamed over the old one), so a
// server killed mid-write leaves the previous record, never half of one.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** `prefix` + 24 random hex digits: `file-…`, `ftjob-…`, `ftevent-…`, `ftckpt-…`. */
export function randomId(prefix: string): string {
  return `${prefix}${randomBytes(12).toString('hex')}`;
}

/** Seconds since the epoch, as OpenAI's `created_at` fields. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);

export interface DataDir {
  root: string;
  /** True when the folder was made for this instance (it is removed on close). */
  temporary: boolean;
}

export async function openDataDir(configured: string | undefined): Promise<DataDir> {
  const root = configured
    ? path.resolve(configured)
    : await mkdtemp(path.join(tmpdir(), 'local-llm-data-'));
  await mkdir(path.join(root, 'files'), { recursive: true });
  await mkdir(path.join(root, 'jobs'), { recursive: true });
  return { root, temporary: !configured };
}

export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, JSON.stringify(value, null, 2) + '\n');
  await rename(temporary, file);
}

export async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** The names in a folder; none when it does not exist. */
export async function listDir(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}
