// Errors of the ETL half of @repo/rag (readers and the ingestion pipeline), on core's hierarchy.
// They extend InvalidInputError (bad input, caught as such) and narrow the kind, which @repo/nest
// maps to a status: unsupported type → 415, corrupt, empty, too many chunks or nothing left → 422.
// Each detail's reason starts with the file it is about.
import { InvalidInputError } from '@repo/core';

/** No reader for this file: neither its extension nor its MIME type is one we read. */
export class UnsupportedDocumentTypeError extends InvalidInputError {
  readonly source: string;
  readonly extension: string | undefined;
  readonly mimeType: string | undefined;
  /** Extensions and MIME types that are read, for the message and for a 415 body. */
  readonly supported: string[];

  constructor(options: {
    source: string;
    extension?: string;
    mimeType?: string;
    supported: string[];
  }) {
    const what = [options.extension, options.mimeType].filter(Boolean).join(', ') || 'no extension';
    super(
      `Cannot read "${options.source}" (${what}). Supported: ${options.supported.join(', ')}.`,
      [{ field: 'file', reason: `must be one of ${extensionsOf(options.supported)}` }],
      { code: 'unsupported_document_type', kind: 'unsupported_media_type' },
    );
    this.source = options.source;
    this.extension = options.extension;
    this.mimeType = options.mimeType;
    this.supported = options.supported;
  }
}

/** The file claims a type but its bytes are not a valid one (truncated PDF, bad JSON, not UTF-8). */
export class CorruptDocumentError extends InvalidInputError {
  readonly source: string;
  readonly reason: string;

  constructor(source: string, reason: string, cause?: unknown) {
    super(
      `"${source}" is not a readable document: ${reason}`,
      [{ field: 'file', reason: `${source}: ${reason}` }],
      { code: 'corrupt_document', kind: 'unprocessable', cause },
    );
    this.source = source;
    this.reason = reason;
  }
}

/** The file is valid but holds no text (an empty file, a scanned PDF without a text layer). */
export class EmptyDocumentError extends InvalidInputError {
  readonly source: string;
  readonly reason: string;

  constructor(source: string, reason = 'it contains no text') {
    super(
      `"${source}" has nothing to ingest: ${reason}`,
      [{ field: 'file', reason: `${source}: ${reason}` }],
      { code: 'empty_document', kind: 'unprocessable' },
    );
    this.source = source;
    this.reason = reason;
  }
}

/**
 * A file, or a whole ingestion run, would make more chunks than its limit (`split.maxChunks`,
 * 20,000 per file, and `maxChunks`, 50,000 per run, by default): a huge document or a pathological
 * one (no separators, extreme repetition). Splitting stops as soon as it passes the limit, so the
 * refusal is cheap; split the file (or ingest fewer at once), or raise `chunkSize` or the limit.
 */
export class TooManyChunksError extends InvalidInputError {
  /** The file; empty for a whole run. */
  readonly source: string;
  readonly limit: number;
  readonly scope: 'file' | 'run';
  readonly reason: string;

  constructor(source: string, limit: number, scope: 'file' | 'run' = 'file') {
    const reason =
      scope === 'file'
        ? `it makes more than ${limit} chunks (the limit per file); split it into smaller files`
        : `the files make more than ${limit} chunks together (the limit per ingestion); ingest fewer at once`;
    const message =
      scope === 'file'
        ? `"${source}" is too large to ingest: ${reason}`
        : `Too much to ingest at once: ${reason}`;
    const detail =
      scope === 'file'
        ? { field: 'file', reason: `${source}: ${reason}` }
        : { field: 'sources', reason };
    super(message, [detail], { code: 'too_many_chunks', kind: 'unprocessable' });
    this.source = source;
    this.limit = limit;
    this.scope = scope;
    this.reason = reason;
  }
}

/**
 * Every source was skipped, so nothing could be ingested. The seed's endpoint reported success
 * here; we fail loudly and list why each source was skipped.
 */
export class NothingToIngestError extends InvalidInputError {
  readonly skipped: { source: string; reason: string }[];

  constructor(skipped: { source: string; reason: string }[]) {
    const listed = skipped
      .slice(0, 5)
      .map((s) => `${s.source}: ${s.reason}`)
      .join('; ');
    const more = skipped.length > 5 ? ` (and ${skipped.length - 5} more)` : '';
    super(
      skipped.length === 0
        ? 'Nothing to ingest: no documents or sources were given.'
        : `Nothing to ingest: every source was skipped (${listed}${more}).`,
      skipped.length === 0
        ? [{ field: 'sources', reason: 'no readable document' }]
        : skipped.map((skip) => ({ field: 'sources', reason: `${skip.source}: ${skip.reason}` })),
      { code: 'nothing_to_ingest', kind: 'unprocessable' },
    );
    this.skipped = skipped;
  }
}

/** The extensions among `supported` (which also lists MIME types): what a user can act on. */
function extensionsOf(supported: string[]): string {
  return supported.filter((entry) => entry.startsWith('.')).join(', ');
}
