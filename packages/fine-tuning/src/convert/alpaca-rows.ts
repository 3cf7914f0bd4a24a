// LLaMA-Factory's alpaca rows ⇄ canonical records: SFT `{instruction, input?, output, system?,
// history?: [[user, assistant], …]}` (the user turn is `instruction\ninput`), preference
// `{instruction, input?, chosen, rejected}` and KTO `{…, output, kto_tag}`. Alpaca holds plain
// text only: tools, tool calls and multi-turn preference or KTO prompts are refused. Written rows
// put the whole user turn in `instruction` (an instruction/input split cannot be recovered).
import type { CanonicalRecord, ChatMessage } from '../formats.js';
import { textOf } from './read-messages.js';
import { objectWithKeys, optionalString, refuse, stringField, type RowPlace } from './refuse.js';

export interface AlpacaRow {
  instruction: string;
  input?: string;
  output?: string;
  chosen?: string;
  rejected?: string;
  system?: string;
  history?: [string, string][];
  kto_tag?: boolean;
}

const KEYS = [
  'instruction',
  'input',
  'output',
  'chosen',
  'rejected',
  'system',
  'history',
  'kto_tag',
];
const FORMAT = 'alpaca';

export function readAlpacaRow(row: unknown, place: RowPlace = {}): CanonicalRecord {
  const raw = objectWithKeys(row, KEYS, place, 'row');
  const system = optionalString(raw.system, place, 'system');
  const input = optionalString(raw.input, place, 'input');
  const instruction = stringField(raw.instruction, place, 'instruction');
  const prompt: ChatMessage[] = system === undefined ? [] : [{ role: 'system', content: system }];
  prompt.push(...readHistory(raw.history, place));
  prompt.push({ role: 'user', content: input ? `${instruction}\n${input}` : instruction });
  const assistant = (field: string): ChatMessage => ({
    role: 'assistant',
    content: stringField(raw[field], place, field),
  });
  if (raw.chosen !== undefined || raw.rejected !== undefined)
    return {
      kind: 'preference',
      prompt,
      chosen: assistant('chosen'),
      rejected: assistant('rejected'),
    };
  if (raw.kto_tag !== undefined) {
    if (typeof raw.kto_tag !== 'boolean') refuse(place, 'kto_tag', 'must be true or false');
    return { kind: 'binary', prompt, completion: assistant('output'), label: raw.kto_tag };
  }
  return { kind: 'conversation', messages: [...prompt, assistant('output')] };
}

function readHistory(value: unknown, place: RowPlace): ChatMessage[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    refuse(place, 'history', 'must be an array of [user, assistant] pairs');
  return value.flatMap((pair, i) => {
    if (
      !Array.isArray(pair) ||
      pair.length !== 2 ||
      !pair.every((text) => typeof text === 'string')
    )
      refuse(place, `history[${i}]`, 'must be a [user, assistant] pair of strings');
    return [
      { role: 'user', content: pair[0] as string },
      { role: 'assistant', content: pair[1] as string },
    ] satisfies ChatMessage[];
  });
}

export function writeAlpacaRow(record: CanonicalRecord, place: RowPlace = {}): AlpacaRow {
  if (record.kind !== 'binary' && record.tools !== undefined)
    refuse(place, 'tools', 'cannot be represented in alpaca (no tools column); write sharegpt');
  switch (record.kind) {
    case 'conversation': {
      const output = record.messages[record.messages.length - 1];
      const at = `messages[${record.messages.length - 1}]`;
      if (output?.role !== 'assistant')
        refuse(place, at, 'must be an assistant message to be an alpaca output');
      return {
        ...promptColumns(record.messages.slice(0, -1), place, 'messages', true),
        output: text(output, place, at),
      };
    }
    case 'preference':
      return {
        ...promptColumns(record.prompt, place, 'prompt', false),
        chosen: text(record.chosen, place, 'chosen'),
        rejected: text(record.rejected, place, 'rejected'),
      };
    case 'binary':
      return {
        ...promptColumns(record.prompt, place, 'prompt', false),
        output: text(record.completion, place, 'completion'),
        kto_tag: record.label,
      };
  }
}

/** `[system?, (user, assistant)*, user]` as instruction, system and history. */
function promptColumns(
  messages: readonly ChatMessage[],
  place: RowPlace,
  field: string,
  history: boolean,
): AlpacaRow {
  const first = messages[0];
  const system = first?.role === 'system' ? text(first, place, `${field}[0]`) : undefined;
  const turns = messages.slice(system === undefined ? 0 : 1);
  const offset = messages.length - turns.length;
  const texts = turns.map((message, i) => text(message, place, `${field}[${i + offset}]`));
  turns.forEach((message, i) => {
    const expected = i % 2 === 0 ? 'user' : 'assistant';
    if (message.role !== expected)
      refuse(
        place,
        `${field}[${i + offset}]`,
        `cannot be represented in alpaca: expected a ${expected} message here (alpaca is system?, then user/assistant pairs, then the user's instruction)`,
      );
  });
  if (turns.length % 2 === 0)
    refuse(place, field, 'must end with a user message to be an alpaca instruction');
  if (!history && turns.length > 1)
    refuse(
      place,
      field,
      `is multi-turn (${(turns.length + 1) / 2} user turns); alpaca preference and KTO rows have no history: write sharegpt`,
    );
  const row: AlpacaRow = { instruction: texts[texts.length - 1] as string };
  if (system !== undefined) row.system = system;
  if (texts.length > 1)
    row.history = Array.from({ length: (texts.length - 1) / 2 }, (_, k) => [
      texts[2 * k] as string,
      texts[2 * k + 1] as string,
    ]);
  return row;
}

function text(message: ChatMessage, place: RowPlace, field: string): string {
  if (message.tool_calls || message.role === 'tool')
    refuse(
      place,
      field,
      'is a tool call or tool result: cannot be represented in alpaca (no function_call or observation turns); write sharegpt',
    );
  return textOf(message, place, field, FORMAT);
}
