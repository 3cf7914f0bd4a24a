import { describe, expect, it } from 'vitest';
import { FIRST_LINE_Y, LINE_GAP, PARAGRAPH_GAP, makePdf } from './__fixtures__/make-pdf.js';
import { CorruptDocumentError, EmptyDocumentError } from './etl-errors.js';
import { readPdf } from './read-pdf.js';

const source = 'report.pdf';
const pages = [
  [
    'Introduction',
    '',
    'Vector stores keep embeddings.',
    'They answer nearest-neighbour queries.',
    '',
    'Second paragraph here.',
  ],
  [
    '中文段落：向量数据库保存嵌入。',
    '它支持相似度搜索！',
    '',
    'Methods',
    '',
    'We used HNSW indexes.',
  ],
];
// Destinations at the baseline of "Introduction" (page 1) and "Methods" (page 2, after one paragraph).
const methodsY = FIRST_LINE_Y - 2 * LINE_GAP - (PARAGRAPH_GAP - LINE_GAP);
const pdf = makePdf(pages, [
  { title: 'Introduction', page: 1, top: FIRST_LINE_Y + 10 },
  { title: 'Methods', page: 2, top: methodsY + 10 },
]);

describe('readPdf', () => {
  it('reads one document per page with its page number, Chinese included', async () => {
    const documents = await readPdf(pdf, { source, metadata: { filename: 'report.pdf' } });
    expect(documents.map((d) => d.metadata)).toEqual([
      { filename: 'report.pdf', source, totalPages: 2, page: 1 },
      { filename: 'report.pdf', source, totalPages: 2, page: 2 },
    ]);
    expect(documents[0]!.text).toBe(
      'Introduction\nVector stores keep embeddings.\nThey answer nearest-neighbour queries.\nSecond paragraph here.',
    );
    expect(documents[1]!.text).toBe(
      '中文段落：向量数据库保存嵌入。\n它支持相似度搜索！\nMethods\nWe used HNSW indexes.',
    );
  });

  it('reads paragraphs by vertical gaps, with the outline heading as section', async () => {
    const documents = await readPdf(pdf, { source, mode: 'paragraph' });
    expect(
      documents.map((d) => [d.metadata.page, d.metadata.paragraph, d.metadata.section, d.text]),
    ).toEqual([
      [1, 1, 'Introduction', 'Introduction'],
      [
        1,
        2,
        'Introduction',
        'Vector stores keep embeddings.\nThey answer nearest-neighbour queries.',
      ],
      [1, 3, 'Introduction', 'Second paragraph here.'],
      [2, 4, 'Introduction', '中文段落：向量数据库保存嵌入。\n它支持相似度搜索！'],
      [2, 5, 'Methods', 'Methods'],
      [2, 6, 'Methods', 'We used HNSW indexes.'],
    ]);
    expect(documents[5]!.metadata.headingPath).toEqual(['Methods']);
  });

  it('reads paragraphs without sections when the PDF has no outline', async () => {
    const documents = await readPdf(makePdf([['One', '', 'Two']]), { source, mode: 'paragraph' });
    expect(documents.map((d) => d.text)).toEqual(['One', 'Two']);
    expect(documents[0]!.metadata.section).toBeUndefined();
  });

  it('leaves the caller’s bytes usable (pdf.js detaches what it is given)', async () => {
    await readPdf(pdf, { source });
    expect((await readPdf(pdf, { source }))[0]!.metadata.page).toBe(1);
  });

  it('reports a truncated PDF as corrupt, naming the file', async () => {
    const truncated = pdf.slice(0, Math.floor(pdf.length / 3));
    const error = await readPdf(truncated, { source: 'broken.pdf' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptDocumentError);
    expect((error as CorruptDocumentError).source).toBe('broken.pdf');
    expect((error as Error).message).toMatch(
      /^"broken.pdf" is not a readable document: not a valid PDF/,
    );
  });

  it('reports a PDF without text (a scan) as empty', async () => {
    const error = await readPdf(makePdf([[], []]), { source: 'scan.pdf' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmptyDocumentError);
    expect((error as EmptyDocumentError).reason).toMatch(/no page has a text layer/);
  });
});
