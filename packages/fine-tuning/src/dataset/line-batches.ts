// Cuts a file into batches of whole lines as raw bytes, for the validation workers: the bytes are
// transferred, not copied or decoded, so this thread allocates almost nothing per line. A line
// over the cap is never buffered: it becomes a batch of its own that only carries its size, as
// readLines reports it. A line over `bigLineBytes` comes alone, so the caller can examine it
// where the heap is not capped.
import { createReadStream } from 'node:fs';

export type LineBatch =
  /**
   * Consecutive lines as in the file, `\n` included (the last line of the file may lack it);
   * `alone`: one line over `bigLineBytes`, in a batch of its own.
   */
  | { bytes: Uint8Array<ArrayBuffer>; alone?: boolean; tooLong?: undefined }
  /** One line longer than the cap: its size without the `\n`. */
  | { bytes?: undefined; alone?: undefined; tooLong: number };

const NEWLINE = 0x0a;

export async function* lineBatches(
  path: string,
  maxLineBytes: number,
  batchBytes: number,
  bigLineBytes: number,
): AsyncGenerator<LineBatch> {
  let batch: Uint8Array[] = []; // whole lines
  let batchSize = 0;
  let line: Uint8Array[] = []; // the line being read, until its `\n`
  let lineSize = 0; // its bytes so far, without the `\n`
  let overflow = false;
  const take = (): { bytes: Uint8Array<ArrayBuffer> } => {
    const bytes = new Uint8Array(batchSize); // its own buffer, so it can be transferred
    let offset = 0;
    for (const part of batch) {
      bytes.set(part, offset);
      offset += part.length;
    }
    batch = [];
    batchSize = 0;
    return { bytes };
  };
  const grow = (piece: Uint8Array, size: number): void => {
    lineSize += size;
    if (!overflow && lineSize > maxLineBytes) {
      overflow = true;
      line = [];
    }
    if (!overflow && piece.length > 0) line.push(piece);
  };

  for await (const chunk of createReadStream(path, {
    highWaterMark: 256 * 1024,
  }) as AsyncIterable<Buffer>) {
    let start = 0;
    while (start < chunk.length) {
      const end = chunk.indexOf(NEWLINE, start);
      if (end === -1) {
        grow(chunk.subarray(start), chunk.length - start);
        break;
      }
      grow(chunk.subarray(start, end + 1), end - start);
      start = end + 1;
      if (overflow) {
        if (batchSize > 0) yield take();
        yield { tooLong: lineSize };
      } else if (lineSize > bigLineBytes) {
        if (batchSize > 0) yield take();
        for (const part of line) batch.push(part);
        batchSize = lineSize + 1;
        yield { ...take(), alone: true };
      } else {
        for (const part of line) batch.push(part);
        batchSize += lineSize + 1;
        if (batchSize >= batchBytes) yield take();
      }
      line = [];
      lineSize = 0;
      overflow = false;
    }
  }
  if (overflow) {
    if (batchSize > 0) yield take();
    yield { tooLong: lineSize };
    return;
  }
  if (lineSize > bigLineBytes) {
    if (batchSize > 0) yield take();
    for (const part of line) batch.push(part);
    batchSize = lineSize;
    yield { ...take(), alone: true };
    return;
  }
  for (const part of line) batch.push(part);
  batchSize += lineSize;
  if (batchSize > 0) yield take();
}
