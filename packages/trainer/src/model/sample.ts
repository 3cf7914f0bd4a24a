// Sampling the next token: temperature, top-k and top-p (nucleus), seeded; temperature 0 is greedy.
// Text comes out through the tokenizer's stream decoder, so a character made of byte tokens is
// emitted only whole and generated text is never broken UTF-8.
import { InvalidInputError } from '@repo/core';
import type { CharTokenizer, ChatTurn } from '../tokenizer/char-tokenizer.js';
import type { GptRunner, GptSession } from './inference.js';
import { createRandom, type Random } from './rng.js';

export interface SampleOptions {
  /** 0 = always the most likely token (default 0.8). */
  temperature?: number;
  /** Keep only the k most likely tokens (default: all). */
  topK?: number;
  /** Keep the smallest set of tokens whose probability reaches p (default 1). */
  topP?: number;
  /** Most tokens to generate (default 64). */
  maxTokens?: number;
  seed?: number;
  /**
   * Keep the keys and values of earlier positions (default true). Without the cache every new
   * token re-runs the whole prefix: the same text, much slower, kept for the benchmark.
   */
  kvCache?: boolean;
}

export function checkSampleOptions(
  options: SampleOptions,
): Required<Omit<SampleOptions, 'topK'>> & { topK?: number } {
  const { temperature = 0.8, topP = 1, maxTokens = 64, seed = 1, kvCache = true, topK } = options;
  const bad = (field: string, reason: string) =>
    new InvalidInputError(`${field} ${reason}`, [{ field, reason }]);
  if (!(temperature >= 0 && temperature <= 5)) throw bad('temperature', 'must be between 0 and 5');
  if (!(topP > 0 && topP <= 1)) throw bad('topP', 'must be greater than 0 and at most 1');
  if (topK !== undefined && !(Number.isInteger(topK) && topK >= 1))
    throw bad('topK', 'must be a whole number ≥ 1');
  if (!(Number.isInteger(maxTokens) && maxTokens >= 1))
    throw bad('maxTokens', 'must be a whole number ≥ 1');
  return { temperature, topP, maxTokens, seed, kvCache, topK };
}

/** Picks a token id from logits; `banned` ids are never chosen. */
export function pickToken(
  logits: Float32Array,
  options: { temperature: number; topK?: number; topP: number },
  random: Random,
  banned: ReadonlySet<number> = new Set(),
): number {
  const candidates: number[] = [];
  for (let i = 0; i < logits.length; i++) if (!banned.has(i)) candidates.push(i);
  candidates.sort((a, b) => (logits[b] as number) - (logits[a] as number));
  if (options.temperature === 0 || candidates.length === 1) return candidates[0] as number;
  const kept = candidates.slice(0, options.topK ?? candidates.length);
  const top = logits[kept[0] as number] as number;
  const weights = kept.map((id) => Math.exp(((logits[id] as number) - top) / options.temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  // Nucleus: the most likely tokens until their probability reaches topP.
  let mass = 0;
  let cut = kept.length;
  for (let i = 0; i < kept.length; i++) {
    mass += (weights[i] as number) / total;
    if (mass >= options.topP) {
      cut = i + 1;
      break;
    }
  }
  const nucleus = weights.slice(0, cut);
  const nucleusTotal = nucleus.reduce((a, b) => a + b, 0);
  let r = random.next() * nucleusTotal;
  for (let i = 0; i < cut; i++) {
    r -= nucleus[i] as number;
    if (r <= 0) return kept[i] as number;
  }
  return kept[cut - 1] as number;
}

export interface Generated {
  text: string;
  tokens: number[];
  promptTokens: number;
  finishReason: 'stop' | 'length';
}

/**
 * Continues a chat as the assistant, yielding text pieces as they become whole characters. The
 * prompt keeps its most recent tokens when it would not leave room to answer.
 */
export function* generateChat(
  runner: GptRunner,
  tokenizer: CharTokenizer,
  turns: readonly ChatTurn[],
  options: SampleOptions = {},
): Generator<string, Generated> {
  const checked = checkSampleOptions(options);
  const context = runner.config.context;
  let prompt = tokenizer.encodeChat(turns, { generate: true }).ids;
  const room = Math.min(checked.maxTokens, Math.floor(context / 2));
  if (prompt.length > context - room) prompt = prompt.slice(prompt.length - (context - room));
  const random = createRandom(checked.seed);
  const stops = new Set([tokenizer.special('<|end|>'), tokenizer.special('<|eos|>')]);
  const banned = new Set(
    (['<|pad|>', '<|bos|>', '<|system|>', '<|user|>', '<|assistant|>'] as const).map((t) =>
      tokenizer.special(t),
    ),
  );
  const decoder = tokenizer.streamDecoder();
  const tokens: number[] = [];
  let text = '';
  let session: GptSession = runner.session();
  let logits = feedAll(session, prompt);
  let finishReason: Generated['finishReason'] = 'length';
  while (tokens.length < checked.maxTokens) {
    const id = pickToken(logits, checked, random, banned);
    if (stops.has(id)) {
      finishReason = 'stop';
      break;
    }
    tokens.push(id);
    const piece = decoder.push(id);
    if (piece) {
      text += piece;
      yield piece;
    }
    if (tokens.length >= checked.maxTokens || prompt.length + tokens.length >= context) break;
    if (checked.kvCache) logits = session.feed(id);
    else {
      session = runner.session();
      logits = feedAll(session, [...prompt, ...tokens]);
    }
  }
  const rest = decoder.flush();
  if (rest) {
    text += rest;
    yield rest;
  }
  return { text, tokens, promptTokens: prompt.length, finishReason };
}

function feedAll(session: GptSession, ids: readonly number[]): Float32Array {
  let logits: Float32Array = new Float32Array(0);
  for (const id of ids) logits = session.feed(id);
  return logits;
}
