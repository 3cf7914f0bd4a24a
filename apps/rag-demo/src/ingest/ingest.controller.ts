// Ingestion routes: multipart uploads, a path under RAG_INGEST_ROOT, and the seed's
// /api/qwen/embedding_test, which said "success" after ingesting nothing and now returns the
// report (or an error status).
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiOperation, ApiTags } from '@repo/nest';
import { IngestPathDto } from './dto/ingest-path.dto.js';
import { IngestService, type IngestResult, type UploadedDocument } from './ingest.service.js';
import { requireFiles, UPLOAD_FIELD, UPLOAD_MAX_FILES } from './upload-limits.js';

@ApiTags('ingest')
@Controller()
export class IngestController {
  constructor(@Inject(IngestService) private readonly ingest: IngestService) {}

  @Post('api/rag/documents')
  @HttpCode(200)
  @UseInterceptors(FilesInterceptor(UPLOAD_FIELD, UPLOAD_MAX_FILES))
  @ApiOperation({ summary: 'Upload files (multipart field `files`) and ingest them' })
  upload(@UploadedFiles() files: UploadedDocument[] | undefined): Promise<IngestResult> {
    return this.ingest.ingestUploads(requireFiles(files));
  }

  @Post('api/rag/ingest')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ingest a file or folder under RAG_INGEST_ROOT' })
  ingestPath(@Body() body: IngestPathDto): Promise<IngestResult> {
    return this.ingest.ingestPath(body.path);
  }

  @Get('api/qwen/embedding_test')
  @ApiOperation({ summary: 'Seed route: ingest the whole ingest root and report what happened' })
  embeddingTest(): Promise<IngestResult> {
    return this.ingest.ingestPath('.');
  }
}
