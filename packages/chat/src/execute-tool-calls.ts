// Runs one turn's tool calls concurrently and turns every outcome into a tool result the model can
// read. Failures (unknown tool, bad JSON arguments, a tool that throws) go back to the model as
// `isError` results instead of crashing the request, like Spring AI's
// DefaultToolExecutionExceptionProcessor; only an abort stops the loop.
import { AbortedError } from '@repo/core';
import type { Message, ToolCallPart, ToolResultPart } from '@repo/core';
import type { AnyTool } from './chat-client-types.js';

export interface ExecuteToolCallsInput {
  calls: readonly ToolCallPart[];
  tools: ReadonlyMap<string, AnyTool>;
  context: Readonly<Record<string, unknown>>;
  /** The conversation so far, including the assistant turn that asked for these calls. */
  messages: readonly Message[];
  signal?: AbortSignal | undefined;
}

export async function executeToolCalls(input: ExecuteToolCallsInput): Promise<ToolResultPart[]> {
  // Promise.all keeps the results in call order, whatever order the tools finish in.
  return Promise.all(input.calls.map((call) => executeToolCall(call, input)));
}

async function executeToolCall(
  call: ToolCallPart,
  input: ExecuteToolCallsInput,
): Promise<ToolResultPart> {
  const base = { type: 'tool-result' as const, toolCallId: call.id, name: call.name };
  const tool = input.tools.get(call.name);
  if (!tool) {
    const available = [...input.tools.keys()].join(', ') || '(none)';
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
  if (input.signal?.aborted) throw new AbortedError();
  try {
    const result: unknown = await tool.execute(parsed.value, {
      toolCallId: call.id,
      context: input.context,
      messages: input.messages,
      ...(input.signal ? { signal: input.signal } : {}),
    });
    // `undefined` would vanish from the JSON sent to the provider; null says "no result".
    return { ...base, result: result === undefined ? null : result };
  } catch (error) {
    if (input.signal?.aborted) throw error instanceof AbortedError ? error : new AbortedError();
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
