// `npm run bench -- rag-retrieval`: retrieval quality of @repo/rag on documentation nobody here
// wrote (READMEs and docs pages inside node_modules, labelled in fixtures/retrieval-set.json).
// The corpus is ingested with ingestDocuments (default splitter settings) into the memory store and
// the pgvector store on PGlite, embedded by local-llm's embedder (createProvider('local'), in
// process). Rows, each made by request options: vector only, lexical only, hybrid, and vector and
// hybrid on contextual chunks (the splitter's `context` embedded and indexed with the chunk).
// A row whose feature the built package lacks prints "not available" (rag-retrieval-features.mjs).
// Then the relevance cut-off grid per mode: unrelated questions with no hits vs recall@5.
// Build first: `npx tsc -p tsconfig.build.json` in packages/rag. A run takes about a minute.
import { createProvider } from '@repo/providers';
import { createMemoryVectorStore, createPgVectorStore, ingestDocuments } from '@repo/rag';
import * as rag from '@repo/rag';
import { createDatabase } from '@repo/storage';
import { saveResult } from './lib.mjs';
import { contextualSplit, detectFeatures } from './rag-retrieval-features.mjs';
import {
  cutOffGrid,
  cutOffRequest,
  measureCutOff,
  scoreRow,
  TOP_K,
} from './rag-retrieval-measure.mjs';
import { loadRetrievalSet, unreachable } from './rag-retrieval-set.mjs';
import { printTables } from './rag-retrieval-print.mjs';

const ROWS = [
  { row: 'vector', variant: 'plain', needs: [], mode: 'vector' },
  { row: 'lexical', variant: 'plain', needs: ['modes'], mode: 'lexical' },
  { row: 'hybrid', variant: 'plain', needs: ['modes'], mode: 'hybrid' },
  { row: 'vector + contextual chunks', variant: 'contextual', needs: ['context'], mode: 'vector' },
  {
    row: 'hybrid + contextual chunks',
    variant: 'contextual',
    needs: ['modes', 'context'],
    mode: 'hybrid',
  },
  // The package's defaults as shipped: contextual chunks, hybrid, DEFAULT_MIN_RELEVANCE.
  {
    row: 'hybrid + contextual, default cut-off',
    variant: 'contextual',
    needs: ['modes', 'context'],
    mode: 'hybrid',
    cutOff: 'default',
  },
];

export async function run() {
  const set = loadRetrievalSet();
  const metrics = await import('../packages/rag/dist/retrieval-metrics.js');
  const features = await detectFeatures(rag);
  const embeddingModel = createProvider('local', { env: {} }).embedding();
  const database = await createDatabase({ url: 'memory://' });
  const result = {
    bench: 'rag-retrieval',
    node: process.version,
    corpus: { files: set.corpus.length, bytes: set.bytes },
    questions: {
      labelled: set.questions.length,
      chinese: set.questions.filter((q) => q.lang === 'zh').length,
      unrelated: set.unrelated.length,
    },
    embeddingModel: embeddingModel.modelId,
    features,
    defaultCutOff: rag.DEFAULT_MIN_RELEVANCE ?? null,
    topK: TOP_K,
    chunks: {},
    rows: [],
    cutOff: [],
  };
  try {
    const variants = features.context ? ['plain', 'contextual'] : ['plain'];
    const stores = {};
    for (const kind of ['memory', 'pgvector']) {
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
        result.chunks[`${kind}/${variant}`] = report.chunks;
        if (kind === 'memory')
          result[`unreachable_${variant}`] = unreachable(set.questions, chunks);
        progress(`${kind} store, ${variant} chunks: ${report.chunks}`);
      }
    }
    // No cut-off in the metric rows (lexical and hybrid have one by default), so they compare.
    const noCutOff = features.cutOffField === 'minRelevance' ? { minRelevance: {} } : {};
    for (const kind of ['memory', 'pgvector']) {
      for (const { row, variant, needs, mode, cutOff } of ROWS) {
        const missing = needs.filter((need) => !features[need]);
        if (missing.length > 0) {
          result.rows.push({ store: kind, row, available: false, missing });
          continue;
        }
        const request = { ...(features.modes ? { mode } : {}), ...(cutOff ? {} : noCutOff) };
        progress(`scoring ${kind} / ${row}`);
        const scores = await scoreRow(stores[`${kind}/${variant}`], set, request, metrics);
        result.rows.push({ store: kind, row, available: true, request, ...scores });
      }
    }
    // The grids run on the memory store with the splitter's default (contextual when available);
    // the pgvector store is then measured at no cut-off, the default and each suggestion.
    const variant = variants.at(-1);
    for (const mode of features.modes ? ['vector', 'lexical', 'hybrid'] : ['vector']) {
      progress(`cut-off grid, ${mode}`);
      const depth = rag.FUSION_CANDIDATES ?? 50;
      const grid = await cutOffGrid(
        stores[`memory/${variant}`],
        set,
        mode,
        features,
        metrics,
        depth,
      );
      const check = (kind, floors) =>
        measureCutOff(
          stores[`${kind}/${variant}`],
          set,
          { ...(features.modes ? { mode } : {}), ...cutOffRequest(features, floors) },
          metrics,
        );
      const suggested = grid.suggested.floors;
      const fallback = result.defaultCutOff;
      // The same cuts made by the request option, on both stores.
      grid.checked = {};
      for (const kind of ['memory', 'pgvector']) {
        grid.checked[kind] = {
          none: await check(kind, {}),
          suggested: suggested ? await check(kind, suggested) : null,
          default: fallback ? await check(kind, fallback) : null,
        };
      }
      result.cutOff.push({ chunks: variant, ...grid });
    }
  } finally {
    await database.close?.();
  }
  printTables(result);
  console.log(`saved ${saveResult('rag-retrieval', result)}`);
}

const progress = (message) => process.stderr.write(`rag-retrieval bench: ${message}\n`);

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
        dropContext ? rest : { ...rest, context },
      );
      into.push(...out);
      return out;
    },
  };
}
