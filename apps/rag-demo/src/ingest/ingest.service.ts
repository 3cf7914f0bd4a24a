// Ingestion for the app (Spring AI's ETL pipeline into the PgVectorStore): uploads, a path under
// RAG_INGEST_ROOT, and the seed's /embedding_test. @repo/rag's pipeline embeds every new chunk
// before one write, so a failed run leaves the store as it was, and chunk ids are content hashes,
// so the same file twice adds nothing (`added: 0, unchanged: N`).
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ingestDocuments,
  type DocumentSource,
  type IngestProgress,
  type IngestReport,
  type IngestSkip,
} from '@repo/rag';
import type { AppConfig } from '../app-config.js';
import { VectorStoreService } from '../vectors/vector-store.service.js';
import { APP_CONFIG } from '../vectors/vector-tokens.js';
import { confineIngestPath } from './confine-ingest-path.js';
import { listSources } from './list-sources.js';

export interface IngestResult extends IngestReport {
  collection: string;
}

/** What multer hands over for one uploaded file (memory storage). */
export interface UploadedDocument {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

// JSON items (the FAQ) are read as `question: …\nanswer: …` text; their topic becomes metadata, so
// `topic == 'privacy'` works as a filter.
const READERS = { json: { keys: ['question', 'answer'], metadataKeys: ['topic'] } };

@Injectable()
export class IngestService {
  private readonly logger = new Logger('Ingest');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(VectorStoreService) private readonly vectors: VectorStoreService,
  ) {}

  /** Uploads are all or nothing: one unsupported or corrupt file fails the request (415/422). */
  ingestUploads(files: readonly UploadedDocument[]): Promise<IngestResult> {
    const sources = files.map((file) => {
      const filename = uploadName(file.originalname);
      return { bytes: new Uint8Array(file.buffer), filename, mimeType: file.mimetype };
    });
    return this.run(sources, { skipped: [], skipUnreadable: false });
  }

  /** A file (strict, like an upload) or a folder (unreadable files skipped and reported). */
  async ingestPath(requested: string): Promise<IngestResult> {
    const root = path.resolve(this.config.RAG_INGEST_ROOT);
    const listed = await listSources(await confineIngestPath(root, requested));
    return this.run(listed.sources, { skipped: listed.skipped, skipUnreadable: listed.folder });
  }

  private async run(
    sources: DocumentSource[],
    options: { skipped: IngestSkip[]; skipUnreadable: boolean },
  ): Promise<IngestResult> {
    const store = await this.vectors.store();
    const report = await ingestDocuments({
      store,
      embeddingModel: this.vectors.embeddingModel,
      sources,
      readers: READERS,
      skipUnreadable: options.skipUnreadable,
      onProgress: (event) => this.logProgress(event),
    });
    this.logger.log(
      `${report.chunks} chunks from ${sources.length} file(s): ${report.added} added, ` +
        `${report.unchanged} unchanged, ${report.skipped.length + options.skipped.length} skipped`,
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

// Browsers send the name as UTF-8 bytes, which multer decodes as latin1 (文档.md arrives as
// mojibake); a name that is not valid UTF-8 either way stays as it came. Only the base name is
// kept: a client may send `../../etc/passwd` as a file name.
function uploadName(name: string): string {
  const bytes = Buffer.from(name, 'latin1');
  const utf8 = bytes.toString('utf8');
  const decoded = Buffer.from(utf8, 'utf8').equals(bytes) ? utf8 : name;
  return path.basename(decoded.replace(/\\/g, '/'));
}
