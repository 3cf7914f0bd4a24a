import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { llamaParameters, loraBytes, zeroBytesPerGpu } from '@repo/training-math';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CanonicalRecord } from '../formats.js';
import { DPO_ROW, SFT_ROW, TOOL_ROW } from './__fixtures__/rows.js';
import { readRow } from './convert-rows.js';
import { datasetInfoEntry } from './dataset-info.js';
import { loraAdapters } from './plan-training.js';
import { writeExportBundle } from './write-export-bundle.js';

const LLAMA_2_7B = { layers: 32, dModel: 4096, dFf: 11008, heads: 32, vocab: 32000 };
const model = { name: 'meta-llama/Llama-2-7b-hf', shape: LLAMA_2_7B, template: 'llama2' };
const conversations = [SFT_ROW, TOOL_ROW].map((row) => readRow('openai', row));
const GiB = 2 ** 30;
const dirs: string[] = [];
const newDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ft-bundle-'));
  dirs.push(dir);
  return dir;
};
const read = (dir: string, name: string) => readFile(join(dir, name), 'utf8');
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('writeExportBundle', () => {
  it('trains a 7B model in full on 8 × 80 GiB with ZeRO-2, the smallest stage that fits', async () => {
    const dir = await newDir();
    const bundle = await writeExportBundle(dir, {
      records: conversations,
      format: 'llama-factory',
      method: 'sft',
      model,
      gpus: { count: 8, memoryGiB: 80 },
    });
    const psi = llamaParameters(LLAMA_2_7B);
    const stage0 = zeroBytesPerGpu({ parameters: psi, dataParallel: 8, stage: 0 });
    const stage2 = zeroBytesPerGpu({ parameters: psi, dataParallel: 8, stage: 2 });
    expect(stage0 / GiB).toBeGreaterThan(80); // 16 bytes × 6.74 B does not fit at all
    expect(stage2 / GiB).toBeLessThan(80 * 0.8);
    expect(bundle.plan).toMatchObject({
      finetuning: 'full',
      stage: 2,
      bytesPerGpu: stage2,
      fits: true,
      loraAdvised: false,
    });
    expect(bundle.files).toEqual([
      'sft_data.jsonl',
      'dataset_info.json',
      'train_sft.yaml',
      'ds_z2_config.json',
      'README.txt',
    ]);

    const config = parse(await read(dir, 'train_sft.yaml'));
    expect(config).toMatchObject({
      model_name_or_path: 'meta-llama/Llama-2-7b-hf',
      stage: 'sft',
      finetuning_type: 'full',
      deepspeed: 'ds_z2_config.json',
      dataset: 'sft_data',
      dataset_dir: '.',
      template: 'llama2',
      learning_rate: 1e-5,
    });
    expect(JSON.parse(await read(dir, 'ds_z2_config.json')).zero_optimization.stage).toBe(2);
    const readme = await read(dir, 'README.txt');
    expect(readme).toContain(
      `Full fine-tuning with ZeRO-2: ${(stage2 / GiB).toFixed(1)} GiB per GPU`,
    );
    expect(readme).toContain(`full, ZeRO-0:     ${(stage0 / GiB).toFixed(1)} GiB  does not fit`);
    expect(readme).toContain('Budget: 80 GiB × 0.8 = 64.0 GiB per GPU');

    const lines = (await read(dir, 'sft_data.jsonl')).trimEnd().split('\n');
    expect(lines.map((line) => readRow('sharegpt', JSON.parse(line)))).toEqual(conversations);
    expect(JSON.parse(await read(dir, 'dataset_info.json'))).toEqual({
      sft_data: {
        file_name: 'sft_data.jsonl',
        formatting: 'sharegpt',
        columns: { messages: 'conversations', system: 'system', tools: 'tools' },
      },
    });
  });

  it('advises LoRA on 1 × 24 GiB, where no full fine-tuning fits', async () => {
    const dir = await newDir();
    const bundle = await writeExportBundle(dir, {
      records: conversations,
      format: 'trl',
      method: 'sft',
      model,
      gpus: { count: 1, memoryGiB: 24 },
    });
    const psi = llamaParameters(LLAMA_2_7B);
    const lora = loraBytes(psi, loraAdapters(LLAMA_2_7B, 8));
    expect(loraAdapters(LLAMA_2_7B, 8)).toBe(32 * 8 * (2 * 8192 + 2 * 8192 + 3 * (4096 + 11008)));
    expect(bundle.plan).toMatchObject({
      finetuning: 'lora',
      stage: 0,
      bytesPerGpu: lora,
      fits: true,
      loraAdvised: true,
    });
    expect(bundle.files).toEqual(['sft_data.jsonl', 'train_sft.py', 'README.txt']);
    const readme = await read(dir, 'README.txt');
    expect(readme).toContain(
      `LoRA advised: full SFT needs ${((16 * psi) / GiB).toFixed(1)} GiB per GPU at best (ZeRO-0), more than the 19.2 GiB budget.`,
    );
    expect(readme).toContain(`LoRA fits on one GPU: ${(lora / GiB).toFixed(1)} GiB per GPU.`);
    const script = await read(dir, 'train_sft.py');
    expect(script).toContain(
      'peft_config=LoraConfig(r=8, lora_alpha=16, target_modules="all-linear", task_type="CAUSAL_LM")',
    );
    expect(script).toContain('load_dataset("json", data_files="sft_data.jsonl", split="train")');
    expect(script).not.toContain('deepspeed=');
    expect(
      (await read(dir, 'sft_data.jsonl'))
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([SFT_ROW, TOOL_ROW]);
  });

  it('counts the DPO reference model and writes a ranking dataset_info entry', async () => {
    const dir = await newDir();
    const pairs = [readRow('openai', DPO_ROW)];
    const gpus = { count: 4, memoryGiB: 40 };
    const bundle = await writeExportBundle(dir, {
      records: pairs,
      format: 'llama-factory',
      method: 'dpo',
      model,
      gpus,
      lora: false,
      datasetName: 'my_dpo',
    });
    const psi = llamaParameters(LLAMA_2_7B);
    // ZeRO-2 holds 2Ψ + 14Ψ/4 plus a 2Ψ reference: 33.9 GiB, over the 32 GiB budget; ZeRO-3 shards all.
    expect(
      (zeroBytesPerGpu({ parameters: psi, dataParallel: 4, stage: 2 }) + 2 * psi) / GiB,
    ).toBeGreaterThan(32);
    expect(bundle.plan).toMatchObject({
      finetuning: 'full',
      stage: 3,
      bytesPerGpu: zeroBytesPerGpu({ parameters: psi, dataParallel: 4, stage: 3 }) + (2 * psi) / 4,
    });
    expect(parse(await read(dir, 'train_dpo.yaml'))).toMatchObject({
      stage: 'dpo',
      finetuning_type: 'full',
      deepspeed: 'ds_z3_config.json',
      pref_beta: 0.1,
    });
    expect(JSON.parse(await read(dir, 'dataset_info.json'))).toEqual({
      my_dpo: {
        file_name: 'my_dpo.jsonl',
        formatting: 'sharegpt',
        ranking: true,
        columns: {
          messages: 'conversations',
          system: 'system',
          chosen: 'chosen',
          rejected: 'rejected',
        },
      },
    });
  });

  it('refuses records of the wrong kind, naming their position', async () => {
    const dir = await newDir();
    const records: CanonicalRecord[] = [...conversations, readRow('openai', DPO_ROW)];
    await expect(
      writeExportBundle(dir, {
        records,
        format: 'trl',
        method: 'sft',
        model,
        gpus: { count: 1, memoryGiB: 80 },
      }),
    ).rejects.toThrow('Line 3: kind is "preference"; sft needs "conversation" records');
  });
});

describe('datasetInfoEntry', () => {
  it("gives alpaca entries data/README.md's column names for the keys written", () => {
    const keys = new Set(['instruction', 'output', 'system', 'history']);
    expect(
      datasetInfoEntry({
        fileName: 'my_alpaca.jsonl',
        format: 'alpaca',
        kind: 'conversation',
        keys,
      }),
    ).toEqual({
      file_name: 'my_alpaca.jsonl',
      columns: { prompt: 'instruction', response: 'output', history: 'history', system: 'system' },
    });
    expect(
      datasetInfoEntry({
        fileName: 'kto.jsonl',
        format: 'sharegpt',
        kind: 'binary',
        keys: new Set(['conversations', 'kto_tag']),
      }),
    ).toEqual({
      file_name: 'kto.jsonl',
      formatting: 'sharegpt',
      columns: { messages: 'conversations', kto_tag: 'kto_tag' },
    });
  });
});
