// Plain text reader (Spring AI's TextReader): one document per file. UTF-8 is decoded strictly, so
// a binary file named `.txt` is reported as corrupt instead of being embedded as mojibake.
import type { RagDocument } from './rag-types.js';
import { CorruptDocumentError } from './etl-errors.js';

export interface ReadTextOptions {
  /** Where the text came from: a path, a file name or a URL (metadata `source`). */
  source: string;
  /** Merged into every document's metadata (Spring's `additionalMetadata`). */
  metadata?: Record<string, unknown>;
}

/** Decodes UTF-8, drops a byte-order mark and normalises CRLF, so content hashes match across OSes. */
export function decodeUtf8(bytes: Uint8Array, source: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    throw new CorruptDocumentError(source, 'it is not valid UTF-8 text', error);
  }
  return text.replace(/\r\n?/g, '\n');
}

export function readText(input: string | Uint8Array, options: ReadTextOptions): RagDocument[] {
  const text =
    typeof input === 'string'
      ? input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
      : decodeUtf8(input, options.source);
  return [{ text, metadata: { ...options.metadata, source: options.source } }];
}
