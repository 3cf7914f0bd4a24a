// PDF reader on unpdf (pdf.js): by page (Spring AI's PagePdfDocumentReader, metadata `page`) or by
// paragraph (vertical gaps between lines, with the outline's heading path as `section`, which is
// what Spring's ParagraphPdfDocumentReader reads). A file pdf.js cannot open is a
// CorruptDocumentError naming it; a PDF without any text (a scan) is an EmptyDocumentError.
import { extractTextItems, getDocumentProxy, type StructuredTextItem } from 'unpdf';
import type { RagDocument } from './rag-types.js';
import { CorruptDocumentError, EmptyDocumentError } from './etl-errors.js';
import { readPdfOutline, sectionAt } from './pdf-outline.js';

export interface ReadPdfOptions {
  source: string;
  /** `page` (default): one document per page; `paragraph`: one per paragraph. */
  mode?: 'page' | 'paragraph';
  metadata?: Record<string, unknown>;
}

interface Line {
  text: string;
  y: number;
  fontSize: number;
}

/** A gap over this many font sizes between two lines starts a new paragraph (body leading ≈ 1.2). */
const PARAGRAPH_GAP = 1.6;

export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions): Promise<RagDocument[]> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    const name = (error as Error).name;
    const reason =
      name === 'PasswordException'
        ? 'it is password-protected'
        : `not a valid PDF (${errorText(error)})`;
    throw new CorruptDocumentError(options.source, reason, error);
  }
  try {
    const { items } = await extractTextItems(pdf);
    const info = ((await pdf.getMetadata().catch(() => undefined))?.info ?? {}) as Record<
      string,
      unknown
    >;
    const base: Record<string, unknown> = {
      ...options.metadata,
      source: options.source,
      totalPages: pdf.numPages,
    };
    if (typeof info.Title === 'string' && info.Title.trim()) base.title = info.Title.trim();
    if (typeof info.Author === 'string' && info.Author.trim()) base.author = info.Author.trim();

    const pages = items.map(toLines);
    const documents =
      options.mode === 'paragraph'
        ? toParagraphs(pages, base, await readPdfOutline(pdf).catch(() => []))
        : pages.map((lines, i) => ({
            text: lines
              .map((l) => l.text)
              .join('\n')
              .trim(),
            metadata: { ...base, page: i + 1 },
          }));
    const withText = documents.filter((d) => d.text !== '');
    if (withText.length === 0)
      throw new EmptyDocumentError(
        options.source,
        'no page has a text layer (a scanned PDF needs OCR first)',
      );
    return withText;
  } catch (error) {
    if (error instanceof EmptyDocumentError) throw error;
    // pdf.js opened the file but a page is broken (a page tree that refers back to itself through
    // a looping cross-reference table, a damaged content stream): the file's fault, a 422.
    throw new CorruptDocumentError(
      options.source,
      `a page cannot be read (${errorText(error)})`,
      error,
    );
  } finally {
    await pdf.destroy();
  }
}

/** pdf.js's own message, which names no path (it only ever saw bytes), shortened for a reply. */
function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}

/** pdf.js gives text runs; a line ends where a run says so (hasEOL) or the baseline moves. */
function toLines(items: StructuredTextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  for (const item of items) {
    if (current && Math.abs(current.y - item.y) > Math.max(current.fontSize, item.fontSize) / 2) {
      lines.push(current);
      current = undefined;
    }
    if (item.str !== '')
      current = current
        ? {
            ...current,
            text: current.text + item.str,
            fontSize: Math.max(current.fontSize, item.fontSize),
          }
        : { text: item.str, y: item.y, fontSize: item.fontSize || 12 };
    if (item.hasEOL && current) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current) lines.push(current);
  return lines.filter((l) => l.text.trim() !== '').map((l) => ({ ...l, text: l.text.trim() }));
}

function toParagraphs(
  pages: Line[][],
  base: Record<string, unknown>,
  outline: Awaited<ReturnType<typeof readPdfOutline>>,
): RagDocument[] {
  const documents: RagDocument[] = [];
  pages.forEach((lines, pageIndex) => {
    let paragraph: Line[] = [];
    const flush = () => {
      const first = paragraph[0];
      if (!first) return;
      const page = pageIndex + 1;
      const headingPath = sectionAt(outline, page, first.y);
      const metadata: Record<string, unknown> = { ...base, page, paragraph: documents.length + 1 };
      if (headingPath.length > 0)
        Object.assign(metadata, { headingPath, section: headingPath.join(' > ') });
      documents.push({ text: paragraph.map((l) => l.text).join('\n'), metadata });
      paragraph = [];
    };
    for (const line of lines) {
      const previous = paragraph[paragraph.length - 1];
      // A line above the previous one (a new column) also breaks the paragraph.
      if (
        previous &&
        (previous.y - line.y > PARAGRAPH_GAP * previous.fontSize || line.y > previous.y)
      )
        flush();
      paragraph.push(line);
    }
    flush();
  });
  return documents;
}
