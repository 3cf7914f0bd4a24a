// Core messages as training-file messages: OpenAI's chat shape, which TRL's conversational
// datasets use too. Reasoning parts are left out (training teaches the answer, and OpenAI's
// fine-tuning messages have no field for it); a tool result becomes one `tool` message.
import type { Message } from '@repo/core';

export type TrainingMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string | UserContentPart[] }
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

type UserContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } };

interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export function toTrainingMessages(messages: readonly Message[]): TrainingMessage[] {
  return messages.flatMap((message): TrainingMessage[] => {
    switch (message.role) {
      case 'system':
        return [{ role: 'system', content: message.parts.map((part) => part.text).join('') }];
      case 'user':
        // A plain string where there is only text, as OpenAI's own examples are written.
        if (message.parts.every((part) => part.type === 'text'))
          return [{ role: 'user', content: message.parts.map((part) => part.text).join('') }];
        return [{ role: 'user', content: message.parts.map(toUserPart) }];
      case 'assistant': {
        let text = '';
        const calls: ToolCall[] = [];
        for (const part of message.parts) {
          if (part.type === 'text') text += part.text;
          else if (part.type === 'tool-call')
            calls.push({
              id: part.id,
              type: 'function',
              function: { name: part.name, arguments: jsonText(part.arguments) },
            });
        }
        if (calls.length === 0) return [{ role: 'assistant', content: text }];
        return [{ role: 'assistant', content: text === '' ? null : text, tool_calls: calls }];
      }
      case 'tool':
        return message.parts.map((part) => ({
          role: 'tool' as const,
          tool_call_id: part.toolCallId,
          content: jsonText(part.result),
        }));
    }
  });
}

export function assistantTurn(content: string): TrainingMessage {
  return { role: 'assistant', content };
}

function toUserPart(part: Extract<Message, { role: 'user' }>['parts'][number]): UserContentPart {
  if (part.type === 'text') return { type: 'text', text: part.text };
  const image_url = part.detail ? { url: part.url, detail: part.detail } : { url: part.url };
  return { type: 'image_url', image_url };
}

function jsonText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}
