// Checks one conversation's messages the way OpenAI's chat fine-tuning reads them: known roles
// and keys, content present (an assistant turn making tool calls may leave it null), `weight` 0
// or 1 and only on assistant turns, and every tool call answered by a later tool message.
import type { ReportIssue } from './dataset-issues.js';

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool']);
const MESSAGE_KEYS = new Set(['role', 'content', 'name', 'tool_calls', 'tool_call_id', 'weight']);

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Checks a `messages` list; returns false when it is not a non-empty array at all. */
export function checkMessages(value: unknown, path: string, report: ReportIssue): boolean {
  if (!Array.isArray(value) || value.length === 0) {
    report('missing_messages_list', path, 'must be a non-empty array of messages');
    return false;
  }
  const pending = new Map<string, string>();
  value.forEach((message, i) => checkMessage(message, `${path}[${i}]`, report, pending));
  for (const [id, field] of pending)
    report(
      'tool_call_unanswered',
      field,
      `tool call "${id}" has no later tool message answering it`,
    );
  return true;
}

/** One message; `pending` maps open tool-call ids to where they were made. */
export function checkMessage(
  message: unknown,
  field: string,
  report: ReportIssue,
  pending: Map<string, string>,
): void {
  if (!isObject(message)) {
    report('data_type', field, 'a message must be a JSON object');
    return;
  }
  for (const key of Object.keys(message))
    if (!MESSAGE_KEYS.has(key))
      report('message_unrecognized_key', `${field}.${key}`, `unknown message key "${key}"`);
  const role = message.role;
  if (!('role' in message)) report('message_missing_key', `${field}.role`, 'role is required');
  else if (typeof role !== 'string' || !ROLES.has(role))
    report('unrecognized_role', `${field}.role`, `unknown role ${JSON.stringify(role)}`);
  if ('name' in message && !isNonEmptyString(message.name))
    report('invalid_value', `${field}.name`, 'name must be a non-empty string');
  if ('weight' in message) checkWeight(message.weight, role, `${field}.weight`, report);
  const makesCalls = checkToolCalls(message, role, field, report, pending);
  if (role === 'tool')
    answerToolCall(message.tool_call_id, `${field}.tool_call_id`, report, pending);
  else if ('tool_call_id' in message)
    report('invalid_value', `${field}.tool_call_id`, 'only tool messages carry tool_call_id');
  if (makesCalls && (message.content === null || message.content === undefined)) return;
  if (!('content' in message))
    report('message_missing_key', `${field}.content`, 'content is required');
  else checkContent(message.content, role, `${field}.content`, report);
}

function checkWeight(weight: unknown, role: unknown, field: string, report: ReportIssue): void {
  if (role !== 'assistant')
    report('weight_on_non_assistant', field, 'weight is allowed on assistant messages only');
  else if (weight !== 0 && weight !== 1)
    report('invalid_weight', field, `weight must be 0 or 1, got ${JSON.stringify(weight)}`);
}

function checkContent(content: unknown, role: unknown, field: string, report: ReportIssue): void {
  if (typeof content === 'string') {
    if (content.trim() === '') report('missing_content', field, 'content is empty');
    return;
  }
  if (!Array.isArray(content) || content.length === 0) {
    report('missing_content', field, 'content must be a non-empty string or list of text parts');
    return;
  }
  content.forEach((part, i) => {
    const at = `${field}[${i}]`;
    if (isObject(part) && part.type === 'text') {
      if (!isNonEmptyString(part.text)) report('missing_content', `${at}.text`, 'text is empty');
    } else if (isObject(part) && part.type === 'image_url' && role === 'user') {
      if (!isObject(part.image_url) || !isNonEmptyString(part.image_url.url))
        report('invalid_value', `${at}.image_url.url`, 'an image part needs image_url.url');
    } else report('invalid_value', at, 'a part must be {type:"text", text} (images: user only)');
  });
}

function checkToolCalls(
  message: Record<string, unknown>,
  role: unknown,
  field: string,
  report: ReportIssue,
  pending: Map<string, string>,
): boolean {
  const calls = message.tool_calls;
  if (calls === undefined) return false;
  if (role !== 'assistant' || !Array.isArray(calls) || calls.length === 0) {
    report('invalid_value', `${field}.tool_calls`, 'a non-empty array, on assistant messages only');
    return false;
  }
  calls.forEach((call, i) => {
    const at = `${field}.tool_calls[${i}]`;
    const fn = isObject(call) ? call.function : undefined;
    if (!isObject(call) || !isNonEmptyString(call.id) || call.type !== 'function')
      report('invalid_value', at, 'a tool call needs a string id and type "function"');
    else if (!isObject(fn) || !isNonEmptyString(fn.name) || !isJsonText(fn.arguments))
      report('invalid_value', `${at}.function`, 'needs a name and arguments as a JSON string');
    if (isObject(call) && isNonEmptyString(call.id)) {
      if (pending.has(call.id)) report('invalid_value', `${at}.id`, `duplicate id "${call.id}"`);
      pending.set(call.id, at);
    }
  });
  return true;
}

function answerToolCall(
  id: unknown,
  field: string,
  report: ReportIssue,
  pending: Map<string, string>,
): void {
  if (!isNonEmptyString(id))
    report('message_missing_key', field, 'a tool message needs tool_call_id');
  else if (!pending.delete(id))
    report('tool_result_without_call', field, `no earlier assistant tool call has id "${id}"`);
}

function isJsonText(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}
