// The first step of a re-ingest with a ledger (ingest-ledger.ts): each source's bytes are hashed
// with its settings (content-hash-source.ts) and compared with what the ledger recorded. A source
// whose hash matches, and whose chunks the store still holds, is not read or split at all; every
// other one is read as bytes, once, and handed on with its hash and its previous entry. Files given
// by path are therefore all in memory before the read phase (bytes sources already are): with a
// ledger, ingest a very large folder in slices, as its all-or-nothing write advises anyway.
import { readFile } from 'node:fs/promises';
import { AbortedError } from '@repo/core';
import { sourceHash, sourceName, type SourceSettings } from './content-hash-source.js';
import type { LedgerEntry, SourceLedger } from './ingest-ledger.js';
import type { BytesSource, DocumentSource } from './read-document.js';

export interface SourceToRead {
  source: BytesSource;
  name: string;
  hash: string;
  /** What the ledger knew of it: a changed source (its old chunks may go), or undefined (new). */
  previous?: LedgerEntry;
}

export interface UnchangedSource {
  name: string;
  entry: LedgerEntry;
}

export interface SourcePlan {
  toRead: SourceToRead[];
  unchanged: UnchangedSource[];
}

export interface PlanOptions {
  ledger: SourceLedger;
  /** The store's `existingIds`: an entry counts only while the store holds all its chunks. */
  lookup?: (ids: readonly string[]) => Promise<Iterable<string>>;
  settings: SourceSettings;
  signal?: AbortSignal;
}

export async function planSources(
  sources: readonly DocumentSource[],
  options: PlanOptions,
): Promise<SourcePlan> {
  const hashed: SourceToRead[] = [];
  for (const source of sources) {
    if (options.signal?.aborted) throw new AbortedError();
    const bytes = await toBytes(source);
    const name = sourceName(source);
    const hash = sourceHash(source, bytes.bytes, options.settings);
    hashed.push({ source: bytes, name, hash, previous: await options.ledger.get(name) });
  }
  const candidates = hashed.filter((item) => item.previous?.hash === item.hash);
  // A store emptied (or reset) behind the ledger's back: its sources are read again.
  const held = options.lookup
    ? new Set(await options.lookup(candidates.flatMap((item) => item.previous!.ids)))
    : undefined;
  const plan: SourcePlan = { toRead: [], unchanged: [] };
  for (const item of hashed) {
    const entry = item.previous;
    const same = entry?.hash === item.hash && (!held || entry.ids.every((id) => held.has(id)));
    if (same) plan.unchanged.push({ name: item.name, entry });
    else plan.toRead.push(item);
  }
  return plan;
}

async function toBytes(source: DocumentSource): Promise<BytesSource> {
  if ('bytes' in source) return source;
  const { path, ...rest } = source;
  return {
    ...rest,
    bytes: new Uint8Array(await readFile(path)),
    filename: path,
    source: sourceName(source),
  };
}
