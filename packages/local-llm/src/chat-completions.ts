// POST /v1/chat/completions: validates the body, applies faults, hands a trained model's id to
// trained-chat.ts, else applies scripted replies (rule 1), asks reply-rules for the answer,
// counts usage and answers as JSON or as an SSE stream.
import { parseChatRequest, type ChatRequest, type ToolCall } from './chat-request.js';
import {
  chunkMaker,
  completionBody,
  completionHead,
  usageOf,
  type CompletionHead,
  type Usage,
} from './completion-wire.js';
import type { ControlState } from './control.js';
import type { Exchange } from './exchange.js';
import { preResponseFault } from './fault-injection.js';
import { newId } from './ids.js';
import { errorResponse, jsonResponse } from './openai-errors.js';
import { planReply, type PlannedReply } from './reply-rules.js';
import { sseResponse } from './sse.js';
import { streamPieces } from './text-utils.js';
import { countTokens, truncateToTokens } from './tokens.js';
import { answerWithTrainedModel } from './trained-chat.js';
import type { TrainedModels } from './trained-models.js';
import type { ScriptedReply } from './types.js';

function fromScript(scripted: ScriptedReply): PlannedReply {
  const toolCalls = (scripted.toolCalls ?? []).map((call) => ({
    id: call.id ?? newId('call_'),
    name: call.name,
    arguments:
      typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
  }));
  return {
    content: scripted.content ?? (toolCalls.length > 0 ? null : ''),
    reasoning: scripted.reasoning,
    toolCalls,
    finishReason: scripted.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
    ...(scripted.usage ? { usage: scripted.usage } : {}),
  };
}

/** Prompt tokens the way OpenAI counts them, roughly: 3 per message + its text + 3 to prime the reply. */
function promptTokens(request: ChatRequest): number {
  let total = 3;
  for (const message of request.messages) {
    total += 3 + countTokens(message.text);
    for (const call of message.toolCalls)
      total += countTokens(call.name) + countTokens(call.arguments);
  }
  if (request.tools.length > 0) total += countTokens(JSON.stringify(request.tools));
  return total;
}

function usageFor(request: ChatRequest, reply: PlannedReply): Usage {
  const reasoning = countTokens(reply.reasoning ?? '');
  const toolTokens = reply.toolCalls.reduce(
    (n, c) => n + countTokens(c.name) + countTokens(c.arguments),
    0,
  );
  const prompt = reply.usage?.promptTokens ?? promptTokens(request);
  const completion =
    reply.usage?.completionTokens ?? reasoning + countTokens(reply.content ?? '') + toolTokens;
  return usageOf(prompt, completion, reasoning);
}

function applyMaxTokens(reply: PlannedReply, maxTokens: number | undefined): PlannedReply {
  if (maxTokens === undefined || reply.content === null || reply.toolCalls.length > 0) return reply;
  const cut = truncateToTokens(reply.content, maxTokens);
  return cut === reply.content ? reply : { ...reply, content: cut, finishReason: 'length' };
}

const wireToolCall = (call: ToolCall) => ({
  id: call.id,
  type: 'function' as const,
  function: { name: call.name, arguments: call.arguments },
});

/** Argument JSON in at least two pieces, as real providers stream it. */
function argumentPieces(args: string): string[] {
  const size = Math.max(1, Math.ceil(args.length / 3));
  const pieces: string[] = [];
  for (let i = 0; i < args.length; i += size) pieces.push(args.slice(i, i + size));
  return pieces.length === 1 && args.length > 1 ? [args.slice(0, 1), args.slice(1)] : pieces;
}

function streamChunks(head: CompletionHead, reply: PlannedReply, usage: Usage | undefined) {
  const { chunk, usage: usageChunk } = chunkMaker(head);
  const chunks: unknown[] = [chunk({ role: 'assistant', content: '' })];
  for (const piece of streamPieces(reply.reasoning ?? ''))
    chunks.push(chunk({ reasoning_content: piece }));
  for (const piece of streamPieces(reply.content ?? '')) chunks.push(chunk({ content: piece }));
  reply.toolCalls.forEach((call, index) => {
    const opening = {
      index,
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: '' },
    };
    chunks.push(chunk({ tool_calls: [opening] }));
    for (const piece of argumentPieces(call.arguments))
      chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
  });
  chunks.push(chunk({}, reply.finishReason));
  if (usage) chunks.push(usageChunk(usage));
  return chunks;
}

export async function handleChatCompletions(
  body: unknown,
  state: ControlState,
  exchange: Exchange,
  trained?: TrainedModels,
): Promise<Response> {
  const request = parseChatRequest(body);
  const faults = state.takeFaults();
  const faulted = await preResponseFault(faults, exchange);
  if (faulted) return faulted;
  // A trained checkpoint answers for itself: no scripted replies, no reply rules.
  if (trained?.has(request.model))
    return answerWithTrainedModel(trained, request, body, exchange, faults);

  const scripted = state.nextScripted();
  if (scripted?.error) {
    const { status, message, type, code, retryAfter } = scripted.error;
    return errorResponse(status, message ?? `Scripted error: HTTP ${status}.`, {
      ...(type ? { type } : {}),
      ...(code ? { code } : {}),
      ...(retryAfter === undefined ? {} : { retryAfter }),
    });
  }
  const reply = scripted
    ? fromScript(scripted)
    : applyMaxTokens(planReply(request), request.maxTokens);
  const usage = usageFor(request, reply);
  const head = completionHead(request.model);

  if (request.stream) {
    const chunks = streamChunks(head, reply, request.includeUsage ? usage : undefined);
    return sseResponse(chunks, exchange, faults);
  }
  const message: Record<string, unknown> = { role: 'assistant', content: reply.content };
  if (reply.reasoning !== undefined) message.reasoning_content = reply.reasoning;
  if (reply.toolCalls.length > 0) message.tool_calls = reply.toolCalls.map(wireToolCall);
  return jsonResponse(completionBody(head, message, reply.finishReason, usage));
}
