// The bundle's README.txt: what was written, how to run it, and why this stage and this kind of
// fine-tuning, with every candidate's per-GPU GiB so that the choice can be checked by hand.
import type { GpuSpec, ModelSpec, PlanCandidate, TrainingPlan } from './plan-training.js';
import { USABLE_SHARE } from './plan-training.js';

export const gib = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(1)} GiB`;

export function bundleReadme(input: {
  model: ModelSpec;
  gpus: GpuSpec;
  method: 'sft' | 'dpo';
  plan: TrainingPlan;
  files: string[];
  run: string;
  rows: number;
  /** LLaMA-Factory bundle written without model.template. */
  templateMissing?: boolean;
}): string {
  const { plan, gpus } = input;
  const kind = plan.finetuning === 'lora' ? `LoRA (rank ${plan.loraRank})` : 'full fine-tuning';
  const stage = gpus.count > 1 ? `DeepSpeed ZeRO-${plan.stage}` : 'one GPU, no DeepSpeed';
  return [
    `${input.method.toUpperCase()} of ${input.model.name}: ${kind}, ${stage}, on ${gpus.count} × ${gpus.memoryGiB} GiB.`,
    `${input.rows} training ${input.rows === 1 ? 'row' : 'rows'}. Files: ${input.files.join(', ')}.`,
    `Run from this folder: ${input.run}`,
    ...(input.templateMissing
      ? [
          "Set `template` in the YAML to your model's chat template (llama3, qwen, …): it is `default` now.",
        ]
      : []),
    '',
    'Memory per GPU (model states from @repo/training-math; activations not counted):',
    `  ${(plan.parameters / 1e9).toFixed(2)} B parameters; LoRA adapters ${(plan.adapterParameters / 1e6).toFixed(1)} M${input.model.shape ? '' : ' (estimated: 0.3% of the parameters at rank 8; give model.shape for the exact count)'}.`,
    `  Budget: ${gpus.memoryGiB} GiB × ${USABLE_SHARE} = ${gib(plan.budgetBytesPerGpu)} per GPU; the rest is kept for activations, the CUDA context and fragmentation.`,
    ...plan.candidates.map((c) => candidateLine(c, plan)),
    '',
    choice(input.method, input.gpus, plan),
    '',
    'Formulas (ZeRO paper, arXiv:1910.02054; N = GPUs): full mixed-precision Adam is 16 bytes per parameter;',
    'ZeRO-0 keeps all of it on each GPU (16Ψ), ZeRO-2 shards gradients and optimizer state (2Ψ + 14Ψ/N),',
    'ZeRO-3 also the weights (16Ψ/N) at 1.5× the communication. DPO adds a frozen 16-bit reference model',
    '(2Ψ, 2Ψ/N under ZeRO-3). LoRA keeps the base frozen in 16 bits (2Ψ, 2Ψ/N under ZeRO-3) plus 16 bytes',
    'per adapter parameter; its DPO reference is the base with the adapters off, at no extra memory.',
    '',
  ].join('\n');
}

function candidateLine(c: PlanCandidate, plan: TrainingPlan): string {
  const chosen = c.finetuning === plan.finetuning && c.stage === plan.stage;
  const name = `${c.finetuning === 'lora' ? 'LoRA' : 'full'}, ZeRO-${c.stage}:`.padEnd(16);
  return `  ${name}${gib(c.bytesPerGpu).padStart(11)}  ${c.fits ? 'fits' : 'does not fit'}${chosen ? '  ← chosen' : ''}`;
}

function choice(method: string, gpus: GpuSpec, plan: TrainingPlan): string {
  const kind = plan.finetuning === 'lora' ? 'LoRA' : 'Full fine-tuning';
  const at = `${gib(plan.bytesPerGpu)} per GPU`;
  const bestFull = plan.candidates.filter((c) => c.finetuning === 'full').at(-1) as PlanCandidate;
  const lines: string[] = [];
  if (plan.loraAdvised)
    lines.push(
      `LoRA advised: full ${method.toUpperCase()} needs ${gib(bestFull.bytesPerGpu)} per GPU at best (ZeRO-${bestFull.stage}), more than the ${gib(plan.budgetBytesPerGpu)} budget.`,
    );
  if (!plan.fits)
    lines.push(
      `${kind} does not fit: ${at} at best. ${plan.finetuning === 'full' ? 'Use LoRA (set lora: true)' : 'Use QLoRA (a 4-bit base, 0.5 bytes per parameter)'} or more GPUs.`,
    );
  else if (gpus.count === 1) lines.push(`${kind} fits on one GPU: ${at}.`);
  else
    lines.push(
      `${kind} with ZeRO-${plan.stage}: ${at}, the smallest stage that fits (a higher stage only adds communication).`,
    );
  if (
    plan.finetuning === 'full' &&
    plan.fits &&
    plan.candidates.some((c) => c.finetuning === 'lora' && c.fits)
  )
    lines.push(
      'LoRA would fit too (set lora: true) and trains faster; full fine-tuning changes every weight.',
    );
  return lines.join('\n');
}
