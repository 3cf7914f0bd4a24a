// A trained checkpoint as a chat model with OpenAI's request vocabulary (messages, temperature,
// top_p, max_tokens, seed): what local-llm serves under a model id. It runs the plain-TypeScript
// forward pass (inference.ts) and never loads TensorFlow.js, so serving stays light.
import path from 'node:path';
import { InvalidInputError } from '@repo/core';
import { loadCheckpoint, type CheckpointMeta } from '../model/checkpoint.js';
import type { GptConfig } from '../model/config.js';
import { GptRunner } from '../model/inference.js';
import { generateChat, type SampleOptions } from '../model/sample.js';
import { toChatTurns, type OpenAiChatMessage } from './chat-messages.js';

/** The seed when a request gives none: the same request always gets the same answer. */
export const DEFAULT_SEED = 1;

export interface TrainedChatOptions {
  /** 0 to 2, OpenAI's range; 0 is greedy (default 0.8, the sampler's). */
  temperature?: number | null;
  /** Nucleus sampling, greater than 0 and at most 1 (default 1). */
  top_p?: number | null;
  /** Most tokens to generate (default 64; never more than half the context). */
  max_tokens?: number | null;
  /** Wins over `max_tokens` when both are given, as on OpenAI. */
  max_completion_tokens?: number | null;
  /** Default DEFAULT_SEED. */
  seed?: number | null;
  /** Accepted for compatibility and not applied: the answer ends at the model's `<|end|>`. */
  stop?: string | readonly string[] | null;
}

export interface TrainedCompletion {
  text: string;
  /** In the checkpoint's own tokens (characters), after any cut to fit the context. */
  promptTokens: number;
  completionTokens: number;
  finishReason: 'stop' | 'length';
}

export interface TrainedChatModel {
  readonly id: string;
  readonly meta: CheckpointMeta;
  readonly config: GptConfig;
  complete(messages: readonly OpenAiChatMessage[], options?: TrainedChatOptions): TrainedCompletion;
  /**
   * The answer's text pieces (each whole characters) as they are sampled, returning the same
   * completion as `complete`. Messages and options are checked before it is returned.
   */
  stream(
    messages: readonly OpenAiChatMessage[],
    options?: TrainedChatOptions,
  ): Generator<string, TrainedCompletion, void>;
}

export interface LoadTrainedChatModelOptions {
  /** The model id (default: the checkpoint folder's name). */
  id?: string;
}

export async function loadTrainedChatModel(
  dir: string,
  options: LoadTrainedChatModelOptions = {},
): Promise<TrainedChatModel> {
  const { config, tokenizer, weights, meta } = await loadCheckpoint(dir);
  const runner = new GptRunner(config, weights);
  const id = options.id ?? path.basename(path.resolve(dir));

  function* run(
    turns: ReturnType<typeof toChatTurns>,
    sample: SampleOptions,
  ): Generator<string, TrainedCompletion, void> {
    const generated = yield* generateChat(runner, tokenizer, turns, sample);
    return {
      text: generated.text,
      promptTokens: generated.promptTokens,
      completionTokens: generated.tokens.length,
      finishReason: generated.finishReason,
    };
  }

  const stream: TrainedChatModel['stream'] = (messages, chatOptions = {}) =>
    run(toChatTurns(messages), toSampleOptions(chatOptions));

  return {
    id,
    meta,
    config,
    stream,
    complete(messages, chatOptions) {
      const pieces = stream(messages, chatOptions);
      for (;;) {
        const next = pieces.next();
        if (next.done) return next.value;
      }
    },
  };
}

/** OpenAI's names and ranges, checked here so an error names the field the caller sent. */
export function toSampleOptions(options: TrainedChatOptions): SampleOptions {
  const bad = (field: string, reason: string) =>
    new InvalidInputError(`${field} ${reason}`, [{ field, reason }]);
  const given = (value: number | null | undefined) => (value === null ? undefined : value);
  const temperature = given(options.temperature);
  const topP = given(options.top_p);
  const seed = given(options.seed) ?? DEFAULT_SEED;
  const isNumber = (value: unknown): value is number => typeof value === 'number';
  if (temperature !== undefined && !(isNumber(temperature) && temperature >= 0 && temperature <= 2))
    throw bad('temperature', 'must be a number from 0 to 2');
  if (topP !== undefined && !(isNumber(topP) && topP > 0 && topP <= 1))
    throw bad('top_p', 'must be greater than 0 and at most 1');
  if (!Number.isSafeInteger(seed)) throw bad('seed', 'must be a whole number');
  let maxTokens: number | undefined;
  for (const field of ['max_completion_tokens', 'max_tokens'] as const) {
    const value = given(options[field]);
    if (value === undefined) continue;
    if (!(Number.isInteger(value) && value >= 1)) throw bad(field, 'must be a whole number ≥ 1');
    maxTokens = value;
    break;
  }
  return {
    seed,
    ...(temperature === undefined ? {} : { temperature }),
    ...(topP === undefined ? {} : { topP }),
    ...(maxTokens === undefined ? {} : { maxTokens }),
  };
}
