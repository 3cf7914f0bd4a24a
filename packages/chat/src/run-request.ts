// Runs a prepared request through the advisor chain in either mode. The terminal of both chains is
// the shared tool loop; the two modes differ only in how a model turn is fetched and how the
// loop's result is handed back (a value for call, `usage` + `finish` events for stream).
import { CHAT_CONTEXT_KEYS, reasoningOf, toolCallsOf } from '@repo/core';
import type {
  CallAdvisorNext,
  ChatModel,
  ChatRequest,
  ChatResponse,
  ChatStreamEvent,
  Message,
  StreamAdvisorNext,
} from '@repo/core';
import { buildCallChain, buildStreamChain } from './advisor-chain.js';
import type { ChatClientResponse } from './chat-client-types.js';
import type { PreparedRequest } from './prepare-request.js';
import { callTurn, runToolLoop, streamTurn } from './tool-loop.js';
import type { ToolLoopInput } from './tool-loop.js';

function loopInput(prepared: PreparedRequest, request: ChatRequest): ToolLoopInput {
  return {
    request,
    tools: prepared.tools,
    toolContext: prepared.toolContext,
    mode: prepared.mode,
    maxIterations: prepared.maxIterations,
  };
}

export async function runCall(
  model: ChatModel,
  prepared: PreparedRequest,
): Promise<ChatClientResponse> {
  const terminal: CallAdvisorNext = async ({ request, context }) => {
    const loop = runToolLoop(loopInput(prepared, request), callTurn(model));
    // call() has no live consumer: skip the events, keep the result.
    let step = await loop.next();
    while (!step.done) step = await loop.next();
    context.set(CHAT_CONTEXT_KEYS.messages, step.value.messages);
    return { response: step.value.response, context, messages: step.value.messages };
  };
  const chain = buildCallChain(prepared.advisors, terminal);
  const advised = await chain({ request: prepared.request, context: prepared.context });
  return toClientResponse(
    advised.response,
    advised.messages ?? [advised.response.message],
    advised.context,
  );
}

export function runStream(
  model: ChatModel,
  prepared: PreparedRequest,
): AsyncIterable<ChatStreamEvent> {
  const terminal: StreamAdvisorNext = async function* ({ request, context }) {
    const result = yield* runToolLoop(loopInput(prepared, request), streamTurn(model));
    // Streams have no `messages` field; advisors (memory) and collect() read them from the context.
    context.set(CHAT_CONTEXT_KEYS.messages, result.messages);
    const { response } = result;
    yield { type: 'usage', usage: response.totalUsage ?? response.usage };
    yield { type: 'finish', finishReason: response.finishReason, response };
  };
  const chain = buildStreamChain(prepared.advisors, terminal);
  return chain({ request: prepared.request, context: prepared.context });
}

export function toClientResponse(
  response: ChatResponse,
  messages: Message[],
  context: Map<string, unknown>,
): ChatClientResponse {
  const result: ChatClientResponse = {
    content: response.text,
    response,
    usage: response.totalUsage ?? response.usage,
    messages,
    toolCalls: toolCallsOf(response.message),
    context,
  };
  // Set after, not spread in: a spread of `{}` or `{ reasoning }` costs an object and a copy.
  const reasoning = reasoningOf(response.message);
  if (reasoning) result.reasoning = reasoning;
  return result;
}
