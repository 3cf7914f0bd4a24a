// Training-file messages checked key by key: a message read from any format becomes a
// `ChatMessage` (OpenAI's chat shape, which TRL's conversational datasets share) or the row is
// refused. Unknown keys are refused rather than dropped, so that no conversion loses a field.
import type { ChatMessage, Role, ToolCall } from '../formats.js';
import { isObject, objectWithKeys, refuse, stringField, type RowPlace } from './refuse.js';

const ROLES: readonly Role[] = ['system', 'developer', 'user', 'assistant', 'tool'];
const MESSAGE_KEYS = ['role', 'content', 'name', 'tool_calls', 'tool_call_id', 'weight'];

export function readMessages(value: unknown, place: RowPlace, field: string): ChatMessage[] {
  if (!Array.isArray(value) || value.length === 0)
    refuse(place, field, 'must be a non-empty array of messages');
  return value.map((message, i) => readMessage(message, place, `${field}[${i}]`));
}

export function readMessage(value: unknown, place: RowPlace, field: string): ChatMessage {
  const raw = objectWithKeys(value, MESSAGE_KEYS, place, field);
  const role = raw.role as Role;
  if (!ROLES.includes(role)) refuse(place, `${field}.role`, `must be one of ${ROLES.join(', ')}`);
  const content = raw.content;
  if (
    content !== undefined &&
    content !== null &&
    typeof content !== 'string' &&
    !isTextParts(content)
  )
    refuse(place, `${field}.content`, 'must be a string, null or an array of content parts');
  if (raw.name !== undefined) stringField(raw.name, place, `${field}.name`);
  if (raw.tool_call_id !== undefined) stringField(raw.tool_call_id, place, `${field}.tool_call_id`);
  if (raw.weight !== undefined && raw.weight !== 0 && raw.weight !== 1)
    refuse(place, `${field}.weight`, 'must be 0 or 1');
  if (raw.tool_calls !== undefined) {
    if (!Array.isArray(raw.tool_calls) || raw.tool_calls.length === 0)
      refuse(place, `${field}.tool_calls`, 'must be a non-empty array');
    raw.tool_calls.forEach((call, i) => readToolCall(call, place, `${field}.tool_calls[${i}]`));
  }
  return raw as unknown as ChatMessage;
}

function readToolCall(value: unknown, place: RowPlace, field: string): ToolCall {
  const call = objectWithKeys(value, ['id', 'type', 'function'], place, field);
  stringField(call.id, place, `${field}.id`);
  if (call.type !== 'function') refuse(place, `${field}.type`, 'must be "function"');
  const fn = objectWithKeys(call.function, ['name', 'arguments'], place, `${field}.function`);
  stringField(fn.name, place, `${field}.function.name`);
  stringField(fn.arguments, place, `${field}.function.arguments`);
  return call as unknown as ToolCall;
}

function isTextParts(value: unknown): boolean {
  return (
    Array.isArray(value) && value.every((part) => isObject(part) && typeof part.type === 'string')
  );
}

/** The one assistant message of an output array (OpenAI's and TRL's `[message]`). */
export function readOneAssistant(value: unknown, place: RowPlace, field: string): ChatMessage {
  if (!Array.isArray(value) || value.length !== 1)
    refuse(place, field, 'must be an array of exactly one assistant message');
  const message = readMessage(value[0], place, `${field}[0]`);
  if (message.role !== 'assistant') refuse(place, `${field}[0].role`, 'must be "assistant"');
  return message;
}

export function readTools(value: unknown, place: RowPlace, field: string): unknown[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) refuse(place, field, 'must be an array of tool definitions');
  return value;
}

/** The content as plain text, or a refusal naming what a text-only format cannot hold. */
export function textOf(
  message: ChatMessage,
  place: RowPlace,
  field: string,
  format: string,
): string {
  if (message.name !== undefined)
    refuse(
      place,
      `${field}.name`,
      `cannot be represented in ${format} (no field for a speaker name)`,
    );
  if (message.weight === 0)
    refuse(
      place,
      `${field}.weight`,
      `0 cannot be represented in ${format} (every turn is trained on)`,
    );
  if (typeof message.content !== 'string')
    refuse(place, `${field}.content`, `must be a string to be written as ${format}`);
  return message.content;
}
