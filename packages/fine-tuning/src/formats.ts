// The training-data shapes this package reads and writes, as OpenAI documents them (chat SFT,
// preference/DPO, the legacy prompt–completion pairs) and the canonical records conversions pass
// through. One JSON object per line in every file format.

export type Role = 'system' | 'developer' | 'user' | 'assistant' | 'tool';

export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface ChatMessage {
  role: Role;
  content?: string | null | { type: string; text?: string }[];
  name?: string;
  tool_calls?: ToolCall[];
  tool_call_id?: string;
  /** Assistant turns only: 0 leaves the turn out of the loss. */
  weight?: 0 | 1;
}

/** OpenAI supervised fine-tuning (chat). */
export interface SftRow {
  messages: ChatMessage[];
  tools?: unknown[];
  parallel_tool_calls?: boolean;
}

/** OpenAI preference fine-tuning (DPO). */
export interface PreferenceRow {
  input: { messages: ChatMessage[]; tools?: unknown[]; parallel_tool_calls?: boolean };
  preferred_output: ChatMessage[];
  non_preferred_output: ChatMessage[];
}

/** The legacy completions format (`prompt`/`completion`), still what many open-model tools take. */
export interface CompletionRow {
  prompt: string;
  completion: string;
}

export const DATASET_FORMATS = ['sft', 'dpo', 'completion'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/** Canonical records: what every converter reads from and writes to. */
export type CanonicalRecord =
  | { kind: 'conversation'; messages: ChatMessage[]; tools?: unknown[] }
  | {
      kind: 'preference';
      prompt: ChatMessage[];
      chosen: ChatMessage;
      rejected: ChatMessage;
      tools?: unknown[];
    }
  | { kind: 'binary'; prompt: ChatMessage[]; completion: ChatMessage; label: boolean };
