// A TRL training script for a bundle: SFTTrainer or DPOTrainer on the bundle's JSONL, with PEFT's
// LoRA when the plan chose it and the DeepSpeed file it chose when there is more than one GPU.
// Python literals are written from JSON (a JSON string is a valid Python string).
import { deepspeedFileName } from './deepspeed-config.js';
import { learningRate } from './llama-factory-config.js';
import type { ModelSpec, TrainingPlan } from './plan-training.js';

export function trlScriptName(method: 'sft' | 'dpo'): string {
  return `train_${method}.py`;
}

export function trlScript(input: {
  model: ModelSpec;
  method: 'sft' | 'dpo';
  plan: TrainingPlan;
  dataFile: string;
  gpuCount: number;
}): string {
  const { plan, method } = input;
  const lora = plan.finetuning === 'lora';
  const [Config, Trainer] =
    method === 'sft' ? ['SFTConfig', 'SFTTrainer'] : ['DPOConfig', 'DPOTrainer'];
  const args: Record<string, string | number | boolean> = {
    output_dir: `output/${method}-${plan.finetuning}`,
    per_device_train_batch_size: 1,
    gradient_accumulation_steps: 8,
    learning_rate: learningRate(method, lora),
    num_train_epochs: 3,
    lr_scheduler_type: 'cosine',
    warmup_ratio: 0.1,
    bf16: true,
    gradient_checkpointing: true,
    logging_steps: 10,
    ...(method === 'dpo' ? { beta: 0.1 } : {}),
    ...(input.gpuCount > 1 ? { deepspeed: deepspeedFileName(plan.stage) } : {}),
  };
  const launch =
    input.gpuCount > 1
      ? `accelerate launch --num_processes ${input.gpuCount} ${trlScriptName(method)}`
      : `python ${trlScriptName(method)}`;
  return [
    `# ${method.toUpperCase()} of ${input.model.name}, ${lora ? 'LoRA' : 'full'}${input.gpuCount > 1 ? `, DeepSpeed ZeRO-${plan.stage}` : ''} (why: README.txt).`,
    `# Run from this folder: ${launch}`,
    'from datasets import load_dataset',
    ...(lora ? ['from peft import LoraConfig'] : []),
    `from trl import ${Config}, ${Trainer}`,
    '',
    `dataset = load_dataset("json", data_files=${JSON.stringify(input.dataFile)}, split="train")`,
    `args = ${Config}(`,
    ...Object.entries(args).map(([key, value]) => `    ${key}=${python(value)},`),
    ')',
    `trainer = ${Trainer}(`,
    `    model=${JSON.stringify(input.model.name)},`,
    '    args=args,',
    '    train_dataset=dataset,',
    ...(lora
      ? [
          `    peft_config=LoraConfig(r=${plan.loraRank}, lora_alpha=${2 * plan.loraRank}, target_modules="all-linear", task_type="CAUSAL_LM"),`,
        ]
      : []),
    ')',
    'trainer.train()',
    'trainer.save_model()',
    '',
  ].join('\n');
}

function python(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
