// BM25 (Okapi, Lucene's idf) over tokenize-text.ts's terms: the formula both stores share (the
// pgvector store evaluates the same expression in SQL, pg-vector-lexical.ts), and the memory
// store's index of term frequencies and corpus statistics, kept up to date on upsert and delete.
import { queryTerms, tokenize } from './tokenize-text.js';

/** Term-frequency saturation. */
export const BM25_K1 = 1.2;
/** Length normalisation. */
export const BM25_B = 0.75;

/** Collection-wide statistics: documents, mean length in terms, documents per query term. */
export interface CorpusStats {
  documents: number;
  averageLength: number;
  documentFrequency: ReadonlyMap<string, number>;
}

/** Lucene's idf, never negative: ln(1 + (N − df + 0.5) / (df + 0.5)). */
export function inverseDocumentFrequency(documents: number, frequency: number): number {
  return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
}

/** Each distinct query term with its idf in this corpus (terms no document holds included). */
export function weighQueryTerms(terms: readonly string[], stats: CorpusStats): Map<string, number> {
  return new Map(
    terms.map((term) => [
      term,
      inverseDocumentFrequency(stats.documents, stats.documentFrequency.get(term) ?? 0),
    ]),
  );
}

/** One term's BM25 contribution for a document holding it `frequency` times in `length` terms. */
export function termScore(
  idf: number,
  frequency: number,
  length: number,
  averageLength: number,
): number {
  const norm = BM25_K1 * (1 - BM25_B + (BM25_B * length) / (averageLength || 1));
  return (idf * frequency * (BM25_K1 + 1)) / (frequency + norm);
}

/** A document's lexical evidence: its BM25 score and the idf-weighted share of query terms held. */
export interface LexicalScore {
  bm25: number;
  coverage: number;
}

/** The memory store's inverted statistics: term frequencies per document, df per term. */
export class LexicalIndex {
  private readonly terms = new Map<string, { frequencies: Map<string, number>; length: number }>();
  private readonly documentFrequency = new Map<string, number>();
  private totalLength = 0;

  set(id: string, text: string): void {
    this.delete(id);
    const tokens = tokenize(text);
    const frequencies = new Map<string, number>();
    for (const token of tokens) frequencies.set(token, (frequencies.get(token) ?? 0) + 1);
    for (const term of frequencies.keys()) {
      this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
    this.terms.set(id, { frequencies, length: tokens.length });
    this.totalLength += tokens.length;
  }

  delete(id: string): void {
    const entry = this.terms.get(id);
    if (entry === undefined) return;
    for (const term of entry.frequencies.keys()) {
      const left = (this.documentFrequency.get(term) ?? 1) - 1;
      if (left === 0) this.documentFrequency.delete(term);
      else this.documentFrequency.set(term, left);
    }
    this.totalLength -= entry.length;
    this.terms.delete(id);
  }

  stats(): CorpusStats {
    const documents = this.terms.size;
    return {
      documents,
      averageLength: documents === 0 ? 0 : this.totalLength / documents,
      documentFrequency: this.documentFrequency,
    };
  }

  /** A scorer for one query: BM25 and coverage per document id (0 and 0 without a shared term). */
  scorer(query: string): (id: string) => LexicalScore {
    const stats = this.stats();
    const weights = weighQueryTerms(queryTerms(query), stats);
    const totalIdf = sum(weights.values());
    return (id) => {
      const entry = this.terms.get(id);
      let bm25 = 0;
      let matched = 0;
      for (const [term, idf] of weights) {
        const frequency = entry?.frequencies.get(term) ?? 0;
        if (frequency === 0 || entry === undefined) continue;
        bm25 += termScore(idf, frequency, entry.length, stats.averageLength);
        matched += idf;
      }
      return { bm25, coverage: totalIdf === 0 ? 0 : matched / totalIdf };
    };
  }
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
