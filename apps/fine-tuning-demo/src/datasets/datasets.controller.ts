// Datasets: upload (multipart `file`, optional `model`) → 201 with the validation report, list
// (newest first) and read one.
import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiOperation, ApiTags } from '@repo/nest';
import type { DatasetJson } from './dataset-json.js';
import { DatasetsService } from './datasets.service.js';
import { UploadDatasetDto } from './dto/upload-dataset.dto.js';
import {
  requireFile,
  UPLOAD_FIELD,
  UploadErrorsInterceptor,
  type UploadedDataset,
} from './upload-limits.js';

@ApiTags('datasets')
@Controller('api/fine-tuning/datasets')
export class DatasetsController {
  constructor(@Inject(DatasetsService) private readonly datasets: DatasetsService) {}

  @Post()
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor(UPLOAD_FIELD))
  @ApiOperation({ summary: 'Upload a JSONL dataset (multipart `file`): 201 with its report' })
  upload(
    @UploadedFile() file: UploadedDataset | undefined,
    @Body() body: UploadDatasetDto,
  ): Promise<DatasetJson> {
    return this.datasets.upload(requireFile(file), body.model);
  }

  @Get()
  @ApiOperation({ summary: 'Datasets, newest first' })
  async list(): Promise<{ data: DatasetJson[] }> {
    return { data: await this.datasets.list() };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One dataset with its validation report' })
  get(@Param('id') id: string): Promise<DatasetJson> {
    return this.datasets.get(id);
  }
}
