// The message model shared by every package: a message is a role plus typed parts, so tool calls,
// tool results and reasoning survive storage and replay (Spring AI's Message/AssistantMessage/
// ToolResponseMessage, with reasoning as a first-class part instead of provider metadata).

export interface TextPart {
  type: 'text';
  text: string;
}

/** Model "thinking" (DeepSeek/Qwen/GLM `reasoning_content`). Kept so it can be sent back when the provider requires it. */
export interface ReasoningPart {
  type: 'reasoning';
  text: string;
}

/** An image by reference (URL or data URL); bytes are never inlined in the message model. */
export interface ImagePart {
  type: 'image';
  url: string;
  mediaType?: string;
  detail?: 'auto' | 'low' | 'high';
}

export interface ToolCallPart {
  type: 'tool-call';
  id: string;
  name: string;
  /** Parsed JSON arguments (an object for well-behaved models). */
  arguments: unknown;
}

export interface ToolResultPart {
  type: 'tool-result';
  toolCallId: string;
  name: string;
  /** Any JSON-serialisable value; strings are sent as they are. */
  result: unknown;
  isError?: boolean;
}

export type MessagePart = TextPart | ReasoningPart | ImagePart | ToolCallPart | ToolResultPart;

export interface SystemMessage {
  role: 'system';
  parts: TextPart[];
}

export interface UserMessage {
  role: 'user';
  parts: Array<TextPart | ImagePart>;
}

export interface AssistantMessage {
  role: 'assistant';
  parts: Array<TextPart | ReasoningPart | ToolCallPart>;
}

export interface ToolMessage {
  role: 'tool';
  parts: ToolResultPart[];
}

export type Message = SystemMessage | UserMessage | AssistantMessage | ToolMessage;
export type MessageRole = Message['role'];

export function systemMessage(text: string): SystemMessage {
  return { role: 'system', parts: [{ type: 'text', text }] };
}

export function userMessage(content: string | Array<TextPart | ImagePart>): UserMessage {
  return {
    role: 'user',
    parts: typeof content === 'string' ? [{ type: 'text', text: content }] : content,
  };
}

export function assistantMessage(
  content: string | Array<TextPart | ReasoningPart | ToolCallPart>,
): AssistantMessage {
  return {
    role: 'assistant',
    parts: typeof content === 'string' ? [{ type: 'text', text: content }] : content,
  };
}

export function toolMessage(results: ToolResultPart[]): ToolMessage {
  return { role: 'tool', parts: results };
}

/** The concatenated text parts of a message (reasoning excluded). */
export function textOf(message: Message): string {
  let text = '';
  for (const part of message.parts) if (part.type === 'text') text += part.text;
  return text;
}

export function reasoningOf(message: Message): string {
  let text = '';
  for (const part of message.parts) if (part.type === 'reasoning') text += part.text;
  return text;
}

export function toolCallsOf(message: Message): ToolCallPart[] {
  return message.parts.filter((part): part is ToolCallPart => part.type === 'tool-call');
}
