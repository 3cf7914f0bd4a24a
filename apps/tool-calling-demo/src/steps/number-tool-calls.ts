// Gives the model's tool calls our own ids: call_1, call_2, … from each new user message, counting
// up through the rounds until the model answers. Providers' ids are long random strings
// (call_0004903a1aa85f8d4baac3), which a person deciding by curl has to copy by hand, and some
// providers number calls per turn, so their ids can repeat between the rounds of one exchange.
// The history keeps the new ids on both sides (the assistant's calls and the tool results), which
// is all providers check: a tool result answers the assistant turn just before it, so a later
// message's call_1 may repeat an earlier one's. The ids are ours to choose in a history we send.
import type { AssistantMessage, ToolCallPart } from '@repo/core';

export interface NumberedTurn {
  message: AssistantMessage;
  calls: ToolCallPart[];
  nextCallNumber: number;
}

export function numberToolCalls(message: AssistantMessage, firstNumber: number): NumberedTurn {
  let next = firstNumber;
  const parts = message.parts.map((part) =>
    part.type === 'tool-call' ? { ...part, id: `call_${next++}` } : part,
  );
  const calls = parts.filter((part): part is ToolCallPart => part.type === 'tool-call');
  return { message: { role: 'assistant', parts }, calls, nextCallNumber: next };
}
