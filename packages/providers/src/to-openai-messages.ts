// Core messages → OpenAI chat messages (core's toOpenAIChatMessages, shared with training-file
// exports). Reasoning parts go back as `reasoning_content` only where the provider's replay policy
// asks for it: providers that validate strictly reject the field.
import { reasoningOf, toOpenAIChatMessages, type AssistantMessage, type Message } from '@repo/core';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ReasoningReplay } from './quirks.js';

/** An OpenAI message plus the non-standard `reasoning_content` some providers require. */
export type WireMessage = ChatCompletionMessageParam & { reasoning_content?: string };

export function toOpenAIMessages(messages: Message[], replay: ReasoningReplay): WireMessage[] {
  // Core's shape is the SDK's (plus reasoning_content), written without the SDK's types.
  return toOpenAIChatMessages(messages, reasoningCarriers(messages, replay)) as WireMessage[];
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
