// A PDF's outline (its clickable table of contents) as positions: which heading path starts where.
// Spring AI's ParagraphPdfDocumentReader splits by this outline; our paragraph mode uses it to
// give each paragraph its `section`. PDFs without an outline simply yield no sections.
import type { getDocumentProxy } from 'unpdf';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

export interface OutlinePosition {
  /** 1-based page. */
  page: number;
  /** PDF y of the destination (origin bottom-left); undefined: the top of the page. */
  top: number | undefined;
  headingPath: string[];
}

interface OutlineNode {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineNode[];
}

/** Outline entries in reading order; entries whose destination cannot be resolved are left out. */
export async function readPdfOutline(pdf: PdfDocument): Promise<OutlinePosition[]> {
  const positions: OutlinePosition[] = [];
  const visit = async (nodes: OutlineNode[], path: string[]) => {
    for (const node of nodes) {
      const headingPath = [...path, node.title.trim()];
      const position = await resolveDestination(pdf, node.dest);
      if (position) positions.push({ ...position, headingPath });
      await visit(node.items ?? [], headingPath);
    }
  };
  await visit(((await pdf.getOutline()) ?? []) as OutlineNode[], []);
  return positions.sort((a, b) => a.page - b.page || (b.top ?? Infinity) - (a.top ?? Infinity));
}

async function resolveDestination(
  pdf: PdfDocument,
  dest: OutlineNode['dest'],
): Promise<Omit<OutlinePosition, 'headingPath'> | undefined> {
  try {
    const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || explicit.length === 0) return undefined;
    const [target, kind] = explicit as [unknown, { name?: string } | undefined];
    const pageIndex =
      typeof target === 'number'
        ? target
        : await pdf.getPageIndex(target as Parameters<PdfDocument['getPageIndex']>[0]);
    // Only /XYZ and /FitH(/FitBH) carry a top coordinate; the other kinds show the whole page.
    const top =
      kind?.name === 'XYZ'
        ? explicit[3]
        : kind?.name?.startsWith('FitB') || kind?.name === 'FitH'
          ? explicit[2]
          : undefined;
    return { page: pageIndex + 1, top: typeof top === 'number' ? top : undefined };
  } catch {
    return undefined; // a dangling destination is the PDF's problem, not a reason to fail the read
  }
}

/** The heading path in force at a point of the document: the last outline entry before it. */
export function sectionAt(outline: OutlinePosition[], page: number, y: number): string[] {
  let found: string[] = [];
  for (const entry of outline) {
    if (entry.page > page || (entry.page === page && entry.top !== undefined && entry.top < y - 1))
      break;
    found = entry.headingPath;
  }
  return found;
}
