// OpenAI responses → core. Call and stream both end in `assembleResponse`, so the two paths build
// the same ChatResponse from the same pieces (docs/pain-points.md P4: stream and call must not diverge).
import type { AssistantMessage, ChatResponse, FinishReason, ToolCallPart, Usage } from '@repo/core';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { joinContentPieces, readContentPieces } from './message-content.js';
import { createToolCallAssembler, type ToolCallDelta } from './tool-call-assembler.js';

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
 * The same assembly as a stream's deltas, so a call without `type` (Mistral) or without an id
 * comes out of call() exactly as it does out of stream(). Most answers call no tool: they skip
 * building an assembler.
 */
function assembleToolCalls(calls: readonly ToolCallDelta[] | null | undefined): ToolCallPart[] {
  if (!calls || calls.length === 0) return [];
  const toolCalls = createToolCallAssembler();
  calls.forEach((call, index) => toolCalls.push({ ...call, index }));
  return toolCalls.finish();
}

export function fromChatCompletion(
  completion: ChatCompletion,
  provider: string,
  requestedModel: string,
): ChatResponse {
  const choices = completion.choices ?? [];
  const choice = choices.find((c) => (c.index ?? 0) === 0) ?? choices[0];
  const message = choice?.message;
  const { reasoning, text } = joinContentPieces(readContentPieces(message));
  return assembleResponse({
    id: completion.id ?? '',
    provider,
    model: completion.model || requestedModel,
    reasoning,
    text,
    toolCalls: assembleToolCalls(message?.tool_calls),
    finishReason: mapFinishReason(choice?.finish_reason),
    usage: mapUsage(completion.usage),
  });
}
