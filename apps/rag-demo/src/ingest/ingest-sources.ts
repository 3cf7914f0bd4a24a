// A path under RAG_INGEST_ROOT → the bytes to ingest, through @repo/tools' confinement (the one
// the file tools use): listed first (a file, or every regular file under a folder in name order,
// hidden names left out), then each file read by `confinement.readFile`, which opens it without
// following a link and proves the descriptor is a file inside the root. So a file swapped for a
// link between the listing and the read is refused, never followed: in a folder it is skipped and
// reported, alone it is a 4xx. @repo/rag gets bytes, never a path it would open again.
import type { Dirent } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { BytesSource, IngestSkip } from '@repo/rag';
import { FileAccessError, type PathConfinement } from '@repo/tools';
import { describeRefusal, toIngestPathError } from './ingest-path-errors.js';
import { IngestTooLargeError } from './ingest-limits.js';

/** Folders below the one asked for that are listed (deeper ones are skipped and reported). */
const MAX_DEPTH = 32;

export interface ListedFile {
  /** Relative to the root, `/` separators: the documents' `source`. */
  relative: string;
  /** As listed; the read enforces the limits again (a file may grow). */
  size: number;
}

export type IngestTarget =
  | { kind: 'file'; file: ListedFile }
  | { kind: 'folder'; relative: string; files: ListedFile[]; skipped: IngestSkip[] };

export interface SourceLimits {
  /** Largest file (RAG_MAX_UPLOAD_BYTES). */
  maxFileBytes: number;
  /** Most bytes one ingest reads (RAG_MAX_REQUEST_BYTES). */
  maxTotalBytes: number;
  /** Most files under one folder. */
  maxFiles: number;
}

export async function listIngestTarget(
  confinement: PathConfinement,
  requested: string,
  limits: SourceLimits,
): Promise<IngestTarget> {
  const { relative, real } = await confinement
    .resolve(requested)
    .catch(rethrowAsHttp(limits.maxFileBytes));
  const stats = await lstat(real).catch(() => {
    throw toIngestPathError(changed(requested), limits.maxFileBytes);
  });
  if (!stats.isDirectory()) return { kind: 'file', file: { relative, size: stats.size } };
  const listing: Listing = { files: [], skipped: [] };
  await walk(real, relative === '.' ? '' : `${relative}/`, 0, listing, (count) => {
    if (count > limits.maxFiles)
      throw new IngestTooLargeError(
        'path',
        `"${requested}" holds more than ${limits.maxFiles} files; ingest its folders one at a time`,
      );
  });
  listing.files.sort((a, b) => a.relative.localeCompare(b.relative));
  return { kind: 'folder', relative, ...listing };
}

interface Listing {
  files: ListedFile[];
  skipped: IngestSkip[];
}

/**
 * Every regular file under `folder`, not following links (a link is skipped and reported). A
 * folder that vanishes or changes while it is listed is reported too, not a failure of the run.
 */
async function walk(
  folder: string,
  prefix: string,
  depth: number,
  listing: Listing,
  check: (files: number) => void,
): Promise<void> {
  const here = prefix === '' ? '.' : prefix.slice(0, -1);
  if (depth > MAX_DEPTH) {
    listing.skipped.push({ source: here, reason: `folders nest deeper than ${MAX_DEPTH} levels` });
    return;
  }
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    listing.skipped.push({ source: here, reason: 'changed while it was being listed' });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    // Dot-files and dot-folders (.env, .git) hold secrets, not documents.
    if (entry.name.startsWith('.')) continue;
    const source = prefix + entry.name;
    const full = path.join(folder, entry.name);
    if (entry.isSymbolicLink())
      listing.skipped.push({ source, reason: 'symbolic links inside a folder are not followed' });
    else if (entry.isDirectory()) await walk(full, `${source}/`, depth + 1, listing, check);
    else if (entry.isFile()) {
      const size = await lstat(full).then(
        (s) => s.size,
        () => 0,
      );
      listing.files.push({ relative: source, size });
      check(listing.files.length);
    }
  }
}

function changed(requested: string): FileAccessError {
  return new FileAccessError(requested, 'changed', `"${requested}" changed while it was listed`);
}

/** The listed files' bytes: a folder skips (and reports) what it cannot read, a file is strict. */
export async function readIngestTarget(
  confinement: PathConfinement,
  target: IngestTarget,
  limits: SourceLimits,
): Promise<{ sources: BytesSource[]; skipped: IngestSkip[] }> {
  const files = target.kind === 'file' ? [target.file] : target.files;
  const skipped = target.kind === 'file' ? [] : [...target.skipped];
  const sources: BytesSource[] = [];
  let total = 0;
  for (const { relative } of files) {
    let bytes: Uint8Array;
    try {
      ({ bytes } = await confinement.readFile(relative, { maxBytes: limits.maxFileBytes }));
    } catch (error) {
      if (target.kind === 'file') throw asHttp(error, limits.maxFileBytes);
      if (!(error instanceof FileAccessError)) throw error;
      skipped.push({ source: relative, reason: describeRefusal(error, limits.maxFileBytes) });
      continue;
    }
    if ((total += bytes.length) > limits.maxTotalBytes) {
      // Listed under the limit, grown since: the rest waits for another ingest.
      skipped.push({
        source: relative,
        reason: `reading it would pass ${limits.maxTotalBytes} bytes in one ingest (RAG_MAX_REQUEST_BYTES)`,
      });
      total -= bytes.length;
      continue;
    }
    sources.push({ bytes, filename: relative, source: relative });
  }
  return { sources, skipped };
}

/** Bytes the listing promises (a folder's sum), for the sync-or-job choice and the total limit. */
export function listedBytes(target: IngestTarget): number {
  if (target.kind === 'file') return target.file.size;
  return target.files.reduce((sum, file) => sum + file.size, 0);
}

function asHttp(error: unknown, maxBytes: number): unknown {
  return error instanceof FileAccessError ? toIngestPathError(error, maxBytes) : error;
}

function rethrowAsHttp(maxBytes: number) {
  return (error: unknown): never => {
    throw asHttp(error, maxBytes);
  };
}
