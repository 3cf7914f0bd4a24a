// Everything a validation pass learns from one line on its own: its issues, whether it is a valid
// example, that example's tokens, shape and fingerprint. Nothing here depends on other lines, so
// lines can be examined in worker threads and folded in file order (scan-file.ts) with the same
// result as in one thread.
import type { DatasetFormat } from '../formats.js';
import { asList, isObject } from './check-messages.js';
import { checkRow, detectFormat, hasRole } from './check-row.js';
import { countExampleTokens, type ExampleTokens, type Tokenizer } from './count-tokens.js';
import { ISSUE_SEVERITY, type IssueCode, type ReportIssue } from './dataset-issues.js';
import type { RawLine } from './read-lines.js';
import { rowFingerprint } from './row-fingerprint.js';

/** A valid example, as the statistics and the duplicate check need it. */
export interface ExampleSummary {
  /** Every message of the example (DPO: input and both outputs). */
  messages: number;
  /** `String(role)` of each message that is an object, in order. */
  roles: string[];
  toolCalls: number;
  hasTools: boolean;
  tokens: ExampleTokens;
  missingSystem: boolean;
  missingUser: boolean;
  hash: string;
}

export interface LineOutcome {
  crlf: boolean;
  /** Issues in the order found, without the line number (the fold adds it): code, field, reason. */
  issues: [IssueCode, string, string][];
  /** Counts as an invalid example (a blank line does not). */
  invalid: boolean;
  /** The format the row was checked against, when it parsed (the first one decides a file's). */
  format?: DatasetFormat;
  example?: ExampleSummary;
}

export interface ExamineSettings {
  tokenizer: Tokenizer;
  contextTokens: number;
}

export function examineLine(
  raw: RawLine,
  known: DatasetFormat | undefined,
  settings: ExamineSettings,
): LineOutcome {
  const outcome: LineOutcome = { crlf: raw.crlf, issues: [], invalid: false };
  let failed = false;
  const report: ReportIssue = (code, field, reason) => {
    if (ISSUE_SEVERITY[code] === 'error') failed = true;
    outcome.issues.push([code, field, reason]);
  };
  const text = checkRawLine(raw, report);
  if (text === undefined) {
    outcome.invalid = raw.problem !== undefined;
    return outcome;
  }
  const row = parseRow(text, report);
  if (row === undefined) {
    outcome.invalid = true;
    return outcome;
  }
  const format = known ?? detectFormat(row) ?? 'sft';
  outcome.format = format;
  checkRow(row, format, report);
  if (failed || !isObject(row)) {
    outcome.invalid = true;
    return outcome;
  }
  const { contextTokens, tokenizer } = settings;
  const tokens = countExampleTokens(row, format, tokenizer);
  const prompt = format === 'dpo' && isObject(row.input) ? row.input : row;
  const example = summarise(exampleMessages(row, format), tokens, Array.isArray(prompt.tools));
  if (format !== 'completion') {
    const field = format === 'dpo' ? 'input.messages' : 'messages';
    if (!hasRole(prompt.messages, 'system') && !hasRole(prompt.messages, 'developer')) {
      example.missingSystem = true;
      report('missing_system_message', field, 'no system (or developer) message');
    }
    if (!hasRole(prompt.messages, 'user')) {
      example.missingUser = true;
      report('missing_user_message', field, 'no user message');
    }
  }
  if (tokens.longest > contextTokens)
    report(
      'over_context',
      '',
      `${tokens.longest} tokens, over the ${contextTokens}-token cap: will be truncated`,
    );
  example.hash = rowFingerprint(row);
  outcome.example = example;
  return outcome;
}

/** Reading problems; returns the line's text when there is a row to parse. */
function checkRawLine(raw: RawLine, report: ReportIssue): string | undefined {
  if (raw.bom) report('bom', '', 'starts with a UTF-8 byte-order mark; save as UTF-8 without BOM');
  if (raw.problem === 'invalid_utf8') report('invalid_utf8', '', 'the line is not valid UTF-8');
  if (raw.problem === 'line_too_long')
    report('line_too_long', '', `${raw.bytes} bytes, over the line cap`);
  if (raw.problem) return undefined;
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

function summarise(messages: unknown[], tokens: ExampleTokens, hasTools: boolean): ExampleSummary {
  const roles: string[] = [];
  let toolCalls = 0;
  for (const m of messages) {
    if (!isObject(m)) continue;
    roles.push(String(m.role));
    if (Array.isArray(m.tool_calls)) toolCalls += m.tool_calls.length;
  }
  return {
    messages: messages.length,
    roles,
    toolCalls,
    hasTools,
    tokens,
    missingSystem: false,
    missingUser: false,
    hash: '',
  };
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
