// The plug point for vector stores users already run (Milvus, Qdrant, Redis, Chroma, …): any
// LangChain.js `VectorStore` seen as our VectorStore. Add, delete by ids and unfiltered search
// carry over; our filter language does not, since each LangChain store takes its own filter format
// (Milvus expressions, Qdrant JSON, …), so a filter is an UnsupportedFilterError rather than a
// silently ignored condition. Search is vector-only: a lexical or hybrid request is an
// UnsupportedSearchModeError, not a silent vector search.
import { Document } from '@langchain/core/documents';
import type { DocumentInterface } from '@langchain/core/documents';
import type { VectorStoreInterface } from '@langchain/core/vectorstores';
import { UnsupportedFilterError } from './rag-errors.js';
import { UnsupportedSearchModeError } from './search-modes.js';
import type {
  DeleteTarget,
  RagDocument,
  ScoredDocument,
  SearchRequest,
  VectorStore,
} from './rag-types.js';
import { deriveDocumentId, resolveSearchRequest } from './vector-store-support.js';

export interface LangChainVectorStoreOptions {
  /** Names the store in `name` (`langchain:<name>`) and in errors, e.g. `qdrant`. */
  name: string;
}

/**
 * Adapts a LangChain vector store. It embeds with its own `embeddings`; a document that carries an
 * `embedding` goes in through `addVectors`. Scores are the store's own (most report cosine
 * similarity; check yours before choosing a threshold). `delete` returns the number of ids asked
 * for: LangChain's `delete` reports no count.
 */
export function fromLangChainVectorStore(
  store: VectorStoreInterface,
  options: LangChainVectorStoreOptions,
): VectorStore {
  const name = `langchain:${options.name}`;

  return {
    name,

    async add(documents: readonly RagDocument[], addOptions = {}): Promise<string[]> {
      addOptions.signal?.throwIfAborted();
      const ids = documents.map(deriveDocumentId);
      const withVectors = documents.flatMap((document, index) =>
        document.embedding === undefined ? [] : [index],
      );
      const withoutVectors = documents.flatMap((document, index) =>
        document.embedding === undefined ? [index] : [],
      );
      const toLangChain = (index: number): DocumentInterface => {
        const document = documents[index] as RagDocument;
        return new Document({
          pageContent: document.text,
          metadata: document.metadata,
          id: ids[index],
        });
      };
      if (withoutVectors.length > 0) {
        await store.addDocuments(withoutVectors.map(toLangChain), {
          ids: withoutVectors.map((index) => ids[index]),
        });
      }
      if (withVectors.length > 0) {
        await store.addVectors(
          withVectors.map((index) => documents[index]?.embedding ?? []),
          withVectors.map(toLangChain),
          { ids: withVectors.map((index) => ids[index]) },
        );
      }
      return ids;
    },

    async delete(target: DeleteTarget): Promise<number> {
      if (!('ids' in target)) throw new UnsupportedFilterError(name);
      if (target.ids.length === 0) return 0;
      await store.delete({ ids: target.ids });
      return target.ids.length;
    },

    async similaritySearch(request: SearchRequest): Promise<ScoredDocument[]> {
      if (request.filter !== undefined) throw new UnsupportedFilterError(name);
      if (request.mode === 'lexical' || request.mode === 'hybrid') {
        throw new UnsupportedSearchModeError(name, request.mode);
      }
      const { topK, threshold, floors } = resolveSearchRequest(request);
      // A vector floor of the relevance cut-off reads the store's own score, as the threshold.
      const minimum = Math.max(threshold, floors.vector ?? 0);
      request.signal?.throwIfAborted();
      const hits =
        typeof request.query === 'string'
          ? await store.similaritySearchWithScore(request.query, topK)
          : await store.similaritySearchVectorWithScore(request.query, topK);
      return hits
        .filter(([, score]) => minimum === 0 || score >= minimum)
        .map(([document, score]) => fromLangChain(document, score));
    },
  };
}

function fromLangChain(document: DocumentInterface, score: number): ScoredDocument {
  const metadata: Record<string, unknown> = { ...document.metadata };
  const text = document.pageContent;
  // Stores that drop LangChain's `id` get the same derived id as on the way in.
  return { id: document.id ?? deriveDocumentId({ text, metadata }), text, metadata, score };
}
