// Gives the model's tool calls this conversation's own ids: call_1, call_2, … Providers' ids are
// long random strings (call_0004903a1aa85f8d4baac3), which a person deciding by curl has to copy
// by hand, and some providers number calls per turn, so ids can repeat across turns. The history
// keeps the new ids on both sides (the assistant's calls and the tool results), which is all
// providers check; the ids are ours to choose in a history we send.
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
