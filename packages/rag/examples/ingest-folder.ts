// A folder through the ETL pipeline (Spring AI's DocumentReader → TextSplitter → VectorStore
// writer), twice: chunk ids are content hashes and the store says which it holds, so the second
// run embeds and writes nothing. What the CLI (`node packages/rag/dist/ingest-cli.js <folder>`)
// does, with the package's test corpus: Markdown, HTML, JSON, text, an empty file and a PNG.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProvider } from '@repo/providers';
import { createMemoryVectorStore, ingestDocuments } from '../src/index.js';

const folder = fileURLToPath(new URL('../src/__fixtures__/corpus/', import.meta.url));

export async function main() {
  const embeddingModel = createProvider('local').embedding();
  const store = createMemoryVectorStore({ embeddingModel });
  // `source` relative to the folder: the same files give the same ids on every machine.
  const sources = (await readdir(folder))
    .sort()
    .map((name) => ({ path: join(folder, name), source: name }));

  const finished: string[] = [];
  const ingest = () =>
    ingestDocuments({
      store,
      embeddingModel,
      sources,
      split: { chunkSize: 64 },
      // A folder of mixed files: unsupported or corrupt ones are reported, not fatal.
      skipUnreadable: true,
      onProgress: ({ phase, done, total }) => {
        if (done === total) finished.push(`${phase} ${done}/${total}`);
      },
    });

  const { ids, ...first } = await ingest();
  const phasesOfFirstRun = finished.splice(0);
  const { ids: sameIds, ...second } = await ingest();

  const [hit] = await store.similaritySearch({ query: '推理服务的端口', topK: 1 });
  return {
    first,
    second,
    phasesOfFirstRun,
    phasesOfSecondRun: finished,
    sameIds: sameIds.join() === ids.join(),
    hit: { text: hit?.text, metadata: hit?.metadata },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.dir(await main(), { depth: null });
