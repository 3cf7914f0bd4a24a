// Builds small, valid PDFs for the reader tests, so no binary fixture has to be committed: pages
// of lines (an empty string is a paragraph gap), Latin text in Helvetica, CJK text in a Type0 font
// whose ToUnicode map is the identity (pdf.js extracts it without any font file), and an optional
// outline (the table of contents the paragraph mode reads as sections).

export interface PdfOutlineEntry {
  title: string;
  /** 1-based page the entry points to. */
  page: number;
  /** PDF y coordinate of the destination (the page is 792 high; text starts at 750). */
  top: number;
}

export const FIRST_LINE_Y = 750;
export const LINE_GAP = 14;
export const PARAGRAPH_GAP = 34;

export function makePdf(pages: string[][], outline: PdfOutlineEntry[] = []): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const catalog = add(''); // filled in once the pages and outline exist
  const pagesId = add('');
  const latin = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const cmap =
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Identity-Uni def /CMapType 2 def ' +
    '1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <0000> endbfrange ' +
    'endcmap CMapName currentdict /CMap defineresource pop end end';
  const toUnicode = add(`<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`);
  const descriptor = add(
    '<< /Type /FontDescriptor /FontName /Song /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  );
  const cid = add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Song /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /CIDToGIDMap /Identity >>`,
  );
  const cjk = add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
  );

  const pageIds = pages.map((lines) => {
    let y = FIRST_LINE_Y;
    let content = '';
    for (const line of lines) {
      if (line === '') {
        y -= PARAGRAPH_GAP - LINE_GAP;
        continue;
      }
      content += /[^\x20-\x7e]/.test(line)
        ? `BT /F2 12 Tf 72 ${y} Td <${[...line].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('')}> Tj ET\n`
        : `BT /F1 12 Tf 72 ${y} Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET\n`;
      y -= LINE_GAP;
    }
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}endstream`);
    return add(
      `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${latin} 0 R /F2 ${cjk} 0 R >> >> /Contents ${stream} 0 R >>`,
    );
  });

  let outlineRef = '';
  if (outline.length > 0) {
    const root = add('');
    const first = objects.length + 1;
    outline.forEach((entry, i) => {
      const links = `${i > 0 ? `/Prev ${first + i - 1} 0 R ` : ''}${i < outline.length - 1 ? `/Next ${first + i + 1} 0 R ` : ''}`;
      add(
        `<< /Title (${entry.title}) /Parent ${root} 0 R ${links}/Dest [${pageIds[entry.page - 1]} 0 R /XYZ 0 ${entry.top} 0] >>`,
      );
    });
    objects[root - 1] =
      `<< /Type /Outlines /First ${first} 0 R /Last ${first + outline.length - 1} 0 R /Count ${outline.length} >>`;
    outlineRef = ` /Outlines ${root} 0 R`;
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R${outlineRef} >>`;
  objects[pagesId - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;

  return writePdf(objects, catalog);
}

/** The objects (object n is `objects[n - 1]`), a cross-reference table and a trailer. */
function writePdf(objects: string[], root: number, loopPrev = false): Uint8Array {
  // Every body is ASCII, so string length equals byte length for the xref offsets.
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  const prev = loopPrev ? ` /Prev ${xref}` : '';
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${root} 0 R${prev} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/**
 * A PDF whose cross-references loop: the trailer's /Prev names the cross-reference table it sits
 * in (pdf.js must not follow that forever), and the page tree's only kid is the page tree itself
 * (a reader that walks it without a visited set never ends). pdf.js opens it and then fails on the
 * first page ("Pages tree contains circular reference").
 */
export function makeLoopingPdf(): Uint8Array {
  const content = 'BT /F1 12 Tf 72 700 Td (Loop) Tj ET\n';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [2 0 R] /Count 1 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
  ];
  return writePdf(objects, 1, true);
}
