// The tool loop, written once for call() and stream() (docs/pain-points.md P4: streamed and non-streamed tool
// calls must not behave differently). A model turn is always consumed as events: call() wraps
// `model.call` into a single `finish` event, stream() passes the model's live events, so every
// decision below (run tools, stop, return directly, give up) is the same code in both modes.
import {
  addUsage,
  AiError,
  assistantMessage,
  emptyUsage,
  runToolCalls,
  toolCallsOf,
  toolMessage,
} from '@repo/core';
import type { ChatModel, ChatRequest, ChatResponse, ChatStreamEvent, Message } from '@repo/core';
import type { AnyTool, ToolExecutionMode } from './chat-client-types.js';
import { ToolLoopLimitError } from './chat-errors.js';

/**
 * One model turn as events; the last one must be `finish`. A turn that has no live events (call())
 * may also give the answer directly as `answer`, which the loop then awaits instead of iterating.
 */
export interface ModelTurn {
  (request: ChatRequest): AsyncIterable<ChatStreamEvent>;
  answer?: (request: ChatRequest) => Promise<ChatResponse>;
}

export interface ToolLoopInput {
  /** The request after the advisors: messages, options, tool definitions, signal. */
  request: ChatRequest;
  tools: ReadonlyMap<string, AnyTool>;
  toolContext: Readonly<Record<string, unknown>>;
  mode: ToolExecutionMode;
  maxIterations: number;
}

export interface ToolLoopResult {
  /** The final turn, with `totalUsage` summed over every turn. */
  response: ChatResponse;
  /** Every message the loop produced, in order. */
  messages: Message[];
}

// One turn per model, made on its first call(): a turn holds nothing of a request, and making two
// closures (one with a property added) on every call was garbage on every JSON chat request.
const callTurns = new WeakMap<ChatModel, ModelTurn>();

/** call(): the model's whole answer as one `finish` event, or directly (what the loop uses). */
export function callTurn(model: ChatModel): ModelTurn {
  const made = callTurns.get(model);
  if (made) return made;
  const turn: ModelTurn = async function* (request) {
    const response = await model.call(request);
    yield { type: 'finish', finishReason: response.finishReason, response };
  };
  // The same answer without two async generators around it: call() is the hot path of every
  // JSON chat endpoint, and the generators were a visible share of its CPU.
  turn.answer = (request) => model.call(request);
  callTurns.set(model, turn);
  return turn;
}

/** stream(): the model's live events. */
export function streamTurn(model: ChatModel): ModelTurn {
  return (request) => model.stream(request);
}

/**
 * Yields what a caller should see live (deltas, tool calls, tool results) and returns the result;
 * the per-turn `usage` and `finish` events are held back because only the summed ones are final.
 */
export async function* runToolLoop(
  input: ToolLoopInput,
  turn: ModelTurn,
): AsyncGenerator<ChatStreamEvent, ToolLoopResult, undefined> {
  const produced: Message[] = [];
  let total = emptyUsage();
  for (let iterations = 0; ; iterations++) {
    // The first turn sends the request as it came (nothing produced yet to append).
    const request =
      produced.length === 0
        ? input.request
        : { ...input.request, messages: [...input.request.messages, ...produced] };
    const response = turn.answer ? await turn.answer(request) : yield* runTurn(turn, request);
    total = addUsage(total, response.totalUsage ?? response.usage);
    // Kept whole: reasoning parts must go back to providers that require them (docs/pain-points.md P6).
    produced.push(response.message);
    const calls = toolCallsOf(response.message);
    if (calls.length === 0 || input.mode === 'manual')
      return { response: { ...response, totalUsage: total }, messages: produced };
    if (iterations >= input.maxIterations) throw new ToolLoopLimitError(iterations, produced);

    const results = await runToolCalls(calls, input.tools, {
      context: input.toolContext,
      messages: [...request.messages, response.message],
      ...(input.request.signal ? { signal: input.request.signal } : {}),
    });
    for (const toolResult of results) yield { type: 'tool-result', toolResult };
    produced.push(toolMessage(results));

    if (calls.every((call) => input.tools.get(call.name)?.returnDirect === true)) {
      const text = results
        .map(({ result }) => (typeof result === 'string' ? result : JSON.stringify(result)))
        .join('\n');
      const message = assistantMessage(text);
      produced.push(message);
      yield { type: 'text-delta', text };
      const direct: ChatResponse = {
        ...response,
        message,
        text,
        finishReason: 'stop',
        totalUsage: total,
      };
      return { response: direct, messages: produced };
    }
  }
}

async function* runTurn(
  turn: ModelTurn,
  request: ChatRequest,
): AsyncGenerator<ChatStreamEvent, ChatResponse, undefined> {
  for await (const event of turn(request)) {
    if (event.type === 'finish') return event.response;
    if (event.type === 'error') throw event.error;
    if (event.type !== 'usage') yield event;
  }
  throw new AiError('The model stream ended without a finish event', { code: 'stream_incomplete' });
}
