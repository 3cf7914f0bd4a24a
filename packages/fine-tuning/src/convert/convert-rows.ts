// One entry point over the four row formats: a row (or a file's lines, streamed) is read into
// canonical records and written in another format. Each format picks its row type from the
// record's kind: a conversation is SFT, a preference DPO, a binary record KTO.
import type { CanonicalRecord } from '../formats.js';
import { readAlpacaRow, writeAlpacaRow } from './alpaca-rows.js';
import { readOpenAiRow, writeOpenAiRow } from './openai-rows.js';
import { parseLine, refuse, type RowPlace } from './refuse.js';
import { readShareGptRow, writeShareGptRow } from './sharegpt-rows.js';
import { readTrlRow, writeTrlRow } from './trl-rows.js';

/** `openai`: OpenAI SFT and DPO. `trl`: TRL conversational. `sharegpt`, `alpaca`: LLaMA-Factory. */
export const ROW_FORMATS = ['openai', 'trl', 'sharegpt', 'alpaca'] as const;
export type RowFormat = (typeof ROW_FORMATS)[number];

const READERS: Record<RowFormat, (row: unknown, place: RowPlace) => CanonicalRecord> = {
  openai: readOpenAiRow,
  trl: readTrlRow,
  sharegpt: readShareGptRow,
  alpaca: readAlpacaRow,
};
const WRITERS: Record<RowFormat, (record: CanonicalRecord, place: RowPlace) => object> = {
  openai: writeOpenAiRow,
  trl: writeTrlRow,
  sharegpt: writeShareGptRow,
  alpaca: writeAlpacaRow,
};

export function readRow(format: RowFormat, row: unknown, place: RowPlace = {}): CanonicalRecord {
  return READERS[checkFormat(format, 'from')](row, place);
}

export function writeRow(format: RowFormat, record: CanonicalRecord, place: RowPlace = {}): object {
  return WRITERS[checkFormat(format, 'to')](record, place);
}

/** One JSONL line in, one out; blank lines are not rows. */
export function convertLine(line: string, options: ConvertOptions & RowPlace): string {
  return JSON.stringify(
    writeRow(options.to, readRow(options.from, parseLine(line, options), options), options),
  );
}

export interface ConvertOptions {
  from: RowFormat;
  to: RowFormat;
}

/** Streams a JSONL file's lines (line numbers from 1, blank lines skipped) as canonical records. */
export async function* readRecords(
  lines: Iterable<string> | AsyncIterable<string>,
  format: RowFormat,
): AsyncGenerator<CanonicalRecord> {
  for await (const { text, line } of numberedLines(lines))
    yield readRow(format, parseLine(text, { line }), { line });
}

/** Records as JSONL lines (no newline); a refused record names its 1-based position as its line. */
export async function* writeRecords(
  records: Iterable<CanonicalRecord> | AsyncIterable<CanonicalRecord>,
  format: RowFormat,
): AsyncGenerator<string> {
  let line = 0;
  for await (const record of records)
    yield JSON.stringify(writeRow(format, record, { line: ++line }));
}

export async function* convertLines(
  lines: Iterable<string> | AsyncIterable<string>,
  options: ConvertOptions,
): AsyncGenerator<string> {
  for await (const { text, line } of numberedLines(lines))
    yield convertLine(text, { ...options, line });
}

/** Lines numbered from 1; blank lines (a file's last newline) are skipped but counted. */
async function* numberedLines(
  lines: Iterable<string> | AsyncIterable<string>,
): AsyncGenerator<{ text: string; line: number }> {
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() !== '') yield { text, line };
  }
}

function checkFormat(format: RowFormat, field: string): RowFormat {
  if (!ROW_FORMATS.includes(format)) refuse({}, field, `must be one of ${ROW_FORMATS.join(', ')}`);
  return format;
}
