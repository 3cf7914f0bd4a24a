// The size limits of one ingest, and the error for going past them (413, naming the limit): a
// multipart request over RAG_MAX_REQUEST_BYTES (refused from its Content-Length before a byte is
// read, or as soon as the bytes received pass it), a folder whose files add up to more, or one
// with more files than MAX_FOLDER_FILES. RAG_MAX_UPLOAD_BYTES bounds each file.
import { InvalidInputError } from '@repo/core';
import type { AppConfig } from '../app-config.js';
import type { SourceLimits } from './ingest-sources.js';

/** Files under one folder that one ingest takes. */
export const MAX_FOLDER_FILES = 1000;

export class IngestTooLargeError extends InvalidInputError {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Too large to ingest: ${reason}.`, [{ field, reason }], {
      code: 'ingest_too_large',
      kind: 'too_large',
    });
  }
}

/** The refusal of a request or folder over RAG_MAX_REQUEST_BYTES. */
export function requestTooLarge(field: string, limit: number, what: string): IngestTooLargeError {
  return new IngestTooLargeError(
    field,
    `${what} must be at most ${limit} bytes (RAG_MAX_REQUEST_BYTES)`,
  );
}

export function sourceLimits(config: AppConfig): SourceLimits {
  return {
    maxFileBytes: config.RAG_MAX_UPLOAD_BYTES,
    maxTotalBytes: config.RAG_MAX_REQUEST_BYTES,
    maxFiles: MAX_FOLDER_FILES,
  };
}
