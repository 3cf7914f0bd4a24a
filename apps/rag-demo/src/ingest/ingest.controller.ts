// Ingestion routes: multipart uploads, a path under RAG_INGEST_ROOT, and the seed's
// /api/qwen/embedding_test, which said "success" after ingesting nothing and now returns the
// report (or an error status). A small ingest answers 200 with its report; a larger one 202 with
// its job (Location: /api/rag/jobs/<id>), whose progress and result the jobs routes serve. A
// request with `Accept: text/event-stream` runs as a job whatever its size and gets the job's
// events on the same response (status, progress with counts, then done or error); a request
// refused before the job starts (400, 404, 413, 415, 429) is the usual JSON error.
import {
  Body,
  Controller,
  Get,
  Headers,
  Inject,
  Post,
  Res,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiOperation, ApiProduces, ApiTags, writeSse, type SseResponse } from '@repo/nest';
import { IngestPathDto } from './dto/ingest-path.dto.js';
import { IngestService, type IngestAnswer, type UploadedDocument } from './ingest.service.js';
import {
  FileSizeLimitInterceptor,
  requireFiles,
  UPLOAD_FIELD,
  UPLOAD_MAX_FILES,
} from './upload-limits.js';

type Reply = SseResponse & {
  status(code: number): { json(body: unknown): unknown };
};

/** The multipart text fields (multer puts repeated fields in an array). */
interface UploadFields {
  path?: string | string[];
}

@ApiTags('ingest')
@Controller()
export class IngestController {
  constructor(@Inject(IngestService) private readonly ingest: IngestService) {}

  @Post('api/rag/documents')
  @UseInterceptors(FileSizeLimitInterceptor, FilesInterceptor(UPLOAD_FIELD, UPLOAD_MAX_FILES))
  @ApiOperation({
    summary:
      'Upload files (multipart `files`, optional `path` per file): 200 report, 202 job, or SSE',
  })
  @ApiProduces('application/json', 'text/event-stream')
  async upload(
    @UploadedFiles() files: UploadedDocument[] | undefined,
    @Body() fields: UploadFields | undefined,
    @Headers('accept') accept: string | undefined,
    @Res() response: Reply,
  ): Promise<void> {
    const checked = requireFiles(files);
    await this.reply(
      response,
      await this.ingest.ingestUploads(checked, fields?.path, wantsEvents(accept)),
    );
  }

  @Post('api/rag/ingest')
  @ApiOperation({
    summary: 'Ingest a file or folder under RAG_INGEST_ROOT: 200 report, 202 job, or SSE',
  })
  @ApiProduces('application/json', 'text/event-stream')
  async ingestPath(
    @Body() body: IngestPathDto,
    @Headers('accept') accept: string | undefined,
    @Res() response: Reply,
  ): Promise<void> {
    await this.reply(response, await this.ingest.ingestPath(body, wantsEvents(accept)));
  }

  @Get('api/qwen/embedding_test')
  @ApiOperation({ summary: 'Seed route: ingest the whole ingest root and report what happened' })
  async embeddingTest(@Res() response: Reply): Promise<void> {
    await this.reply(response, await this.ingest.ingestPath({ path: '.' }));
  }

  private async reply(response: Reply, answer: IngestAnswer): Promise<void> {
    if (answer.status === 'stream') {
      const location = `/api/rag/jobs/${answer.body.id}`;
      await writeSse(response, this.ingest.events(answer.body.id), { Location: location });
      return;
    }
    if (answer.status === 202) response.setHeader('Location', `/api/rag/jobs/${answer.body.id}`);
    response.status(answer.status).json(answer.body);
  }
}

/** Events when the client asks for them first (EventSource and fetch readers send this). */
function wantsEvents(accept: string | undefined): boolean {
  return (accept ?? '').split(',')[0]?.trim().startsWith('text/event-stream') ?? false;
}
