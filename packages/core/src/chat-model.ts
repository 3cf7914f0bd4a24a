// The ChatModel contract (Spring AI's ChatModel with call + stream): one request shape, one
// response shape and one stream-event vocabulary for every provider.
import type { AssistantMessage, Message, ToolCallPart, ToolResultPart } from './message.js';

/** A JSON Schema object (draft 2020-12 subset that providers accept). */
export type JsonSchema = Record<string, unknown>;

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json' }
  | {
      type: 'json-schema';
      name: string;
      schema: JsonSchema;
      description?: string;
      strict?: boolean;
    };

export type ToolChoice = 'auto' | 'none' | 'required' | { name: string };

export interface ChatOptions {
  /** Overrides the model's default model id for this request. */
  model?: string;
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  stop?: string[];
  seed?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  responseFormat?: ResponseFormat;
  toolChoice?: ToolChoice;
  parallelToolCalls?: boolean;
  /** Provider thinking switch (DeepSeek `thinking`, Qwen `enable_thinking`); undefined = provider default. */
  reasoning?: boolean;
  /** Abort the request when it takes longer than this (per attempt). */
  timeoutMs?: number;
  /** End-user id forwarded to providers that take one. */
  user?: string;
  /** Provider-specific body fields, merged last (Spring AI's `extra-body`). */
  extraBody?: Record<string, unknown>;
}

/** What the model sees of a tool: name, description and JSON schema of its arguments. */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: JsonSchema;
}

export interface ChatRequest {
  messages: Message[];
  options?: ChatOptions;
  tools?: ToolDefinition[];
  signal?: AbortSignal;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** Reported by reasoning models (part of completionTokens). */
  reasoningTokens?: number;
  /** Prompt tokens served from the provider's cache (part of promptTokens). */
  cachedTokens?: number;
}

export type FinishReason = 'stop' | 'length' | 'tool-calls' | 'content-filter' | 'error' | 'other';

export interface ChatResponse {
  id: string;
  /** Provider name (`deepseek`, `local`, …) and the model id that actually answered. */
  provider: string;
  model: string;
  message: AssistantMessage;
  /** Text parts of `message`, joined. */
  text: string;
  finishReason: FinishReason;
  usage: Usage;
  /** Usage summed over every attempt (retries, fallbacks); equals `usage` for a single attempt. */
  totalUsage?: Usage;
}

export type ChatStreamEvent =
  | { type: 'text-delta'; text: string }
  | { type: 'reasoning-delta'; text: string }
  /** A tool call, emitted once its arguments are complete. */
  | { type: 'tool-call'; toolCall: ToolCallPart }
  /** A tool's result, emitted by a tool loop (a chat client) between model turns; models never emit it. */
  | { type: 'tool-result'; toolResult: ToolResultPart }
  | { type: 'usage'; usage: Usage }
  /** Always the last event of a successful stream; carries the assembled response. */
  | { type: 'finish'; finishReason: FinishReason; response: ChatResponse }
  /**
   * Emitted by layers that must not throw (an SSE bridge, a chat client in event mode).
   * A ChatModel's own stream throws a typed AiError instead.
   */
  | { type: 'error'; error: Error };

/** What a model supports, so callers pick the best strategy (e.g. native JSON schema vs instructions). */
export interface ChatModelCapabilities {
  /** `json-schema`: native `response_format` JSON schema; `json-object`: JSON mode only; `none`: prompt only. */
  structuredOutput?: 'json-schema' | 'json-object' | 'none';
  tools?: boolean;
  reasoning?: boolean;
}

export interface ChatModel {
  readonly provider: string;
  readonly modelId: string;
  /** Unknown capabilities are treated conservatively by callers (as `none`/false). */
  readonly capabilities?: ChatModelCapabilities;
  call(request: ChatRequest): Promise<ChatResponse>;
  stream(request: ChatRequest): AsyncIterable<ChatStreamEvent>;
}

export function emptyUsage(): Usage {
  return { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
}

/** Sums usages; optional counters stay undefined unless one side reports them. */
export function addUsage(a: Usage, b: Usage): Usage {
  const sum: Usage = {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    totalTokens: a.totalTokens + b.totalTokens,
  };
  if (a.reasoningTokens !== undefined || b.reasoningTokens !== undefined)
    sum.reasoningTokens = (a.reasoningTokens ?? 0) + (b.reasoningTokens ?? 0);
  if (a.cachedTokens !== undefined || b.cachedTokens !== undefined)
    sum.cachedTokens = (a.cachedTokens ?? 0) + (b.cachedTokens ?? 0);
  return sum;
}
