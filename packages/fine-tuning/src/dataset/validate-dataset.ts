// validateDataset: one streaming pass over a training file (and its validation file, if given)
// that reports every problem with its line and field, warnings, and the statistics an estimate
// needs. `report.ok` is false when any error was found: exit-code friendly.
import { InvalidInputError } from '@repo/core';
import { DATASET_FORMATS, type DatasetFormat } from '../formats.js';
import { wholeNumber } from './check-options.js';
import { IssueLog, type DatasetIssue, type IssueCode } from './dataset-issues.js';
import type { DatasetStats } from './dataset-stats.js';
import { resolveLimits, type LimitOverrides, type ModelLimits } from './model-limits.js';
import type { LineSource } from './read-lines.js';
import { scanFile, type ScanResult } from './scan-file.js';

export interface ValidateDatasetOptions extends LimitOverrides {
  /** Detected from the first JSON object when absent (`messages` → sft, `input` → dpo, …). */
  format?: DatasetFormat;
  /** A validation file: checked the same way, and its rows compared with the training rows. */
  validation?: LineSource;
  /** Errors kept in the report (all are counted); default 100. */
  maxErrors?: number;
  /** Warnings kept in the report (all are counted); default 100. */
  maxWarnings?: number;
  maxLineBytes?: number;
  /**
   * Worker threads that count tokens: 0 keeps the pass in this thread. Default: one per core for
   * a file path of 4 MiB or more (a validation file is judged on its own size), else 0. The report
   * is the same either way.
   */
  workers?: number;
}

export interface FileReport {
  ok: boolean;
  format: DatasetFormat | undefined;
  errors: DatasetIssue[];
  warnings: DatasetIssue[];
  errorCount: number;
  warningCount: number;
  /** Every issue counted by code, kept or not. */
  counts: Partial<Record<IssueCode, number>>;
  stats: DatasetStats;
}

export interface DatasetReport extends FileReport {
  model: string | undefined;
  limits: ModelLimits;
  /** Present when a validation file was given; its `ok` is included in the top-level `ok`. */
  validation?: FileReport & { overlap: number };
}

/** OpenAI's minimum number of training examples. */
export const MIN_TRAINING_EXAMPLES = 10;

export async function validateDataset(
  source: LineSource,
  options: ValidateDatasetOptions = {},
): Promise<DatasetReport> {
  if (options.format !== undefined && !DATASET_FORMATS.includes(options.format))
    throw new InvalidInputError(`Unknown format "${String(options.format)}"`, [
      { field: 'format', reason: `must be one of ${DATASET_FORMATS.join(', ')}` },
    ]);
  const maxErrors = wholeNumber(options.maxErrors ?? 100, 'maxErrors', 0);
  const maxWarnings = wholeNumber(options.maxWarnings ?? 100, 'maxWarnings', 0);
  const limits = resolveLimits(options);
  const workers =
    options.workers === undefined ? undefined : wholeNumber(options.workers, 'workers', 0);
  const common = {
    encoding: limits.encoding,
    contextTokens: limits.contextTokens,
    maxLineBytes: options.maxLineBytes,
    workers,
  };

  const trainLog = new IssueLog(maxErrors, maxWarnings);
  const train = await scanFile(source, {
    ...common,
    format: options.format,
    log: trainLog,
    minExamples: MIN_TRAINING_EXAMPLES,
  });
  const report: DatasetReport = { ...toFileReport(train, trainLog), model: options.model, limits };
  if (options.validation === undefined) return report;

  const validationLog = new IssueLog(maxErrors, maxWarnings);
  const validation = await scanFile(options.validation, {
    ...common,
    format: train.format ?? options.format,
    log: validationLog,
    trainHashes: train.hashes,
  });
  report.validation = {
    ...toFileReport(validation, validationLog),
    overlap: validationLog.counts.train_validation_overlap ?? 0,
  };
  report.ok = report.ok && report.validation.ok;
  return report;
}

function toFileReport(scan: ScanResult, log: IssueLog): FileReport {
  return {
    ok: log.errorCount === 0,
    format: scan.format,
    errors: log.errors,
    warnings: log.warnings,
    errorCount: log.errorCount,
    warningCount: log.warningCount,
    counts: { ...log.counts },
    stats: scan.stats,
  };
}
