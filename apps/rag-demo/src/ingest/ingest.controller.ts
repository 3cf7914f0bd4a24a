// Ingestion routes: multipart uploads, a path under RAG_INGEST_ROOT, and the seed's
// /api/qwen/embedding_test, which said "success" after ingesting nothing and now returns the
// report (or an error status). A small ingest answers 200 with its report; a larger one 202 with
// its job (Location: /api/rag/jobs/<id>), whose progress and result the jobs routes serve.
import {
  Body,
  Controller,
  Get,
  Inject,
  Post,
  Res,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiOperation, ApiTags } from '@repo/nest';
import type { Response } from 'express';
import type { JobView } from '../jobs/ingest-job.js';
import { IngestPathDto } from './dto/ingest-path.dto.js';
import {
  IngestService,
  type IngestAnswer,
  type IngestResult,
  type UploadedDocument,
} from './ingest.service.js';
import {
  FileSizeLimitInterceptor,
  requireFiles,
  UPLOAD_FIELD,
  UPLOAD_MAX_FILES,
} from './upload-limits.js';

type Passthrough = Pick<Response, 'status' | 'setHeader'>;

@ApiTags('ingest')
@Controller()
export class IngestController {
  constructor(@Inject(IngestService) private readonly ingest: IngestService) {}

  @Post('api/rag/documents')
  @UseInterceptors(FileSizeLimitInterceptor, FilesInterceptor(UPLOAD_FIELD, UPLOAD_MAX_FILES))
  @ApiOperation({ summary: 'Upload files (multipart field `files`): 200 report, or 202 job' })
  async upload(
    @UploadedFiles() files: UploadedDocument[] | undefined,
    @Res({ passthrough: true }) response: Passthrough,
  ): Promise<IngestResult | JobView> {
    return answer(response, await this.ingest.ingestUploads(requireFiles(files)));
  }

  @Post('api/rag/ingest')
  @ApiOperation({
    summary: 'Ingest a file or folder under RAG_INGEST_ROOT: 200 report, or 202 job',
  })
  async ingestPath(
    @Body() body: IngestPathDto,
    @Res({ passthrough: true }) response: Passthrough,
  ): Promise<IngestResult | JobView> {
    return answer(response, await this.ingest.ingestPath(body.path));
  }

  @Get('api/qwen/embedding_test')
  @ApiOperation({ summary: 'Seed route: ingest the whole ingest root and report what happened' })
  async embeddingTest(
    @Res({ passthrough: true }) response: Passthrough,
  ): Promise<IngestResult | JobView> {
    return answer(response, await this.ingest.ingestPath('.'));
  }
}

function answer(response: Passthrough, result: IngestAnswer): IngestResult | JobView {
  response.status(result.status);
  if (result.status === 202) response.setHeader('Location', `/api/rag/jobs/${result.body.id}`);
  return result.body;
}
