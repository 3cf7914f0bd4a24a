// A confined path → the files to read: the file itself, or every regular file under a folder in
// name order (hidden names skipped: they hold secrets, not documents). Inside a folder, symbolic
// links are not followed, and are reported as skipped rather than silently dropped.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentSource, IngestSkip } from '@repo/rag';
import type { ConfinedPath } from './confine-ingest-path.js';

export interface ListedSources {
  sources: DocumentSource[];
  skipped: IngestSkip[];
  /** A folder: unreadable files are skipped and reported, not a failure of the whole run. */
  folder: boolean;
}

export async function listSources(confined: ConfinedPath): Promise<ListedSources> {
  if (!(await stat(confined.real)).isDirectory())
    return {
      sources: [{ path: confined.real, source: confined.relative }],
      skipped: [],
      folder: false,
    };
  const prefix = confined.relative === '.' ? '' : `${confined.relative}/`;
  const entries = await readdir(confined.real, { recursive: true, withFileTypes: true });
  const sources: DocumentSource[] = [];
  const skipped: IngestSkip[] = [];
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(confined.real, full).split(path.sep);
    if (relative.some((part) => part.startsWith('.'))) continue;
    const source = prefix + relative.join('/');
    if (entry.isSymbolicLink())
      skipped.push({ source, reason: 'symbolic links inside a folder are not followed' });
    else if (entry.isFile()) sources.push({ path: full, source });
  }
  sources.sort((a, b) => (a.source ?? '').localeCompare(b.source ?? ''));
  return { sources, skipped, folder: true };
}
