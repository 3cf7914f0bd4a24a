// Core messages → OpenAI chat messages. Reasoning parts go back as `reasoning_content` only where
// the provider's replay policy asks for it: providers that validate strictly reject the field.
import { reasoningOf, type AssistantMessage, type Message, type ToolCallPart } from '@repo/core';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ReasoningReplay } from './quirks.js';

/** An OpenAI message plus the non-standard `reasoning_content` some providers require. */
export type WireMessage = ChatCompletionMessageParam & { reasoning_content?: string };

export function toOpenAIMessages(messages: Message[], replay: ReasoningReplay): WireMessage[] {
  const carriesReasoning = reasoningCarriers(messages, replay);
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
        wire.push(toAssistantMessage(message, carriesReasoning.has(message)));
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
  // One text part (nearly every message) is sent as it is, without an array to join.
  const [first] = parts;
  if (parts.length === 1 && first?.type === 'text') return { role: 'user', content: first.text };
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

/**
 * The assistant messages whose reasoning goes back. `tool-call-turns` follows DeepSeek's thinking
 * mode guide (https://api-docs.deepseek.com/guides/thinking_mode#tool-calls): between two user
 * messages, if the model called a tool, every assistant message there (the tool-call steps and the
 * answer after them) must carry its `reasoning_content` in all later requests, and the API answers
 * 400 when one lacks the field; between two user messages without a tool call it is not needed
 * (the API ignores it), so it is not sent.
 */
function reasoningCarriers(messages: Message[], replay: ReasoningReplay): Set<Message> {
  const carriers = new Set<Message>();
  if (replay === 'always')
    for (const message of messages)
      if (message.role === 'assistant' && reasoningOf(message) !== '') carriers.add(message);
  if (replay !== 'tool-call-turns') return carriers;
  let turn: AssistantMessage[] = [];
  let turnCalledTool = false;
  const closeTurn = () => {
    if (turnCalledTool) for (const message of turn) carriers.add(message);
    turn = [];
    turnCalledTool = false;
  };
  for (const message of messages) {
    if (message.role === 'user') closeTurn();
    if (message.role !== 'assistant') continue;
    turn.push(message);
    if (message.parts.some((part) => part.type === 'tool-call')) turnCalledTool = true;
  }
  closeTurn();
  return carriers;
}

function toAssistantMessage(message: AssistantMessage, withReasoning: boolean): WireMessage {
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
  // DeepSeek checks the field's presence, so a carrier sends it even when empty.
  if (withReasoning) wire.reasoning_content = reasoning;
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
