// LLaMA-Factory's sharegpt rows ⇄ canonical records: SFT `{conversations, system?, tools?}`,
// preference `{conversations (ending with a human turn), chosen: {from: "gpt", value},
// rejected: {…}}` and KTO `{conversations (ending with a gpt turn), kto_tag}`.
import type { CanonicalRecord, ChatMessage } from '../formats.js';
import { textOf } from './read-messages.js';
import { objectWithKeys, optionalString, refuse, stringField, type RowPlace } from './refuse.js';
import { toolsFromShareGpt, toolsToShareGpt } from './sharegpt-tools.js';
import { fromTurns, toTurns, type ShareGptTurn } from './sharegpt-turns.js';

export interface ShareGptRow {
  conversations: ShareGptTurn[];
  system?: string;
  tools?: string;
  chosen?: ShareGptTurn;
  rejected?: ShareGptTurn;
  kto_tag?: boolean;
}

const KEYS = ['conversations', 'system', 'tools', 'chosen', 'rejected', 'kto_tag'];

export function readShareGptRow(row: unknown, place: RowPlace = {}): CanonicalRecord {
  const raw = objectWithKeys(row, KEYS, place, 'row');
  const system = optionalString(raw.system, place, 'system');
  const tools = raw.tools === undefined ? undefined : toolsFromShareGpt(raw.tools, place);
  const messages = fromTurns(raw.conversations, place, 'conversations', system);
  if (raw.chosen !== undefined || raw.rejected !== undefined) {
    if (messages[messages.length - 1]?.role === 'assistant')
      refuse(
        place,
        'conversations',
        'of a preference row must end with a human or observation turn',
      );
    return {
      kind: 'preference',
      prompt: messages,
      chosen: answer(raw.chosen, place, 'chosen'),
      rejected: answer(raw.rejected, place, 'rejected'),
      tools,
    };
  }
  if (raw.kto_tag !== undefined) {
    if (typeof raw.kto_tag !== 'boolean') refuse(place, 'kto_tag', 'must be true or false');
    if (tools !== undefined)
      refuse(
        place,
        'tools',
        'cannot be kept on a KTO row (canonical binary records hold no tools)',
      );
    const completion = messages[messages.length - 1];
    if (completion?.role !== 'assistant' || completion.tool_calls)
      refuse(place, 'conversations', 'of a KTO row must end with a gpt turn');
    return { kind: 'binary', prompt: messages.slice(0, -1), completion, label: raw.kto_tag };
  }
  return { kind: 'conversation', messages, tools };
}

function answer(value: unknown, place: RowPlace, field: string): ChatMessage {
  const turn = objectWithKeys(value, ['from', 'value'], place, field);
  if (turn.from !== 'gpt') refuse(place, `${field}.from`, 'must be "gpt"');
  return { role: 'assistant', content: stringField(turn.value, place, `${field}.value`) };
}

export function writeShareGptRow(record: CanonicalRecord, place: RowPlace = {}): ShareGptRow {
  switch (record.kind) {
    case 'conversation':
      return columns(toTurns(record.messages, place, 'messages'), record.tools, place);
    case 'preference': {
      const prompt = toTurns(record.prompt, place, 'prompt');
      if (prompt.turns.length === 0 || prompt.turns.length % 2 === 0)
        refuse(
          place,
          'prompt',
          'must end with a user or tool message to be a sharegpt preference row',
        );
      return {
        ...columns(prompt, record.tools, place),
        chosen: { from: 'gpt', value: textOf(record.chosen, place, 'chosen', 'a sharegpt answer') },
        rejected: {
          from: 'gpt',
          value: textOf(record.rejected, place, 'rejected', 'a sharegpt answer'),
        },
      };
    }
    case 'binary':
      return {
        ...columns(
          toTurns([...record.prompt, record.completion], place, 'prompt+completion'),
          undefined,
          place,
        ),
        kto_tag: record.label,
      };
  }
}

function columns(
  { system, turns }: { system?: string; turns: ShareGptTurn[] },
  tools: unknown[] | undefined,
  place: RowPlace,
): ShareGptRow {
  const row: ShareGptRow = { conversations: turns };
  if (system !== undefined) row.system = system;
  if (tools !== undefined) row.tools = toolsToShareGpt(tools, place);
  return row;
}
