// One row of a training file against its format: chat SFT (`messages`), preference/DPO
// (`input`, `preferred_output`, `non_preferred_output`) or prompt–completion. Unknown keys are
// errors that name the key; message-level rules live in check-messages.ts.
import type { DatasetFormat } from '../formats.js';
import { canonicalJson } from './row-fingerprint.js';
import type { ReportIssue } from './dataset-issues.js';
import { checkMessage, checkMessages, isNonEmptyString, isObject } from './check-messages.js';

const KEYS: Record<DatasetFormat, readonly string[]> = {
  sft: ['messages', 'tools', 'parallel_tool_calls'],
  dpo: ['input', 'preferred_output', 'non_preferred_output'],
  completion: ['prompt', 'completion'],
};

/** The format a row looks like, from its keys; undefined when it looks like none. */
export function detectFormat(row: unknown): DatasetFormat | undefined {
  if (!isObject(row)) return undefined;
  if ('messages' in row) return 'sft';
  if ('input' in row || 'preferred_output' in row) return 'dpo';
  if ('prompt' in row || 'completion' in row) return 'completion';
  return undefined;
}

export function checkRow(row: unknown, format: DatasetFormat, report: ReportIssue): void {
  if (!isObject(row)) {
    report('data_type', '', 'each line must be a JSON object');
    return;
  }
  checkKeys(row, KEYS[format], '', report);
  if (format === 'sft') checkConversation(row, '', report, true);
  else if (format === 'dpo') checkPreference(row, report);
  else checkCompletion(row, report);
}

function checkKeys(
  row: Record<string, unknown>,
  allowed: readonly string[],
  prefix: string,
  report: ReportIssue,
): void {
  for (const key of Object.keys(row))
    if (!allowed.includes(key))
      report(
        'unrecognized_key',
        prefix + key,
        `unknown key "${key}" (expected ${allowed.join(', ')})`,
      );
}

function checkConversation(
  row: Record<string, unknown>,
  prefix: string,
  report: ReportIssue,
  needsAssistant: boolean,
): void {
  const field = `${prefix}messages`;
  const valid = checkMessages(row.messages, field, report);
  if (valid && needsAssistant && !hasRole(row.messages, 'assistant'))
    report('example_missing_assistant_message', field, 'no assistant message to learn from');
  if ('tools' in row && !isToolList(row.tools))
    report('invalid_value', `${prefix}tools`, 'tools must be an array of function definitions');
  if ('parallel_tool_calls' in row && typeof row.parallel_tool_calls !== 'boolean')
    report('invalid_value', `${prefix}parallel_tool_calls`, 'must be true or false');
}

function checkPreference(row: Record<string, unknown>, report: ReportIssue): void {
  if (!isObject(row.input)) report('missing_messages_list', 'input', 'input must be an object');
  else {
    checkKeys(row.input, KEYS.sft, 'input.', report);
    checkConversation(row.input, 'input.', report, false);
  }
  const preferred = checkOutput(row.preferred_output, 'preferred_output', report);
  const rejected = checkOutput(row.non_preferred_output, 'non_preferred_output', report);
  if (preferred && rejected && canonicalJson(preferred) === canonicalJson(rejected))
    report('dpo_identical_outputs', 'non_preferred_output', 'same as preferred_output');
}

/** Exactly one assistant message; returns its content when it is usable. */
function checkOutput(value: unknown, field: string, report: ReportIssue): unknown {
  if (!Array.isArray(value) || value.length !== 1) {
    report('dpo_output_count', field, 'must be an array holding exactly one assistant message');
    return undefined;
  }
  const message: unknown = value[0];
  let failed = false;
  const track: ReportIssue = (code, at, reason) => {
    failed = true;
    report(code, at, reason);
  };
  checkMessage(message, `${field}[0]`, track, new Map());
  if (isObject(message) && message.role !== 'assistant' && 'role' in message)
    track('unrecognized_role', `${field}[0].role`, 'an output must be an assistant message');
  return failed || !isObject(message) ? undefined : (message.content ?? message.tool_calls);
}

function checkCompletion(row: Record<string, unknown>, report: ReportIssue): void {
  if (typeof row.prompt !== 'string') report('invalid_value', 'prompt', 'prompt must be a string');
  if (!isNonEmptyString(row.completion))
    report('missing_content', 'completion', 'completion must be a non-empty string');
}

export function hasRole(messages: unknown, role: string): boolean {
  return Array.isArray(messages) && messages.some((m) => isObject(m) && m.role === role);
}

function isToolList(tools: unknown): boolean {
  return (
    Array.isArray(tools) &&
    tools.every(
      (t) =>
        isObject(t) &&
        t.type === 'function' &&
        isObject(t.function) &&
        isNonEmptyString(t.function.name),
    )
  );
}
