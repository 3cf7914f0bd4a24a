// Checks messages before they are stored, so a bad row can never poison a conversation: the role,
// every part's type and fields (core's message model, per role), JSON-serialisability and a size
// limit. Returns clean copies holding only the model's fields (a loaded StoredMessage appended
// again loses its ordinal), each with its serialized JSON, which every repository stores as is.
import { InvalidInputError } from '@repo/core';
import type { Message, MessagePart, MessageRole } from '@repo/core';
import { MessageTooLargeError } from './memory-errors.js';

export interface ValidatedMessage {
  message: Message;
  /** `JSON.stringify(message.parts)`. */
  partsJson: string;
}

const PART_TYPES: Record<MessageRole, readonly MessagePart['type'][]> = {
  system: ['text'],
  user: ['text', 'image'],
  assistant: ['text', 'reasoning', 'tool-call'],
  tool: ['tool-result'],
};
const DETAILS = ['auto', 'low', 'high'];
const MAX_CONVERSATION_ID_LENGTH = 200;

function invalid(field: string, reason: string): never {
  throw new InvalidInputError(`${field} ${reason}`, [{ field, reason }]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(
  value: Record<string, unknown>,
  key: string,
  field: string,
  nonEmpty = false,
): string {
  const found = value[key];
  if (typeof found !== 'string') invalid(`${field}.${key}`, 'must be a string');
  if (nonEmpty && found === '') invalid(`${field}.${key}`, 'must not be empty');
  return found;
}

function json(value: Record<string, unknown>, key: string, field: string): unknown {
  if (value[key] === undefined) invalid(`${field}.${key}`, 'must be a JSON value (null for none)');
  return value[key];
}

function cleanPart(part: unknown, role: MessageRole, field: string): MessagePart {
  if (!isRecord(part)) invalid(field, 'must be an object');
  const type = part.type;
  const allowed = PART_TYPES[role];
  if (typeof type !== 'string' || !allowed.includes(type as MessagePart['type']))
    invalid(`${field}.type`, `must be one of ${allowed.join(', ')} in a ${role} message`);
  switch (type) {
    case 'text':
    case 'reasoning':
      return { type, text: text(part, 'text', field) };
    case 'image': {
      const image: MessagePart = { type, url: text(part, 'url', field, true) };
      if (part.mediaType !== undefined) image.mediaType = text(part, 'mediaType', field);
      if (part.detail !== undefined) {
        if (!DETAILS.includes(part.detail as string))
          invalid(`${field}.detail`, 'must be auto, low or high');
        image.detail = part.detail as 'auto' | 'low' | 'high';
      }
      return image;
    }
    case 'tool-call':
      return {
        type,
        id: text(part, 'id', field, true),
        name: text(part, 'name', field, true),
        arguments: json(part, 'arguments', field),
      };
    default: {
      const result: MessagePart = {
        type: 'tool-result',
        toolCallId: text(part, 'toolCallId', field, true),
        name: text(part, 'name', field, true),
        result: json(part, 'result', field),
      };
      if (part.isError !== undefined) {
        if (typeof part.isError !== 'boolean') invalid(`${field}.isError`, 'must be a boolean');
        result.isError = part.isError;
      }
      return result;
    }
  }
}

function cleanMessage(message: unknown, field: string): Message {
  if (!isRecord(message)) invalid(field, 'must be an object');
  const role = message.role;
  if (typeof role !== 'string' || !(role in PART_TYPES))
    invalid(`${field}.role`, 'must be one of system, user, assistant, tool');
  if (!Array.isArray(message.parts) || message.parts.length === 0)
    invalid(`${field}.parts`, 'must be a non-empty array');
  const parts = message.parts.map((part, j) =>
    cleanPart(part, role as MessageRole, `${field}.parts[${j}]`),
  );
  return { role, parts } as Message;
}

/**
 * What a message weighs against `maxMessageBytes`: its parts as JSON, in UTF-8 bytes, plus its
 * role. Exported so an app can refuse an oversized message before it spends a model call on it.
 */
export function messageSizeBytes(
  message: Message,
  partsJson = JSON.stringify(message.parts),
): number {
  return Buffer.byteLength(partsJson, 'utf8') + message.role.length;
}

/** Validates a batch for `append`; throws InvalidInputError or MessageTooLargeError naming the field. */
export function validateMessages(messages: unknown, maxMessageBytes: number): ValidatedMessage[] {
  if (!Array.isArray(messages)) invalid('messages', 'must be an array');
  return messages.map((raw, i) => {
    const field = `messages[${i}]`;
    const message = cleanMessage(raw, field);
    let partsJson: string;
    try {
      partsJson = JSON.stringify(message.parts);
    } catch (error) {
      invalid(`${field}.parts`, `must be JSON-serialisable (${(error as Error).message})`);
    }
    // PostgreSQL cannot store U+0000 in text or jsonb: refuse it in every repository alike, so a
    // message that works on one store works on all (and never becomes a 500 on PostgreSQL).
    // The serialised batch is checked once; only a hit pays for finding the part to name.
    if (partsJson.includes('\\u0000')) {
      const withNul = message.parts.findIndex((part) => JSON.stringify(part).includes('\\u0000'));
      invalid(`${field}.parts[${withNul}]`, NUL_REASON);
    }
    const sizeBytes = messageSizeBytes(message, partsJson);
    if (sizeBytes > maxMessageBytes)
      throw new MessageTooLargeError({ field, sizeBytes, limitBytes: maxMessageBytes });
    return { message, partsJson };
  });
}

const NUL_REASON = 'must not contain the NUL character (U+0000), which PostgreSQL cannot store';

export function validateConversationId(conversationId: unknown): string {
  if (typeof conversationId !== 'string' || conversationId.trim() === '')
    invalid('conversationId', 'must be a non-empty string');
  if (conversationId.includes('\u0000')) invalid('conversationId', NUL_REASON);
  if (conversationId.length > MAX_CONVERSATION_ID_LENGTH)
    invalid('conversationId', `must be at most ${MAX_CONVERSATION_ID_LENGTH} characters`);
  return conversationId;
}
