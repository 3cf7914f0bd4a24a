// One entry point for every reader: picks the reader by file extension, then by MIME type
// (browsers send `application/octet-stream` for anything they do not know, so the extension is
// the better witness). Reader options are passed per type; unknown types are refused with the list
// of what is supported, and a file that yields no text is an EmptyDocumentError.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { RagDocument } from './rag-types.js';
import {
  CorruptDocumentError,
  EmptyDocumentError,
  UnsupportedDocumentTypeError,
} from './etl-errors.js';
import { readHtml, type ReadHtmlOptions } from './read-html.js';
import { readJson, type ReadJsonOptions } from './read-json.js';
import { readMarkdown, type ReadMarkdownOptions } from './read-markdown.js';
import { readPdf, type ReadPdfOptions } from './read-pdf.js';
import { readText } from './read-text.js';

export type DocumentType = 'text' | 'markdown' | 'html' | 'json' | 'pdf';

type Without<T> = Omit<T, 'source' | 'metadata'>;

export interface ReaderOptions {
  markdown?: Without<ReadMarkdownOptions>;
  html?: Without<ReadHtmlOptions>;
  json?: Without<ReadJsonOptions>;
  pdf?: Without<ReadPdfOptions>;
}

interface SourceFields {
  /** The client's MIME type; used when the extension is unknown. */
  mimeType?: string;
  /** Metadata `source` (default: the path, or the file name). */
  source?: string;
  /** Merged into every document's metadata. */
  metadata?: Record<string, unknown>;
}

/**
 * Bytes with the name they came under: an upload, or a file the caller opened itself (e.g.
 * through a confinement that proved the descriptor was inside a root), so nothing is re-opened.
 */
export type BytesSource = { bytes: Uint8Array; filename: string } & SourceFields;

/** A file on disk (read here with `readFile`, following links), or bytes. */
export type DocumentSource = ({ path: string } & SourceFields) | BytesSource;

const EXTENSIONS: Record<string, DocumentType> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.pdf': 'pdf',
};

const MIME_TYPES: Record<string, DocumentType> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/json': 'json',
  'application/pdf': 'pdf',
};

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);
export const SUPPORTED_MIME_TYPES = Object.keys(MIME_TYPES);

/** The reader for a file name and MIME type, or undefined when there is none. */
export function detectDocumentType(filename: string, mimeType?: string): DocumentType | undefined {
  const byExtension = EXTENSIONS[extname(filename).toLowerCase()];
  const mime = mimeType?.split(';')[0]?.trim().toLowerCase();
  return byExtension ?? (mime ? MIME_TYPES[mime] : undefined);
}

export async function readDocument(
  input: DocumentSource,
  options: ReaderOptions = {},
): Promise<RagDocument[]> {
  const filename = 'path' in input ? input.path : input.filename;
  const source = input.source ?? filename;
  const type = detectDocumentType(filename, input.mimeType);
  if (!type)
    throw new UnsupportedDocumentTypeError({
      source,
      extension: extname(filename).toLowerCase() || undefined,
      mimeType: input.mimeType,
      supported: [...SUPPORTED_EXTENSIONS, ...SUPPORTED_MIME_TYPES],
    });
  const bytes = 'path' in input ? new Uint8Array(await readFile(input.path)) : input.bytes;
  const common = { source, metadata: { filename: basename(filename), ...input.metadata } };
  let documents: RagDocument[];
  try {
    documents = await read(type, bytes, common, options);
  } catch (error) {
    // A reader's recursion or a regular expression overflowing the stack on hostile input
    // (JSON nested 100,000 deep, HTML of 100,000 nested elements) is the file's fault, not ours.
    if (error instanceof RangeError)
      throw new CorruptDocumentError(source, 'it is nested too deeply to be read', error);
    throw error;
  }
  const withText = documents.filter((d) => d.text.trim() !== '');
  if (withText.length === 0) throw new EmptyDocumentError(source);
  return withText;
}

function read(
  type: DocumentType,
  bytes: Uint8Array,
  common: { source: string; metadata: Record<string, unknown> },
  options: ReaderOptions,
): RagDocument[] | Promise<RagDocument[]> {
  switch (type) {
    case 'text':
      return readText(bytes, common);
    case 'markdown':
      return readMarkdown(bytes, { ...options.markdown, ...common });
    case 'html':
      return readHtml(bytes, { ...options.html, ...common });
    case 'json':
      return readJson(bytes, { ...options.json, ...common });
    case 'pdf':
      return readPdf(bytes, { ...options.pdf, ...common });
  }
}
