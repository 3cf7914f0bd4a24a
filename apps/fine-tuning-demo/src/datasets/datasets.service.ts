// Uploading a dataset: the file is stored (a TRL DPO export converted on the way), validated in one
// streaming pass by @repo/fine-tuning, and its report kept. A file with problems is still stored:
// the report is the product. Nothing goes to a backend until a job is submitted.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InvalidInputError } from '@repo/core';
import { validateDataset } from '@repo/fine-tuning';
import { AppDataService } from '../common/app-data.service.js';
import { storeUpload } from './convert-upload.js';
import { issuesOf, statsOf, type DatasetJson } from './dataset-json.js';
import { DatasetStore } from './dataset-store.js';
import { estimateFor, LOCAL_BASE_MODEL } from './estimate.js';
import type { UploadedDataset } from './upload-limits.js';

export function datasetNotFound(id: string, field = 'id'): NotFoundException {
  return new NotFoundException({
    message: `No dataset "${id}".`,
    details: [
      { field, reason: 'is not a known dataset id (GET /api/fine-tuning/datasets lists them)' },
    ],
  });
}

/** Browsers send the name as UTF-8 bytes that multer decodes as latin1; keep the base name only. */
function uploadName(name: string): string {
  const bytes = Buffer.from(name, 'latin1');
  const utf8 = bytes.toString('utf8');
  const decoded = Buffer.from(utf8, 'utf8').equals(bytes) ? utf8 : name;
  return decoded.replace(/\\/g, '/').split('/').pop() || 'dataset.jsonl';
}

@Injectable()
export class DatasetsService {
  readonly store: DatasetStore;

  constructor(@Inject(AppDataService) data: AppDataService) {
    this.store = new DatasetStore(data.datasets);
  }

  async upload(file: UploadedDataset, model = LOCAL_BASE_MODEL): Promise<DatasetJson> {
    if (file.size === 0) {
      await rm(file.path, { force: true });
      throw new InvalidInputError('The file is empty.', [
        { field: 'file', reason: 'must hold at least one JSONL line' },
      ]);
    }
    const id = `ds-${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
    const rows = this.store.rowsPath(id);
    const { source, issues: conversion } = await storeUpload(file.path, rows);
    const report = await validateDataset(rows, { model });
    const issues = issuesOf(report, conversion);
    const dataset: DatasetJson = {
      id,
      filename: uploadName(file.originalname),
      bytes: file.size,
      createdAt: new Date().toISOString(),
      format: report.format ?? 'unknown',
      ok: report.ok && conversion.length === 0,
      issues,
      issuesTotal: report.errorCount + report.warningCount + conversion.length,
      stats: statsOf(report),
      estimate: estimateFor(report, model),
      source,
    };
    await this.store.put(dataset);
    return dataset;
  }

  list(): Promise<DatasetJson[]> {
    return this.store.list();
  }

  async get(id: string, field = 'id'): Promise<DatasetJson> {
    const dataset = await this.store.get(id);
    if (!dataset) throw datasetNotFound(id, field);
    return dataset;
  }
}
