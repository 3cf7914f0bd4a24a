// What the automatic loop did, read back from the messages it produced: every tool call paired
// with its result, whether the answer was a returnDirect result, and how many times the model
// was asked (each assistant turn is one request, except the answer a returnDirect round makes up).
import type { AnyTool } from '@repo/chat';
import { toolCallsOf, type Message, type ToolResultPart } from '@repo/core';

export interface ToolCallRecord {
  id: string;
  name: string;
  arguments: unknown;
  result: unknown;
  isError: boolean;
}

export interface ToolCallSummary {
  toolCalls: ToolCallRecord[];
  returnedDirect: boolean;
  modelRequests: number;
}

export function summarizeToolCalls(
  messages: readonly Message[],
  tools: readonly AnyTool[],
): ToolCallSummary {
  const results = new Map<string, ToolResultPart>();
  for (const message of messages)
    if (message.role === 'tool')
      for (const part of message.parts) results.set(part.toolCallId, part);
  const turns = messages.filter((message) => message.role === 'assistant');
  const toolCalls = turns.flatMap(toolCallsOf).map((call) => {
    const result = results.get(call.id);
    return {
      id: call.id,
      name: call.name,
      arguments: call.arguments,
      result: result?.result ?? null,
      isError: result?.isError === true,
    };
  });
  // The loop's own rule: a round whose every call is a returnDirect tool ends the request.
  const lastToolTurn = turns.at(-2);
  const lastCalls = lastToolTurn ? toolCallsOf(lastToolTurn) : [];
  const direct = new Set(tools.filter((tool) => tool.returnDirect).map((tool) => tool.name));
  const returnedDirect = lastCalls.length > 0 && lastCalls.every((call) => direct.has(call.name));
  return { toolCalls, returnedDirect, modelRequests: turns.length - (returnedDirect ? 1 : 0) };
}
