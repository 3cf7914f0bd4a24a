// The Tool contract (Spring AI's ToolCallback): what the model sees (name, description, JSON
// schema) plus how to run it. `packages/tools` builds these from zod schemas.
import type { JsonSchema, ToolDefinition } from './chat-model.js';
import type { Message } from './message.js';

export interface ToolExecutionContext {
  /** The id of the tool call being executed. */
  toolCallId: string;
  /** Per-request values the tool sees and the model never does (Spring AI's ToolContext). */
  context: Readonly<Record<string, unknown>>;
  /** The conversation so far, read-only. */
  messages: readonly Message[];
  signal?: AbortSignal;
}

export interface Tool<Args = unknown, Result = unknown> {
  name: string;
  description: string;
  parameters: JsonSchema;
  /** When true, the tool's result is returned to the caller as the answer, without another model turn. */
  returnDirect?: boolean;
  execute(args: Args, context: ToolExecutionContext): Promise<Result> | Result;
}

export function toToolDefinition(tool: Tool<never, unknown>): ToolDefinition {
  return { name: tool.name, description: tool.description, parameters: tool.parameters };
}
