// Which DeepSpeed ZeRO stage (and whether LoRA) a model needs on the named GPUs, from
// @repo/training-math's model-state bytes: the smallest stage whose per-GPU bytes fit, because
// every higher stage communicates more (ZeRO-3 1.5× the traffic of 0-2). Activations are not
// counted: a fifth of each GPU is kept for them, the CUDA context and fragmentation.
import {
  llamaParameters,
  loraBytes,
  zeroBytesPerGpu,
  type LlamaShape,
  type ZeroStage,
} from '@repo/training-math';
import { refuse } from './refuse.js';

export interface ModelSpec {
  /** A Hugging Face id or a local path, written into the config as it is. */
  name: string;
  /** The parameter count; or give `shape` for the exact count (and exact LoRA adapters). */
  parameters?: number;
  shape?: LlamaShape;
  /** LLaMA-Factory's chat template (qwen, llama3, …); default `default`. */
  template?: string;
}

export interface GpuSpec {
  count: number;
  memoryGiB: number;
}

export interface PlanCandidate {
  finetuning: 'full' | 'lora';
  stage: ZeroStage;
  bytesPerGpu: number;
  fits: boolean;
}

export interface TrainingPlan {
  finetuning: 'full' | 'lora';
  stage: ZeroStage;
  bytesPerGpu: number;
  fits: boolean;
  /** Full fine-tuning fits nowhere and `lora` was not set: LoRA was chosen for that reason. */
  loraAdvised: boolean;
  parameters: number;
  adapterParameters: number;
  loraRank: number;
  budgetBytesPerGpu: number;
  candidates: PlanCandidate[];
}

export const USABLE_SHARE = 0.8;
/** LLaMA-Factory ships ZeRO-0, 2 and 3 configs; stage 1 saves less than 2 at the same traffic. */
const STAGES: readonly ZeroStage[] = [0, 2, 3];
/** Rank-8 LoRA on every linear layer of Llama-2-7B is 0.297% of its parameters. */
const ADAPTER_SHARE_AT_RANK_8 = 0.003;

export function planTraining(input: {
  model: ModelSpec;
  gpus: GpuSpec;
  method: 'sft' | 'dpo';
  lora?: boolean;
  loraRank?: number;
}): TrainingPlan {
  const { count, memoryGiB } = input.gpus;
  if (!Number.isInteger(count) || count < 1) refuse({}, 'gpus.count', 'must be a whole number ≥ 1');
  if (!(memoryGiB > 0)) refuse({}, 'gpus.memoryGiB', 'must be a positive number');
  const psi = parametersOf(input.model);
  const rank = input.loraRank ?? 8;
  const adapters = input.model.shape
    ? loraAdapters(input.model.shape, rank)
    : Math.round(psi * ADAPTER_SHARE_AT_RANK_8 * (rank / 8));
  const budget = memoryGiB * 2 ** 30 * USABLE_SHARE;
  const stages = count === 1 ? [0 as ZeroStage] : STAGES;
  const candidate = (finetuning: 'full' | 'lora', stage: ZeroStage): PlanCandidate => {
    const bytesPerGpu =
      finetuning === 'full'
        ? fullBytes(psi, count, stage, input.method)
        : adapterBytes(psi, adapters, count, stage);
    return { finetuning, stage, bytesPerGpu, fits: bytesPerGpu <= budget };
  };
  const candidates = [
    ...stages.map((s) => candidate('full', s)),
    ...stages.map((s) => candidate('lora', s)),
  ];
  const pick = (finetuning: 'full' | 'lora') => {
    const own = candidates.filter((c) => c.finetuning === finetuning);
    return own.find((c) => c.fits) ?? (own[own.length - 1] as PlanCandidate);
  };
  const full = pick('full');
  const chosen =
    input.lora === true || (input.lora === undefined && !full.fits) ? pick('lora') : full;
  return {
    ...chosen,
    loraAdvised: input.lora === undefined && !full.fits,
    parameters: psi,
    adapterParameters: adapters,
    loraRank: rank,
    budgetBytesPerGpu: budget,
    candidates,
  };
}

/** Mixed-precision Adam over ZeRO; DPO adds the frozen reference model in 16-bit. */
function fullBytes(psi: number, n: number, stage: ZeroStage, method: 'sft' | 'dpo'): number {
  const reference = method === 'dpo' ? (stage === 3 ? (2 * psi) / n : 2 * psi) : 0;
  return zeroBytesPerGpu({ parameters: psi, dataParallel: n, stage }) + reference;
}

/** The frozen 16-bit base (sharded only by ZeRO-3) plus Adam on the adapters; DPO's reference is the base with adapters off. */
function adapterBytes(psi: number, adapters: number, n: number, stage: ZeroStage): number {
  if (stage === 0) return loraBytes(psi, adapters);
  const base = stage === 3 ? (2 * psi) / n : 2 * psi;
  return base + zeroBytesPerGpu({ parameters: adapters, dataParallel: n, stage });
}

function parametersOf(model: ModelSpec): number {
  if (typeof model.name !== 'string' || model.name.trim() === '')
    refuse({}, 'model.name', 'must be a model id or path');
  if (model.shape) return llamaParameters(model.shape);
  if (typeof model.parameters === 'number' && model.parameters > 0) return model.parameters;
  return refuse({}, 'model.parameters', 'must be a positive number (or give model.shape)');
}

/** Rank-r A and B matrices on Q, K, V, O and the SwiGLU's three: r·(in + out) each, per layer. */
export function loraAdapters(shape: LlamaShape, rank: number): number {
  const d = shape.dModel;
  const kvWidth = (shape.kvHeads ?? shape.heads) * (d / shape.heads);
  const perLayer = (d + d) * 2 + (d + kvWidth) * 2 + (d + shape.dFf) * 3;
  return shape.layers * rank * perLayer;
}
