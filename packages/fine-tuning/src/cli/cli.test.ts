import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aiFt, packageDir } from './__fixtures__/run-ai-ft.js';
import { DPO_ROW, SFT_ROW, TOOL_ROW } from '../convert/__fixtures__/rows.js';
import { EXPECTED_ERRORS, writeSubtleErrors } from '../dataset/__fixtures__/subtle-errors.js';
import { estimateCost, estimateOpenModel, validateDataset, type DatasetReport } from '../index.js';

const CLEAN_ZH = path.join(packageDir, 'src/dataset/__fixtures__/clean-zh.jsonl');
const MODEL = 'gpt-4o-mini-2024-07-18';

const jsonl = (rows: object[]) => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
const readRows = async (file: string) =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as unknown);

let dir: string;
let errorsFile: string;
let rowsFile: string;
let pricesFile: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ai-ft-'));
  errorsFile = path.join(dir, 'subtle.jsonl');
  await writeSubtleErrors(errorsFile);
  // Rows every format can hold (SFT with a tool call, DPO): Chinese content.
  rowsFile = path.join(dir, 'rows.jsonl');
  const variants = Array.from({ length: 30 }, (_, i) => ({
    messages: [
      { role: 'system', content: '你是一位严谨的中文助教。' },
      { role: 'user', content: `第${i}个问题：什么是机器学习？` },
      { role: 'assistant', content: `第${i}个回答：让计算机从数据中学习规律。` },
    ],
  }));
  await writeFile(rowsFile, jsonl([SFT_ROW, TOOL_ROW, ...variants]));
  pricesFile = path.join(dir, 'prices.json');
  await writeFile(
    pricesFile,
    JSON.stringify({ currency: 'EUR', models: { [MODEL]: { trainingPerMillionTokens: 7.5 } } }),
  );
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('ai-ft validate', () => {
  it('passes a clean Chinese SFT file with exit 0 and a summary', async () => {
    const run = await aiFt('validate', CLEAN_ZH, '--model', MODEL);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `${CLEAN_ZH}: OK: sft, 3 lines, 3 valid examples, 0 errors, 1 warning`,
    );
    expect(run.stdout).toContain('line 0  too_few_examples  3 valid examples');
  });

  it('prints every error with its line and exits 1', async () => {
    const run = await aiFt('validate', errorsFile);
    expect(run.code).toBe(1);
    const printed = [...run.stdout.matchAll(/^line (\d+) {2}(\w+) {2}/gm)].map((m) => [
      Number(m[1]),
      m[2],
    ]);
    for (const expected of EXPECTED_ERRORS) expect(printed).toContainEqual(expected);
    expect(run.stdout).toMatch(/^line 4 {2}unrecognized_key {2}metadata: /m);
    expect(run.stdout).toContain(`PROBLEMS: sft, 19 lines`);
    expect(run.stdout).toContain(`${EXPECTED_ERRORS.length} errors`);
  });

  it('--json prints the report the library builds', async () => {
    const run = await aiFt('validate', errorsFile, '--json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as DatasetReport;
    const library = await validateDataset(errorsFile);
    expect(report.errors).toEqual(library.errors);
    expect(report.errorCount).toBe(EXPECTED_ERRORS.length);
    expect(report.ok).toBe(false);
  });

  it('names a bad flag in one line, exit 2, no stack trace', async () => {
    const run = await aiFt('validate', CLEAN_ZH, '--formt', 'sft');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'ai-ft validate: --formt is not a flag of this command (--help lists them)\n',
    );
    const bad = await aiFt('validate', CLEAN_ZH, '--format', 'chat');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'ai-ft validate: --format must be one of sft, dpo, completion (got "chat")\n',
    );
    const missing = await aiFt('validate', path.join(dir, 'nope.jsonl'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toContain('    at ');
  });
});

describe('ai-ft stats and estimate', () => {
  it('stats shows the numbers the library computes', async () => {
    const library = await validateDataset(rowsFile, { model: MODEL });
    const json = await aiFt('stats', rowsFile, '--model', MODEL, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(library.stats);
    const run = await aiFt('stats', rowsFile, '--model', MODEL);
    const { tokensPerExample: t, messagesPerExample: m } = library.stats;
    const fmt = (n: number) =>
      Number.isInteger(n)
        ? n.toLocaleString('en')
        : n.toLocaleString('en', { maximumFractionDigits: 1 });
    expect(run.stdout).toMatch(
      new RegExp(`tokens per example +${[t.p50, t.p95, t.max, t.total].map(fmt).join(' +')}\\n`),
    );
    expect(run.stdout).toMatch(
      new RegExp(`messages per example +${fmt(m.p50)} +${fmt(m.p95)} +${m.max} `),
    );
    expect(run.stdout).toMatch(/examples \(valid\) +32\n/);
    expect(run.stdout).toMatch(/examples using tools +1\n/);
    expect(run.stdout).toContain('roles: system 32, user 33, assistant 34, tool 1');
  });

  it('stats counts the overlap with --validation', async () => {
    const run = await aiFt('stats', rowsFile, '--validation', CLEAN_ZH, '--json');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { validationOverlap: number }).validationOverlap).toBe(0);
    const self = await aiFt('stats', rowsFile, '--validation', rowsFile);
    expect(self.stdout).toMatch(/validation rows also in training +32\n/);
  });

  it('estimate prices the file from the --prices file as the library does', async () => {
    const library = await validateDataset(rowsFile, { model: MODEL });
    const prices = JSON.parse(await readFile(pricesFile, 'utf8')) as Parameters<
      typeof estimateCost
    >[1]['prices'];
    const expected = estimateCost(library.stats, { model: MODEL, prices, epochs: 2 });
    const json = await aiFt(
      'estimate',
      rowsFile,
      '--model',
      MODEL,
      '--prices',
      pricesFile,
      '--epochs',
      '2',
      '--json',
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(expected);
    expect(expected.chargedTokens).toBe(2 * library.stats.billingTokens);
    const text = await aiFt('estimate', rowsFile, '--model', MODEL, '--prices', pricesFile);
    const byRule = estimateCost(library.stats, { model: MODEL, prices });
    expect(text.stdout).toMatch(/epochs +3 {2}\(OpenAI's default for 32 examples\)/);
    expect(text.stdout).toContain(byRule.chargedTokens.toLocaleString('en'));
    expect(text.stdout).toContain(`${byRule.cost.toFixed(4)} EUR`);
    const unpriced = await aiFt(
      'estimate',
      rowsFile,
      '--model',
      'gpt-4o-2024-08-06',
      '--prices',
      pricesFile,
    );
    expect(unpriced.code).toBe(2);
    expect(unpriced.stderr).toContain('No training price for model "gpt-4o-2024-08-06"');
  });

  it('estimate --open-model gives estimateOpenModel figures', async () => {
    const library = await validateDataset(rowsFile);
    const expected = estimateOpenModel({
      parameters: 7e9,
      tokens: library.stats.tokensPerExample.total,
      epochs: 3,
      gpus: 8,
      gpuPeakFlops: 989e12,
      mfu: 0.4,
      method: 'full',
      zeroStage: 2,
    });
    const args = [
      '--open-model',
      '--parameters',
      '7e9',
      '--gpus',
      '8',
      '--gpu-peak-tflops',
      '989',
      '--mfu',
      '0.4',
      '--zero-stage',
      '2',
    ];
    const json = await aiFt('estimate', rowsFile, ...args, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ epochs: 3, ...expected });
    const text = await aiFt('estimate', rowsFile, ...args);
    expect(text.stdout).toContain(expected.flops.toExponential(2).replace('e+', 'e'));
    expect(text.stdout).toContain(`${(expected.bytesPerGpu / 2 ** 30).toFixed(1)} GiB`);
    const noMfu = await aiFt('estimate', rowsFile, ...args.slice(0, -4));
    expect(noMfu.code).toBe(2);
    expect(noMfu.stderr).toMatch(/^ai-ft estimate: --mfu is required/);
  });
});

describe('ai-ft convert, split, dedupe, export', () => {
  it('converts openai → sharegpt → openai back to the same rows', async () => {
    const input = path.join(dir, 'pair.jsonl');
    await writeFile(input, jsonl([SFT_ROW, TOOL_ROW, DPO_ROW]));
    const sharegpt = path.join(dir, 'pair.sharegpt.jsonl');
    const there = await aiFt(
      'convert',
      input,
      '--from',
      'openai',
      '--to',
      'sharegpt',
      '--out',
      sharegpt,
    );
    expect(there.code).toBe(0);
    expect(there.stderr).toContain('converted 3 rows from openai to sharegpt');
    const [first] = (await readRows(sharegpt)) as { conversations: { value: string }[] }[];
    expect(first?.conversations[0]?.value).toBe('“机器学习”用英文怎么说？');
    const back = await aiFt('convert', sharegpt, '--from', 'sharegpt', '--to', 'openai');
    expect(back.code).toBe(0);
    expect(
      back.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([SFT_ROW, TOOL_ROW, DPO_ROW]);
  });

  it('refuses a row the target cannot hold with its line, exit 1 and no output file', async () => {
    const out = path.join(dir, 'refused.jsonl');
    const run = await aiFt('convert', rowsFile, '--from', 'openai', '--to', 'alpaca', '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'ai-ft: Line 2: tools cannot be represented in alpaca (no tools column); write sharegpt\n',
    );
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });

  it('splits deterministically, and dedupe drops repeats', async () => {
    const doubled = path.join(dir, 'doubled.jsonl');
    await writeFile(doubled, (await readFile(rowsFile, 'utf8')).repeat(2));
    const split = async (name: string) => {
      const train = path.join(dir, `${name}.train.jsonl`);
      const validation = path.join(dir, `${name}.valid.jsonl`);
      const run = await aiFt(
        'split',
        doubled,
        '--validation-fraction',
        '0.25',
        '--seed',
        '7',
        '--train',
        train,
        '--validation',
        validation,
      );
      expect(run.code).toBe(0);
      return {
        train: await readFile(train, 'utf8'),
        validation: await readFile(validation, 'utf8'),
      };
    };
    const a = await split('a');
    const b = await split('b');
    expect(b).toEqual(a);
    const trainRows = a.train.split('\n').filter(Boolean);
    const validationRows = a.validation.split('\n').filter(Boolean);
    expect(trainRows.length + validationRows.length).toBe(64);
    expect(validationRows.length).toBeGreaterThan(0);
    expect(trainRows.filter((row) => validationRows.includes(row))).toEqual([]);

    const kept = path.join(dir, 'kept.jsonl');
    const dedupe = await aiFt('dedupe', doubled, '--out', kept, '--json');
    expect(dedupe.code).toBe(0);
    const summary = JSON.parse(dedupe.stdout) as {
      kept: number;
      dropped: number;
      duplicates: unknown[];
    };
    expect([summary.kept, summary.dropped]).toEqual([32, 32]);
    expect(summary.duplicates[0]).toEqual({ line: 33, sameAs: 1 });
    expect(await readFile(kept, 'utf8')).toBe(await readFile(rowsFile, 'utf8'));
  });

  it('export writes dataset_info.json and the LLaMA-Factory YAML', async () => {
    const out = path.join(dir, 'bundle');
    const run = await aiFt(
      'export',
      rowsFile,
      '--from',
      'openai',
      '--format',
      'llama-factory',
      '--method',
      'sft',
      '--model',
      'Qwen/Qwen2.5-7B-Instruct',
      '--template',
      'qwen',
      '--parameters',
      '7e9',
      '--gpus',
      '8',
      '--gpu-memory-gib',
      '80',
      '--out',
      out,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('32 rows into');
    expect(run.stdout).toContain('full fine-tuning, ZeRO-2');
    const info = JSON.parse(await readFile(path.join(out, 'dataset_info.json'), 'utf8')) as Record<
      string,
      { file_name: string; formatting: string }
    >;
    expect(info.sft_data?.file_name).toBe('sft_data.jsonl');
    expect(info.sft_data?.formatting).toBe('sharegpt');
    const yaml = await readFile(path.join(out, 'train_sft.yaml'), 'utf8');
    expect(yaml).toContain('model_name_or_path: Qwen/Qwen2.5-7B-Instruct');
    expect(yaml).toContain('template: qwen');
    expect(yaml).toContain('ds_z2_config.json');
    expect((await readRows(path.join(out, 'sft_data.jsonl'))).length).toBe(32);
  });
});
