// One pass over one file: each line is examined on its own (examine-line.ts), in this thread or,
// for a large file, in worker threads (scan-workers.ts), and the outcomes are folded here in file
// order into the issue log, the statistics and the row hashes, so both ways give the same report.
// Only a line (or a few bounded batches of lines), its parsed row and a 22-character hash per row
// are held at a time.
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { DatasetFormat } from '../formats.js';
import { loadTokenizer } from './count-tokens.js';
import type { IssueCode, IssueLog } from './dataset-issues.js';
import { StatsCollector, type DatasetStats } from './dataset-stats.js';
import { examineLine, type LineOutcome } from './examine-line.js';
import type { EncodingName } from './model-limits.js';
import { readLines, type LineSource } from './read-lines.js';
import { examineInWorkers } from './scan-workers.js';

export interface ScanSettings {
  format: DatasetFormat | undefined;
  encoding: EncodingName;
  contextTokens: number;
  log: IssueLog;
  maxLineBytes?: number;
  /** Fewer valid examples than this is a `too_few_examples` warning (OpenAI requires 10). */
  minExamples?: number;
  /** The training file's row hashes, when this file is its validation file. */
  trainHashes?: Map<string, number>;
  /** Worker threads: 0 examines in this thread; default `autoWorkers`. */
  workers?: number;
}

export interface ScanResult {
  format: DatasetFormat | undefined;
  stats: DatasetStats;
  hashes: Map<string, number>;
}

/**
 * Below this size a file is examined in this thread: starting workers and loading the tokenizer
 * table in each (about 0.2 s) costs more than they save on a file that takes under half a second.
 */
export const WORKER_THRESHOLD_BYTES = 4 * 1024 * 1024;

/** Workers for a file path of at least WORKER_THRESHOLD_BYTES: one per core; else 0. */
export async function autoWorkers(source: LineSource): Promise<number> {
  if (typeof source !== 'string') return 0;
  const info = await stat(source).catch(() => undefined);
  if (!info?.isFile() || info.size < WORKER_THRESHOLD_BYTES) return 0;
  const cores = availableParallelism();
  return cores > 1 ? cores : 0;
}

export async function scanFile(source: LineSource, settings: ScanSettings): Promise<ScanResult> {
  const fold = new LineFold(settings);
  const workers = settings.workers ?? (await autoWorkers(source));
  const { encoding, contextTokens, maxLineBytes } = settings;
  if (workers > 0 && typeof source === 'string')
    await examineInWorkers(
      source,
      { encoding, contextTokens, maxLineBytes, workers, format: settings.format },
      (line, outcome) => fold.add(line, outcome),
    );
  else {
    const tokenizer = await loadTokenizer(encoding);
    for await (const raw of readLines(source, { maxLineBytes }))
      fold.add(raw.line, examineLine(raw, fold.format, { tokenizer, contextTokens }));
  }
  return fold.finish();
}

/** What depends on more than one line: counts, the first CRLF, duplicates, overlap, the format. */
class LineFold {
  format: DatasetFormat | undefined;
  private readonly stats: StatsCollector;
  private readonly hashes = new Map<string, number>();

  constructor(private readonly settings: ScanSettings) {
    this.format = settings.format;
    this.stats = new StatsCollector(settings.encoding, settings.contextTokens);
  }

  add(line: number, outcome: LineOutcome): void {
    const { stats, settings } = this;
    const report = (code: IssueCode, field: string, reason: string) =>
      settings.log.add({ line, code, field, reason });
    stats.lines += 1;
    if (outcome.crlf) {
      if (stats.lineEndings.crlf === 0)
        report(
          'crlf_line_endings',
          '',
          'first line ending in \\r\\n (accepted; counted in stats.lineEndings)',
        );
      stats.lineEndings.crlf += 1;
    } else stats.lineEndings.lf += 1;
    for (const [code, field, reason] of outcome.issues) report(code, field, reason);
    if (outcome.invalid) stats.invalidExamples += 1;
    this.format ??= outcome.format;
    const example = outcome.example;
    if (!example) return;
    stats.addExample(example);
    const first = this.hashes.get(example.hash);
    if (first !== undefined) {
      stats.duplicates += 1;
      report('duplicate_example', '', `same example as line ${first}`);
    } else this.hashes.set(example.hash, line);
    const inTrain = settings.trainHashes?.get(example.hash);
    if (inTrain !== undefined)
      report('train_validation_overlap', '', `also line ${inTrain} of the training file`);
  }

  finish(): ScanResult {
    const { settings } = this;
    const stats = this.stats.finish(this.format);
    if (settings.minExamples !== undefined && stats.examples < settings.minExamples)
      settings.log.add({
        line: 0,
        code: 'too_few_examples',
        field: '',
        reason: `${stats.examples} valid examples; OpenAI requires at least ${settings.minExamples}`,
      });
    return { format: this.format, stats, hashes: this.hashes };
  }
}
