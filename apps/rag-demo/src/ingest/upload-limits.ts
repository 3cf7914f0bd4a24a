// Upload limits: multer keeps files in memory (they are read once, then dropped), so the limits
// bound what one request can hold: each file (RAG_MAX_UPLOAD_BYTES), the whole request
// (RAG_MAX_REQUEST_BYTES, counted as it streams), the files (20) and the other fields (28 of 64 KiB:
// a `path` per file, and a few more).
import {
  Inject,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { MulterModuleOptions } from '@nestjs/platform-express';
import { InvalidInputError } from '@repo/core';
import { APP_CONFIG } from '@repo/nest';
import { catchError, throwError, type Observable } from 'rxjs';
import type { AppConfig } from '../app-config.js';
import { createCountingMemoryStorage } from './counting-memory-storage.js';

export const UPLOAD_FIELD = 'files';
export const UPLOAD_MAX_FILES = 20;

export function multerOptions(config: AppConfig): MulterModuleOptions {
  return {
    storage: createCountingMemoryStorage(config.RAG_MAX_REQUEST_BYTES),
    // Keep `docs/a/README.md` as sent (busboy keeps only the base name otherwise): the source
    // name is the client's relative path, checked in upload-names.ts.
    preservePath: true,
    limits: {
      fileSize: config.RAG_MAX_UPLOAD_BYTES,
      files: UPLOAD_MAX_FILES,
      // One `path` per file, and a few more.
      fields: UPLOAD_MAX_FILES + 8,
      fieldSize: 64 * 1024,
    },
  };
}

export function requireFiles<T>(files: T[] | undefined): T[] {
  if (files && files.length > 0) return files;
  const reason = `send at least one file in the multipart field "${UPLOAD_FIELD}"`;
  throw new InvalidInputError(`No file uploaded: ${reason}.`, [{ field: UPLOAD_FIELD, reason }]);
}

/**
 * Multer's LIMIT_FILE_SIZE reaches us as Nest's 413 saying only "File too large": name the field,
 * the limit and the variable that sets it. Applied before FilesInterceptor, so it sees its error.
 */
@Injectable()
export class FileSizeLimitInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const limit = this.config.RAG_MAX_UPLOAD_BYTES;
    return next.handle().pipe(
      catchError((error: unknown) =>
        throwError(() =>
          error instanceof PayloadTooLargeException && error.message === 'File too large'
            ? new InvalidInputError(
                `A file is larger than the ${limit}-byte limit.`,
                [
                  {
                    field: UPLOAD_FIELD,
                    reason: `must be at most ${limit} bytes (RAG_MAX_UPLOAD_BYTES)`,
                  },
                ],
                { code: 'file_too_large', kind: 'too_large' },
              )
            : error,
        ),
      ),
    );
  }
}
