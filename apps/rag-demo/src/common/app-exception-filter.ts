// The app's one error filter: @repo/nest's mapping plus the statuses it cannot know. @repo/rag's
// ETL errors extend InvalidInputError (400 anywhere); here a file of an unsupported type is 415, a
// corrupt one or a run where every file was skipped 422, a file over the upload limit 413 with the
// limit named, and a store that cannot open (PGlite folder in use, no pgvector) 503.
import {
  Catch,
  HttpException,
  HttpStatus,
  Inject,
  PayloadTooLargeException,
  type ArgumentsHost,
} from '@nestjs/common';
import { AiExceptionFilter } from '@repo/nest';
import {
  CorruptDocumentError,
  NothingToIngestError,
  SUPPORTED_EXTENSIONS,
  UnsupportedDocumentTypeError,
} from '@repo/rag';
import { DatabaseInUseError, VectorUnavailableError } from '@repo/storage';
import type { AppConfig } from '../app-config.js';
import { UPLOAD_FIELD } from '../ingest/upload-limits.js';
import { APP_CONFIG } from '../vectors/vector-tokens.js';

@Catch()
export class AppExceptionFilter extends AiExceptionFilter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    super.catch(this.toHttpException(exception), host);
  }

  private toHttpException(exception: unknown): unknown {
    const http = (status: HttpStatus, message: string, details: unknown[] = []) =>
      new HttpException({ message, details }, status);
    if (exception instanceof UnsupportedDocumentTypeError)
      return http(HttpStatus.UNSUPPORTED_MEDIA_TYPE, exception.message, [
        { field: UPLOAD_FIELD, reason: `must be one of ${SUPPORTED_EXTENSIONS.join(', ')}` },
      ]);
    if (exception instanceof CorruptDocumentError)
      return http(HttpStatus.UNPROCESSABLE_ENTITY, exception.message, [
        { field: UPLOAD_FIELD, reason: `${exception.source}: ${exception.reason}` },
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
    // Multer's LIMIT_FILE_SIZE, which Nest turns into a 413 saying only "File too large".
    if (exception instanceof PayloadTooLargeException && exception.message === 'File too large') {
      const limit = this.config.RAG_MAX_UPLOAD_BYTES;
      return http(HttpStatus.PAYLOAD_TOO_LARGE, `A file is larger than the ${limit}-byte limit.`, [
        { field: UPLOAD_FIELD, reason: `must be at most ${limit} bytes (RAG_MAX_UPLOAD_BYTES)` },
      ]);
    }
    if (exception instanceof DatabaseInUseError || exception instanceof VectorUnavailableError)
      return http(HttpStatus.SERVICE_UNAVAILABLE, exception.message);
    return exception;
  }
}
