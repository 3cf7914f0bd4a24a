// Examines one batch of raw lines (line-batches.ts): splits it on `\n` and decodes each line as
// readLines would, so a worker (or this thread, for a line too big for a worker) gives the same
// outcomes as a one-thread pass.
import type { DatasetFormat } from '../formats.js';
import { examineLine, type ExamineSettings, type LineOutcome } from './examine-line.js';
import type { LineBatch } from './line-batches.js';
import { toRawLine } from './read-lines.js';

const NEWLINE = 0x0a;

export function examineBatch(
  batch: LineBatch,
  format: DatasetFormat | undefined,
  settings: ExamineSettings,
  decoder: TextDecoder,
): LineOutcome[] {
  // Lines are numbered by the caller, which folds the outcomes in file order.
  if (batch.bytes === undefined)
    return [examineLine(toRawLine(0, batch.tooLong, undefined, decoder), format, settings)];
  const { bytes } = batch;
  const outcomes: LineOutcome[] = [];
  for (let start = 0; start < bytes.length;) {
    const found = bytes.indexOf(NEWLINE, start);
    const end = found === -1 ? bytes.length : found;
    const raw = toRawLine(0, end - start, bytes.subarray(start, end), decoder);
    outcomes.push(examineLine(raw, format, settings));
    start = end + 1;
  }
  return outcomes;
}
