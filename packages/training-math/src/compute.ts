// Compute and time. Training costs about 6 FLOPs per parameter per token (2 forward, 4 backward;
// Kaplan et al. 2020), generation about 2. Wall-clock time divides the FLOPs by what the GPUs
// really deliver: count × peak × MFU (model FLOPs utilisation, typically 0.3–0.5 for large dense
// training). The trainer reports its own MFU with `modelFlopsUtilisation`.
import { fraction, positive } from './check-numbers.js';

/** `C ≈ 6·N·D`. */
export function trainingFlops(parameters: number, tokens: number): number {
  return 6 * positive(parameters, 'parameters') * positive(tokens, 'tokens');
}

/** `≈ 2·N` FLOPs per generated token. */
export function inferenceFlopsPerToken(parameters: number): number {
  return 2 * positive(parameters, 'parameters');
}

export interface TrainingTimeInput {
  flops: number;
  gpus: number;
  /** Peak FLOP/s of one GPU at the precision used (H100 SXM dense BF16 ≈ 989e12). */
  peakFlopsPerGpu: number;
  /** 0 to 1. */
  mfu: number;
  /** Price of one GPU-hour, for `cost`. */
  pricePerGpuHour?: number;
}

export interface TrainingTime {
  seconds: number;
  days: number;
  gpuHours: number;
  cost?: number;
}

/** `T = C / (n_gpu · peak · MFU)`. */
export function trainingTime(input: TrainingTimeInput): TrainingTime {
  const flops = positive(input.flops, 'flops');
  const gpus = positive(input.gpus, 'gpus');
  const peak = positive(input.peakFlopsPerGpu, 'peakFlopsPerGpu');
  const mfu = fraction(input.mfu, 'mfu');
  const seconds = flops / (gpus * peak * mfu);
  const gpuHours = (seconds * gpus) / 3600;
  const time: TrainingTime = { seconds, days: seconds / 86_400, gpuHours };
  if (input.pricePerGpuHour !== undefined)
    time.cost = gpuHours * positive(input.pricePerGpuHour, 'pricePerGpuHour');
  return time;
}

/** MFU of a run: the model FLOPs it did per second (6·N per token) over the hardware's peak. */
export function modelFlopsUtilisation(input: {
  parameters: number;
  tokensPerSecond: number;
  peakFlops: number;
}): number {
  const done =
    6 *
    positive(input.parameters, 'parameters') *
    positive(input.tokensPerSecond, 'tokensPerSecond');
  return done / positive(input.peakFlops, 'peakFlops');
}
