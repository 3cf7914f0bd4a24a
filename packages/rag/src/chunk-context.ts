// The context a chunk carries for embedding and lexical search (RagDocument.context): which
// document it is from and under which headings, so "Install" in a guide and "Install" in a
// changelog embed apart, and a query naming the document or the section finds its chunks. Built
// from the metadata the readers already set: `title`, `headingPath`, `filename` / `source`.

/** `Document: 指南 (guide.md)` and `Section: 指南 > 安装`, one per line; undefined when nothing is known. */
export function chunkContext(metadata: Record<string, unknown>): string | undefined {
  const title = typeof metadata.title === 'string' ? metadata.title.trim() : '';
  const name = sourceName(metadata);
  const path = headingPathOf(metadata);
  const lines: string[] = [];
  if (title && name && title !== name) lines.push(`Document: ${title} (${name})`);
  else if (title || name) lines.push(`Document: ${title || name}`);
  if (path.length > 0) lines.push(`Section: ${path.join(' > ')}`);
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** The heading path's strings (readers set `headingPath: string[]`). */
export function headingPathOf(metadata: Record<string, unknown>): string[] {
  const path = metadata.headingPath;
  return Array.isArray(path) ? path.filter((h): h is string => typeof h === 'string') : [];
}

/** `filename` (readDocument sets it), else the last segment of `source` (a path or a URL). */
function sourceName(metadata: Record<string, unknown>): string {
  if (typeof metadata.filename === 'string' && metadata.filename) return metadata.filename;
  const source = typeof metadata.source === 'string' ? metadata.source : '';
  return source.split(/[\\/]/).filter(Boolean).pop() ?? '';
}
