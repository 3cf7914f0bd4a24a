// A scripted ChatModel for pure logic (advisor order, parsers) and for users' own unit tests.
// Anything that touches a provider or HTTP should talk to local-llm instead.
import { AiError } from '../ai-errors.js';
import type {
  ChatModel,
  ChatModelCapabilities,
  ChatRequest,
  ChatResponse,
  ChatStreamEvent,
  FinishReason,
  Usage,
} from '../chat-model.js';
import type { AssistantMessage, ToolCallPart } from '../message.js';
import { simulateStream } from './simulate-stream.js';

export interface MockReplySpec {
  text?: string;
  reasoning?: string;
  toolCalls?: Array<{ id?: string; name: string; arguments?: unknown }>;
  usage?: Partial<Usage>;
  finishReason?: FinishReason;
  /** Exact events for `stream()`; when absent the stream is derived from the reply. */
  events?: ChatStreamEvent[];
}

export type MockReply = string | Error | MockReplySpec | ((request: ChatRequest) => MockReply);

export interface MockChatModelOptions {
  /** Consumed in order, one per call or stream. */
  replies?: MockReply[];
  /** Used once `replies` is exhausted; without it an exhausted mock throws. */
  defaultReply?: MockReply;
  provider?: string;
  modelId?: string;
  /** Delay between derived stream events. */
  chunkDelayMs?: number;
  capabilities?: ChatModelCapabilities;
}

export class MockChatModel implements ChatModel {
  readonly provider: string;
  readonly modelId: string;
  readonly capabilities: ChatModelCapabilities;
  /** Every request received, in order (call and stream alike). */
  readonly requests: ChatRequest[] = [];
  private readonly replies: MockReply[];

  constructor(private readonly options: MockChatModelOptions = {}) {
    this.provider = options.provider ?? 'mock';
    this.modelId = options.modelId ?? 'mock-model';
    this.capabilities = options.capabilities ?? { structuredOutput: 'none', tools: true };
    this.replies = [...(options.replies ?? [])];
  }

  async call(request: ChatRequest): Promise<ChatResponse> {
    const spec = this.nextSpec(request);
    return this.toResponse(spec, request);
  }

  async *stream(request: ChatRequest): AsyncIterable<ChatStreamEvent> {
    const spec = this.nextSpec(request);
    const events = spec.events ?? this.deriveEvents(this.toResponse(spec, request));
    yield* simulateStream(events, {
      chunkDelayMs: this.options.chunkDelayMs,
      signal: request.signal,
    });
  }

  private nextSpec(request: ChatRequest): MockReplySpec {
    this.requests.push(request);
    let reply = this.replies.length > 0 ? this.replies.shift() : this.options.defaultReply;
    if (reply === undefined)
      throw new AiError(`MockChatModel has no reply left for request #${this.requests.length}`, {
        code: 'mock_exhausted',
      });
    while (typeof reply === 'function') reply = reply(request);
    if (reply instanceof Error) throw reply;
    return typeof reply === 'string' ? { text: reply } : reply;
  }

  private toResponse(spec: MockReplySpec, request: ChatRequest): ChatResponse {
    const toolCalls: ToolCallPart[] = (spec.toolCalls ?? []).map((call, index) => ({
      type: 'tool-call',
      id: call.id ?? `call_mock_${this.requests.length}_${index}`,
      name: call.name,
      arguments: call.arguments ?? {},
    }));
    const message: AssistantMessage = { role: 'assistant', parts: [] };
    if (spec.reasoning) message.parts.push({ type: 'reasoning', text: spec.reasoning });
    if (spec.text) message.parts.push({ type: 'text', text: spec.text });
    message.parts.push(...toolCalls);
    const promptTokens = spec.usage?.promptTokens ?? countWords(JSON.stringify(request.messages));
    const completionTokens = spec.usage?.completionTokens ?? countWords(spec.text ?? '');
    return {
      id: `mock-${this.requests.length}`,
      provider: this.provider,
      model: request.options?.model ?? this.modelId,
      message,
      text: spec.text ?? '',
      finishReason: spec.finishReason ?? (toolCalls.length > 0 ? 'tool-calls' : 'stop'),
      usage: {
        promptTokens,
        completionTokens,
        totalTokens: spec.usage?.totalTokens ?? promptTokens + completionTokens,
      },
    };
  }

  private deriveEvents(response: ChatResponse): ChatStreamEvent[] {
    const events: ChatStreamEvent[] = [];
    for (const part of response.message.parts) {
      if (part.type === 'reasoning') events.push({ type: 'reasoning-delta', text: part.text });
      else if (part.type === 'text')
        for (const piece of part.text.match(/\S+\s*|\s+/g) ?? [])
          events.push({ type: 'text-delta', text: piece });
      else events.push({ type: 'tool-call', toolCall: part });
    }
    events.push({ type: 'usage', usage: response.usage });
    events.push({ type: 'finish', finishReason: response.finishReason, response });
    return events;
  }
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
