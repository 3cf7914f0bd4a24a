// What the four workshop experiments share: their options and result, checked settings with
// field-named errors, progress as a fraction of all the training steps planned, and the files
// they write (SVG charts, a Markdown summary).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidInputError } from '@repo/core';
import { BUNDLED_DATA_DIR } from '../base-model.js';
import { lineChart, type ChartOptions } from '../report/svg-chart.js';

/** The bundled pretraining corpus (English and Chinese) the optimizer and scaling runs share. */
export const CORPUS_FILES = ['en.txt', 'zh.txt'].map((file) =>
  path.join(BUNDLED_DATA_DIR, 'corpus', file),
);

export type ProgressListener = (message: string, fraction: number) => void;

export interface ExperimentOptions {
  /** The folder the charts, the summary and the runs are written to (created). */
  outDir: string;
  /** Tiny models and a few steps: the same code path in seconds, for tests (figures mean little). */
  quick?: boolean;
  /** Called after every training step and phase; `fraction` goes from 0 to 1. */
  onProgress?: ProgressListener;
  seed?: number;
}

export interface ExperimentResult<Data> {
  name: string;
  outDir: string;
  /** The SVG charts written, as file paths. */
  charts: string[];
  /** The Markdown summary (also written to `summary.md`): measured figures only. */
  summary: string;
  data: Data;
}

export function invalid(field: string, reason: string): InvalidInputError {
  return new InvalidInputError(`${field} ${reason}`, [{ field, reason }]);
}

export function checkOutDir(options: ExperimentOptions): string {
  if (typeof options?.outDir !== 'string' || !options.outDir)
    throw invalid('outDir', 'must be the folder to write the results to');
  return path.resolve(options.outDir);
}

export function checkWhole(field: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw invalid(field, `must be a whole number ≥ ${min}`);
  return value;
}

/** Reports progress as units done (training steps, samples) out of the total planned. */
export class Progress {
  private done = 0;

  constructor(
    private readonly listener: ProgressListener | undefined,
    private readonly total: number,
  ) {}

  /** `units` done in the current phase, on top of the phases completed. */
  report(message: string, units = 0): void {
    this.listener?.(message, Math.min(1, (this.done + units) / Math.max(1, this.total)));
  }

  complete(message: string, units: number): void {
    this.done += units;
    this.report(message);
  }
}

export async function writeChart(
  outDir: string,
  fileName: string,
  chart: ChartOptions,
): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, fileName);
  await writeFile(file, lineChart(chart));
  return file;
}

export async function writeSummary(outDir: string, markdown: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'summary.md'), markdown);
}

export async function writeJson(outDir: string, fileName: string, value: unknown): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, fileName);
  await writeFile(file, JSON.stringify(value, null, 2) + '\n');
  return file;
}

/** A Markdown table; `|` in a cell is escaped so a cell cannot add columns. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const cell = (value: string | number) => String(value).replace(/\|/g, '\\|');
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** A share as a whole percentage. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Fixed decimals for a loss, a margin or an accuracy in a summary ("n/a" when not measured). */
export function fixed(value: number | undefined, digits = 3): string {
  return value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
}

/** A progress line for scripts: `[#####-----]  50% message`, rewritten in place on a terminal. */
export function printProgress(stream: NodeJS.WriteStream = process.stdout): ProgressListener {
  return (message, fraction) => {
    const filled = Math.round(fraction * 20);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(20 - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${message}`;
    stream.write(
      stream.isTTY
        ? `\r${line.slice(0, (stream.columns ?? 100) - 1).padEnd((stream.columns ?? 100) - 1)}`
        : `${line}\n`,
    );
  };
}
