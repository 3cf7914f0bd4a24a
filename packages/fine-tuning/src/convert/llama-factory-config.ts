// A LLaMA-Factory training config (its examples/train_lora and train_full YAML files, same keys
// and sections) for a bundle: stage, LoRA or full, the DeepSpeed file the plan chose, the
// dataset registered in the bundle's dataset_info.json. Written with the `yaml` package.
import { Document } from 'yaml';
import { deepspeedFileName } from './deepspeed-config.js';
import type { ModelSpec, TrainingPlan } from './plan-training.js';

export function llamaFactoryYaml(input: {
  model: ModelSpec;
  method: 'sft' | 'dpo';
  plan: TrainingPlan;
  dataset: string;
  gpuCount: number;
}): string {
  const { plan, method } = input;
  const lora = plan.finetuning === 'lora';
  const config: Record<string, unknown> = {
    model_name_or_path: input.model.name,
    trust_remote_code: true,
    stage: method,
    do_train: true,
    finetuning_type: plan.finetuning,
    ...(lora ? { lora_rank: plan.loraRank, lora_target: 'all' } : {}),
    ...(method === 'dpo' ? { pref_beta: 0.1, pref_loss: 'sigmoid' } : {}),
    ...(input.gpuCount > 1 ? { deepspeed: deepspeedFileName(plan.stage) } : {}),
    dataset: input.dataset,
    dataset_dir: '.',
    template: input.model.template ?? 'default',
    cutoff_len: 2048,
    overwrite_cache: true,
    preprocessing_num_workers: 16,
    output_dir: `saves/${method}-${plan.finetuning}`,
    logging_steps: 10,
    save_steps: 500,
    plot_loss: true,
    overwrite_output_dir: true,
    report_to: 'none',
    per_device_train_batch_size: 1,
    gradient_accumulation_steps: 8,
    learning_rate: learningRate(method, lora),
    num_train_epochs: 3.0,
    lr_scheduler_type: 'cosine',
    warmup_ratio: 0.1,
    bf16: true,
    ddp_timeout: 180000000,
  };
  const doc = new Document(config);
  doc.commentBefore = [
    ` ${method.toUpperCase()} of ${input.model.name}, ${lora ? 'LoRA' : 'full'}${input.gpuCount > 1 ? `, DeepSpeed ZeRO-${plan.stage}` : ''} (why: README.txt).`,
    ` Run from this folder: llamafactory-cli train ${llamaFactoryConfigName(method)}`,
  ].join('\n');
  return doc.toString();
}

export function llamaFactoryConfigName(method: 'sft' | 'dpo'): string {
  return `train_${method}.yaml`;
}

/** LLaMA-Factory's examples: LoRA SFT 1e-4, full SFT 1e-5, DPO 5e-6. */
export function learningRate(method: 'sft' | 'dpo', lora: boolean): number {
  if (method === 'dpo') return 5.0e-6;
  return lora ? 1.0e-4 : 1.0e-5;
}
