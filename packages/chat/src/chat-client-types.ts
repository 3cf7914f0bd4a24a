// The public shapes of the chat client (Spring AI's ChatClient, ChatClientRequestSpec and
// ChatClientResponse), kept apart from the code so the builder and the runner share one vocabulary.
import type {
  Advisor,
  AnyTool,
  ChatModel,
  ChatOptions,
  ChatResponse,
  ChatStreamEvent,
  Message,
  ToolCallPart,
  Usage,
} from '@repo/core';
import type { z } from 'zod';

/** `auto` runs the tools the model asks for; `manual` returns the calls to the caller (Spring AI's internalToolExecutionEnabled=false). */
export type ToolExecutionMode = 'auto' | 'manual';

/** Template values for `{name}` placeholders. */
export type TemplateParams = Record<string, unknown>;

export type { AnyTool };

export interface ChatClientDefaults {
  system?: string;
  systemParams?: TemplateParams;
  advisors?: Advisor[];
  options?: ChatOptions;
  tools?: AnyTool[];
  /** Values every tool sees and the model never does (Spring AI's ToolContext). */
  toolContext?: Record<string, unknown>;
  /** Rounds of tool execution before `ToolLoopLimitError`. Default 10. */
  maxToolIterations?: number;
}

export interface ChatClientResponse {
  /** The final answer's text. */
  content: string;
  reasoning?: string;
  /** The final model turn; `totalUsage` is summed over every turn of this request. */
  response: ChatResponse;
  /** Summed over tool turns (and retries, when the model reports them). */
  usage: Usage;
  /** Every message this request produced: tool-call turns, tool results, the final answer. */
  messages: Message[];
  /** Tool calls left for the caller to run (`toolExecution('manual')`); empty otherwise. */
  toolCalls: ToolCallPart[];
  /** The context advisors shared for this request. */
  context: Map<string, unknown>;
}

/**
 * One streamed request. Iterate it once: as events, through `textStream()`, or with `collect()`.
 * A second consumption throws `StreamConsumedError` (the request is not sent twice).
 */
export interface ChatClientStream extends AsyncIterable<ChatStreamEvent> {
  textStream(): AsyncIterable<string>;
  collect(): Promise<ChatClientResponse>;
}

export interface EntityOptions {
  /** Name of the schema sent to providers with native JSON-schema mode. */
  name?: string;
  /** Re-asks after an answer that does not validate. Prompting's default when absent. */
  maxReasks?: number;
}

export interface EntityResult<T> {
  value: T;
  response: ChatResponse;
  attempts: number;
  usage: Usage;
}

/** A request being built. Immutable: every method returns a new spec. */
export interface PromptSpec {
  system(text: string, params?: TemplateParams): PromptSpec;
  user(text: string, params?: TemplateParams): PromptSpec;
  /** History, placed after the system message and before the user message. */
  messages(messages: readonly Message[]): PromptSpec;
  /** Merged over the client's default options. */
  options(options: ChatOptions): PromptSpec;
  advisors(...advisors: Advisor[]): PromptSpec;
  tools(...tools: AnyTool[]): PromptSpec;
  toolContext(context: Record<string, unknown>): PromptSpec;
  /** Initial values of the advisors' shared context (a conversation id, for one). */
  advisorContext(context: Record<string, unknown>): PromptSpec;
  signal(signal: AbortSignal): PromptSpec;
  toolExecution(mode: ToolExecutionMode): PromptSpec;
  call(): Promise<ChatClientResponse>;
  stream(): ChatClientStream;
  entity<T>(schema: z.ZodType<T>, options?: EntityOptions): Promise<T>;
  entityWithResponse<T>(schema: z.ZodType<T>, options?: EntityOptions): Promise<EntityResult<T>>;
}

export interface ChatClient {
  readonly model: ChatModel;
  prompt(userText?: string): PromptSpec;
}
