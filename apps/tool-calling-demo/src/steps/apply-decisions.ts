// Turns the caller's decisions into the tool results the model reads next (Spring AI's
// ToolCallingManager.executeToolCalls, with the caller in charge). Every pending call needs
// exactly one decision; anything else is a 400 that names each call at fault.
import type { AnyTool } from '@repo/chat';
import {
  declineToolCall,
  InvalidInputError,
  runToolCalls,
  type InvalidInputDetail,
  type Message,
  type ToolCallPart,
  type ToolResultPart,
} from '@repo/core';
import type { Decision } from './dto/continue-steps.dto.js';

export interface DecisionContext {
  tools: readonly AnyTool[];
  context: Readonly<Record<string, unknown>>;
  messages: readonly Message[];
}

export interface DecidedCall {
  call: ToolCallPart;
  decision: Decision;
}

/** Each pending call with its decision, in the calls' order; throws unless they match one to one. */
export function matchDecisions(
  pending: readonly ToolCallPart[],
  decisions: readonly Decision[],
): DecidedCall[] {
  const byId = new Map(pending.map((call) => [call.id, call]));
  const pendingIds = pending.map((call) => call.id).join(', ');
  const matched = new Map<ToolCallPart, Decision>();
  const details: InvalidInputDetail[] = [];
  decisions.forEach((decision, index) => {
    const field = `results[${index}].toolCallId`;
    const call = byId.get(decision.toolCallId);
    if (!call)
      details.push({ field, reason: `is not a pending tool call (pending: ${pendingIds})` });
    else if (matched.has(call)) details.push({ field, reason: 'is decided twice' });
    else matched.set(call, decision);
  });
  const decided: DecidedCall[] = [];
  for (const call of pending) {
    const decision = matched.get(call);
    if (decision) decided.push({ call, decision });
    else
      details.push({
        field: 'results',
        reason: `has no decision for ${call.id} (${call.name} ${JSON.stringify(call.arguments)})`,
      });
  }
  if (details.length > 0)
    throw new InvalidInputError(
      `Invalid request: ${details.map(({ field, reason }) => `${field} ${reason}`).join('; ')}`,
      details,
    );
  return decided;
}

/** One result per decided call, in the same order; `execute` decisions run concurrently. */
export async function applyDecisions(
  decided: readonly DecidedCall[],
  { tools, context, messages }: DecisionContext,
): Promise<ToolResultPart[]> {
  const toRun = decided.filter(({ decision }) => decision.execute).map(({ call }) => call);
  const ran = await runToolCalls(toRun, tools, { context, messages });
  const executed = new Map(ran.map((result) => [result.toolCallId, result]));
  return decided.map(({ call, decision }) => {
    if (decision.decline !== undefined)
      return decision.decline === true
        ? declineToolCall(call)
        : declineToolCall(call, decision.decline);
    const result = executed.get(call.id);
    if (result) return result;
    return { type: 'tool-result', toolCallId: call.id, name: call.name, result: decision.result };
  });
}
