// A source's hash for skipping unchanged files on a re-ingest: its bytes and everything that
// decides which chunks they become (file name and MIME type, which pick the reader; the reader and
// splitter settings; the metadata given), so a new chunk size re-splits every file even though
// no byte changed. Functions in the settings (a `lengthFunction`) count by their source text.
import { createHash } from 'node:crypto';
import type { DocumentSource, ReaderOptions } from './read-document.js';
import type { SplitOptions } from './split-documents.js';

export interface SourceSettings {
  readers?: ReaderOptions;
  split?: SplitOptions | false;
}

/** SHA-256 (hex) of a source's bytes and the settings it is read and split with. */
export function sourceHash(
  source: DocumentSource,
  bytes: Uint8Array,
  settings: SourceSettings,
): string {
  const name = 'path' in source ? source.path : source.filename;
  const header = stableJson({
    name,
    mimeType: source.mimeType ?? null,
    metadata: source.metadata ?? null,
    readers: settings.readers ?? null,
    split: settings.split ?? null,
  });
  return createHash('sha256').update(header).update('\u0000').update(bytes).digest('hex');
}

/** The `source` its documents get: the given one, else the path or file name (as readDocument). */
export function sourceName(source: DocumentSource): string {
  return source.source ?? ('path' in source ? source.path : source.filename);
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` hash alike. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'function') return `fn:${item.toString()}`;
    if (item && typeof item === 'object' && !Array.isArray(item))
      return Object.fromEntries(
        Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    return item;
  });
}
