import { fileURLToPath } from 'node:url';
import { InvalidInputError } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { makePdf } from './__fixtures__/make-pdf.js';
import {
  CorruptDocumentError,
  EmptyDocumentError,
  UnsupportedDocumentTypeError,
} from './etl-errors.js';
import { detectDocumentType, readDocument } from './read-document.js';

const corpus = fileURLToPath(new URL('./__fixtures__/corpus/', import.meta.url));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readDocument', () => {
  it('reads a file from disk by its extension, with source and filename', async () => {
    const documents = await readDocument({ path: `${corpus}guide.md`, source: 'docs/guide.md' });
    expect(documents).toHaveLength(4);
    expect(documents[0]!.metadata).toMatchObject({
      source: 'docs/guide.md',
      filename: 'guide.md',
      section: 'Guide',
    });
  });

  it('dispatches each type to its reader', async () => {
    const read = (filename: string, text: string, mimeType?: string) =>
      readDocument({ bytes: utf8(text), filename, mimeType }).then((d) => d.map((x) => x.text));
    expect(await read('a.txt', '纯文本')).toEqual(['纯文本']);
    expect(await read('a.json', '["x","y"]')).toEqual(['x', 'y']);
    expect(await read('a.htm', '<p>para</p>')).toEqual(['para']);
    expect(await read('a.markdown', '# H\n\nbody')).toEqual(['# H\n\nbody']);
    // No known extension: the MIME type decides (parameters and case ignored).
    expect(await read('upload', '# H\n\nbody', 'Text/Markdown; charset=utf-8')).toEqual([
      '# H\n\nbody',
    ]);
    const pdf = await readDocument({
      bytes: makePdf([['PDF text']]),
      filename: 'x.bin',
      mimeType: 'application/pdf',
    });
    expect(pdf.map((d) => [d.text, d.metadata.page])).toEqual([['PDF text', 1]]);
  });

  it('passes reader options through', async () => {
    const documents = await readDocument(
      { bytes: utf8('{"items":[{"q":"a","skip":1}]}'), filename: 'faq.json' },
      { json: { pointer: '/items', keys: ['q'] } },
    );
    expect(documents.map((d) => d.text)).toEqual(['q: a']);
  });

  it('refuses an unsupported type, listing what is supported', async () => {
    const error = await readDocument({ path: `${corpus}logo.png` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedDocumentTypeError);
    expect(error).toBeInstanceOf(InvalidInputError); // apps that do not know it still answer 400
    expect(error).toMatchObject({ extension: '.png', code: 'unsupported_document_type' });
    expect((error as UnsupportedDocumentTypeError).supported).toContain('.pdf');
    expect((error as Error).message).toMatch(/logo\.png.*Supported: \.txt, .*application\/pdf/);
  });

  it('reports an empty file and a whitespace-only document as empty', async () => {
    await expect(readDocument({ path: `${corpus}empty.txt`, source: 'empty.txt' })).rejects.toThrow(
      EmptyDocumentError,
    );
    await expect(readDocument({ bytes: utf8('  \n '), filename: 'blank.md' })).rejects.toThrow(
      /"blank.md" has nothing/,
    );
  });

  it('reports a text file posing as a PDF as corrupt', async () => {
    await expect(readDocument({ bytes: utf8('hello'), filename: 'fake.pdf' })).rejects.toThrow(
      CorruptDocumentError,
    );
  });
});

describe('detectDocumentType', () => {
  it('prefers the extension over a generic MIME type', () => {
    expect(detectDocumentType('A.PDF', 'application/octet-stream')).toBe('pdf');
    expect(detectDocumentType('notes', 'text/plain')).toBe('text');
    expect(detectDocumentType('photo.jpg', 'image/jpeg')).toBeUndefined();
  });
});
