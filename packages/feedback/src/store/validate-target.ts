// Checks a target before it is stored: the prompt in core's message model (clean copies, so no
// stray field reaches a training file), the answer, model and parameters. The row carries the
// prompt's hash (responses to the same prompt group together) and the body's hash (idempotency).
import type { Message, MessagePart, MessageRole } from '@repo/core';
import { hashOf } from './canonical-hash.js';
import { FEEDBACK_LIMITS, FieldChecks, isRecord } from './field-checks.js';
import type { FeedbackTarget, TargetInput } from './feedback-types.js';
import type { feedbackTargets } from './sql-schema.js';

const ROLES: readonly MessageRole[] = ['system', 'user', 'assistant', 'tool'];
const PART_TYPES: Record<MessageRole, readonly MessagePart['type'][]> = {
  system: ['text'],
  user: ['text', 'image'],
  assistant: ['text', 'reasoning', 'tool-call'],
  tool: ['tool-result'],
};
const DETAILS = ['auto', 'low', 'high'] as const;

type TargetRow = typeof feedbackTargets.$inferSelect;

export function toTargetRow(input: TargetInput): typeof feedbackTargets.$inferInsert {
  const checks = new FieldChecks();
  const source = (isRecord(input) ? input : {}) as Partial<TargetInput>;
  const responseId = checks.id(source.responseId, 'responseId');
  const prompt = cleanPrompt(checks, source.prompt);
  const answer = checks.text(source.answer, 'answer', FEEDBACK_LIMITS.textLength);
  const model = checks.id(source.model, 'model');
  const provider = checks.optional(source.provider, (value) => checks.id(value, 'provider'));
  const parameters = checks.json(source.parameters ?? {}, 'parameters');
  const createdAt = checks.optional(source.createdAt, (value) => checks.date(value, 'createdAt'));
  checks.throwIfInvalid('target');
  const body = { prompt, answer, model, provider, parameters };
  return {
    responseId,
    prompt,
    promptHash: hashOf(prompt),
    answer,
    model,
    provider: provider ?? null,
    parameters,
    bodyHash: hashOf(body),
    createdAt,
  };
}

export function fromTargetRow(row: TargetRow): FeedbackTarget {
  const target: FeedbackTarget = {
    responseId: row.responseId,
    prompt: row.prompt as Message[],
    answer: row.answer,
    model: row.model,
    parameters: row.parameters as Record<string, unknown>,
    promptHash: row.promptHash,
    createdAt: row.createdAt,
  };
  if (row.provider !== null) target.provider = row.provider;
  return target;
}

function cleanPrompt(checks: FieldChecks, value: unknown): Message[] {
  const messages = checks.array(value, 'prompt', 1, FEEDBACK_LIMITS.promptMessages);
  const clean = messages.map((message, i) => cleanMessage(checks, message, `prompt[${i}]`));
  const last = clean.at(-1);
  // The answer is appended after the prompt in every export: it must follow a user or tool turn.
  if (last && last.role !== 'user' && last.role !== 'tool')
    checks.fail('prompt', 'must end with a user or tool message');
  return clean;
}

function cleanMessage(checks: FieldChecks, value: unknown, field: string): Message {
  const message = isRecord(value) ? value : {};
  if (!isRecord(value)) checks.fail(field, 'must be a message object');
  const role = checks.oneOf(message.role, `${field}.role`, ROLES);
  const parts = checks.array(message.parts, `${field}.parts`, 1, 1_000);
  const clean = parts.map((part, i) => cleanPart(checks, part, role, `${field}.parts[${i}]`));
  return { role, parts: clean } as Message;
}

function cleanPart(checks: FieldChecks, value: unknown, role: MessageRole, field: string) {
  const part = isRecord(value) ? value : {};
  const allowed = PART_TYPES[role];
  const type = checks.oneOf(part.type, `${field}.type`, allowed);
  // A part of the wrong type has none of the fields to check.
  if (!allowed.includes(part.type as MessagePart['type'])) return { type: 'text', text: '' };
  const text = (key: string, nonEmpty: boolean) =>
    checks.text(part[key], `${field}.${key}`, FEEDBACK_LIMITS.textLength, nonEmpty);
  switch (type) {
    case 'text':
    case 'reasoning':
      return { type, text: text('text', false) };
    case 'image': {
      const image: MessagePart = { type, url: text('url', true) };
      if (part.mediaType !== undefined) image.mediaType = text('mediaType', true);
      if (part.detail !== undefined) image.detail = checks.oneOf(part.detail, field, DETAILS);
      return image;
    }
    case 'tool-call':
      return {
        type,
        id: text('id', true),
        name: text('name', true),
        arguments: part.arguments ?? null,
      };
    case 'tool-result': {
      const result: MessagePart = {
        type,
        toolCallId: text('toolCallId', true),
        name: text('name', true),
        result: part.result ?? null,
      };
      if (part.isError === true) result.isError = true;
      return result;
    }
  }
}
