// OpenAI-style chat messages into the tokenizer's chat turns: `developer` is the system role, text
// parts are joined, and anything the tiny GPT cannot take (tool turns, images) is an
// InvalidInputError naming the message field at fault.
import { InvalidInputError } from '@repo/core';
import type { ChatTurn } from '../tokenizer/char-tokenizer.js';

export interface OpenAiTextPart {
  type: 'text';
  text: string;
}

export interface OpenAiChatMessage {
  role: 'system' | 'developer' | 'user' | 'assistant';
  content: string | readonly OpenAiTextPart[];
}

const ROLES: Record<string, ChatTurn['role']> = {
  system: 'system',
  developer: 'system',
  user: 'user',
  assistant: 'assistant',
};

const bad = (field: string, reason: string) =>
  new InvalidInputError(`${field} ${reason}`, [{ field, reason }]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function toChatTurns(messages: readonly OpenAiChatMessage[]): ChatTurn[] {
  if (!Array.isArray(messages) || messages.length === 0)
    throw bad('messages', 'must be a non-empty array of messages');
  return (messages as readonly unknown[]).map((message, i) => {
    if (!isRecord(message)) throw bad(`messages[${i}]`, 'must be an object');
    const role = typeof message.role === 'string' ? ROLES[message.role] : undefined;
    if (!role) throw bad(`messages[${i}].role`, 'must be system, developer, user or assistant');
    return { role, content: contentText(message.content, `messages[${i}].content`) };
  });
}

function contentText(content: unknown, field: string): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content))
    throw bad(field, 'must be a string or an array of {type: "text", text} parts');
  return content
    .map((part: unknown, j) => {
      if (!isRecord(part) || part.type !== 'text' || typeof part.text !== 'string')
        throw bad(
          `${field}[${j}]`,
          'must be a {type: "text", text} part (the model reads text only)',
        );
      return part.text;
    })
    .join('');
}
