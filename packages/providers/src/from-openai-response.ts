// OpenAI responses → core. Call and stream both end in `assembleResponse`, so the two paths build
// the same ChatResponse from the same pieces (anchors P4: stream and call must not diverge).
import type { AssistantMessage, ChatResponse, FinishReason, ToolCallPart, Usage } from '@repo/core';
import type { ChatCompletion } from 'openai/resources/chat/completions';

export interface ResponseParts {
  id: string;
  provider: string;
  model: string;
  reasoning: string;
  text: string;
  toolCalls: ToolCallPart[];
  finishReason: FinishReason;
  usage: Usage;
}

export function assembleResponse(parts: ResponseParts): ChatResponse {
  const message: AssistantMessage = { role: 'assistant', parts: [] };
  if (parts.reasoning !== '') message.parts.push({ type: 'reasoning', text: parts.reasoning });
  if (parts.text !== '') message.parts.push({ type: 'text', text: parts.text });
  message.parts.push(...parts.toolCalls);
  return {
    id: parts.id,
    provider: parts.provider,
    model: parts.model,
    message,
    text: parts.text,
    finishReason: parts.finishReason,
    usage: parts.usage,
    totalUsage: parts.usage,
  };
}

export function mapFinishReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    case 'content_filter':
      return 'content-filter';
    default:
      return 'other';
  }
}

/** The usage object of a completion or chunk (OpenAI shape; DeepSeek/Qwen/Moonshot follow it). */
export interface WireUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  total_tokens?: number | null;
  prompt_tokens_details?: { cached_tokens?: number | null } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null } | null;
}

export function mapUsage(usage: WireUsage | null | undefined): Usage {
  const promptTokens = usage?.prompt_tokens ?? 0;
  const completionTokens = usage?.completion_tokens ?? 0;
  const mapped: Usage = {
    promptTokens,
    completionTokens,
    totalTokens: usage?.total_tokens ?? promptTokens + completionTokens,
  };
  const reasoningTokens = usage?.completion_tokens_details?.reasoning_tokens;
  if (typeof reasoningTokens === 'number') mapped.reasoningTokens = reasoningTokens;
  const cachedTokens = usage?.prompt_tokens_details?.cached_tokens;
  if (typeof cachedTokens === 'number') mapped.cachedTokens = cachedTokens;
  return mapped;
}

/**
 * Tool arguments as the model wrote them, parsed. Empty means a zero-argument call (`{}`);
 * unparseable text is kept as the raw string so the tool loop can show the model its mistake.
 */
export function parseToolArguments(raw: string): unknown {
  if (raw.trim() === '') return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** `reasoning_content` (DeepSeek, Qwen, GLM, Kimi) or `reasoning` (vLLM, OpenRouter, Ollama). */
export function reasoningFieldOf(value: object | null | undefined): string {
  if (!value) return '';
  const record = value as { reasoning_content?: unknown; reasoning?: unknown };
  if (typeof record.reasoning_content === 'string') return record.reasoning_content;
  if (typeof record.reasoning === 'string') return record.reasoning;
  return '';
}

export function fromChatCompletion(
  completion: ChatCompletion,
  provider: string,
  requestedModel: string,
): ChatResponse {
  const choices = completion.choices ?? [];
  const choice = choices.find((c) => (c.index ?? 0) === 0) ?? choices[0];
  const message = choice?.message;
  const toolCalls: ToolCallPart[] = [];
  for (const [position, call] of (message?.tool_calls ?? []).entries()) {
    if (call.type !== 'function') continue;
    toolCalls.push({
      type: 'tool-call',
      id: call.id || `call_${position}`,
      name: call.function.name,
      arguments: parseToolArguments(call.function.arguments ?? ''),
    });
  }
  return assembleResponse({
    id: completion.id ?? '',
    provider,
    model: completion.model || requestedModel,
    reasoning: reasoningFieldOf(message),
    text: message?.content ?? '',
    toolCalls,
    finishReason: mapFinishReason(choice?.finish_reason),
    usage: mapUsage(completion.usage),
  });
}
