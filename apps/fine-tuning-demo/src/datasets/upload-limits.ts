// Uploads go to disk under the data folder (never whole into memory): one file in the multipart
// field `file`, at most FINE_TUNING_MAX_UPLOAD_BYTES (413 naming the variable beyond), a few small
// fields. Multer's own errors become the app's typed errors with the field at fault.
import {
  BadRequestException,
  Inject,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { rm } from 'node:fs/promises';
import type { MulterModuleOptions } from '@nestjs/platform-express';
import { InvalidInputError } from '@repo/core';
import { APP_CONFIG } from '@repo/nest';
import { catchError, throwError, type Observable } from 'rxjs';
import type { AppConfig } from '../app-config.js';

export const UPLOAD_FIELD = 'file';

export function multerOptions(config: AppConfig, folder: string): MulterModuleOptions {
  return {
    dest: folder,
    limits: { fileSize: config.FINE_TUNING_MAX_UPLOAD_BYTES, files: 1, fields: 4, fieldSize: 1024 },
  };
}

/** What multer hands over for the uploaded file (disk storage). */
export interface UploadedDataset {
  originalname: string;
  path: string;
  size: number;
}

export function requireFile(file: UploadedDataset | undefined): UploadedDataset {
  if (file) return file;
  const reason = `send a JSONL file in the multipart field "${UPLOAD_FIELD}"`;
  throw new InvalidInputError(`No file uploaded: ${reason}.`, [{ field: UPLOAD_FIELD, reason }]);
}

function mapped(error: unknown, limit: number): unknown {
  if (error instanceof PayloadTooLargeException && error.message === 'File too large')
    return new InvalidInputError(
      `The file is larger than the ${limit}-byte limit.`,
      [
        {
          field: UPLOAD_FIELD,
          reason: `must be at most ${limit} bytes (FINE_TUNING_MAX_UPLOAD_BYTES)`,
        },
      ],
      { code: 'file_too_large', kind: 'too_large' },
    );
  if (error instanceof BadRequestException && /^Unexpected (file )?field/.test(error.message))
    return new InvalidInputError(`Send one file, in the multipart field "${UPLOAD_FIELD}".`, [
      { field: UPLOAD_FIELD, reason: 'is the only file field (one file)' },
    ]);
  if (error instanceof BadRequestException && /^(Too many|Field)/.test(error.message))
    return new InvalidInputError(`Bad multipart body: ${error.message}.`, [
      { field: 'body', reason: 'at most one file and 4 short text fields' },
    ]);
  return error;
}

/** Applied before FileInterceptor, so it sees multer's errors. */
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const limit = this.config.FINE_TUNING_MAX_UPLOAD_BYTES;
    const request = context.switchToHttp().getRequest<{ file?: UploadedDataset }>();
    return next.handle().pipe(
      catchError((error: unknown) => {
        // Refused after multer stored it (a bad text field, an empty file): nothing stays behind.
        if (request.file) void rm(request.file.path, { force: true });
        return throwError(() => mapped(error, limit));
      }),
    );
  }
}
