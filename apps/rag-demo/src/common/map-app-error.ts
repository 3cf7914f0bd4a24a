// The statuses @repo/nest's mapping cannot know, in one place for the exception filter and the
// ingest jobs (whose failure is reported over SSE and GET /api/rag/jobs/:id, long after the
// request that started them). @repo/rag's ETL errors extend InvalidInputError (400 anywhere);
// here a file of an unsupported type is 415, a corrupt one, one that makes too many chunks or a
// run where every file was skipped 422, a request, file or folder over a size limit 413 with the
// limit named, and a store that cannot open (PGlite folder in use, no pgvector) 503.
import { HttpException, HttpStatus, PayloadTooLargeException } from '@nestjs/common';
import { toHttpError, type MappedError } from '@repo/nest';
import {
  CorruptDocumentError,
  NothingToIngestError,
  SUPPORTED_EXTENSIONS,
  TooManyChunksError,
  UnsupportedDocumentTypeError,
} from '@repo/rag';
import { DatabaseInUseError, VectorUnavailableError } from '@repo/storage';
import type { AppConfig } from '../app-config.js';
import { IngestTooLargeError } from '../ingest/ingest-limits.js';
import { UPLOAD_FIELD } from '../ingest/upload-limits.js';

export function toAppHttpException(exception: unknown, config: AppConfig): unknown {
  const http = (status: HttpStatus, message: string, details: unknown[] = []) =>
    new HttpException({ message, details }, status, { cause: exception });
  if (exception instanceof UnsupportedDocumentTypeError)
    return http(HttpStatus.UNSUPPORTED_MEDIA_TYPE, exception.message, [
      { field: UPLOAD_FIELD, reason: `must be one of ${SUPPORTED_EXTENSIONS.join(', ')}` },
    ]);
  if (exception instanceof CorruptDocumentError)
    return http(HttpStatus.UNPROCESSABLE_ENTITY, exception.message, [
      { field: UPLOAD_FIELD, reason: `${exception.source}: ${exception.reason}` },
    ]);
  if (exception instanceof TooManyChunksError)
    return http(HttpStatus.UNPROCESSABLE_ENTITY, exception.message, [
      {
        field: UPLOAD_FIELD,
        reason:
          exception.scope === 'file'
            ? `${exception.source}: ${exception.reason}`
            : exception.reason,
      },
    ]);
  if (exception instanceof NothingToIngestError)
    return http(
      HttpStatus.UNPROCESSABLE_ENTITY,
      exception.message,
      exception.skipped.map((skip) => ({
        field: UPLOAD_FIELD,
        reason: `${skip.source}: ${skip.reason}`,
      })),
    );
  if (exception instanceof IngestTooLargeError)
    return http(HttpStatus.PAYLOAD_TOO_LARGE, exception.message, [
      { field: exception.field, reason: exception.reason },
    ]);
  // Multer's LIMIT_FILE_SIZE, which Nest turns into a 413 saying only "File too large".
  if (exception instanceof PayloadTooLargeException && exception.message === 'File too large') {
    const limit = config.RAG_MAX_UPLOAD_BYTES;
    return http(HttpStatus.PAYLOAD_TOO_LARGE, `A file is larger than the ${limit}-byte limit.`, [
      { field: UPLOAD_FIELD, reason: `must be at most ${limit} bytes (RAG_MAX_UPLOAD_BYTES)` },
    ]);
  }
  if (exception instanceof DatabaseInUseError || exception instanceof VectorUnavailableError)
    return http(HttpStatus.SERVICE_UNAVAILABLE, exception.message);
  return exception;
}

/** Status, body and headers for an error, as the filter would answer it. */
export function mapAppError(exception: unknown, config: AppConfig): MappedError {
  return toHttpError(toAppHttpException(exception, config));
}
