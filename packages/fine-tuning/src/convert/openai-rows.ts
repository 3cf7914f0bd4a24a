// OpenAI's fine-tuning rows ⇄ canonical records: chat SFT `{messages, tools?}` and preference
// (DPO) `{input: {messages, tools?}, preferred_output: [m], non_preferred_output: [m]}`. OpenAI has
// no unpaired (KTO) format, so a binary record is refused. @repo/feedback's `sft-openai` and
// `dpo-openai` exports are these rows.
import type { CanonicalRecord, PreferenceRow, SftRow } from '../formats.js';
import { readMessages, readOneAssistant, readTools } from './read-messages.js';
import { isObject, objectWithKeys, refuse, type RowPlace } from './refuse.js';

export function readOpenAiRow(row: unknown, place: RowPlace = {}): CanonicalRecord {
  if (isObject(row) && 'input' in row) {
    const raw = objectWithKeys(
      row,
      ['input', 'preferred_output', 'non_preferred_output'],
      place,
      'row',
    );
    const input = objectWithKeys(raw.input, ['messages', 'tools'], place, 'input');
    return {
      kind: 'preference',
      prompt: readMessages(input.messages, place, 'input.messages'),
      chosen: readOneAssistant(raw.preferred_output, place, 'preferred_output'),
      rejected: readOneAssistant(raw.non_preferred_output, place, 'non_preferred_output'),
      tools: readTools(input.tools, place, 'input.tools'),
    };
  }
  return readConversationRow(row, place);
}

/** `{messages, tools?}`: OpenAI's chat SFT row and TRL's conversational language-modeling row. */
export function readConversationRow(row: unknown, place: RowPlace): CanonicalRecord {
  const raw = objectWithKeys(row, ['messages', 'tools'], place, 'row');
  return {
    kind: 'conversation',
    messages: readMessages(raw.messages, place, 'messages'),
    tools: readTools(raw.tools, place, 'tools'),
  };
}

export function writeOpenAiRow(
  record: CanonicalRecord,
  place: RowPlace = {},
): SftRow | PreferenceRow {
  switch (record.kind) {
    case 'conversation':
      return { messages: record.messages, tools: record.tools };
    case 'preference':
      return {
        input: { messages: record.prompt, tools: record.tools },
        preferred_output: [record.chosen],
        non_preferred_output: [record.rejected],
      };
    case 'binary':
      return refuse(
        place,
        'label',
        'cannot be represented in OpenAI fine-tuning files (no unpaired preference format); write TRL or LLaMA-Factory KTO',
      );
  }
}
