// LLaMA-Factory's dataset_info.json entries (data/README.md) for files this package writes. A
// column is listed only when some row has it: LLaMA-Factory reads every listed column, and a
// column no row holds does not exist in the loaded dataset.
import type { CanonicalRecord } from '../formats.js';

export interface DatasetInfoEntry {
  file_name: string;
  formatting?: 'sharegpt';
  ranking?: true;
  columns: Record<string, string>;
}

/** dataset_info.json column name → the row key it points at, in data/README.md's order. */
const COLUMNS = {
  sharegpt: [
    ['messages', 'conversations'],
    ['system', 'system'],
    ['tools', 'tools'],
    ['chosen', 'chosen'],
    ['rejected', 'rejected'],
    ['kto_tag', 'kto_tag'],
  ],
  alpaca: [
    ['prompt', 'instruction'],
    ['query', 'input'],
    ['response', 'output'],
    ['history', 'history'],
    ['system', 'system'],
    ['chosen', 'chosen'],
    ['rejected', 'rejected'],
    ['kto_tag', 'kto_tag'],
  ],
} as const;

export function datasetInfoEntry(input: {
  fileName: string;
  format: 'sharegpt' | 'alpaca';
  kind: CanonicalRecord['kind'];
  /** Keys written in at least one row (`rowKeys` collects them). */
  keys: ReadonlySet<string>;
}): DatasetInfoEntry {
  const columns: Record<string, string> = {};
  for (const [column, key] of COLUMNS[input.format]) if (input.keys.has(key)) columns[column] = key;
  return {
    file_name: input.fileName,
    ...(input.format === 'sharegpt' ? { formatting: 'sharegpt' as const } : {}),
    ...(input.kind === 'preference' ? { ranking: true as const } : {}),
    columns,
  };
}

/** Adds a written row's keys to `keys`. */
export function collectKeys(keys: Set<string>, row: object): void {
  for (const [key, value] of Object.entries(row)) if (value !== undefined) keys.add(key);
}
