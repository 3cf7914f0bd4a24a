// `ai-ft export IN --out DIR`: an export bundle for training an open model on your own GPUs
// (LLaMA-Factory or TRL), with the ZeRO stage or LoRA chosen from the memory arithmetic.
import { type CliIo, flagError, type Flags, type FlagSpec, formatCount } from '@repo/core/cli';
import { inputFile, requiredNumber } from './flags.js';
import { formatGiB } from './format.js';
import { ROW_FORMATS, readRecords } from '../convert/convert-rows.js';
import { writeExportBundle } from '../convert/write-export-bundle.js';
import { lineTexts } from './line-files.js';
import { readWithProgress } from './progress.js';
import { refusedRow } from './refused-row.js';

const text = { type: 'string' } as const;
export const EXPORT_FLAGS: FlagSpec = {
  from: text,
  format: text,
  method: text,
  model: text,
  parameters: text,
  template: text,
  gpus: text,
  'gpu-memory-gib': text,
  lora: { type: 'boolean' },
  'no-lora': { type: 'boolean' },
  'lora-rank': text,
  'dataset-name': text,
  out: text,
  json: { type: 'boolean' },
};

function required<T extends string>(flags: Flags, name: string, choices: readonly T[]): T {
  const value = flags.choice(name, choices);
  if (value === undefined) throw flagError(`--${name}`, `is required: ${choices.join(' or ')}`);
  return value;
}

export async function exportVerb(flags: Flags, io: CliIo): Promise<number> {
  const file = inputFile(flags, 'the JSONL rows to export');
  const from = flags.choice('from', ROW_FORMATS) ?? 'openai';
  const format = required(flags, 'format', ['llama-factory', 'trl'] as const);
  const method = required(flags, 'method', ['sft', 'dpo'] as const);
  const name = flags.required('model', 'a Hugging Face id or a local path');
  const parameters = requiredNumber(flags.positive('parameters'), 'parameters', 'e.g. 7e9');
  const count = requiredNumber(flags.whole('gpus', 1), 'gpus', 'how many GPUs train');
  const memoryGiB = requiredNumber(
    flags.positive('gpu-memory-gib'),
    'gpu-memory-gib',
    "one GPU's memory, e.g. 80",
  );
  if (flags.boolean('lora') && flags.boolean('no-lora'))
    throw flagError('--no-lora', 'contradicts --lora');
  const lora = flags.boolean('lora') ? true : flags.boolean('no-lora') ? false : undefined;
  const dir = flags.required('out', 'the folder to write the bundle into');
  const input = readWithProgress(file, io);
  return refusedRow(io, async () => {
    const bundle = await writeExportBundle(dir, {
      records: readRecords(lineTexts(input.source), from),
      format,
      method,
      model: { name, parameters, template: flags.string('template') },
      gpus: { count, memoryGiB },
      lora,
      loraRank: flags.whole('lora-rank', 1),
      datasetName: flags.string('dataset-name'),
    }).finally(() => input.stop());
    if (flags.boolean('json')) {
      io.stdout.write(`${JSON.stringify(bundle, null, 2)}\n`);
      return 0;
    }
    const { plan } = bundle;
    const how = plan.finetuning === 'lora' ? `LoRA rank ${plan.loraRank}` : 'full fine-tuning';
    io.stdout.write(
      [
        `${formatCount(bundle.rows)} rows into ${dir}: ${bundle.files.join(', ')}`,
        `${how}, ZeRO-${plan.stage}, ${formatGiB(plan.bytesPerGpu)} of model state per GPU ` +
          `(budget ${formatGiB(plan.budgetBytesPerGpu)})${plan.fits ? '' : ': does NOT fit'}`,
        ...(plan.loraAdvised ? ['Full fine-tuning does not fit these GPUs: LoRA chosen.'] : []),
        `See ${dir}/README.txt for every candidate and the command to run.`,
      ].join('\n') + '\n',
    );
    return 0;
  });
}
