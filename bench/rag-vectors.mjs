// Part 2 of the rag bench: top-10 search over clustered 384-d unit vectors in PGlite (memory://,
// pgvector 0.8 in WASM) through createPgVectorStore with precomputed embeddings.
//   load: the store's first add creates its table and HNSW index; the index is dropped at once,
//         every vector is loaded in large batches, then ANALYZE (load time excludes generation)
//   build: CREATE INDEX … USING hnsw (embedding vector_cosine_ops), the store's own definition
//          (m 16, ef_construction 64), with maintenance_work_mem raised to 512MB (docs/dependencies.md: 100k
//          builds in ~42 s that way, ~184 s at the default)
//   search: per query, in rotating order, the exact scan (same store query, planner told
//           `SET enable_indexscan = off`, so a sequential scan + top-N sort) and HNSW at
//           ef_search 40/100/200 (the store's `efSearch`); p50/p95 latency and recall@10
//           against the exact scan, which is itself checked against a brute force in JS.
// Every store is given an efSearch, the exact one too (no effect without the index), so each
// query pays the same SET LOCAL transaction and only the scan differs.
import { createPgVectorStore } from '@repo/rag';
import { createDatabase } from '@repo/storage';
import { createClusteredVectors } from './rag-corpus.mjs';
import { summarise } from './lib.mjs';

const COLLECTION = 'bench';
const DIMENSIONS = 384;
const TOP_K = 10;
const EF_SEARCH = [40, 100, 200];
const WARMUP_QUERIES = 5;

/** The store needs a model; every vector here is precomputed, so it is never asked. */
const precomputed = {
  provider: 'bench',
  modelId: 'precomputed-384',
  dimensions: DIMENSIONS,
  async embed() {
    throw new Error('rag bench: every vector is precomputed, nothing should be embedded');
  },
};

export async function measureVectorSearch({ vectors, queries, clusters, batch }) {
  const database = await createDatabase({ url: 'memory://' });
  const exec = (text) => database.db.execute(text);
  const storeWith = (efSearch) =>
    createPgVectorStore({
      db: database,
      embeddingModel: precomputed,
      collection: COLLECTION,
      dimensions: DIMENSIONS,
      efSearch,
    });
  try {
    const loader = storeWith(undefined);
    const table = loader.tableName;
    const index = `${table}_hnsw`;
    const data = createClusteredVectors({ dimensions: DIMENSIONS, clusters });
    const stored = new Float32Array(vectors * DIMENSIONS);
    let loaded = 0;
    const nextBatch = (size) => {
      const documents = [];
      for (let i = 0; i < size; i++, loaded++) {
        const [cluster, values] = data.next();
        stored.set(values, loaded * DIMENSIONS);
        documents.push({
          id: `v${loaded}`,
          text: `vector ${loaded}`,
          metadata: { cluster },
          embedding: values,
        });
      }
      return documents;
    };

    let loadMs = 0;
    const timed = async (fn) => {
      const started = performance.now();
      await fn();
      return performance.now() - started;
    };
    loadMs += await timed(() => loader.add(nextBatch(1)));
    await exec(`DROP INDEX ${index}`);
    while (loaded < vectors) {
      const documents = nextBatch(Math.min(batch, vectors - loaded));
      loadMs += await timed(() => loader.add(documents));
      process.stderr.write(
        `\rrag bench: loaded ${loaded}/${vectors} vectors (${(loadMs / 1000).toFixed(1)} s)`,
      );
    }
    loadMs += await timed(() => exec(`ANALYZE ${table}`));
    process.stderr.write(
      `\nrag bench: building the HNSW index over ${vectors} vectors ` +
        `(≈${Math.round((42 * vectors) / 100_000)} s expected on WASM PGlite)…\n`,
    );
    await exec(`SET maintenance_work_mem = '512MB'`);
    const buildMs = await timed(() =>
      exec(`CREATE INDEX ${index} ON ${table} USING hnsw (embedding vector_cosine_ops)`),
    );
    await exec('RESET maintenance_work_mem');
    process.stderr.write(`rag bench: index built in ${(buildMs / 1000).toFixed(1)} s\n`);

    const variants = [
      { name: 'exact scan', store: storeWith(EF_SEARCH[0]), exact: true },
      ...EF_SEARCH.map((ef) => ({ name: `HNSW ef_search ${ef}`, ef, store: storeWith(ef) })),
    ];
    const plans = await explainPlans(exec, table, data.query());
    const samples = Object.fromEntries(variants.map((v) => [v.name, []]));
    const hits = Object.fromEntries(variants.map((v) => [v.name, []]));
    const truth = [];
    for (let q = -WARMUP_QUERIES; q < queries; q++) {
      const query = data.query();
      for (let k = 0; k < variants.length; k++) {
        const variant = variants[(q + WARMUP_QUERIES + k) % variants.length];
        if (variant.exact) await exec('SET enable_indexscan = off');
        const started = performance.now();
        const rows = await variant.store.similaritySearch({ query, topK: TOP_K });
        const ms = performance.now() - started;
        if (variant.exact) await exec('RESET enable_indexscan');
        if (q < 0) continue;
        samples[variant.name].push(ms);
        hits[variant.name].push(rows.map((row) => row.id));
      }
      if (q >= 0) truth.push(bruteForce(stored, vectors, query));
      if (q % 10 === 9) process.stderr.write(`\rrag bench: queries ${q + 1}/${queries}`);
    }
    process.stderr.write('\n');

    const exact = hits['exact scan'];
    const results = Object.fromEntries(
      variants.map((v) => [
        v.name,
        {
          ...summarise(samples[v.name]),
          recallAt10: meanRecall(hits[v.name], exact),
        },
      ]),
    );
    return {
      vectors,
      dimensions: DIMENSIONS,
      clusters,
      queries,
      loadMs,
      buildMs,
      plans,
      exactVsBruteForce: meanRecall(exact, truth),
      results,
    };
  } finally {
    await database.close();
  }
}

/** The scan node the planner picks with and without index scans (checks the setup). */
async function explainPlans(exec, table, query) {
  const sql = `EXPLAIN SELECT id FROM ${table} ORDER BY embedding <=> '${JSON.stringify(query)}'::vector LIMIT ${TOP_K}`;
  const scanOf = async () => {
    const { rows } = await exec(sql);
    const line = rows.map((row) => row['QUERY PLAN']).find((text) => /Scan/.test(text)) ?? '';
    return line.replace(/\s+\(cost.*$/, '').trim();
  };
  const hnsw = await scanOf();
  await exec('SET enable_indexscan = off');
  const exact = await scanOf();
  await exec('RESET enable_indexscan');
  if (!/rag_vectors_\w+_hnsw/.test(hnsw))
    throw new Error(`HNSW query does not use the index: ${hnsw}`);
  if (!/Seq Scan/.test(exact)) throw new Error(`exact query is not a sequential scan: ${exact}`);
  return { hnsw, exact };
}

/** Ids of the TOP_K highest cosine similarities, computed in JS over what pgvector stored. */
function bruteForce(stored, count, query) {
  const q = Float64Array.from(query);
  let queryNorm = 0;
  for (let d = 0; d < DIMENSIONS; d++) queryNorm += q[d] * q[d];
  const best = []; // [similarity, index], ascending, at most TOP_K
  for (let i = 0; i < count; i++) {
    let dot = 0;
    let norm = 0;
    const offset = i * DIMENSIONS;
    for (let d = 0; d < DIMENSIONS; d++) {
      const value = stored[offset + d];
      dot += value * q[d];
      norm += value * value;
    }
    const similarity = dot / Math.sqrt(norm * queryNorm);
    if (best.length < TOP_K || similarity > best[0][0]) {
      if (best.length === TOP_K) best.shift();
      let at = 0;
      while (at < best.length && best[at][0] < similarity) at++;
      best.splice(at, 0, [similarity, i]);
    }
  }
  return best.reverse().map(([, i]) => `v${i}`);
}

function meanRecall(found, expected) {
  let sum = 0;
  found.forEach((ids, i) => {
    const wanted = new Set(expected[i]);
    sum += ids.filter((id) => wanted.has(id)).length / wanted.size;
  });
  return sum / found.length;
}
