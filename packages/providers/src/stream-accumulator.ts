// Chat completion chunks → core stream events, accumulating what the finish event's response
// needs. Text and reasoning stream as they come; tool calls, usage and finish are emitted once
// the provider's stream has ended, because only then are tool arguments complete.
import {
  emptyUsage,
  ProviderUnavailableError,
  type ChatStreamEvent,
  type FinishReason,
  type Usage,
} from '@repo/core';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { assembleResponse, mapFinishReason, mapUsage } from './from-openai-response.js';
import { readContentPieces } from './message-content.js';
import { createToolCallAssembler } from './tool-call-assembler.js';

export interface StreamAccumulator {
  push(chunk: ChatCompletionChunk): ChatStreamEvent[];
  /** Throws ProviderUnavailableError (`stream_interrupted`) when no finish reason ever arrived. */
  finish(): ChatStreamEvent[];
}

export function createStreamAccumulator(
  provider: string,
  requestedModel: string,
): StreamAccumulator {
  const toolCalls = createToolCallAssembler();
  let id = '';
  let model = '';
  let text = '';
  let reasoning = '';
  let finishReason: FinishReason | undefined;
  let usage: Usage | undefined;

  return {
    push(chunk) {
      const events: ChatStreamEvent[] = [];
      if (!id && chunk.id) id = chunk.id;
      if (!model && chunk.model) model = chunk.model;
      // Qwen and OpenAI send usage in a chunk of its own with empty choices; DeepSeek and Kimi
      // attach it to the finishing chunk.
      if (chunk.usage) usage = mapUsage(chunk.usage);
      const choice = chunk.choices?.find((c) => (c.index ?? 0) === 0);
      if (!choice) return events;
      const delta = choice.delta ?? {};
      for (const piece of readContentPieces(delta)) {
        if (piece.type === 'reasoning') reasoning += piece.text;
        else text += piece.text;
        events.push({ type: `${piece.type}-delta`, text: piece.text });
      }
      for (const call of delta.tool_calls ?? []) toolCalls.push(call);
      if (choice.finish_reason) finishReason = mapFinishReason(choice.finish_reason);
      return events;
    },
    finish() {
      if (finishReason === undefined)
        throw new ProviderUnavailableError(
          `The ${provider} stream ended before the model finished its answer`,
          { provider, model: model || requestedModel, code: 'stream_interrupted' },
        );
      const calls = toolCalls.finish();
      const events: ChatStreamEvent[] = calls.map((toolCall) => ({ type: 'tool-call', toolCall }));
      if (usage) events.push({ type: 'usage', usage });
      const response = assembleResponse({
        id,
        provider,
        model: model || requestedModel,
        reasoning,
        text,
        toolCalls: calls,
        finishReason,
        usage: usage ?? emptyUsage(),
      });
      events.push({ type: 'finish', finishReason, response });
      return events;
    },
  };
}
