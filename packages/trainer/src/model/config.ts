// The tiny GPT's shape and the names and shapes of its weights (GPT-2's layout: learned positions,
// pre-norm blocks, one fused QKV projection, a 4·d MLP with GELU, the output head tied to the
// token embedding), with the seed article's 12·L·d² beside the exact count.
import { InvalidInputError } from '@repo/core';
import { approxParameters, gptParameters } from '@repo/training-math';
import { createRandom } from './rng.js';

export interface GptConfig {
  vocabSize: number;
  /** Longest sequence the model sees (positions learned up to here). */
  context: number;
  layers: number;
  dModel: number;
  heads: number;
  /** Dropout on attention weights and residual branches while training (default 0). */
  dropout?: number;
}

/** The weights by name, each a flat Float32Array in row-major order. */
export type Weights = Map<string, Float32Array>;

const POSITIVE_WHOLE: (keyof GptConfig)[] = ['vocabSize', 'context', 'layers', 'dModel', 'heads'];

export function checkConfig(config: GptConfig): GptConfig {
  for (const field of POSITIVE_WHOLE) {
    const value = config?.[field];
    if (!Number.isInteger(value) || (value as number) < 1)
      throw new InvalidInputError(`${field} must be a whole number ≥ 1`, [
        { field, reason: `must be a whole number ≥ 1 (got ${String(value)})` },
      ]);
  }
  if (config.dModel % config.heads !== 0)
    throw new InvalidInputError('dModel must be a multiple of heads', [
      { field: 'heads', reason: `${config.heads} does not divide dModel ${config.dModel}` },
    ]);
  const dropout = config.dropout ?? 0;
  if (!(dropout >= 0 && dropout < 1))
    throw new InvalidInputError('dropout must be in [0, 1)', [
      { field: 'dropout', reason: `must be ≥ 0 and < 1 (got ${String(config.dropout)})` },
    ]);
  return { ...config, dropout };
}

/** Every weight's name and shape, in a fixed order (the order they are saved in). */
export function weightShapes(config: GptConfig): [string, number[]][] {
  const { vocabSize: V, context: T, layers, dModel: d } = config;
  const shapes: [string, number[]][] = [
    ['wte', [V, d]],
    ['wpe', [T, d]],
  ];
  for (let l = 0; l < layers; l++)
    shapes.push(
      [`h${l}.ln1.g`, [d]],
      [`h${l}.ln1.b`, [d]],
      [`h${l}.attn.wqkv`, [d, 3 * d]],
      [`h${l}.attn.bqkv`, [3 * d]],
      [`h${l}.attn.wo`, [d, d]],
      [`h${l}.attn.bo`, [d]],
      [`h${l}.ln2.g`, [d]],
      [`h${l}.ln2.b`, [d]],
      [`h${l}.mlp.wfc`, [d, 4 * d]],
      [`h${l}.mlp.bfc`, [4 * d]],
      [`h${l}.mlp.wproj`, [4 * d, d]],
      [`h${l}.mlp.bproj`, [d]],
    );
  shapes.push(['lnf.g', [d]], ['lnf.b', [d]]);
  return shapes;
}

/**
 * GPT-2's initialisation, seeded: N(0, 0.02) for matrices and embeddings, N(0, 0.02/√(2L)) for the
 * projections that write into the residual stream, zeros for biases, ones for LayerNorm gains.
 */
export function initWeights(config: GptConfig, seed = 1): Weights {
  checkConfig(config);
  const random = createRandom(seed);
  const weights: Weights = new Map();
  const residualStd = 0.02 / Math.sqrt(2 * config.layers);
  for (const [name, shape] of weightShapes(config)) {
    const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
    if (name.endsWith('.g')) values.fill(1);
    else if (shape.length === 2) {
      const std = name.endsWith('.wo') || name.endsWith('.wproj') ? residualStd : 0.02;
      for (let i = 0; i < values.length; i++) values[i] = random.normal() * std;
    }
    weights.set(name, values);
  }
  return weights;
}

export interface ParameterCount {
  /** Every weight counted. */
  exact: number;
  /** The seed article's 12·L·d² (blocks only: no embeddings, biases or norms). */
  approximate: number;
  /** Token and position embeddings, which 12·L·d² leaves out and dominate at this size. */
  embeddings: number;
}

export function countParameters(config: GptConfig): ParameterCount {
  const exact = gptParameters({
    layers: config.layers,
    dModel: config.dModel,
    vocab: config.vocabSize,
    context: config.context,
  });
  return {
    exact,
    approximate: approxParameters({ layers: config.layers, dModel: config.dModel }),
    embeddings: (config.vocabSize + config.context) * config.dModel,
  };
}
