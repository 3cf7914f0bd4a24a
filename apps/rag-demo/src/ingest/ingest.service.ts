// Ingestion for the app (Spring AI's ETL pipeline into the PgVectorStore): uploads, a path under
// RAG_INGEST_ROOT, and the seed's /embedding_test. @repo/rag's pipeline embeds every new chunk
// before one write, so a failed run leaves the store as it was, and chunk ids are content hashes,
// so the same file twice adds nothing (`added: 0, unchanged: N`). Files are read and split in
// worker threads; an ingest up to RAG_SYNC_INGEST_BYTES is answered when done (200), a bigger one
// becomes a job (202, see jobs/); a client that asks for `text/event-stream` gets the job's events
// on the request itself, whatever the size. A ledger (source-ledger.ts) lets a re-ingest skip
// unchanged files without reading them and remove the chunks a changed file no longer produces;
// a folder ingest with `prune` also removes files gone from it. Uploads are named by the client's
// relative path or a unique `upload/<hash>/<name>` (upload-names.ts). Paths go through @repo/tools'
// confinement (ingest-sources.ts).
import {
  Inject,
  Injectable,
  Logger,
  type MessageEvent,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InvalidInputError, withDetails } from '@repo/core';
import { APP_CONFIG } from '@repo/nest';
import {
  createDocumentWorkers,
  ingestDocuments,
  type BytesSource,
  type DocumentWorkers,
  type IngestProgress,
  type IngestReport,
  type IngestSkip,
} from '@repo/rag';
import { createPathConfinement, type PathConfinement } from '@repo/tools';
import type { AppConfig } from '../app-config.js';
import type { JobView } from '../jobs/ingest-job.js';
import { IngestJobsService } from '../jobs/ingest-jobs.service.js';
import { VectorStoreService } from '../vectors/vector-store.service.js';
import type { Observable } from 'rxjs';
import { requestTooLarge, sourceLimits } from './ingest-limits.js';
import { listedBytes, listIngestTarget, readIngestTarget } from './ingest-sources.js';
import { createAppLedger, type SourceLedger } from './source-ledger.js';
import { UPLOAD_FIELD } from './upload-limits.js';
import { uploadSourceNames } from './upload-names.js';

export interface IngestResult extends IngestReport {
  collection: string;
}

/** The report (200), the job that will produce it (202), or a job whose events the client asked for. */
export type IngestAnswer =
  | { status: 200; body: IngestResult }
  | { status: 202; body: JobView }
  | { status: 'stream'; body: JobView };

export interface PathIngest {
  path: string;
  /** Remove the sources a previous ingest of this folder had and it no longer holds. */
  prune?: boolean;
}

/** What multer hands over for one uploaded file (memory storage). */
export interface UploadedDocument {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

interface RunOptions {
  /** The request field the files came from: their problems are reported under it. */
  field: string;
  skipped: IngestSkip[];
  skipUnreadable: boolean;
  origin: 'upload' | 'folder';
  /** Ledger sources that a folder re-ingest may remove (`prune`). */
  prune?: { prefix: string; origin: string };
  signal: AbortSignal;
  onProgress?: (event: IngestProgress) => void;
}

type WorkContext = Pick<RunOptions, 'signal' | 'onProgress'> & {
  onSkipped?: (count: number) => void;
};

// JSON items (the FAQ) are read as `question: …\nanswer: …` text; their topic becomes metadata, so
// `topic == 'privacy'` works as a filter.
const READERS = { json: { keys: ['question', 'answer'], metadataKeys: ['topic'] } };

@Injectable()
export class IngestService implements OnModuleDestroy {
  private readonly logger = new Logger('Ingest');
  private readonly workers: DocumentWorkers;
  private readonly confinement: PathConfinement;
  private readonly ledger: SourceLedger;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(VectorStoreService) private readonly vectors: VectorStoreService,
    @Inject(IngestJobsService) private readonly jobs: IngestJobsService,
  ) {
    this.workers = createDocumentWorkers({
      threads: config.RAG_INGEST_CONCURRENCY,
      timeoutMs: config.RAG_READ_TIMEOUT_MS,
    });
    this.confinement = createPathConfinement({ root: config.RAG_INGEST_ROOT });
    this.ledger = createAppLedger(config.DATABASE_URL, config.RAG_COLLECTION);
  }

  /** Uploads are all or nothing: one unsupported or corrupt file fails the request (415/422). */
  ingestUploads(
    files: readonly UploadedDocument[],
    pathField: unknown,
    stream = false,
  ): Promise<IngestAnswer> {
    const { names } = uploadSourceNames(files, pathField);
    const sources: BytesSource[] = files.map((file, i) => ({
      bytes: new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.length),
      filename: names[i]!,
      source: names[i]!,
      mimeType: file.mimetype,
    }));
    const bytes = sources.reduce((sum, source) => sum + source.bytes.length, 0);
    return this.answer({ kind: 'upload', files: sources.length, bytes }, stream, (context) =>
      this.run(sources, {
        field: UPLOAD_FIELD,
        skipped: [],
        skipUnreadable: false,
        origin: 'upload',
        ...context,
      }),
    );
  }

  /** A file (strict, like an upload) or a folder (unreadable files skipped and reported). */
  async ingestPath({ path: requested, prune }: PathIngest, stream = false): Promise<IngestAnswer> {
    const limits = sourceLimits(this.config);
    const target = await listIngestTarget(this.confinement, requested, limits);
    const bytes = listedBytes(target);
    if (bytes > limits.maxTotalBytes)
      throw requestTooLarge('path', limits.maxTotalBytes, `the files under "${requested}"`);
    const files = target.kind === 'file' ? 1 : target.files.length;
    const folder = target.kind === 'folder' ? target.relative : undefined;
    return this.answer({ kind: 'path', files, bytes }, stream, async (context) => {
      const read = await readIngestTarget(this.confinement, target, limits);
      context.onSkipped?.(read.skipped.length);
      return this.run(read.sources, {
        field: 'path',
        skipped: read.skipped,
        skipUnreadable: folder !== undefined,
        origin: 'folder',
        // The folder's own files only, and only folder-ingested ones (uploads are never pruned).
        prune:
          prune === true && folder !== undefined
            ? { prefix: folder === '.' ? '' : `${folder}/`, origin: 'folder' }
            : undefined,
        ...context,
      });
    });
  }

  /** A job's events (for a request that asked for `text/event-stream`). */
  events(id: string): Observable<MessageEvent> {
    return this.jobs.events(id);
  }

  onModuleDestroy(): Promise<void> {
    return this.workers.close();
  }

  /** At once up to RAG_SYNC_INGEST_BYTES, as a job beyond: both on the jobs' bounded queue. */
  private async answer(
    input: JobView['input'],
    stream: boolean,
    work: (context: WorkContext) => Promise<IngestResult>,
  ): Promise<IngestAnswer> {
    if (stream) return { status: 'stream', body: await this.jobs.submit(input, work) };
    if (input.bytes <= this.config.RAG_SYNC_INGEST_BYTES)
      return { status: 200, body: await this.jobs.runNow((signal) => work({ signal })) };
    return { status: 202, body: await this.jobs.submit(input, work) };
  }

  private async run(sources: BytesSource[], options: RunOptions): Promise<IngestResult> {
    const store = await this.vectors.store();
    const report = await ingestDocuments({
      store,
      embeddingModel: this.vectors.embeddingModel,
      sources,
      readers: READERS,
      skipUnreadable: options.skipUnreadable,
      workers: this.workers,
      ledger: this.ledger,
      origin: options.origin,
      prune: options.prune,
      signal: options.signal,
      onProgress: (event) => {
        this.logProgress(event);
        options.onProgress?.(event);
      },
    }).catch((error: unknown) => {
      throw inField(error, options.field);
    });
    this.logger.log(
      `${report.chunks} chunks from ${sources.length} file(s) (${report.sources.unchanged} ` +
        `unchanged, not read): ${report.added} added, ${report.unchanged} unchanged, ` +
        `${report.removed} removed, ${report.skipped.length + options.skipped.length} skipped`,
    );
    return {
      collection: this.vectors.collection,
      ...report,
      skipped: [...options.skipped, ...report.skipped],
    };
  }

  // One line per finished phase: per-item lines would flood the log on a large folder.
  private logProgress({ phase, done, total }: IngestProgress): void {
    if (done === total) this.logger.log(`${phase}: ${done}/${total}`);
  }
}

/** @repo/rag names a document's problems `file` or `sources`; here they are the request's field. */
function inField(error: unknown, field: string): unknown {
  if (!(error instanceof InvalidInputError) || error.details.length === 0) return error;
  return withDetails(
    error,
    error.details.map((detail) => ({ ...detail, field })),
  );
}
