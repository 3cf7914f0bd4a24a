// Crash-test child (src/ingest-crash.test.ts): ingests documents one by one into a pgvector store
// on the given database through the BUILT @repo/rag, printing `storing <n> <chunks>` when a
// document's one write begins and `stored <n>` once it has returned, until the parent kills it
// with SIGKILL. Bounded, so a missed kill still ends.
//
//   node ingest-until-killed.mjs <database url> <documents>
import { MockEmbeddingModel } from '@repo/core/testing';
import { createPgVectorStore, ingestDocuments } from '@repo/rag';
import { createDatabase } from '@repo/storage';

const [url, documents] = process.argv.slice(2);
if (!url || !documents) {
  console.error('usage: ingest-until-killed.mjs <database url> <documents>');
  process.exit(2);
}

/** Document n: 3,000 distinct Chinese and English sentences, one chunk each (as in the test). */
export const textOf = (n) =>
  Array.from({ length: 3000 }, (_, i) => `文档 ${n} 第 ${i} 句：the robot vacuum, line ${i}.`).join(
    '\n',
  );

const database = await createDatabase({ url });
const model = new MockEmbeddingModel({ dimensions: 8 });
const store = createPgVectorStore({ db: database, embeddingModel: model, collection: 'crash' });
for (let n = 1; n <= Number(documents); n += 1) {
  await ingestDocuments({
    store,
    embeddingModel: model,
    documents: [{ text: textOf(n), metadata: { source: `doc-${n}.txt` } }],
    split: { chunkSize: 24, chunkOverlap: 0 },
    onProgress: ({ phase, done, total }) => {
      // Written synchronously to the pipe: the parent reads it before the write goes far.
      if (phase === 'store' && done === 0) process.stdout.write(`storing ${n} ${total}\n`);
    },
  });
  process.stdout.write(`stored ${n}\n`);
}
await database.close();
