// `npm run bench -- rag [--rounds 3] [--mb 5] [--vectors 100000] [--queries 50] [--clusters 100]
//                       [--batch 5000] [--ingest 1] [--search 1]`
// 1. Ingest throughput (chunks/s) over ~5 MB of generated English + Chinese text (.txt and .md
//    files in a temp folder): @repo/rag's ingestDocuments into its memory store against the same
//    pipeline from LangChain.js parts (RecursiveCharacterTextSplitter, OpenAIEmbeddings,
//    MemoryVectorStore from @langchain/classic), both embedding through one local-llm on a port;
//    ratio ours/LangChain, alternating runs (rag-ingest.mjs); then a re-ingest of the unchanged
//    corpus with a source ledger, as a share of a first ingest (goal ≤ 5%).
// 2. Vector search on clustered 384-d vectors in PGlite through createPgVectorStore: load, HNSW
//    build after loading, exact scan vs HNSW at ef_search 40/100/200: p50/p95 and recall@10
//    (rag-vectors.mjs).
// Duration on 2 shared cores (load average 10-20 at the time): 8m42s for the defaults. Part 1
// ~4-8 min (o200k token counting in LangChain's splitter dominates: 25-100 s per 5 MB run by
// load; ours counts the same tokens in 2-5 s of CPU; 6 runs plus a one-file warm-up); part 2 ~4.5 min at 100k vectors (load 76 s, HNSW build 117 s; an earlier run saw
// 45 s and 42 s on a quiet machine; the rest is vector generation, queries and the JS
// brute-force check), peak RSS ~1.7 GB. `--vectors 20000` takes ~2 min for part 2.
// `--ingest 0` or `--search 0` skips a part; more `--rounds` steady the ingest ratio.
import { rmSync } from 'node:fs';
import { measureIngest, measureReingest } from './rag-ingest.mjs';
import { writeCorpus } from './rag-corpus.mjs';
import { measureVectorSearch } from './rag-vectors.mjs';
import { parseFlags, saveResult, startLocalLlm, trackPeakRss } from './lib.mjs';

export async function run(args) {
  const flags = parseFlags(args, {
    rounds: 3,
    mb: 5,
    vectors: 100_000,
    queries: 50,
    clusters: 100,
    batch: 5000,
    ingest: 1,
    search: 1,
  });
  const result = { bench: 'rag', node: process.version, flags };
  if (flags.ingest) result.ingest = await runIngest(flags);
  if (flags.search) {
    const memory = trackPeakRss();
    result.search = await measureVectorSearch(flags);
    result.search.peakRssMiB = memory.stop();
  }
  printTables(result);
  console.log(`saved ${saveResult('rag', result)}`);
}

async function runIngest(flags) {
  const corpus = writeCorpus({ megabytes: flags.mb });
  process.stderr.write(
    `rag bench: corpus of ${(corpus.bytes / 1024 / 1024).toFixed(2)} MB in ${corpus.paths.length} files\n`,
  );
  const llm = await startLocalLlm();
  try {
    const ingest = await measureIngest(llm.baseURL, corpus, flags);
    const reingest = await measureReingest(llm.baseURL, corpus);
    return { corpus: { files: corpus.paths.length, bytes: corpus.bytes }, ...ingest, reingest };
  } finally {
    llm.stop();
    rmSync(corpus.folder, { recursive: true, force: true });
  }
}

const fixed = (value, digits) => value.toFixed(digits);

function printTables({ ingest, search }) {
  if (ingest) {
    console.table(
      Object.entries(ingest.summary).map(([pipeline, s]) => ({
        ingest: pipeline,
        chunks: s.chunks,
        'median s': fixed(s.medianMs / 1000, 2),
        'chunks/s': fixed(s.chunksPerSecond, 0),
        'MB/s': fixed(s.megabytesPerSecond, 3),
        'client CPU s': fixed(s.cpuMs / 1000, 2),
        'read+split s': fixed(s.splitMs / 1000, 2),
        'embed+store s': fixed(s.embedStoreMs / 1000, 2),
        'search hits': s.sanityHits,
      })),
    );
    const again = ingest.reingest;
    console.log(
      `re-ingest of the unchanged corpus: ${fixed(again.againMs / 1000, 2)} s after a first ` +
        `ingest of ${fixed(again.firstMs / 1000, 2)} s = ${fixed(again.ratio * 100, 1)}% ` +
        `(goal ≤ 5%; ${again.unchangedFiles} files unchanged, ${again.added} chunks added)`,
    );
    const r = ingest.ratios;
    console.log(
      `ours/LangChain over ${(ingest.corpus.bytes / 1024 / 1024).toFixed(2)} MB: ` +
        `chunks/s ${fixed(r.chunksPerSecond, 3)}× (median of rounds' paired ratios ` +
        `${fixed(r.chunksPerSecondPairedMedian, 3)}×: ` +
        `${r.chunksPerSecondPerRound.map((x) => fixed(x, 2)).join(', ')}), ` +
        `MB/s ${fixed(r.megabytesPerSecond, 3)}×; client CPU per chunk ${fixed(r.cpuPerChunk, 3)}×; ` +
        `read+split time ${fixed(r.split, 2)}×, embed+store time ${fixed(r.embedStore, 2)}×; ` +
        `chunk counts ${ingest.summary.ours.chunks} vs ${ingest.summary.LangChain.chunks} ` +
        `(${ingest.chunkDifference >= 0 ? '+' : ''}${fixed(ingest.chunkDifference * 100, 1)}%` +
        `${ingest.chunkCountsClose ? '' : ', MORE THAN 3% APART'})`,
    );
  }
  if (search) {
    const exact = search.results['exact scan'];
    console.table(
      Object.entries(search.results).map(([variant, s]) => ({
        [`${search.vectors} × ${search.dimensions}-d`]: variant,
        queries: s.n,
        'p50 ms': fixed(s.p50, 2),
        'p95 ms': fixed(s.p95, 2),
        'recall@10': fixed(s.recallAt10, 3),
        'p50 vs exact': fixed(s.p50 / exact.p50, 3),
      })),
    );
    console.log(
      `PGlite: load ${fixed(search.loadMs / 1000, 1)} s ` +
        `(${fixed(search.vectors / (search.loadMs / 1000), 0)} vectors/s), ` +
        `HNSW build ${fixed(search.buildMs / 1000, 1)} s (maintenance_work_mem 512MB); ` +
        `exact scan agrees with a JS brute force at ${fixed(search.exactVsBruteForce, 3)}; ` +
        `plans: "${search.plans.exact}" / "${search.plans.hnsw}"; ` +
        `peak RSS ${fixed(search.peakRssMiB, 0)} MiB`,
    );
  }
}
