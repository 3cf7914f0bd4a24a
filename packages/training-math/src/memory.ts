// Memory: model states per parameter by optimizer and precision (the ZeRO paper's accounting,
// Rajbhandari et al., arXiv:1910.02054), how ZeRO's stages divide them over data-parallel ranks,
// activations per layer (Korthikanti et al. 2022, arXiv:2205.05198) and the inference KV cache.
// Bytes throughout; divide by 1e9 for the papers' GB, by 2^30 for GiB.
import { InvalidInputError } from '@repo/core';
import { positive, wholePositive } from './check-numbers.js';

/**
 * Bytes per parameter of the model states (weights, gradients, optimizer state), activations not
 * included. Mixed-precision Adam: 2 (fp16 weights) + 2 (fp16 grads) + 12 (fp32 master weights,
 * momentum, variance) = 16. Lion keeps one state (Chen et al. 2023), LOMO none: it fuses the
 * update into the backward pass and holds only transient per-layer gradients (Lv et al. 2023).
 */
export const BYTES_PER_PARAMETER = {
  'fp32-sgd': 8,
  'fp32-sgd-momentum': 12,
  'fp32-adam': 16,
  'mixed-adam': 16,
  'mixed-lion': 12,
  lomo: 2,
  'inference-fp16': 2,
  'inference-int8': 1,
  'inference-int4': 0.5,
} as const;

export type TrainingRegime = keyof typeof BYTES_PER_PARAMETER;

export function modelStateBytes(parameters: number, regime: TrainingRegime): number {
  if (!Object.hasOwn(BYTES_PER_PARAMETER, regime))
    throw new InvalidInputError(`Unknown regime "${String(regime)}"`, [
      { field: 'regime', reason: `must be one of ${Object.keys(BYTES_PER_PARAMETER).join(', ')}` },
    ]);
  return positive(parameters, 'parameters') * BYTES_PER_PARAMETER[regime];
}

/** LoRA: the frozen base in fp16 (2 bytes) plus mixed-precision Adam (16 bytes) on the adapters. */
export function loraBytes(baseParameters: number, adapterParameters: number): number {
  return (
    2 * positive(baseParameters, 'baseParameters') +
    16 * positive(adapterParameters, 'adapterParameters')
  );
}

export type ZeroStage = 0 | 1 | 2 | 3;

/**
 * Model-state bytes per GPU with mixed-precision Adam (K = 12 bytes of optimizer state) over
 * `dataParallel` ranks. Stage 0 is plain data parallelism (16Ψ); 1 shards the optimizer state
 * (4Ψ + KΨ/N_d); 2 also the gradients (2Ψ + (2 + K)Ψ/N_d); 3 also the weights (16Ψ/N_d), at
 * 1.5× the communication. Ψ 7.5 B on 64 GPUs: 120 / 31.4 / 16.6 / 1.9 GB.
 */
export function zeroBytesPerGpu(input: {
  parameters: number;
  dataParallel: number;
  stage: ZeroStage;
  optimizerBytes?: number;
}): number {
  const psi = positive(input.parameters, 'parameters');
  const nd = wholePositive(input.dataParallel, 'dataParallel');
  const k = positive(input.optimizerBytes ?? 12, 'optimizerBytes');
  switch (input.stage) {
    case 0:
      return (2 + 2 + k) * psi;
    case 1:
      return 4 * psi + (k * psi) / nd;
    case 2:
      return 2 * psi + ((2 + k) * psi) / nd;
    case 3:
      return ((2 + 2 + k) * psi) / nd;
    default:
      throw new InvalidInputError(`Unknown ZeRO stage ${String(input.stage)}`, [
        { field: 'stage', reason: 'must be 0, 1, 2 or 3' },
      ]);
  }
}

export type ActivationMode = 'none' | 'tensor' | 'tensor-sequence' | 'selective' | 'full';

/**
 * Activation bytes of one layer at 16-bit (Korthikanti et al. 2022, table 2): `s·b·h·(34 + 5·a·s/h)`
 * without parallelism or recomputation; with tensor parallelism t, sequence parallelism,
 * selective recomputation (`34·s·b·h/t`) or full recomputation (`2·s·b·h`). GPT-3 175 B (h 12,288,
 * 96 heads) at s 2,048, b 1: 2.87 GB per layer.
 */
export function activationBytesPerLayer(input: {
  sequence: number;
  batch: number;
  hidden: number;
  heads: number;
  tensorParallel?: number;
  mode?: ActivationMode;
}): number {
  const s = wholePositive(input.sequence, 'sequence');
  const b = wholePositive(input.batch, 'batch');
  const h = wholePositive(input.hidden, 'hidden');
  const a = wholePositive(input.heads, 'heads');
  const t = wholePositive(input.tensorParallel ?? 1, 'tensorParallel');
  const sbh = s * b * h;
  switch (input.mode ?? 'none') {
    case 'none':
      return sbh * (34 + (5 * a * s) / h);
    case 'tensor':
      return sbh * (10 + 24 / t + (5 * a * s) / (h * t));
    case 'tensor-sequence':
      return (sbh / t) * (34 + (5 * a * s) / h);
    case 'selective':
      return (34 * sbh) / t;
    case 'full':
      return 2 * sbh;
    default:
      throw new InvalidInputError(`Unknown activation mode "${String(input.mode)}"`, [
        { field: 'mode', reason: 'must be none, tensor, tensor-sequence, selective or full' },
      ]);
  }
}

/**
 * `2 · L · n_kv · d_head · S · B · bytes` (K and V for every layer, KV head and position).
 * Llama-2-7B (32 layers, 32 KV heads of 128) at 2,048 tokens, fp16: 1 GiB.
 */
export function kvCacheBytes(input: {
  layers: number;
  kvHeads: number;
  headDim: number;
  sequence: number;
  batch?: number;
  bytesPerElement?: number;
}): number {
  return (
    2 *
    wholePositive(input.layers, 'layers') *
    wholePositive(input.kvHeads, 'kvHeads') *
    wholePositive(input.headDim, 'headDim') *
    wholePositive(input.sequence, 'sequence') *
    wholePositive(input.batch ?? 1, 'batch') *
    positive(input.bytesPerElement ?? 2, 'bytesPerElement')
  );
}
