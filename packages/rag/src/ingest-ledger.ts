// What ingestion remembers per source between runs: the hash of what was read (bytes and reading
// settings) and the ids of the chunks it produced. With it a re-ingest skips an unchanged file
// without reading or splitting it, and removes the chunks a changed file no longer produces. A
// vector store cannot list a source's chunk ids (the VectorStore interface has no listing), so
// they are kept here rather than rediscovered.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface LedgerEntry {
  /** `sourceHash` of the bytes and settings it was read with. */
  hash: string;
  /** Its distinct chunk ids, in reading order. */
  ids: string[];
  /** Documents it was read into (sections, pages, items…). */
  documents: number;
  /** Chunks it was split into, repeats included. */
  chunks: number;
  /** Who ingested it (e.g. `upload`, `folder`): lets a prune spare other origins. */
  origin?: string;
}

export interface SourceLedger {
  get(source: string): Promise<LedgerEntry | undefined>;
  /** Every source it knows (for a prune). */
  sources(): Promise<string[]>;
  /** Records these sources (an entry) or forgets them (undefined), in one write. */
  update(changes: ReadonlyMap<string, LedgerEntry | undefined>): Promise<void>;
}

export function createMemorySourceLedger(): SourceLedger {
  const entries = new Map<string, LedgerEntry>();
  return {
    get: async (source) => clone(entries.get(source)),
    sources: async () => [...entries.keys()],
    async update(changes) {
      for (const [source, entry] of changes)
        if (entry) entries.set(source, clone(entry)!);
        else entries.delete(source);
    },
  };
}

/**
 * A ledger kept in a JSON file, rewritten whole on each update (write to a temporary file, then
 * rename, so a crash leaves the old file or the new one). Meant for thousands of sources, not
 * millions; updates are serialised within the process.
 */
export function createFileSourceLedger(file: string): SourceLedger {
  let loaded: Promise<Map<string, LedgerEntry>> | undefined;
  let writing: Promise<void> = Promise.resolve();
  const load = () => (loaded ??= readLedgerFile(file));
  return {
    get: async (source) => clone((await load()).get(source)),
    sources: async () => [...(await load()).keys()],
    update(changes) {
      const next = writing.then(async () => {
        const entries = await load();
        for (const [source, entry] of changes)
          if (entry) entries.set(source, clone(entry)!);
          else entries.delete(source);
        await mkdir(dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, JSON.stringify(Object.fromEntries(entries)));
        await rename(temporary, file);
      });
      writing = next.catch(() => undefined);
      return next;
    },
  };
}

async function readLedgerFile(file: string): Promise<Map<string, LedgerEntry>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  // A damaged ledger only costs a full re-read: every source is then read as if new.
  try {
    const parsed = JSON.parse(text) as Record<string, LedgerEntry>;
    return new Map(Object.entries(parsed).filter(([, entry]) => isEntry(entry)));
  } catch {
    return new Map();
  }
}

function isEntry(value: unknown): value is LedgerEntry {
  const entry = value as LedgerEntry;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.hash === 'string' &&
    Array.isArray(entry.ids) &&
    entry.ids.every((id) => typeof id === 'string') &&
    typeof entry.documents === 'number' &&
    typeof entry.chunks === 'number'
  );
}

function clone(entry: LedgerEntry | undefined): LedgerEntry | undefined {
  return entry && { ...entry, ids: [...entry.ids] };
}
