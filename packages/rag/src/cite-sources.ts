// Citations for a RAG answer, built from the documents that went into the prompt (not parsed out
// of the answer text, which models get wrong): one per distinct source + page + section, in rank
// order, so three chunks of one Markdown section are cited once, with the best chunk's score.
import { RAG_CONTEXT_KEYS } from './modular-rag-types.js';
import type { Citation } from './modular-rag-types.js';
import type { ScoredDocument } from './rag-types.js';

export function citeSources(documents: readonly ScoredDocument[]): Citation[] {
  const seen = new Set<string>();
  const citations: Citation[] = [];
  for (const document of documents) {
    const citation = toCitation(document);
    const key = JSON.stringify([citation.source, citation.page, citation.section]);
    if (seen.has(key)) continue;
    seen.add(key);
    citations.push(citation);
  }
  return citations;
}

/** The citations a RAG advisor left in a request's context (`[]` when it retrieved nothing). */
export function readCitations(context: ReadonlyMap<string, unknown>): Citation[] {
  const value = context.get(RAG_CONTEXT_KEYS.citations);
  return Array.isArray(value) ? (value as Citation[]) : [];
}

/** The documents a RAG advisor put into the prompt for this request. */
export function readRetrievedDocuments(context: ReadonlyMap<string, unknown>): ScoredDocument[] {
  const value = context.get(RAG_CONTEXT_KEYS.documents);
  return Array.isArray(value) ? (value as ScoredDocument[]) : [];
}

// Readers write `source` (`filename` in Spring AI's TextReader samples); a document added by hand
// may have neither, and its id is then the only handle a reader can follow.
function toCitation(document: ScoredDocument): Citation {
  const { metadata } = document;
  const source = firstString(metadata.source, metadata.filename, metadata.url) ?? document.id;
  const citation: Citation = { source, score: document.score };
  const page = toPage(metadata.page);
  if (page !== undefined) citation.page = page;
  const section = firstString(metadata.section) ?? headingPath(metadata.headingPath);
  if (section !== undefined) citation.section = section;
  return citation;
}

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === 'string' && value.trim()) return value;
  return undefined;
}

// Stores that round-trip metadata through JSON text may hand a page back as "3".
function toPage(value: unknown): number | undefined {
  const page = typeof value === 'string' ? Number(value) : value;
  return typeof page === 'number' && Number.isInteger(page) && page > 0 ? page : undefined;
}

function headingPath(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const parts = value.filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length > 0 ? parts.join(' > ') : undefined;
}
