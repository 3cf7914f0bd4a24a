// Part 1 of the rag bench: ingest throughput (chunks/s) from files to a searchable in-memory
// store, ours against the same pipeline assembled from LangChain.js parts, both embedding through
// one local-llm on a port. Runs alternate (ours, LangChain, LangChain, ours, …) after a warm-up.
//   ours:      ingestDocuments (read → split → embed in batches → store) into the memory store,
//              embedding model from createProvider('openai', { baseURL: local-llm })
//   LangChain: fs.readFile → RecursiveCharacterTextSplitter (markdown separators for .md) →
//              MemoryVectorStore.fromDocuments with OpenAIEmbeddings
// Same settings on both sides: 512-token chunks, 64 overlap, o200k token length (js-tiktoken,
// offline), 64 texts per embedding request, 4 requests in flight (LangChain's default is 2),
// no retries, base64 vectors on the wire (the openai SDK's default and the openai preset's), and
// one fetch without keep-alive: local-llm is one busy process, and on a loaded machine its 5 s
// keep-alive timer fired while a reused socket's next request was already queued ("other side
// closed"), which with retries off failed the run. A connection per request costs both sides the
// same (≈0.1 ms on loopback, against ~100 ms per 64-text batch).
// Our splitter adds CJK sentence separators and the Markdown reader cuts at sections, so the
// chunk counts may differ slightly: both are reported, and chunks/s is each side's own count.
// Besides wall time, each run's CPU time in this process is reported (local-llm is elsewhere):
// on shared cores it moves less than wall time, which other work stretches.
// Our token counter caches pre-token counts for the life of the process (as a server's would), so
// round 1 of ours is the cold one and later rounds split the same corpus from a warm cache: the
// per-round ratios show both; LangChain's js-tiktoken has no such cache.
import { readFile } from 'node:fs/promises';
import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory';
import { OpenAIEmbeddings } from '@langchain/openai';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { createProvider } from '@repo/providers';
import { createMemorySourceLedger, createMemoryVectorStore, ingestDocuments } from '@repo/rag';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { Agent } from 'undici';

const CHUNK_SIZE = 512;
const CHUNK_OVERLAP = 64;
const BATCH_SIZE = 64;
const CONCURRENCY = 4;
const SANITY_QUERY = 'vector search index latency';

const noKeepAlive = new Agent({ pipelining: 0 });
const benchFetch = (input, init) => fetch(input, { ...init, dispatcher: noKeepAlive });

function ours(baseURL) {
  const embeddingModel = createProvider('openai', {
    baseURL,
    apiKey: 'bench',
    embeddingModel: 'local-embedding',
    retry: { maxRetries: 0 },
    fetch: benchFetch,
  }).embedding();
  return async (paths) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const marks = {};
    const store = createMemoryVectorStore({ embeddingModel });
    const report = await ingestDocuments({
      store,
      embeddingModel,
      sources: paths.map((path) => ({ path })),
      split: { chunkSize: CHUNK_SIZE, chunkOverlap: CHUNK_OVERLAP },
      batchSize: BATCH_SIZE,
      concurrency: CONCURRENCY,
      onProgress: ({ phase }) => (marks[phase] ??= performance.now()),
    });
    const ended = performance.now();
    const cpuMs = cpuSince(cpu);
    const hits = await store.similaritySearch({ query: SANITY_QUERY, topK: 3 });
    return {
      chunks: report.chunks,
      ms: ended - started,
      cpuMs,
      splitMs: marks.embed - started, // read + split (+ content ids)
      embedStoreMs: ended - marks.embed,
      hits: hits.length,
      topHit: hits[0]?.text.slice(0, 40),
    };
  };
}

function langChain(baseURL) {
  const encoder = new Tiktoken(o200k);
  const lengthFunction = (text) => (text === '' ? 0 : encoder.encode(text, [], []).length);
  const settings = { chunkSize: CHUNK_SIZE, chunkOverlap: CHUNK_OVERLAP, lengthFunction };
  const plain = new RecursiveCharacterTextSplitter(settings);
  const markdown = new RecursiveCharacterTextSplitter({
    ...settings,
    separators: RecursiveCharacterTextSplitter.getSeparatorsForLanguage('markdown'),
  });
  const embeddings = new OpenAIEmbeddings({
    apiKey: 'bench',
    model: 'local-embedding',
    configuration: { baseURL, fetch: benchFetch },
    batchSize: BATCH_SIZE,
    maxConcurrency: CONCURRENCY,
    maxRetries: 0,
  });
  return async (paths) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const documents = [];
    for (const path of paths) {
      const text = await readFile(path, 'utf8');
      const splitter = path.endsWith('.md') ? markdown : plain;
      documents.push(...(await splitter.createDocuments([text], [{ source: path }])));
    }
    const split = performance.now();
    const store = await MemoryVectorStore.fromDocuments(documents, embeddings);
    const ended = performance.now();
    const cpuMs = cpuSince(cpu);
    const hits = await store.similaritySearch(SANITY_QUERY, 3);
    return {
      chunks: documents.length,
      ms: ended - started,
      cpuMs,
      splitMs: split - started,
      embedStoreMs: ended - split,
      hits: hits.length,
      topHit: hits[0]?.pageContent.slice(0, 40),
    };
  };
}

/**
 * Re-ingest of an unchanged corpus (the goal: ≤ 5% of a first ingest): one store and one
 * source ledger, the corpus ingested once, then again; the second run reads and splits nothing.
 */
export async function measureReingest(baseURL, corpus) {
  const embeddingModel = createProvider('openai', {
    baseURL,
    apiKey: 'bench',
    embeddingModel: 'local-embedding',
    retry: { maxRetries: 0 },
    fetch: benchFetch,
  }).embedding();
  const store = createMemoryVectorStore({ embeddingModel });
  const ledger = createMemorySourceLedger();
  const run = async () => {
    const started = performance.now();
    const report = await ingestDocuments({
      store,
      embeddingModel,
      ledger,
      sources: corpus.paths.map((path) => ({ path })),
      split: { chunkSize: CHUNK_SIZE, chunkOverlap: CHUNK_OVERLAP },
      batchSize: BATCH_SIZE,
      concurrency: CONCURRENCY,
    });
    return { ms: performance.now() - started, report };
  };
  const first = await run();
  const again = await run();
  if (again.report.sources.unchanged !== corpus.paths.length)
    throw new Error(`re-ingest: ${again.report.sources.unchanged} files unchanged, not all`);
  return {
    firstMs: first.ms,
    againMs: again.ms,
    ratio: again.ms / first.ms,
    unchangedFiles: again.report.sources.unchanged,
    added: again.report.added,
  };
}

export async function measureIngest(baseURL, corpus, { rounds }) {
  const pipelines = { ours: ours(baseURL), LangChain: langChain(baseURL) };
  // Warm-up on the first file: token tables, JIT, HTTP keep-alive pools.
  for (const name of Object.keys(pipelines)) await pipelines[name]([corpus.paths[0]]);
  const runs = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? ['LangChain', 'ours'] : ['ours', 'LangChain'];
    for (const name of order) {
      const result = await pipelines[name](corpus.paths);
      if (result.hits === 0) throw new Error(`${name}: the sanity search found nothing`);
      runs.push({ pipeline: name, round, ...result });
      process.stderr.write(
        `rag bench: ingest round ${round + 1}/${rounds} ${name}: ${result.chunks} chunks in ` +
          `${(result.ms / 1000).toFixed(1)} s\n`,
      );
    }
  }
  const summary = Object.fromEntries(
    Object.keys(pipelines).map((name) => {
      const mine = runs.filter((r) => r.pipeline === name);
      const chunks = mine[0].chunks;
      if (mine.some((r) => r.chunks !== chunks))
        throw new Error(`${name}: chunk count changed between rounds`);
      const ms = median(mine.map((r) => r.ms));
      return [
        name,
        {
          chunks,
          medianMs: ms,
          chunksPerSecond: chunks / (ms / 1000),
          megabytesPerSecond: corpus.bytes / 1024 / 1024 / (ms / 1000),
          cpuMs: median(mine.map((r) => r.cpuMs)),
          splitMs: median(mine.map((r) => r.splitMs)),
          embedStoreMs: median(mine.map((r) => r.embedStoreMs)),
          sanityHits: mine[0].hits,
          topHit: mine[0].topHit,
        },
      ];
    }),
  );
  const { ours: o, LangChain: lc } = summary;
  const chunkDifference = (o.chunks - lc.chunks) / lc.chunks;
  // Each round's two runs are neighbours in time, so their ratio resists the machine's load
  // drifting over the minutes a run takes better than the ratio of the medians does.
  const perRound = Array.from({ length: rounds }, (_, round) => {
    const [mine, theirs] = ['ours', 'LangChain'].map((name) =>
      runs.find((r) => r.round === round && r.pipeline === name),
    );
    return mine.chunks / mine.ms / (theirs.chunks / theirs.ms);
  });
  return {
    runs,
    summary,
    ratios: {
      chunksPerSecond: o.chunksPerSecond / lc.chunksPerSecond,
      chunksPerSecondPerRound: perRound,
      chunksPerSecondPairedMedian: median(perRound),
      megabytesPerSecond: o.megabytesPerSecond / lc.megabytesPerSecond,
      cpuPerChunk: o.cpuMs / o.chunks / (lc.cpuMs / lc.chunks),
      split: o.splitMs / lc.splitMs,
      embedStore: o.embedStoreMs / lc.embedStoreMs,
    },
    chunkDifference,
    chunkCountsClose: Math.abs(chunkDifference) <= 0.03,
  };
}

/** CPU time of this process (all its threads) since `start`, in ms: steadier than wall time
 * when other work shares the cores, and it leaves out local-llm, which runs in its own process. */
function cpuSince(start) {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
