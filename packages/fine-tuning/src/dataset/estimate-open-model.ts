// Training an open model yourself: FLOPs, wall-clock time and GPU memory from @repo/training-math.
// Full fine-tuning costs ≈ 6·N·D FLOPs; LoRA skips the frozen weights' gradients, ≈ 4·N·D (the
// forward 2·N·D plus the backward pass through activations; an approximation). Memory is model
// states only (weights, gradients, optimizer state): activations come on top.
import { InvalidInputError } from '@repo/core';
import {
  llamaParameters,
  loraBytes,
  modelStateBytes,
  trainingFlops,
  trainingTime,
  zeroBytesPerGpu,
  type LlamaShape,
  type TrainingRegime,
  type ZeroStage,
} from '@repo/training-math';
import { wholeNumber } from './check-options.js';

export interface OpenModelInput {
  /** The model's size; or give `shape` to count a Llama-style decoder exactly. */
  parameters?: number;
  shape?: LlamaShape;
  /** Tokens in one epoch (e.g. `stats.tokensPerExample.total`). */
  tokens: number;
  epochs: number;
  gpus: number;
  /** Peak FLOP/s of one GPU at the precision used (H100 SXM dense BF16 ≈ 989e12). */
  gpuPeakFlops: number;
  /** Model FLOPs utilisation, 0 to 1 (0.3–0.5 is typical). */
  mfu: number;
  /** Default 'full'. */
  method?: 'full' | 'lora';
  /** LoRA adapter size (required for 'lora'). */
  adapterParameters?: number;
  /** Full fine-tuning's optimizer and precision; default 'mixed-adam'. */
  regime?: TrainingRegime;
  /** Full fine-tuning with ZeRO over `gpus` data-parallel ranks (mixed-precision Adam). */
  zeroStage?: ZeroStage;
  pricePerGpuHour?: number;
}

export interface OpenModelEstimate {
  parameters: number;
  trainedTokens: number;
  flops: number;
  hours: number;
  gpuHours: number;
  cost?: number;
  /** Model-state bytes on each GPU (activations not included). */
  bytesPerGpu: number;
}

export function estimateOpenModel(input: OpenModelInput): OpenModelEstimate {
  const parameters = resolveParameters(input);
  const epochs = wholeNumber(input.epochs, 'epochs');
  const trainedTokens = input.tokens * epochs;
  const lora = input.method === 'lora';
  const flops = trainingFlops(parameters, trainedTokens) * (lora ? 4 / 6 : 1);
  const time = trainingTime({
    flops,
    gpus: input.gpus,
    peakFlopsPerGpu: input.gpuPeakFlops,
    mfu: input.mfu,
    pricePerGpuHour: input.pricePerGpuHour,
  });
  const estimate: OpenModelEstimate = {
    parameters,
    trainedTokens,
    flops,
    hours: time.seconds / 3600,
    gpuHours: time.gpuHours,
    bytesPerGpu: memoryPerGpu(input, parameters),
  };
  if (time.cost !== undefined) estimate.cost = time.cost;
  return estimate;
}

function resolveParameters(input: OpenModelInput): number {
  if ((input.parameters === undefined) === (input.shape === undefined))
    throw new InvalidInputError('Give exactly one of parameters and shape', [
      { field: 'parameters', reason: 'give exactly one of parameters and shape' },
    ]);
  return input.shape ? llamaParameters(input.shape) : (input.parameters ?? 0);
}

function memoryPerGpu(input: OpenModelInput, parameters: number): number {
  if (input.method === 'lora') {
    if (input.adapterParameters === undefined)
      throw new InvalidInputError('LoRA needs adapterParameters', [
        { field: 'adapterParameters', reason: 'required when method is lora' },
      ]);
    return loraBytes(parameters, input.adapterParameters);
  }
  if (input.zeroStage !== undefined)
    return zeroBytesPerGpu({ parameters, dataParallel: input.gpus, stage: input.zeroStage });
  return modelStateBytes(parameters, input.regime ?? 'mixed-adam');
}
