// Doubles for the ingestion tests: a minimal VectorStore (an id → document map that records every
// `add` call and answers `existingIds`, the optional capability ingestion uses to skip known
// chunks), an embedding model that fails on cue, and small documents.
import { MockEmbeddingModel } from '@repo/core/testing';
import type { RagDocument, VectorStore } from '../rag-types.js';

export interface RecordingStore extends VectorStore {
  readonly rows: Map<string, RagDocument>;
  readonly addCalls: RagDocument[][];
}

export function createRecordingStore(options: { failAdd?: Error } = {}): RecordingStore {
  const rows = new Map<string, RagDocument>();
  const addCalls: RagDocument[][] = [];
  return {
    name: 'recording',
    rows,
    addCalls,
    async add(documents) {
      addCalls.push([...documents]);
      if (options.failAdd) throw options.failAdd;
      for (const document of documents) rows.set(document.id!, document);
      return documents.map((document) => document.id!);
    },
    async delete(target) {
      if (!('ids' in target)) throw new Error('filters are not supported here');
      return target.ids.filter((id) => rows.delete(id)).length;
    },
    async similaritySearch() {
      return [];
    },
    async existingIds(ids) {
      return new Set(ids.filter((id) => rows.has(id)));
    },
  };
}

/** An embedding model that throws the given errors on its first calls (undefined: works), then works. */
export function createFlakyEmbeddingModel(...errors: (Error | undefined)[]) {
  const model = new MockEmbeddingModel({ dimensions: 4 });
  const embed = model.embed.bind(model);
  let calls = 0;
  model.embed = async (request) => {
    const error = errors[calls++];
    if (error) throw error;
    return embed(request);
  };
  return Object.assign(model, { calls: () => calls });
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
export const doc = (source: string, text: string): RagDocument => ({ text, metadata: { source } });
export const threeDocuments = [
  doc('a.txt', 'Alpha text.'),
  doc('b.txt', 'Beta text.'),
  doc('c.txt', '丙文本。'),
];
