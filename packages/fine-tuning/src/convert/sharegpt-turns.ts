// OpenAI messages ⇄ LLaMA-Factory's sharegpt turns (data/README.md): user → human, assistant →
// gpt, an assistant's tool call → function_call (`{"name", "arguments": {…}}`, arguments as an
// object), a tool result → observation. Human and observation turns sit at odd positions, gpt
// and function_call at even ones. Tool-call ids are not kept: sharegpt pairs a call with the
// observation after it, and the ids read back are `call_1`, `call_2`, … in order.
import type { ChatMessage } from '../formats.js';
import { textOf } from './read-messages.js';
import { isObject, objectWithKeys, refuse, stringField, type RowPlace } from './refuse.js';

export const SHAREGPT_ROLES = ['human', 'gpt', 'function_call', 'observation'] as const;
export type ShareGptRole = (typeof SHAREGPT_ROLES)[number];
export interface ShareGptTurn {
  from: ShareGptRole;
  value: string;
}

const FORMAT = 'sharegpt';
const isPromptSide = (from: ShareGptRole) => from === 'human' || from === 'observation';

/** A leading system message becomes the `system` column; every other message one turn. */
export function toTurns(
  messages: readonly ChatMessage[],
  place: RowPlace,
  field: string,
): { system?: string; turns: ShareGptTurn[] } {
  const first = messages[0];
  const system = first?.role === 'system' ? textOf(first, place, `${field}[0]`, FORMAT) : undefined;
  const turns: ShareGptTurn[] = [];
  let openCall: string | undefined;
  messages.forEach((message, i) => {
    if (i === 0 && system !== undefined) return;
    const at = `${field}[${i}]`;
    if (message.role === 'user')
      turns.push({ from: 'human', value: textOf(message, place, at, FORMAT) });
    else if (message.role === 'assistant' && message.tool_calls) {
      turns.push({ from: 'function_call', value: callValue(message, place, at) });
      openCall = message.tool_calls[0]?.id;
    } else if (message.role === 'assistant')
      turns.push({ from: 'gpt', value: textOf(message, place, at, FORMAT) });
    else if (message.role === 'tool') {
      if (openCall === undefined || message.tool_call_id !== openCall)
        refuse(
          place,
          `${at}.tool_call_id`,
          'must answer the tool call just before it (sharegpt pairs each function_call with the next observation)',
        );
      openCall = undefined;
      turns.push({ from: 'observation', value: textOf(message, place, at, FORMAT) });
    } else
      refuse(
        place,
        `${at}.role`,
        `"${message.role}" cannot be represented in sharegpt (a system message only comes first)`,
      );
    checkPosition(turns, place, at);
  });
  return { system, turns };
}

function callValue(message: ChatMessage, place: RowPlace, field: string): string {
  const calls = message.tool_calls ?? [];
  if (calls.length !== 1)
    refuse(
      place,
      `${field}.tool_calls`,
      `holds ${calls.length} parallel calls; sharegpt has one observation turn per function_call`,
    );
  if (message.content !== undefined && message.content !== null && message.content !== '')
    refuse(
      place,
      `${field}.content`,
      'next to tool_calls cannot be represented in sharegpt (a function_call turn has no text)',
    );
  if (message.name !== undefined || message.weight === 0)
    refuse(place, field, 'name and weight 0 cannot be represented in sharegpt');
  const call = calls[0] as NonNullable<ChatMessage['tool_calls']>[number];
  let args: unknown;
  try {
    args = JSON.parse(call.function.arguments);
  } catch {
    args = undefined;
  }
  if (!isObject(args))
    refuse(
      place,
      `${field}.tool_calls[0].function.arguments`,
      'must be a JSON object to be written as a sharegpt function_call',
    );
  return JSON.stringify({ name: call.function.name, arguments: args });
}

function checkPosition(turns: readonly ShareGptTurn[], place: RowPlace, field: string): void {
  const turn = turns[turns.length - 1] as ShareGptTurn;
  if (isPromptSide(turn.from) !== (turns.length % 2 === 1))
    refuse(
      place,
      field,
      `cannot be represented in sharegpt: user/tool turns and assistant turns must alternate (turn ${turns.length} would be ${turn.from})`,
    );
}

export function fromTurns(
  value: unknown,
  place: RowPlace,
  field: string,
  system?: string,
): ChatMessage[] {
  if (!Array.isArray(value)) refuse(place, field, 'must be an array of {from, value} turns');
  const messages: ChatMessage[] = system === undefined ? [] : [{ role: 'system', content: system }];
  const turns: ShareGptTurn[] = [];
  let calls = 0;
  value.forEach((item, i) => {
    const at = `${field}[${i}]`;
    const turn = objectWithKeys(item, ['from', 'value'], place, at);
    const from = turn.from as ShareGptRole;
    if (!SHAREGPT_ROLES.includes(from))
      refuse(place, `${at}.from`, `must be one of ${SHAREGPT_ROLES.join(', ')}`);
    const text = stringField(turn.value, place, `${at}.value`);
    turns.push({ from, value: text });
    checkPosition(turns, place, at);
    if (from === 'human') messages.push({ role: 'user', content: text });
    else if (from === 'gpt') messages.push({ role: 'assistant', content: text });
    else if (from === 'function_call') {
      calls += 1;
      const { name, args } = parseCall(text, place, `${at}.value`);
      messages.push({
        role: 'assistant',
        tool_calls: [
          { id: `call_${calls}`, type: 'function', function: { name, arguments: args } },
        ],
      });
    } else {
      if (turns[turns.length - 2]?.from !== 'function_call')
        refuse(place, at, 'an observation must follow a function_call');
      messages.push({ role: 'tool', tool_call_id: `call_${calls}`, content: text });
    }
  });
  return messages;
}

function parseCall(text: string, place: RowPlace, field: string): { name: string; args: string } {
  let call: unknown;
  try {
    call = JSON.parse(text);
  } catch {
    refuse(place, field, 'must be JSON {"name", "arguments"}');
  }
  if (Array.isArray(call) && call.length === 1) call = call[0];
  if (!isObject(call) || typeof call.name !== 'string' || !isObject(call.arguments))
    refuse(place, field, 'must be one JSON call {"name": string, "arguments": object}');
  return { name: call.name, args: JSON.stringify(call.arguments) };
}
