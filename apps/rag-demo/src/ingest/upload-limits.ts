// Upload limits: multer keeps files in memory (they are read once, then dropped), so the size
// limit (RAG_MAX_UPLOAD_BYTES, 413 beyond) and the file count bound what one request can hold.
import { InvalidInputError } from '@repo/core';
import type { MulterModuleOptions } from '@nestjs/platform-express';
import type { AppConfig } from '../app-config.js';

export const UPLOAD_FIELD = 'files';
export const UPLOAD_MAX_FILES = 20;

export function multerOptions(config: AppConfig): MulterModuleOptions {
  return { limits: { fileSize: config.RAG_MAX_UPLOAD_BYTES, files: UPLOAD_MAX_FILES } };
}

export function requireFiles<T>(files: T[] | undefined): T[] {
  if (files && files.length > 0) return files;
  const reason = `send at least one file in the multipart field "${UPLOAD_FIELD}"`;
  throw new InvalidInputError(`No file uploaded: ${reason}.`, [{ field: UPLOAD_FIELD, reason }]);
}
