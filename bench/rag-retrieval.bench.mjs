// `npm run bench -- rag-retrieval`: retrieval quality of @repo/rag on documentation nobody here
// wrote (READMEs and docs pages inside node_modules, labelled in fixtures/retrieval-set.json).
// The corpus is ingested with ingestDocuments (default splitter settings) into the memory store and
// the pgvector store on PGlite, embedded by local-llm's embedder (createProvider('local'), in
// process). Rows, each made by request options, without cut-off: vector, lexical and hybrid search
// on plain and on contextual chunks (the splitter's `context` embedded and indexed with the
// chunk), then the shipped default (hybrid, contextual, DEFAULT_MIN_RELEVANCE). A row whose
// feature the built package lacks prints "not available" (rag-retrieval-features.mjs).
// Then the relevance cut-off grid per mode: unrelated questions with no hits vs recall@5.
// Build packages/rag first (`npx tsc -p tsconfig.build.json`); `node bench/run.mjs rag-retrieval`
// skips npm's prebench build of the whole repo. About 6 minutes on 2 busy cores, most of it
// searching the pgvector store.
import { createProvider } from '@repo/providers';
import * as rag from '@repo/rag';
import { createDatabase } from '@repo/storage';
import { saveResult } from './lib.mjs';
import { detectFeatures } from './rag-retrieval-features.mjs';
import { ingestCorpus, STORE_KINDS } from './rag-retrieval-ingest.mjs';
import {
  cutOffGrid,
  cutOffRequest,
  measureCutOff,
  scoreRow,
  TOP_K,
} from './rag-retrieval-measure.mjs';
import { loadRetrievalSet } from './rag-retrieval-set.mjs';
import { printTables } from './rag-retrieval-print.mjs';

const ROWS = [
  { row: 'vector', variant: 'plain', needs: [], mode: 'vector' },
  { row: 'lexical', variant: 'plain', needs: ['modes'], mode: 'lexical' },
  { row: 'hybrid', variant: 'plain', needs: ['modes'], mode: 'hybrid' },
  { row: 'vector + contextual chunks', variant: 'contextual', needs: ['context'], mode: 'vector' },
  {
    row: 'lexical + contextual chunks',
    variant: 'contextual',
    needs: ['modes', 'context'],
    mode: 'lexical',
  },
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
  // From the package's index once exported there, else from the built file.
  const metrics = rag.scoreRanking
    ? rag
    : await import('../packages/rag/dist/retrieval-metrics.js');
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
    rows: [],
    cutOff: [],
  };
  try {
    const ingested = await ingestCorpus({ set, features, embeddingModel, database, progress });
    const { variants, stores } = ingested;
    result.chunks = ingested.chunkCounts;
    result.unreachable = ingested.unreachable;
    // No cut-off in the metric rows (lexical and hybrid have one by default), so they compare.
    const noCutOff = features.cutOffField === 'minRelevance' ? { minRelevance: {} } : {};
    for (const kind of STORE_KINDS) {
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
      for (const kind of STORE_KINDS) {
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
