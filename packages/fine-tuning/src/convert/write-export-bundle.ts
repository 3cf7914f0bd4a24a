// An export bundle for people who train open models on their own GPUs: the dataset file, a ready
// training config (LLaMA-Factory YAML with its dataset_info.json, or a TRL script), the DeepSpeed
// config the memory plan chose, and a README.txt with the numbers behind the choice.
import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CanonicalRecord } from '../formats.js';
import { bundleReadme } from './bundle-readme.js';
import { writeRow } from './convert-rows.js';
import { collectKeys, datasetInfoEntry } from './dataset-info.js';
import { deepspeedConfig, deepspeedFileName } from './deepspeed-config.js';
import { llamaFactoryConfigName, llamaFactoryYaml } from './llama-factory-config.js';
import { planTraining, type GpuSpec, type ModelSpec, type TrainingPlan } from './plan-training.js';
import { refuse } from './refuse.js';
import { trlScript, trlScriptName } from './trl-script.js';

export interface ExportBundleOptions {
  records: Iterable<CanonicalRecord> | AsyncIterable<CanonicalRecord>;
  format: 'llama-factory' | 'trl';
  method: 'sft' | 'dpo';
  model: ModelSpec;
  gpus: GpuSpec;
  /** true: LoRA; false: full fine-tuning; unset: full when it fits, else LoRA (advised). */
  lora?: boolean;
  loraRank?: number;
  /** The dataset's name (file `<name>.jsonl`, dataset_info.json key); default `<method>_data`. */
  datasetName?: string;
}

export interface ExportBundle {
  dir: string;
  files: string[];
  rows: number;
  plan: TrainingPlan;
}

const KIND_OF = { sft: 'conversation', dpo: 'preference' } as const;

export async function writeExportBundle(
  dir: string,
  options: ExportBundleOptions,
): Promise<ExportBundle> {
  const { method, format, gpus, model } = options;
  if (method !== 'sft' && method !== 'dpo') refuse({}, 'method', 'must be sft or dpo');
  if (format !== 'llama-factory' && format !== 'trl')
    refuse({}, 'format', 'must be llama-factory or trl');
  const dataset = options.datasetName ?? `${method}_data`;
  if (!/^[A-Za-z0-9_.-]+$/.test(dataset))
    refuse({}, 'datasetName', 'must be letters, digits, _, . or -');
  const plan = planTraining({
    model,
    gpus,
    method,
    lora: options.lora,
    loraRank: options.loraRank,
  });
  await mkdir(dir, { recursive: true });
  const dataFile = `${dataset}.jsonl`;
  const rowFormat = format === 'trl' ? 'trl' : 'sharegpt';
  const { rows, keys } = await writeDataset(
    join(dir, dataFile),
    options.records,
    rowFormat,
    method,
  );
  const files = [dataFile];
  const put = async (name: string, text: string) => {
    await writeFile(join(dir, name), text);
    files.push(name);
  };
  let run: string;
  if (format === 'llama-factory') {
    const entry = datasetInfoEntry({
      fileName: dataFile,
      format: 'sharegpt',
      kind: KIND_OF[method],
      keys,
    });
    await put('dataset_info.json', `${JSON.stringify({ [dataset]: entry }, null, 2)}\n`);
    await put(
      llamaFactoryConfigName(method),
      llamaFactoryYaml({ model, method, plan, dataset, gpuCount: gpus.count }),
    );
    run = `llamafactory-cli train ${llamaFactoryConfigName(method)}`;
  } else {
    await put(
      trlScriptName(method),
      trlScript({ model, method, plan, dataFile, gpuCount: gpus.count }),
    );
    run =
      gpus.count > 1
        ? `accelerate launch --num_processes ${gpus.count} ${trlScriptName(method)}`
        : `python ${trlScriptName(method)}`;
  }
  if (gpus.count > 1)
    await put(
      deepspeedFileName(plan.stage),
      `${JSON.stringify(deepspeedConfig(plan.stage), null, 2)}\n`,
    );
  files.push('README.txt');
  await writeFile(
    join(dir, 'README.txt'),
    bundleReadme({
      model,
      gpus,
      method,
      plan,
      files,
      run,
      rows,
      templateMissing: format === 'llama-factory' && model.template === undefined,
    }),
  );
  return { dir, files, rows, plan };
}

async function writeDataset(
  path: string,
  records: ExportBundleOptions['records'],
  format: 'trl' | 'sharegpt',
  method: 'sft' | 'dpo',
): Promise<{ rows: number; keys: Set<string> }> {
  const file = await open(path, 'w');
  const keys = new Set<string>();
  let rows = 0;
  try {
    for await (const record of records) {
      const place = { line: rows + 1 };
      if (record.kind !== KIND_OF[method])
        refuse(place, 'kind', `is "${record.kind}"; ${method} needs "${KIND_OF[method]}" records`);
      const row = writeRow(format, record, place);
      collectKeys(keys, row);
      await file.write(`${JSON.stringify(row)}\n`);
      rows += 1;
    }
  } finally {
    await file.close();
  }
  if (rows === 0) refuse({}, 'records', 'must hold at least one record');
  return { rows, keys };
}
