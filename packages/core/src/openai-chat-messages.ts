// Core messages in OpenAI's chat shape: what providers send (`messages` of a chat completion) and
// what training files hold (OpenAI fine-tuning JSONL and TRL's conversational datasets), so both
// write them one way. Text as plain strings where there is only text (several compatible servers
// reject content arrays for text), images as `image_url` parts, tool calls with their arguments
// as JSON text, one `tool` message per result. Reasoning is left out unless the caller names the
// assistant messages that carry it back (a provider's replay policy).
import type { AssistantMessage, Message, ToolCallPart, UserMessage } from './message.js';

export type OpenAIUserContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } };

export interface OpenAIToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type OpenAIChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string | OpenAIUserContentPart[] }
  | {
      role: 'assistant';
      content: string | null;
      tool_calls?: OpenAIToolCall[];
      /** Non-standard (DeepSeek and others): sent back only for the messages asked for. */
      reasoning_content?: string;
    }
  | { role: 'tool'; tool_call_id: string; content: string };

/** `withReasoning`: the assistant messages whose reasoning goes back as `reasoning_content`. */
export function toOpenAIChatMessages(
  messages: readonly Message[],
  withReasoning?: ReadonlySet<Message>,
): OpenAIChatMessage[] {
  const wire: OpenAIChatMessage[] = [];
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        wire.push({ role: 'system', content: message.parts.map((part) => part.text).join('') });
        break;
      case 'user':
        wire.push(toUserMessage(message.parts));
        break;
      case 'assistant':
        wire.push(toAssistantMessage(message, withReasoning?.has(message) === true));
        break;
      case 'tool':
        // One OpenAI tool message per result: the API matches them by tool_call_id.
        for (const part of message.parts)
          wire.push({
            role: 'tool',
            tool_call_id: part.toolCallId,
            content: jsonText(part.result, null),
          });
        break;
    }
  }
  return wire;
}

function toUserMessage(parts: UserMessage['parts']): OpenAIChatMessage {
  const [only] = parts;
  if (parts.length === 1 && only?.type === 'text') return { role: 'user', content: only.text };
  if (parts.every((part) => part.type === 'text'))
    return { role: 'user', content: parts.map((part) => part.text).join('') };
  return {
    role: 'user',
    content: parts.map((part) =>
      part.type === 'text'
        ? { type: 'text' as const, text: part.text }
        : {
            type: 'image_url' as const,
            image_url: part.detail ? { url: part.url, detail: part.detail } : { url: part.url },
          },
    ),
  };
}

function toAssistantMessage(message: AssistantMessage, withReasoning: boolean): OpenAIChatMessage {
  let text = '';
  let reasoning = '';
  const toolCalls: ToolCallPart[] = [];
  for (const part of message.parts) {
    if (part.type === 'text') text += part.text;
    else if (part.type === 'reasoning') reasoning += part.text;
    else toolCalls.push(part);
  }
  const wire: Extract<OpenAIChatMessage, { role: 'assistant' }> = {
    role: 'assistant',
    content: text === '' && toolCalls.length > 0 ? null : text,
  };
  if (toolCalls.length > 0)
    wire.tool_calls = toolCalls.map((call) => ({
      id: call.id,
      type: 'function' as const,
      function: { name: call.name, arguments: jsonText(call.arguments, {}) },
    }));
  // DeepSeek checks the field's presence, so a carrier sends it even when empty.
  if (withReasoning) wire.reasoning_content = reasoning;
  return wire;
}

/** Strings as they are (arguments that did not parse go back exactly as written), else JSON. */
function jsonText(value: unknown, absent: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? absent);
}
