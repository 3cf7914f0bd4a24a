// Markdown sections (one document each from the reader) that are too small to be good chunks on
// their own are merged with their neighbours before splitting, so a two-line section does not
// become a near-empty chunk whose embedding says little. Merging stays under one heading: sections
// join only when each is that heading's own text or directly under it (siblings, or a heading's
// intro with its first subsections), never across parents, and never past `chunkSize`.
import type { RagDocument } from './rag-types.js';
import { headingPathOf } from './chunk-context.js';

export interface MergeSectionsOptions {
  chunkSize: number;
  /** A section under this many tokens merges with a neighbour (the splitter's default: chunkSize / 4). */
  minTokens: number;
  lengthFunction: (text: string) => number;
}

interface Group {
  documents: RagDocument[];
  text: string;
  tokens: number;
  /** The common heading path of the members. */
  common: string[];
  /** The deepest member's parent depth: the common path may not get shorter than this. */
  parentDepth: number;
  /** Metadata apart from the heading path, which must be the same (same file, same front matter). */
  key: string;
}

/** Sections from one reader call, in document order; other documents pass through unchanged. */
export function mergeSmallSections(
  documents: readonly RagDocument[],
  options: MergeSectionsOptions,
): RagDocument[] {
  const merged: RagDocument[] = [];
  let group: Group | undefined;
  const flush = () => {
    if (group) merged.push(toDocument(group));
    group = undefined;
  };
  for (const document of documents) {
    if (!isSection(document)) {
      flush();
      merged.push(document);
      continue;
    }
    const path = headingPathOf(document.metadata);
    const tokens = options.lengthFunction(document.text);
    const key = keyOf(document);
    if (
      group &&
      group.key === key &&
      (group.tokens < options.minTokens || tokens < options.minTokens)
    ) {
      const common = commonPrefix(group.common, path);
      const parentDepth = Math.max(group.parentDepth, path.length - 1);
      const text = `${group.text}\n\n${document.text}`;
      if (common.length >= parentDepth) {
        const total = options.lengthFunction(text);
        if (total <= options.chunkSize) {
          Object.assign(group, { text, tokens: total, common, parentDepth });
          group.documents.push(document);
          continue;
        }
      }
    }
    flush();
    group = {
      documents: [document],
      text: document.text,
      tokens,
      common: path,
      key,
      parentDepth: Math.max(0, path.length - 1),
    };
  }
  flush();
  return merged;
}

/** A section of the Markdown reader (or a PDF outline): it has a heading path and is not separated code. */
function isSection(document: RagDocument): boolean {
  return (
    Array.isArray(document.metadata.headingPath) && document.metadata.codeLanguage === undefined
  );
}

function keyOf(document: RagDocument): string {
  const { headingPath: _path, section: _section, ...rest } = document.metadata;
  return JSON.stringify([document.context ?? null, rest]);
}

function commonPrefix(a: readonly string[], b: readonly string[]): string[] {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return a.slice(0, n);
}

function toDocument(group: Group): RagDocument {
  const [first] = group.documents;
  if (group.documents.length === 1) return first!;
  const metadata: Record<string, unknown> = { ...first!.metadata, headingPath: group.common };
  if (group.common.length > 0) metadata.section = group.common.join(' > ');
  else delete metadata.section;
  return { ...first!, text: group.text, metadata };
}
