// One pass over one file: read each line, check it, count its tokens and fold it into the
// statistics. Only a line, its parsed row and a 22-character hash per row are held at a time.
import type { DatasetFormat } from '../formats.js';
import { asList, isObject } from './check-messages.js';
import { checkRow, detectFormat, hasRole } from './check-row.js';
import { countExampleTokens, type Tokenizer } from './count-tokens.js';
import { ISSUE_SEVERITY, type IssueLog, type ReportIssue } from './dataset-issues.js';
import { StatsCollector, type DatasetStats } from './dataset-stats.js';
import { readLines, type LineSource, type RawLine } from './read-lines.js';
import { rowFingerprint } from './row-fingerprint.js';

export interface ScanSettings {
  format: DatasetFormat | undefined;
  tokenizer: Tokenizer;
  contextTokens: number;
  log: IssueLog;
  maxLineBytes?: number;
  /** Fewer valid examples than this is a `too_few_examples` warning (OpenAI requires 10). */
  minExamples?: number;
  /** The training file's row hashes, when this file is its validation file. */
  trainHashes?: Map<string, number>;
}

export interface ScanResult {
  format: DatasetFormat | undefined;
  stats: DatasetStats;
  hashes: Map<string, number>;
}

export async function scanFile(source: LineSource, settings: ScanSettings): Promise<ScanResult> {
  const { log, tokenizer, contextTokens } = settings;
  const stats = new StatsCollector(tokenizer.encoding, contextTokens);
  const hashes = new Map<string, number>();
  let format = settings.format;
  for await (const raw of readLines(source, { maxLineBytes: settings.maxLineBytes })) {
    stats.lines += 1;
    let failed = false;
    const report: ReportIssue = (code, field, reason) => {
      if (ISSUE_SEVERITY[code] === 'error') failed = true;
      log.add({ line: raw.line, code, field, reason });
    };
    const text = checkRawLine(raw, report, stats);
    if (text === undefined) continue;
    const row = parseRow(text, report);
    if (row === undefined) {
      stats.invalidExamples += 1;
      continue;
    }
    format ??= detectFormat(row) ?? 'sft';
    checkRow(row, format, report);
    if (failed || !isObject(row)) {
      stats.invalidExamples += 1;
      continue;
    }
    const tokens = countExampleTokens(row, format, tokenizer);
    const prompt = format === 'dpo' && isObject(row.input) ? row.input : row;
    stats.addExample(exampleMessages(row, format), tokens, Array.isArray(prompt.tools));
    if (format !== 'completion')
      checkRoles(prompt.messages, format === 'dpo' ? 'input.messages' : 'messages', report, stats);
    if (tokens.longest > contextTokens)
      report(
        'over_context',
        '',
        `${tokens.longest} tokens, over the ${contextTokens}-token cap: will be truncated`,
      );
    const hash = rowFingerprint(row);
    const first = hashes.get(hash);
    if (first !== undefined) {
      stats.duplicates += 1;
      report('duplicate_example', '', `same example as line ${first}`);
    } else hashes.set(hash, raw.line);
    const inTrain = settings.trainHashes?.get(hash);
    if (inTrain !== undefined)
      report('train_validation_overlap', '', `also line ${inTrain} of the training file`);
  }
  const result = stats.finish(format);
  if (settings.minExamples !== undefined && result.examples < settings.minExamples)
    log.add({
      line: 0,
      code: 'too_few_examples',
      field: '',
      reason: `${result.examples} valid examples; OpenAI requires at least ${settings.minExamples}`,
    });
  return { format, stats: result, hashes };
}

/** Reading problems; returns the line's text when there is a row to parse. */
function checkRawLine(
  raw: RawLine,
  report: ReportIssue,
  stats: StatsCollector,
): string | undefined {
  if (raw.crlf) {
    if (stats.lineEndings.crlf === 0)
      report(
        'crlf_line_endings',
        '',
        'first line ending in \\r\\n (accepted; counted in stats.lineEndings)',
      );
    stats.lineEndings.crlf += 1;
  } else stats.lineEndings.lf += 1;
  if (raw.bom) report('bom', '', 'starts with a UTF-8 byte-order mark; save as UTF-8 without BOM');
  if (raw.problem === 'invalid_utf8') report('invalid_utf8', '', 'the line is not valid UTF-8');
  if (raw.problem === 'line_too_long')
    report('line_too_long', '', `${raw.bytes} bytes, over the line cap`);
  if (raw.problem) {
    stats.invalidExamples += 1;
    return undefined;
  }
  if (raw.text?.trim() === '') {
    report('blank_line', '', 'blank line: JSON Lines has one JSON value on every line');
    return undefined;
  }
  return raw.text;
}

function parseRow(text: string, report: ReportIssue): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    report('invalid_json', '', error instanceof Error ? error.message : 'not JSON');
    return undefined;
  }
}

function checkRoles(
  messages: unknown,
  field: string,
  report: ReportIssue,
  stats: StatsCollector,
): void {
  if (!hasRole(messages, 'system') && !hasRole(messages, 'developer')) {
    stats.missingSystem += 1;
    report('missing_system_message', field, 'no system (or developer) message');
  }
  if (!hasRole(messages, 'user')) {
    stats.missingUser += 1;
    report('missing_user_message', field, 'no user message');
  }
}

function exampleMessages(row: Record<string, unknown>, format: DatasetFormat): unknown[] {
  if (format === 'sft') return asList(row.messages);
  if (format === 'completion') return [];
  const input = isObject(row.input) ? row.input : {};
  return [
    ...asList(input.messages),
    ...asList(row.preferred_output),
    ...asList(row.non_preferred_output),
  ];
}
