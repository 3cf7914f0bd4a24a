// Training data as token batches: a text corpus cut into random windows (pretraining), OpenAI
// chat JSONL with the loss on the assistant's answers (SFT), and OpenAI preference JSONL as
// chosen/rejected pairs (reward model, DPO). Batches are drawn from (seed, step) alone, so a run
// resumed at step s sees exactly the batches it would have seen.
import { InvalidInputError } from '@repo/core';
import type { CharTokenizer, ChatTurn } from '../tokenizer/char-tokenizer.js';
import type { TokenBatch } from '../model/tf-gpt.js';
import { createRandom, deriveSeed } from '../model/rng.js';

/** One encoded sequence: its ids and how much each next-token prediction counts. */
export interface Sequence {
  ids: number[];
  /** weights[i] is the weight of predicting ids[i + 1] (length ids.length − 1). */
  weights: number[];
}

export interface PreferencePair {
  chosen: Sequence;
  rejected: Sequence;
}

/** The corpus as one token stream, documents separated by `<|eos|>`. */
export function encodeCorpus(tokenizer: CharTokenizer, texts: readonly string[]): Int32Array {
  const eos = tokenizer.special('<|eos|>');
  const ids: number[] = [];
  for (const text of texts) {
    for (const id of tokenizer.encode(text)) ids.push(id);
    ids.push(eos);
  }
  return Int32Array.from(ids);
}

/** `batch` windows of `length + 1` tokens at offsets drawn from (seed, step). */
export function corpusBatch(
  stream: Int32Array,
  options: { batch: number; length: number; seed: number; step: number },
): TokenBatch {
  const { batch, length } = options;
  if (stream.length < length + 2)
    throw new InvalidInputError('The corpus is shorter than one training window', [
      { field: 'corpus', reason: `needs at least ${length + 2} tokens, has ${stream.length}` },
    ]);
  const random = createRandom(deriveSeed(options.seed, options.step));
  const ids = new Int32Array(batch * length);
  const targets = new Int32Array(batch * length);
  for (let b = 0; b < batch; b++) {
    const start = random.below(stream.length - length - 1);
    ids.set(stream.subarray(start, start + length), b * length);
    targets.set(stream.subarray(start + 1, start + length + 1), b * length);
  }
  return { ids, targets, weights: new Float32Array(batch * length).fill(1), batch, length };
}

/** Encodes a chat; the prediction of each assistant token (and its `<|end|>`) counts. */
export function encodeChatSequence(
  tokenizer: CharTokenizer,
  turns: readonly ChatTurn[],
  context: number,
  weight = 1,
): Sequence {
  const { ids, lossMask } = tokenizer.encodeChat(turns);
  // The model predicts ids[1..]; keep the first context + 1 tokens (inputs and targets).
  const kept = ids.slice(0, context + 1);
  return {
    ids: kept,
    weights: lossMask.slice(1, kept.length).map((counts) => (counts ? weight : 0)),
  };
}

/** Right-padded batch of sequences (padding counts for nothing; attention is causal). */
export function sequenceBatch(sequences: readonly Sequence[], padId = 0): TokenBatch {
  const length = Math.max(1, ...sequences.map((s) => s.ids.length - 1));
  const batch = sequences.length;
  const ids = new Int32Array(batch * length).fill(padId);
  const targets = new Int32Array(batch * length).fill(padId);
  const weights = new Float32Array(batch * length);
  sequences.forEach((sequence, b) => {
    const n = sequence.ids.length - 1;
    for (let t = 0; t < n; t++) {
      ids[b * length + t] = sequence.ids[t] as number;
      targets[b * length + t] = sequence.ids[t + 1] as number;
      weights[b * length + t] = sequence.weights[t] as number;
    }
  });
  return { ids, targets, weights, batch, length };
}

/** `batch` indices into `size` items for this step: a seeded shuffle per epoch, walked in order. */
export function batchIndices(size: number, batch: number, seed: number, step: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < batch; k++) {
    const position = step * batch + k;
    const epoch = Math.floor(position / size);
    out.push(epochOrder(size, seed, epoch)[position % size] as number);
  }
  return out;
}

const orders = new Map<string, number[]>();
function epochOrder(size: number, seed: number, epoch: number): number[] {
  const key = `${size}:${seed}:${epoch}`;
  let order = orders.get(key);
  if (!order) {
    const random = createRandom(deriveSeed(seed, 1_000_000 + epoch));
    order = Array.from({ length: size }, (_, i) => i);
    for (let i = size - 1; i > 0; i--) {
      const j = random.below(i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    if (orders.size > 8) orders.clear();
    orders.set(key, order);
  }
  return order;
}

/** Splits n items into training and validation indices (a seeded `fraction` held out). */
export function splitValidation(
  n: number,
  fraction: number,
  seed: number,
): { train: number[]; validation: number[] } {
  const order = epochOrder(n, seed ^ 0x5eed, 0);
  const held =
    n < 2 ? 0 : Math.min(n - 1, Math.max(fraction > 0 ? 1 : 0, Math.round(n * fraction)));
  return {
    validation: order.slice(0, held).sort((a, b) => a - b),
    train: order.slice(held).sort((a, b) => a - b),
  };
}

type Message = { role?: unknown; content?: unknown; weight?: unknown };

function lineError(line: number, field: string, reason: string): InvalidInputError {
  return new InvalidInputError(`line ${line}: ${field} ${reason}`, [
    { field: `line ${line}: ${field}`, reason },
  ]);
}

function toTurns(messages: unknown, line: number, field: string): ChatTurn[] {
  if (!Array.isArray(messages) || messages.length === 0)
    throw lineError(line, field, 'must be a non-empty array');
  return messages.map((raw: Message, i) => {
    const role = raw?.role === 'developer' ? 'system' : raw?.role;
    if (role !== 'system' && role !== 'user' && role !== 'assistant')
      throw lineError(
        line,
        `${field}[${i}].role`,
        'must be system, user or assistant (tools are not trained here)',
      );
    if (typeof raw.content !== 'string')
      throw lineError(line, `${field}[${i}].content`, 'must be a string');
    if (raw.weight !== undefined && raw.weight !== 0 && raw.weight !== 1)
      throw lineError(line, `${field}[${i}].weight`, 'must be 0 or 1');
    return { role, content: raw.content, ...(raw.weight === 0 ? { weight: 0 as const } : {}) };
  });
}

function jsonLines(text: string): { line: number; value: Record<string, unknown> }[] {
  const rows: { line: number; value: Record<string, unknown> }[] = [];
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw lineError(i + 1, 'JSON', 'is not valid JSON');
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw lineError(i + 1, 'row', 'must be a JSON object');
    rows.push({ line: i + 1, value: value as Record<string, unknown> });
  });
  if (rows.length === 0)
    throw new InvalidInputError('The file has no rows', [
      { field: 'file', reason: 'no JSON lines' },
    ]);
  return rows;
}

/** OpenAI supervised fine-tuning JSONL: `{"messages": [...]}` per line, ending with the assistant. */
export function parseSftJsonl(text: string): ChatTurn[][] {
  return jsonLines(text).map(({ line, value }) => {
    const turns = toTurns(value.messages, line, 'messages');
    if (!turns.some((t) => t.role === 'assistant' && t.weight !== 0))
      throw lineError(line, 'messages', 'has no assistant turn to learn from');
    return turns;
  });
}

export interface PreferenceRow {
  prompt: ChatTurn[];
  chosen: string;
  rejected: string;
}

/** OpenAI preference (DPO) JSONL: `input.messages`, `preferred_output`, `non_preferred_output`. */
export function parsePreferenceJsonl(text: string): PreferenceRow[] {
  return jsonLines(text).map(({ line, value }) => {
    const input = value.input as { messages?: unknown } | undefined;
    const prompt = toTurns(input?.messages, line, 'input.messages');
    const answer = (field: string): string => {
      const turns = toTurns(value[field], line, field);
      if (turns.length !== 1 || turns[0]?.role !== 'assistant')
        throw lineError(line, field, 'must hold exactly one assistant message');
      return turns[0].content;
    };
    const chosen = answer('preferred_output');
    const rejected = answer('non_preferred_output');
    if (chosen === rejected)
      throw lineError(line, 'non_preferred_output', 'is the same as preferred_output');
    return { prompt, chosen, rejected };
  });
}

export function encodePreference(
  tokenizer: CharTokenizer,
  row: PreferenceRow,
  context: number,
): PreferencePair {
  const answer = (content: string) =>
    encodeChatSequence(
      tokenizer,
      [...row.prompt.map((t) => ({ ...t, weight: 0 as const })), { role: 'assistant', content }],
      context,
    );
  return { chosen: answer(row.chosen), rejected: answer(row.rejected) };
}
