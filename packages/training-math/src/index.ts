// Public API of @repo/training-math: the arithmetic of LLM training, as pure functions with their
// sources (no tensors, no I/O). The trainer reports its own parameter counts, FLOPs and MFU with
// them; a workshop answers "how big, how long, how much memory" with them.
export { approxParameters, gptParameters, llamaParameters } from './parameters.js';
export type { GptShape, LlamaShape } from './parameters.js';
export {
  inferenceFlopsPerToken,
  modelFlopsUtilisation,
  trainingFlops,
  trainingTime,
} from './compute.js';
export type { TrainingTime, TrainingTimeInput } from './compute.js';
export {
  CHINCHILLA_FITS,
  chinchillaLoss,
  chinchillaOptimal,
  fitOptimal,
  KAPLAN,
  kaplanLoss,
  kaplanLossOfCompute,
  kaplanLossOfParameters,
  kaplanLossOfTokens,
} from './scaling-laws.js';
export type { ChinchillaFit, ComputeOptimum } from './scaling-laws.js';
export {
  activationBytesPerLayer,
  BYTES_PER_PARAMETER,
  kvCacheBytes,
  loraBytes,
  modelStateBytes,
  zeroBytesPerGpu,
} from './memory.js';
export type { ActivationMode, TrainingRegime, ZeroStage } from './memory.js';
