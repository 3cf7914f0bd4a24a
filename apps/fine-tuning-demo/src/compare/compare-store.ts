// Comparisons, one JSON file each in the data folder (written when one starts and when it ends),
// so a finished comparison is still there after a restart; one cut off by a restart reads failed.
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type Verdict = 'tuned' | 'base' | 'tie';

export interface CompareRow {
  prompt: string;
  base: string;
  tuned: string;
  verdict: Verdict;
  reason: string;
}

export interface CompareResult {
  n: number;
  wins: number;
  losses: number;
  ties: number;
  /** wins / n: ties count as not won (0 when n is 0). */
  winRate: number;
  judge: string;
  rows: CompareRow[];
}

export interface CompareJson {
  id: string;
  jobId: string;
  status: 'running' | 'done' | 'failed';
  progress: { done: number; total: number };
  result: CompareResult | null;
  error: string | null;
  createdAt: string;
}

export class CompareStore {
  constructor(private readonly folder: string) {}

  async put(compare: CompareJson): Promise<void> {
    const file = path.join(this.folder, `${compare.id}.json`);
    await writeFile(`${file}.tmp`, `${JSON.stringify(compare)}\n`);
    await rename(`${file}.tmp`, file);
  }

  async get(id: string): Promise<CompareJson | undefined> {
    if (!/^cmp-[\w-]+$/.test(id)) return undefined;
    try {
      const stored = JSON.parse(
        await readFile(path.join(this.folder, `${id}.json`), 'utf8'),
      ) as CompareJson;
      return stored.status === 'running'
        ? { ...stored, status: 'failed', error: 'stopped by a restart before it finished' }
        : stored;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}

export function summarise(rows: CompareRow[], judge: string): CompareResult {
  const count = (verdict: Verdict) => rows.filter((row) => row.verdict === verdict).length;
  const n = rows.length;
  const wins = count('tuned');
  return {
    n,
    wins,
    losses: count('base'),
    ties: count('tie'),
    winRate: n === 0 ? 0 : wins / n,
    judge,
    rows,
  };
}
