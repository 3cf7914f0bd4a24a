// Runs tool calls and turns every outcome into a tool result the model can read (Spring AI's
// ToolCallingManager.executeToolCalls). Failures (unknown tool, bad JSON arguments, a tool that
// throws) become `isError` results instead of crashing the request, like Spring AI's
// DefaultToolExecutionExceptionProcessor; only an abort rejects. One copy for chat's automatic
// loop and for user-controlled execution (`toolExecution('manual')`), so the model reads the
// same results whichever side ran the tools.
import { AbortedError } from './ai-errors.js';
import type { Message, ToolCallPart, ToolResultPart } from './message.js';
import type { Tool } from './tool.js';

// `execute` is a method, so its parameter is bivariant: a Tool<{ city: string }> fits here.
export type AnyTool = Tool<unknown, unknown>;

export interface RunToolCallsOptions {
  /** Per-request values the tools see (the same as chat's `toolContext`). */
  context?: Readonly<Record<string, unknown>>;
  /** The conversation so far, handed to the tools read-only. */
  messages?: readonly Message[];
  signal?: AbortSignal;
}

/** Runs the calls concurrently; results keep the calls' order. Only an abort rejects. */
export async function runToolCalls(
  calls: readonly ToolCallPart[],
  tools: readonly AnyTool[] | ReadonlyMap<string, AnyTool>,
  options: RunToolCallsOptions = {},
): Promise<ToolResultPart[]> {
  const byName = Array.isArray(tools)
    ? new Map(tools.map((tool) => [tool.name, tool]))
    : (tools as ReadonlyMap<string, AnyTool>);
  return Promise.all(calls.map((call) => runToolCall(call, byName, options)));
}

/** A result that tells the model the caller refused this call (and why), so it can carry on. */
export function declineToolCall(
  call: ToolCallPart,
  reason = 'The user declined this tool call.',
): ToolResultPart {
  return {
    type: 'tool-result',
    toolCallId: call.id,
    name: call.name,
    result: reason,
    isError: true,
  };
}

async function runToolCall(
  call: ToolCallPart,
  tools: ReadonlyMap<string, AnyTool>,
  options: RunToolCallsOptions,
): Promise<ToolResultPart> {
  const base = { type: 'tool-result' as const, toolCallId: call.id, name: call.name };
  const tool = tools.get(call.name);
  if (!tool) {
    const available = [...tools.keys()].join(', ') || '(none)';
    return {
      ...base,
      result: `Unknown tool "${call.name}". Available tools: ${available}.`,
      isError: true,
    };
  }
  const parsed = parseArguments(call.arguments);
  if (!parsed.ok)
    return {
      ...base,
      result: `Invalid arguments for tool "${call.name}": ${parsed.error}. Send the arguments as a JSON object.`,
      isError: true,
    };
  if (options.signal?.aborted) throw new AbortedError();
  try {
    const result = await tool.execute(parsed.value, {
      toolCallId: call.id,
      context: options.context ?? {},
      messages: options.messages ?? [],
      ...(options.signal ? { signal: options.signal } : {}),
    });
    // `undefined` would vanish from the JSON sent to the provider; null says "no result".
    return { ...base, result: result === undefined ? null : result };
  } catch (error) {
    if (options.signal?.aborted) throw error instanceof AbortedError ? error : new AbortedError();
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, result: `Tool "${call.name}" failed: ${message}`, isError: true };
  }
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

/** Providers keep arguments that are not valid JSON as the raw string; parse them here. */
function parseArguments(raw: unknown): Parsed {
  if (typeof raw !== 'string') return { ok: true, value: raw ?? {} };
  if (raw.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch (error) {
    return { ok: false, error: `not valid JSON (${(error as Error).message}): ${raw}` };
  }
}
