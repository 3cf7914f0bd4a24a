// Core messages → OpenAI chat messages. Reasoning parts go back as `reasoning_content` only where
// the provider's replay policy asks for it: providers that validate strictly reject the field.
import type { AssistantMessage, Message, ToolCallPart } from '@repo/core';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ReasoningReplay } from './quirks.js';

/** An OpenAI message plus the non-standard `reasoning_content` some providers require. */
export type WireMessage = ChatCompletionMessageParam & { reasoning_content?: string };

export function toOpenAIMessages(messages: Message[], replay: ReasoningReplay): WireMessage[] {
  const wire: WireMessage[] = [];
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        wire.push({ role: 'system', content: message.parts.map((part) => part.text).join('') });
        break;
      case 'user':
        wire.push(toUserMessage(message.parts));
        break;
      case 'assistant':
        wire.push(toAssistantMessage(message, replay));
        break;
      case 'tool':
        // One OpenAI tool message per result: the API matches them by tool_call_id.
        for (const part of message.parts)
          wire.push({
            role: 'tool',
            tool_call_id: part.toolCallId,
            content: stringifyResult(part.result),
          });
        break;
    }
  }
  return wire;
}

function toUserMessage(parts: Extract<Message, { role: 'user' }>['parts']): WireMessage {
  // Plain strings where possible: several compatible servers reject content arrays for text.
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

function toAssistantMessage(message: AssistantMessage, replay: ReasoningReplay): WireMessage {
  let text = '';
  let reasoning = '';
  const toolCalls: ToolCallPart[] = [];
  for (const part of message.parts) {
    if (part.type === 'text') text += part.text;
    else if (part.type === 'reasoning') reasoning += part.text;
    else toolCalls.push(part);
  }
  const wire: WireMessage = {
    role: 'assistant',
    content: text === '' && toolCalls.length > 0 ? null : text,
  };
  if (toolCalls.length > 0)
    wire.tool_calls = toolCalls.map((call) => ({
      id: call.id,
      type: 'function' as const,
      function: { name: call.name, arguments: stringifyArguments(call.arguments) },
    }));
  // DeepSeek checks the field's presence on tool-call turns, so it is sent even when empty there.
  const sendReasoning =
    replay === 'always' ? reasoning !== '' : replay === 'tool-call-turns' && toolCalls.length > 0;
  if (sendReasoning) wire.reasoning_content = reasoning;
  return wire;
}

/** Arguments kept raw (they did not parse) go back exactly as the model wrote them. */
export function stringifyArguments(args: unknown): string {
  if (typeof args === 'string') return args;
  return JSON.stringify(args ?? {});
}

function stringifyResult(result: unknown): string {
  if (typeof result === 'string') return result;
  return JSON.stringify(result ?? null);
}
