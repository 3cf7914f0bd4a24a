// A cache of model outputs by request hash (promptfoo caches the same way): re-running a suite after
// changing an assertion costs no tokens. In memory, or one JSON file per entry in a folder.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatRequest, Usage } from '@repo/core';

export interface CachedOutput {
  output: string;
  usage: Usage;
  /** The original call's latency. */
  latencyMs: number;
}

export interface OutputCache {
  get(key: string): Promise<CachedOutput | undefined>;
  set(key: string, value: CachedOutput): Promise<void>;
}

/** The hash of what decides the output: provider, model, messages and options (not the signal). */
export function cacheKey(provider: string, model: string, request: ChatRequest): string {
  const { messages, options } = request;
  return createHash('sha256')
    .update(JSON.stringify({ provider, model, messages, options }))
    .digest('hex');
}

export function createMemoryCache(): OutputCache {
  const entries = new Map<string, CachedOutput>();
  return {
    get: async (key) => entries.get(key),
    set: async (key, value) => void entries.set(key, value),
  };
}

/** One `<hash>.json` per output under `dir` (created on first write). Unreadable entries are misses. */
export function createFileCache(dir: string): OutputCache {
  let ready: Promise<unknown> | undefined;
  return {
    async get(key) {
      try {
        return JSON.parse(await readFile(join(dir, `${key}.json`), 'utf8')) as CachedOutput;
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      ready ??= mkdir(dir, { recursive: true });
      await ready;
      // Write then rename, so a concurrent reader never sees half a file.
      const temporary = join(dir, `${key}.${process.pid}.tmp`);
      await writeFile(temporary, JSON.stringify(value));
      await rename(temporary, join(dir, `${key}.json`));
    },
  };
}
