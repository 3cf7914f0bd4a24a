// The app's ingest ledger (what @repo/rag's re-ingest remembers per source: its hash and chunk
// ids): a JSON file inside the PGlite folder for a `file:` DATABASE_URL, so it lives and is reset
// with the vectors it describes, one per collection; in memory otherwise (memory://, and
// PostgreSQL, where a restart costs one full re-read). The pipeline checks an entry against the
// store before trusting it, so a ledger that outlived its vectors only costs a re-read.
// This mirrors @repo/rag's createFileSourceLedger / createMemorySourceLedger, which the package
// does not export yet; the shapes come from IngestOptions, so the two cannot drift apart.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { IngestOptions } from '@repo/rag';

export type SourceLedger = NonNullable<IngestOptions['ledger']>;
type LedgerEntry = NonNullable<Awaited<ReturnType<SourceLedger['get']>>>;

export function createAppLedger(databaseUrl: string, collection: string): SourceLedger {
  const folder = pgliteFolder(databaseUrl);
  const file = folder && path.join(folder, `rag-demo-sources-${collection}.json`);
  let loaded: Promise<Map<string, LedgerEntry>> | undefined;
  let writing: Promise<void> = Promise.resolve();
  const load = () => (loaded ??= file ? readLedger(file) : Promise.resolve(new Map()));
  return {
    get: async (source) => copy((await load()).get(source)),
    sources: async () => [...(await load()).keys()],
    update(changes) {
      const next = writing.then(async () => {
        const entries = await load();
        for (const [source, entry] of changes)
          if (entry) entries.set(source, copy(entry)!);
          else entries.delete(source);
        if (!file) return;
        // Written whole to a temporary file, then renamed: a crash leaves the old or the new.
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(`${file}.tmp`, JSON.stringify(Object.fromEntries(entries)));
        await rename(`${file}.tmp`, file);
      });
      writing = next.catch(() => undefined);
      return next;
    },
  };
}

async function readLedger(file: string): Promise<Map<string, LedgerEntry>> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Record<string, LedgerEntry>;
    return new Map(
      Object.entries(parsed).filter(([, e]) => typeof e?.hash === 'string' && Array.isArray(e.ids)),
    );
  } catch {
    return new Map(); // none yet, or damaged: every source is read as if new
  }
}

function copy(entry: LedgerEntry | undefined): LedgerEntry | undefined {
  return entry && { ...entry, ids: [...entry.ids] };
}

/** The folder of `file:<folder>` (file:.data/app, file:/abs, file:///abs), as @repo/storage reads it. */
function pgliteFolder(url: string): string | undefined {
  const trimmed = url.trim();
  if (!trimmed.startsWith('file:')) return undefined;
  const rest = trimmed.slice('file:'.length);
  return path.resolve(rest.startsWith('//') ? rest.slice(2) : rest);
}
