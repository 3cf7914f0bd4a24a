// Hugging Face TRL's conversational rows (docs/source/dataset_formats.md) ⇄ canonical records:
// language modeling `{messages}`, preference with an explicit prompt `{prompt, chosen, rejected}`
// or an implicit one `{chosen, rejected}` (each the whole conversation; @repo/feedback's
// `rm-pairs`), unpaired preference (KTO) `{prompt, completion, label}` and prompt-completion
// `{prompt, completion}` (read as one conversation). TRL's messages are OpenAI's, so messages pass
// through unchanged. Standard (plain-text) rows have no roles and are refused.
import type { CanonicalRecord, ChatMessage } from '../formats.js';
import { readConversationRow } from './openai-rows.js';
import { readMessages, readOneAssistant, readTools } from './read-messages.js';
import { isObject, objectWithKeys, refuse, type RowPlace } from './refuse.js';

/** TRL's reward-model margins; no canonical field holds them and DPO/KTO do not use them. */
const SCORE_KEYS = ['score_chosen', 'score_rejected'];

export function readTrlRow(row: unknown, place: RowPlace = {}): CanonicalRecord {
  if (!isObject(row)) refuse(place, 'row', 'must be a JSON object');
  for (const key of ['prompt', 'completion', 'chosen', 'rejected', 'messages'])
    if (typeof row[key] === 'string')
      refuse(
        place,
        key,
        'is standard (plain-text) TRL; only conversational rows have roles to convert',
      );
  if ('chosen' in row) return readPreference(row, place);
  if ('label' in row) {
    const raw = objectWithKeys(row, ['prompt', 'completion', 'label'], place, 'row');
    if (typeof raw.label !== 'boolean') refuse(place, 'label', 'must be true or false');
    return {
      kind: 'binary',
      prompt: readMessages(raw.prompt, place, 'prompt'),
      completion: readOneAssistant(raw.completion, place, 'completion'),
      label: raw.label,
    };
  }
  if ('prompt' in row) {
    const raw = objectWithKeys(row, ['prompt', 'completion', 'tools'], place, 'row');
    return {
      kind: 'conversation',
      messages: [
        ...readMessages(raw.prompt, place, 'prompt'),
        ...readMessages(raw.completion, place, 'completion'),
      ],
      tools: readTools(raw.tools, place, 'tools'),
    };
  }
  return readConversationRow(row, place);
}

function readPreference(row: Record<string, unknown>, place: RowPlace): CanonicalRecord {
  const keys = ['prompt', 'chosen', 'rejected', 'tools', ...SCORE_KEYS];
  const raw = objectWithKeys(row, keys, place, 'row');
  const tools = readTools(raw.tools, place, 'tools');
  if (raw.prompt !== undefined)
    return {
      kind: 'preference',
      prompt: readMessages(raw.prompt, place, 'prompt'),
      chosen: readOneAssistant(raw.chosen, place, 'chosen'),
      rejected: readOneAssistant(raw.rejected, place, 'rejected'),
      tools,
    };
  // Implicit prompt: both sides share every message but their last, the answer.
  const chosen = readMessages(raw.chosen, place, 'chosen');
  const rejected = readMessages(raw.rejected, place, 'rejected');
  const prompt = chosen.slice(0, -1);
  if (
    prompt.length === 0 ||
    rejected.length !== chosen.length ||
    JSON.stringify(rejected.slice(0, -1)) !== JSON.stringify(prompt)
  )
    refuse(
      place,
      'rejected',
      'must repeat the chosen conversation up to its last message (implicit prompt)',
    );
  const last = (side: ChatMessage[], field: string): ChatMessage => {
    const message = side[side.length - 1] as ChatMessage;
    if (message.role !== 'assistant')
      refuse(place, `${field}[${side.length - 1}].role`, 'must be "assistant"');
    return message;
  };
  return {
    kind: 'preference',
    prompt,
    chosen: last(chosen, 'chosen'),
    rejected: last(rejected, 'rejected'),
    tools,
  };
}

export function writeTrlRow(record: CanonicalRecord): Record<string, unknown> {
  switch (record.kind) {
    case 'conversation':
      return { messages: record.messages, tools: record.tools };
    case 'preference':
      return {
        prompt: record.prompt,
        chosen: [record.chosen],
        rejected: [record.rejected],
        tools: record.tools,
      };
    case 'binary':
      return { prompt: record.prompt, completion: [record.completion], label: record.label };
  }
}
