// Ingestion for the rag-retrieval bench: the corpus into the memory store and the pgvector store
// on PGlite with ingestDocuments (default split settings; the stores embed, so a chunk's `context`
// is embedded and indexed with it), once as plain chunks and once as contextual chunks.
import { createMemoryVectorStore, createPgVectorStore, ingestDocuments } from '@repo/rag';
import { contextualSplit } from './rag-retrieval-features.mjs';
import { unreachable } from './rag-retrieval-set.mjs';

export const STORE_KINDS = ['memory', 'pgvector'];

/** Stores keyed `<kind>/<variant>`, chunk counts, and the quotes no stored chunk holds in full. */
export async function ingestCorpus({ set, features, embeddingModel, database, progress }) {
  const variants = features.context ? ['plain', 'contextual'] : ['plain'];
  const stores = {};
  const chunkCounts = {};
  const unreachableIds = {};
  for (const kind of STORE_KINDS) {
    for (const variant of variants) {
      const store =
        kind === 'memory'
          ? createMemoryVectorStore({ embeddingModel })
          : createPgVectorStore({
              db: database,
              embeddingModel,
              collection: `retrieval_${variant}`,
            });
      const chunks = [];
      const report = await ingestDocuments({
        store,
        sources: set.sources,
        split: splitFor(variant, features),
        enrich: [captureChunks(chunks, variant === 'plain')],
      });
      stores[`${kind}/${variant}`] = store;
      chunkCounts[`${kind}/${variant}`] = report.chunks;
      if (kind === 'memory') unreachableIds[variant] = unreachable(set.questions, chunks);
      progress(`${kind} store, ${variant} chunks: ${report.chunks}`);
    }
  }
  return { variants, stores, chunkCounts, unreachable: unreachableIds };
}

/** Plain chunks: the splitter told not to add context (if it can), and any context dropped. */
function splitFor(variant, features) {
  if (variant === 'contextual') return contextualSplit(features);
  return features.contextOption ? { [features.contextOption]: false } : {};
}

/** Records the chunks as stored (for the unreachable-quote check); drops `context` for plain rows. */
function captureChunks(into, dropContext) {
  return {
    name: dropContext ? 'bench-plain-chunks' : 'bench-capture',
    async enrich(documents) {
      const out = documents.map(({ context, ...rest }) =>
        dropContext || context === undefined ? rest : { ...rest, context },
      );
      into.push(...out);
      return out;
    },
  };
}
