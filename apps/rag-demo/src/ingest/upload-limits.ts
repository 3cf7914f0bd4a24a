// Upload limits: multer keeps files in memory (they are read once, then dropped), so the limits
// bound what one request can hold: each file (RAG_MAX_UPLOAD_BYTES), the whole request
// (RAG_MAX_REQUEST_BYTES, counted as it streams), the files (20) and the other fields (16 of 64 KiB).
import { InvalidInputError } from '@repo/core';
import type { MulterModuleOptions } from '@nestjs/platform-express';
import type { AppConfig } from '../app-config.js';
import { createCountingMemoryStorage } from './counting-memory-storage.js';

export const UPLOAD_FIELD = 'files';
export const UPLOAD_MAX_FILES = 20;

export function multerOptions(config: AppConfig): MulterModuleOptions {
  return {
    storage: createCountingMemoryStorage(config.RAG_MAX_REQUEST_BYTES),
    limits: {
      fileSize: config.RAG_MAX_UPLOAD_BYTES,
      files: UPLOAD_MAX_FILES,
      fields: 16,
      fieldSize: 64 * 1024,
    },
  };
}

export function requireFiles<T>(files: T[] | undefined): T[] {
  if (files && files.length > 0) return files;
  const reason = `send at least one file in the multipart field "${UPLOAD_FIELD}"`;
  throw new InvalidInputError(`No file uploaded: ${reason}.`, [{ field: UPLOAD_FIELD, reason }]);
}
