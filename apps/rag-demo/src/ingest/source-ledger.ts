// The app's ingest ledger (what @repo/rag's re-ingest remembers per source: its hash and chunk
// ids): a JSON file inside the PGlite folder for a `file:` DATABASE_URL, so it lives and is reset
// with the vectors it describes, one per collection; in memory otherwise (memory://, and
// PostgreSQL, where a restart costs one full re-read). The pipeline checks an entry against the
// store before trusting it, so a ledger that outlived its vectors only costs a re-read.
import path from 'node:path';
import { createFileSourceLedger, createMemorySourceLedger, type SourceLedger } from '@repo/rag';

export type { SourceLedger };

export function createAppLedger(databaseUrl: string, collection: string): SourceLedger {
  const folder = pgliteFolder(databaseUrl);
  return folder
    ? createFileSourceLedger(path.join(folder, `rag-demo-sources-${collection}.json`))
    : createMemorySourceLedger();
}

/** The folder of `file:<folder>` (file:.data/app, file:/abs, file:///abs), as @repo/storage reads it. */
function pgliteFolder(url: string): string | undefined {
  const trimmed = url.trim();
  if (!trimmed.startsWith('file:')) return undefined;
  const rest = trimmed.slice('file:'.length);
  return path.resolve(rest.startsWith('//') ? rest.slice(2) : rest);
}
