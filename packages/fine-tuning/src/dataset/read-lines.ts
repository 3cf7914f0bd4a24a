// A streaming JSONL line reader: splits on the newline byte, so memory holds one line at a time
// (at most `maxLineBytes` of it) whatever the file's size, and decodes each line with a fatal
// UTF-8 decoder so a bad byte is reported with its line instead of becoming U+FFFD silently.
import { createReadStream } from 'node:fs';
import { wholeNumber } from './check-options.js';

/** A file path, or any byte stream (`fs.createReadStream`, a `Readable`, an async iterable). */
export type LineSource = string | AsyncIterable<Uint8Array | string>;

export interface RawLine {
  /** 1-based. */
  line: number;
  /** Bytes on the line, without its line ending. */
  bytes: number;
  /** The decoded text, BOM and `\r` removed; absent when `problem` is set. */
  text?: string;
  problem?: 'invalid_utf8' | 'line_too_long';
  /** The line started with a UTF-8 byte-order mark (EF BB BF). */
  bom: boolean;
  /** The line ended in `\r\n`. */
  crlf: boolean;
}

export interface ReadLinesOptions {
  /** Longer lines are reported as `line_too_long` and skipped without being buffered. */
  maxLineBytes?: number;
}

/** 16 MiB: far above any text example that fits a 65k-token context, with room for images. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

const NEWLINE = 0x0a;
const CR = 0x0d;

export async function* readLines(
  source: LineSource,
  options: ReadLinesOptions = {},
): AsyncGenerator<RawLine> {
  const max = wholeNumber(options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES, 'maxLineBytes');
  const decoder = lineDecoder();
  const stream = typeof source === 'string' ? createReadStream(source) : source;
  let parts: Uint8Array[] = [];
  let size = 0;
  let overflow = false;
  let line = 0;

  const append = (piece: Uint8Array): void => {
    if (piece.length === 0) return;
    size += piece.length;
    if (overflow) return;
    if (size > max) {
      overflow = true;
      parts = [];
    } else parts.push(piece);
  };
  const finish = (): RawLine => {
    line += 1;
    const raw = overflow ? undefined : join(parts, size);
    const result = toRawLine(line, size, raw, decoder);
    parts = [];
    size = 0;
    overflow = false;
    return result;
  };

  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    for (;;) {
      const end = bytes.indexOf(NEWLINE, start);
      if (end === -1) {
        append(bytes.subarray(start));
        break;
      }
      append(bytes.subarray(start, end));
      yield finish();
      start = end + 1;
    }
  }
  if (size > 0) yield finish();
}

/** Fatal, so a bad byte is reported; the BOM is kept, so toRawLine can report it. */
export function lineDecoder(): TextDecoder {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
}

function join(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  return Buffer.concat(parts, size);
}

/** One line's bytes (without its `\n`; undefined when over the cap) as a RawLine. */
export function toRawLine(
  line: number,
  size: number,
  raw: Uint8Array | undefined,
  decoder: TextDecoder,
): RawLine {
  if (!raw) return { line, bytes: size, problem: 'line_too_long', bom: false, crlf: false };
  const crlf = raw.length > 0 && raw[raw.length - 1] === CR;
  const bom = raw.length >= 3 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
  const body = raw.subarray(bom ? 3 : 0, crlf ? raw.length - 1 : raw.length);
  const bytes = crlf ? size - 1 : size;
  try {
    return { line, bytes, text: decoder.decode(body), bom, crlf };
  } catch {
    return { line, bytes, problem: 'invalid_utf8', bom, crlf };
  }
}
