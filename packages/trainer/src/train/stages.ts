// What each stage trains on and minimises: next-token loss on a corpus (pretrain) or on the
// assistant's answers (sft), the Bradley–Terry loss of a scalar reward head (reward), and DPO
// against a frozen reference (dpo). Each stage gives the loop a batch for a step, a loss for the
// gradient, and the figures to log (validation included).
import type * as TF from '@tensorflow/tfjs';
import type { CharTokenizer } from '../tokenizer/char-tokenizer.js';
import type { TfGpt, TokenBatch } from '../model/tf-gpt.js';
import type { Tf } from '../model/tf.js';
import {
  batchIndices,
  corpusBatch,
  encodeChatSequence,
  encodeCorpus,
  encodePreference,
  parsePreferenceJsonl,
  parseSftJsonl,
  sequenceBatch,
  splitValidation,
  type PreferencePair,
  type Sequence,
} from './data.js';

export const STAGES = ['pretrain', 'sft', 'reward', 'dpo'] as const;
export type Stage = (typeof STAGES)[number];

type Tensor = TF.Tensor;
type Keep = (name: string, tensor: Tensor) => void;

export interface StageSetup {
  tf: Tf;
  model: TfGpt;
  tokenizer: CharTokenizer;
  /** The data files' contents: texts (pretrain) or one JSONL file (the others). */
  texts: string[];
  batchSize: number;
  seed: number;
  validationFraction: number;
  beta: number;
  sftMix: number;
  /** The reward head's initial values (resume), dModel weights then the bias. */
  rewardHead?: Float32Array;
}

export interface StageRunner {
  /** Training examples (sequences or pairs) and validation examples. */
  readonly sizes: { train: number; validation: number };
  batch(step: number): TokenBatch | TokenBatch[];
  /** The loss to differentiate; `keep` hands side values out. */
  loss(batch: TokenBatch | TokenBatch[], dropoutSeed: number, keep: Keep): Tensor;
  /** Figures from a step's kept values (DPO's margin and accuracy). */
  stepStats(kept: Map<string, Float32Array>): Record<string, number>;
  /** Loss (and stage figures) on the held-out examples, no dropout. */
  validate(): Record<string, number>;
  /** Variables beyond the GPT's weights, by a stable name (the reward head). */
  readonly extraVariables: Map<string, TF.Variable>;
  /** The reward head's values (dModel weights then the bias), for the checkpoint. */
  readHead?(): Float32Array | undefined;
  dispose(): void;
}

/** Tokens each training batch holds (for tokens/s). */
export function batchTokens(batch: TokenBatch | TokenBatch[]): number {
  return (Array.isArray(batch) ? batch : [batch]).reduce((sum, b) => sum + b.batch * b.length, 0);
}

export function createStage(stage: Stage, setup: StageSetup): StageRunner {
  switch (stage) {
    case 'pretrain':
      return pretrainStage(setup);
    case 'sft':
      return sftStage(setup);
    case 'reward':
      return preferenceStage(setup, 'reward');
    case 'dpo':
      return preferenceStage(setup, 'dpo');
  }
}

let heads = 0;
const noExtras = {
  extraVariables: new Map<string, TF.Variable>(),
  stepStats: () => ({}),
  dispose: () => undefined,
};

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
}

function scalar(tf: Tf, f: () => Tensor): number {
  const t = tf.tidy(f);
  const value = t.dataSync()[0] as number;
  t.dispose();
  return value;
}

function pretrainStage(setup: StageSetup): StageRunner {
  const { tf, model, tokenizer, batchSize, seed } = setup;
  const length = model.config.context;
  // Hold out the tail of each document as validation text.
  const cut = (text: string) => Math.floor([...text].length * (1 - setup.validationFraction));
  const trainStream = encodeCorpus(
    tokenizer,
    setup.texts.map((t) => [...t].slice(0, cut(t)).join('')),
  );
  const validationStream = encodeCorpus(
    tokenizer,
    setup.texts.map((t) => [...t].slice(cut(t)).join('')),
  );
  const validationLength = Math.min(length, Math.max(2, validationStream.length - 2));
  return {
    ...noExtras,
    sizes: { train: trainStream.length, validation: validationStream.length },
    batch: (step) => corpusBatch(trainStream, { batch: batchSize, length, seed, step }),
    loss: (batch, dropoutSeed) => model.loss(batch as TokenBatch, dropoutSeed),
    validate(): Record<string, number> {
      if (setup.validationFraction === 0 || validationStream.length < 4) return {};
      // The same 8 windows every time, so validation losses compare across steps.
      const losses = [0, 1, 2, 3, 4, 5, 6, 7].map((k) =>
        scalar(tf, () =>
          model.loss(
            corpusBatch(validationStream, {
              batch: 4,
              length: validationLength,
              seed: seed + 7,
              step: k,
            }),
          ),
        ),
      );
      return { validationLoss: mean(losses) };
    },
  };
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function sftStage(setup: StageSetup): StageRunner {
  const { tf, model, tokenizer, batchSize, seed } = setup;
  const rows = parseSftJsonl(setup.texts.join('\n'));
  const sequences = rows.map((turns) => encodeChatSequence(tokenizer, turns, model.config.context));
  const { train, validation } = splitValidation(sequences.length, setup.validationFraction, seed);
  const pick = (indices: number[]) => indices.map((i) => sequences[i] as Sequence);
  return {
    ...noExtras,
    sizes: { train: train.length, validation: validation.length },
    batch: (step) =>
      sequenceBatch(
        pick(batchIndices(train.length, batchSize, seed, step).map((i) => train[i] as number)),
      ),
    loss: (batch, dropoutSeed) => model.loss(batch as TokenBatch, dropoutSeed),
    validate(): Record<string, number> {
      if (validation.length === 0) return {};
      const losses = chunk(pick(validation), batchSize).map((group) =>
        scalar(tf, () => model.loss(sequenceBatch(group))),
      );
      return { validationLoss: mean(losses) };
    },
  };
}

/** Index of each sequence's last input position in a `batch × length` layout (reward read-out). */
function lastPositions(batch: TokenBatch, sequences: Sequence[]): Int32Array {
  return Int32Array.from(sequences, (s, b) => b * batch.length + s.ids.length - 2);
}

function preferenceStage(setup: StageSetup, kind: 'reward' | 'dpo'): StageRunner {
  const { tf, model, tokenizer, batchSize, seed, beta, sftMix } = setup;
  const d = model.config.dModel;
  const pairs = parsePreferenceJsonl(setup.texts.join('\n')).map((row) =>
    encodePreference(tokenizer, row, model.config.context),
  );
  const { train, validation } = splitValidation(pairs.length, setup.validationFraction, seed);
  // One batch: the chosen answers, then the rejected ones.
  const toBatch = (group: PreferencePair[]) => {
    const sequences = [...group.map((p) => p.chosen), ...group.map((p) => p.rejected)];
    return { batch: sequenceBatch(sequences), sequences, indices: group };
  };

  // Reward model: a scalar head on the final hidden state at the end of the answer.
  const head = setup.rewardHead ?? new Float32Array(d + 1);
  const headW =
    kind === 'reward'
      ? tf.variable(tf.tensor2d(head.slice(0, d), [d, 1]), true, `reward-head-w-${++heads}`)
      : undefined;
  const headB =
    kind === 'reward'
      ? tf.variable(tf.tensor1d(head.slice(d)), true, `reward-head-b-${heads}`)
      : undefined;
  const rewards = (batch: TokenBatch, sequences: Sequence[], dropoutSeed?: number) => {
    const hidden = tf.reshape(model.hidden(batch.ids, batch.batch, batch.length, dropoutSeed), [
      batch.batch * batch.length,
      d,
    ]);
    return tf.reshape(
      tf.add(
        tf.matMul(model.pickRows(hidden, lastPositions(batch, sequences)), headW as Tensor),
        headB as Tensor,
      ),
      [batch.batch],
    );
  };

  // DPO: the reference model's log-probabilities, computed once from the starting weights.
  const reference = new Map<PreferencePair, { chosen: number; rejected: number }>();
  if (kind === 'dpo')
    for (const group of chunk(pairs, batchSize)) {
      const { batch } = toBatch(group);
      const t = tf.tidy(() => model.sequenceLogProbs(batch));
      const values = t.dataSync();
      group.forEach((pair, i) =>
        reference.set(pair, {
          chosen: values[i] as number,
          rejected: values[group.length + i] as number,
        }),
      );
      t.dispose();
    }
  const referenceTensor = (group: PreferencePair[]) =>
    tf.tensor1d([
      ...group.map((p) => reference.get(p)!.chosen),
      ...group.map((p) => reference.get(p)!.rejected),
    ]);

  const preferenceLoss = (group: PreferencePair[], dropoutSeed: number | undefined, keep: Keep) => {
    const { batch, sequences } = toBatch(group);
    const n = group.length;
    let scores: Tensor;
    if (kind === 'reward') scores = rewards(batch, sequences, dropoutSeed);
    else {
      // β·(log πθ − log πref): DPO's implicit reward of each answer.
      scores = tf.mul(
        tf.sub(model.sequenceLogProbs(batch, dropoutSeed), referenceTensor(group)),
        beta,
      );
    }
    keep('scores', scores);
    const chosen = tf.slice(scores, [0], [n]);
    const rejected = tf.slice(scores, [n], [n]);
    // −log σ(x) = softplus(−x): tf.logSigmoid's gradient is unreliable on this backend.
    let loss = tf.mean(tf.softplus(tf.neg(tf.sub(chosen, rejected))));
    if (kind === 'dpo' && sftMix > 0) {
      const chosenOnly = sequenceBatch(sequences.slice(0, n));
      loss = tf.add(loss, tf.mul(model.loss(chosenOnly, dropoutSeed), sftMix));
    }
    return loss;
  };
  const stats = (scores: Float32Array, prefix = '') => {
    const n = scores.length / 2;
    const margins = Array.from(
      { length: n },
      (_, i) => (scores[i] as number) - (scores[n + i] as number),
    );
    const named = kind === 'reward' ? 'reward' : 'implicitReward';
    return {
      [`${prefix}accuracy`]: mean(margins.map((m) => (m > 0 ? 1 : 0))),
      [`${prefix}margin`]: mean(margins),
      [`${prefix}${named}Chosen`]: mean(Array.from(scores.subarray(0, n))),
      [`${prefix}${named}Rejected`]: mean(Array.from(scores.subarray(n))),
    };
  };
  const pick = (indices: number[]) =>
    indices.map((i) => pairs[train[i] as number] as PreferencePair);
  const batches = new Map<TokenBatch, PreferencePair[]>();
  return {
    sizes: { train: train.length, validation: validation.length },
    extraVariables: new Map<string, TF.Variable>(
      headW && headB
        ? [
            ['reward.w', headW],
            ['reward.b', headB],
          ]
        : [],
    ),
    batch(step) {
      const group = pick(batchIndices(train.length, batchSize, seed, step));
      const { batch } = toBatch(group);
      batches.clear();
      batches.set(batch, group);
      return batch;
    },
    loss: (batch, dropoutSeed, keep) =>
      preferenceLoss(batches.get(batch as TokenBatch) as PreferencePair[], dropoutSeed, keep),
    stepStats: (kept) => (kept.has('scores') ? stats(kept.get('scores') as Float32Array) : {}),
    validate() {
      if (validation.length === 0) return {};
      const chosen: number[] = [];
      const rejected: number[] = [];
      const losses: number[] = [];
      for (const group of chunk(
        validation.map((i) => pairs[i] as PreferencePair),
        batchSize,
      )) {
        let scores = new Float32Array(0);
        const keep: Keep = (_, t) => void (scores = Float32Array.from(t.dataSync()));
        losses.push(scalar(tf, () => preferenceLoss(group, undefined, keep)));
        chosen.push(...scores.subarray(0, group.length));
        rejected.push(...scores.subarray(group.length));
      }
      return {
        validationLoss: mean(losses),
        ...stats(Float32Array.from([...chosen, ...rejected]), 'validation.'),
      };
    },
    readHead: () =>
      headW && headB ? Float32Array.from([...headW.dataSync(), ...headB.dataSync()]) : undefined,
    dispose() {
      headW?.dispose();
      headB?.dispose();
    },
  };
}
