// The upload storage keeps at most RAG_MAX_REQUEST_BYTES of one request: the chunk that passes
// the limit fails the file at once, what was kept is dropped, and the rest is read and discarded.
import { Readable } from 'node:stream';
import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { createCountingMemoryStorage } from './counting-memory-storage.js';
import { IngestTooLargeError } from './ingest-limits.js';

type HandleFile = ReturnType<typeof createCountingMemoryStorage>['_handleFile'];
type File = Parameters<HandleFile>[1];

/** Stores one file of `chunks`; resolves with what the storage called back and the chunks read. */
function store(
  storage: ReturnType<typeof createCountingMemoryStorage>,
  request: object,
  chunks: string[],
) {
  let read = 0;
  const stream = Readable.from(chunks.map((chunk) => Buffer.from(chunk)));
  stream.on('data', () => read++);
  return new Promise<{
    error: unknown;
    info: unknown;
    readAtCallback: number;
    ended: Promise<void>;
  }>((resolve) => {
    const ended = new Promise<void>((done) => stream.on('end', done));
    storage._handleFile(request as Request, { stream } as unknown as File, (error, info) =>
      resolve({ error, info, readAtCallback: read, ended }),
    );
  });
}

describe('createCountingMemoryStorage', () => {
  it('keeps a request within the limit, Chinese bytes included', async () => {
    const storage = createCountingMemoryStorage(64);
    const result = await store(storage, {}, ['台灯', '说明'.repeat(3)]);
    expect(result.error).toBeNull();
    expect(result.info).toMatchObject({ size: 24 });
    expect((result.info as { buffer: Buffer }).buffer.toString()).toBe('台灯说明说明说明');
  });

  it('fails at the chunk that passes the limit, across the files of one request', async () => {
    const storage = createCountingMemoryStorage(25);
    const request = {};
    expect((await store(storage, request, ['0123456789'])).error).toBeNull();
    const second = await store(storage, request, ['0123456789', '0123456789', '0123456789', 'x']);
    expect(second.error).toBeInstanceOf(IngestTooLargeError);
    expect(second.error).toMatchObject({
      field: 'files',
      reason: 'the request must be at most 25 bytes (RAG_MAX_REQUEST_BYTES)',
    });
    expect(second.info).toBeUndefined();
    expect(second.readAtCallback).toBe(2);
    await second.ended; // the rest is read and dropped, so the parser can finish
    expect((await store(storage, {}, ['fresh request'])).error).toBeNull();
  });
});
