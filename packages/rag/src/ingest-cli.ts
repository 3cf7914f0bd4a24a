// `node dist/ingest-cli.js <folder>`: ingests every readable file under a folder and prints the
// report as JSON on stdout, with a progress bar on stderr. Not a package `bin` (a bin pointing
// into dist/ is not linked on a clean clone). By default it embeds with the provider named by
// --provider or EMBEDDING_PROVIDER (`local`: the embedded model, no key) into an in-memory store,
// which makes it a dry run that shows what a folder would give; `runIngestCli` takes any store.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { EmbeddingModel } from '@repo/core';
// Types only: erased from the build, so nothing loads providers until the CLI needs a model.
import type { createProvider } from '@repo/providers';
import { ingestDocuments, type IngestReport } from './ingest-documents.js';
import { createMemoryVectorStore } from './memory-vector-store.js';
import { createProgressBar, type ProgressOutput } from './progress-bar.js';
import type { VectorStore } from './rag-types.js';

const USAGE = `Usage: node dist/ingest-cli.js <folder> [options]

Reads .txt .md .html .json .pdf files under <folder>, splits, embeds and stores them.
  --provider <name>     embedding provider (default $EMBEDDING_PROVIDER or "local")
  --chunk-size <n>      tokens per chunk (default 512)
  --overlap <n>         tokens shared by neighbouring chunks (default: the splitter's)
  --batch-size <n>      texts per embedding request (default 64)
  --concurrency <n>     embedding requests in flight (default 4)
`;

export interface IngestCliDeps {
  store?: VectorStore;
  embeddingModel?: EmbeddingModel;
  stdout?: ProgressOutput;
  stderr?: ProgressOutput;
  env?: Record<string, string | undefined>;
}

/** Runs the CLI; resolves with the exit code (0 ok, 1 failed, 2 bad usage). */
export async function runIngestCli(argv: string[], deps: IngestCliDeps = {}): Promise<number> {
  const stdout = deps.stdout ?? process.stdout;
  const stderr = deps.stderr ?? process.stderr;
  let values;
  let folder: string | undefined;
  try {
    const parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        provider: { type: 'string' },
        'chunk-size': { type: 'string', default: '512' },
        overlap: { type: 'string' },
        'batch-size': { type: 'string', default: '64' },
        concurrency: { type: 'string', default: '4' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    values = parsed.values;
    folder = parsed.positionals[0];
    if (values.help) {
      stdout.write(USAGE);
      return 0;
    }
    if (parsed.positionals.length !== 1) throw new Error('expected exactly one folder');
  } catch (error) {
    stderr.write(`ingest: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const numbers = ['chunk-size', 'overlap', 'batch-size', 'concurrency'] as const;
  const [chunkSize = 0, chunkOverlap, batchSize, concurrency] = numbers.map((name) =>
    values[name] === undefined ? undefined : Number(values[name]),
  );
  // --overlap is optional: without it the splitter's default (which shrinks for small chunks) applies.
  const bad = numbers.find((name) => values[name] !== undefined && !/^\d+$/.test(values[name]));
  if (bad || !folder) {
    stderr.write(`ingest: --${bad} must be a whole number\n\n${USAGE}`);
    return 2;
  }
  if (chunkOverlap !== undefined && chunkOverlap >= chunkSize) {
    stderr.write(`ingest: --overlap must be below --chunk-size\n\n${USAGE}`);
    return 2;
  }

  const bar = createProgressBar(stderr);
  try {
    const embeddingModel =
      deps.embeddingModel ?? (await loadEmbeddingModel(values.provider, deps.env));
    const store = deps.store ?? createMemoryVectorStore({ embeddingModel });
    const paths = await listFiles(folder);
    const report: IngestReport = await ingestDocuments({
      store,
      embeddingModel,
      // `source` relative to the folder: the same corpus gives the same ids on every machine.
      sources: paths.map((path) => ({ path, source: relative(folder, path).split(sep).join('/') })),
      split: chunkOverlap === undefined ? { chunkSize } : { chunkSize, chunkOverlap },
      batchSize,
      concurrency,
      skipUnreadable: true,
      onProgress: (event) => bar.update(event),
    });
    bar.done();
    const { ids, ...summary } = report;
    stdout.write(
      `${JSON.stringify({ store: store.name, ...summary, ids: ids.length }, null, 2)}\n`,
    );
    return 0;
  } catch (error) {
    bar.done();
    stderr.write(`ingest: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/**
 * Files under a folder, sorted; hidden entries and node_modules are left out. Files of other
 * types are kept so that the report lists them as skipped rather than silently ignoring them.
 */
export async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (path) =>
        !relative(folder, path)
          .split(sep)
          .some((part) => part.startsWith('.') || part === 'node_modules'),
    )
    .sort();
}

interface ProvidersModule {
  createProvider: typeof createProvider;
}

/**
 * The CLI's own embedding model, from @repo/providers. rag may import only core and storage
 * (docs/architecture.md, "Dependencies"): which provider embeds is an app's choice, so
 * `runIngestCli` takes the model by injection, and providers stays a devDependency, imported
 * here on demand for a command-line run inside this workspace (where npm links it). Where it is
 * not installed, the error says so and what to do, not a bare ERR_MODULE_NOT_FOUND.
 */
export async function loadEmbeddingModel(
  provider: string | undefined,
  env: Record<string, string | undefined> = process.env,
  importProviders: () => Promise<ProvidersModule> = () => import('@repo/providers'),
): Promise<EmbeddingModel> {
  let providers: ProvidersModule;
  try {
    providers = await importProviders();
  } catch (error) {
    const missing =
      (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' &&
      String((error as Error).message).includes("'@repo/providers'");
    if (!missing) throw error;
    throw new Error(
      'the CLI embeds through @repo/providers, a devDependency of @repo/rag that is not ' +
        'installed here: run it inside the nest-ai-summary workspace, or call ' +
        'runIngestCli(argv, { embeddingModel }) with your own EmbeddingModel',
      { cause: error },
    );
  }
  const name = provider ?? env.EMBEDDING_PROVIDER ?? 'local';
  return providers.createProvider(name, { env }).embedding();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runIngestCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
