// JSONL in and out for the rewriting verbs (convert, split, dedupe): lines streamed from a file
// through the package's byte-exact reader (a bad byte is refused with its line, never turned into
// U+FFFD), and lines written to a file or to stdout in 64 kB writes. An output file is removed
// when the verb fails, so a refused row never leaves half a file behind.
import { open, rm, type FileHandle } from 'node:fs/promises';
import type { CliIo } from '@repo/core/cli';
import { readLines } from '../dataset/read-lines.js';
import { refuse } from '../convert/refuse.js';

/** Every line's text (blank lines included, so callers number lines as the file does). */
export async function* lineTexts(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  for await (const raw of readLines(source)) {
    if (raw.text === undefined)
      refuse(
        { line: raw.line },
        'row',
        raw.problem === 'invalid_utf8' ? 'is not valid UTF-8' : 'is too long',
      );
    yield raw.text;
  }
}

export interface LineSink {
  write(line: string): Promise<void>;
  close(): Promise<void>;
  /** Closes and, for a file, deletes it. */
  discard(): Promise<void>;
}

const FLUSH_CHARS = 64 * 1024;

/** `path` undefined: stdout. */
export async function openLineSink(path: string | undefined, io: CliIo): Promise<LineSink> {
  const file: FileHandle | undefined = path === undefined ? undefined : await open(path, 'w');
  let pending = '';
  const flush = async () => {
    if (pending === '') return;
    if (file) await file.write(pending);
    else io.stdout.write(pending);
    pending = '';
  };
  return {
    async write(line) {
      pending += `${line}\n`;
      if (pending.length >= FLUSH_CHARS) await flush();
    },
    async close() {
      await flush();
      await file?.close();
    },
    async discard() {
      pending = '';
      await file?.close();
      if (path !== undefined) await rm(path, { force: true });
    },
  };
}

/** Runs `body` with the sinks, closing them after, or discarding them when it throws. */
export async function withSinks<T>(sinks: LineSink[], body: () => Promise<T>): Promise<T> {
  try {
    const result = await body();
    for (const sink of sinks) await sink.close();
    return result;
  } catch (error) {
    for (const sink of sinks) await sink.discard().catch(() => undefined);
    throw error;
  }
}
