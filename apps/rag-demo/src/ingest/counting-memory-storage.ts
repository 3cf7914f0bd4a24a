// multer's memory storage with a limit on the whole request: multer bounds each file
// (RAG_MAX_UPLOAD_BYTES) and their number (20), so twenty 9 MB files, 180 MB, were all buffered
// before anything looked at them. Here every chunk received counts against one total per request,
// and the file that passes RAG_MAX_REQUEST_BYTES fails the request at once (multer then discards
// the rest of the body unread into memory and drops what it stored). A request that declares a
// larger Content-Length never gets here (request-size.middleware.ts).
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { requestTooLarge } from './ingest-limits.js';

type Callback = Parameters<StorageEngine['_handleFile']>[2];
type UploadedFile = Parameters<StorageEngine['_handleFile']>[1];

/** Bytes stored so far for each request in flight. */
const received = new WeakMap<Request, number>();

export function createCountingMemoryStorage(maxRequestBytes: number): StorageEngine {
  return {
    _handleFile(request: Request, file: UploadedFile, callback: Callback) {
      const chunks: Buffer[] = [];
      let done = false;
      const finish: Callback = (error, info) => {
        if (done) return;
        done = true;
        callback(error, info);
      };
      file.stream.on('data', (chunk: Buffer) => {
        if (done) return;
        const total = (received.get(request) ?? 0) + chunk.length;
        received.set(request, total);
        if (total > maxRequestBytes) {
          chunks.length = 0;
          file.stream.resume();
          finish(requestTooLarge('files', maxRequestBytes, 'the request'));
          return;
        }
        chunks.push(chunk);
      });
      file.stream.on('error', (error) => finish(error));
      file.stream.on('end', () => {
        const buffer = Buffer.concat(chunks);
        finish(null, { buffer, size: buffer.length });
      });
    },
    _removeFile(_request: Request, file: UploadedFile, callback) {
      const stored: { buffer?: Buffer } = file;
      delete stored.buffer;
      callback(null);
    },
  };
}
