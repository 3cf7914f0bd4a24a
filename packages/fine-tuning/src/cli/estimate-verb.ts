// `ai-ft estimate FILE`: what a hosted job would bill (OpenAI's epochs rule, billed tokens capped
// per example, the price from the --prices file: prices are configuration, never code), or with
// --open-model what training it yourself takes (FLOPs, hours, model-state memory per GPU).
import { readFile } from 'node:fs/promises';
import type { ZeroStage } from '@repo/training-math';
import {
  type CliIo,
  flagError,
  type Flags,
  type FlagSpec,
  formatCount,
  formatFlops,
} from '@repo/core/cli';
import { fileFlag, inputFile, requiredNumber } from './flags.js';
import { formatGiB, formatHours, table } from './format.js';
import { estimateCost, TARGET_EPOCHS, type PriceTable } from '../dataset/estimate-cost.js';
import { estimateOpenModel } from '../dataset/estimate-open-model.js';
import type { DatasetReport } from '../dataset/validate-dataset.js';
import { checkFile, CHECK_FLAGS } from './check-file.js';

const text = { type: 'string' } as const;
export const ESTIMATE_FLAGS: FlagSpec = {
  ...CHECK_FLAGS,
  prices: text,
  epochs: text,
  'open-model': { type: 'boolean' },
  parameters: text,
  gpus: text,
  'gpu-peak-tflops': text,
  mfu: text,
  lora: { type: 'boolean' },
  'adapter-parameters': text,
  'zero-stage': text,
  'price-per-gpu-hour': text,
};

async function readPrices(path: string): Promise<PriceTable> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw flagError('--prices', `is not a JSON file (${(error as Error).message})`);
  }
  const models = (parsed as { models?: unknown } | null)?.models;
  if (typeof models !== 'object' || models === null || Array.isArray(models))
    throw flagError(
      '--prices',
      'must hold { "models": { "<model>": { "trainingPerMillionTokens": n } } }',
    );
  return parsed as PriceTable;
}

const money = (n: number, currency: string) => `${n.toFixed(n < 1 ? 4 : 2)} ${currency}`;

async function hostedEstimate(report: DatasetReport, flags: Flags, io: CliIo): Promise<number> {
  const model = flags.required('model', 'the model to fine-tune (its price and context cap)');
  const pricesFile = fileFlag(flags, 'prices');
  if (pricesFile === undefined)
    throw flagError(
      '--prices',
      'is required: a JSON price table (shaped like src/dataset/example-prices.json)',
    );
  const prices = await readPrices(pricesFile);
  const cost = estimateCost(report.stats, { model, prices, epochs: flags.whole('epochs', 1) });
  if (flags.boolean('json')) {
    io.stdout.write(`${JSON.stringify(cost, null, 2)}\n`);
    return 0;
  }
  const epochsNote =
    cost.epochsFrom === 'given' ? '(--epochs)' : `(OpenAI's default for ${cost.examples} examples)`;
  io.stdout.write(
    [
      `${model}: ${formatCount(cost.examples)} examples`,
      ...table([
        ['epochs', String(cost.epochs), epochsNote],
        ['billed tokens per epoch', formatCount(cost.billingTokensPerEpoch)],
        ['charged tokens', formatCount(cost.chargedTokens)],
        ['price per 1M tokens', money(cost.pricePerMillionTokens, cost.currency)],
        ['estimated cost', money(cost.cost, cost.currency)],
      ]),
      `Prices from ${pricesFile}: check they are current.`,
    ].join('\n') + '\n',
  );
  return 0;
}

function zeroStage(flags: Flags): ZeroStage | undefined {
  const stage = flags.whole('zero-stage', 0);
  if (stage !== undefined && stage > 3) throw flagError('--zero-stage', 'must be 0, 1, 2 or 3');
  return stage as ZeroStage | undefined;
}

function memoryNote(flags: Flags): string {
  if (flags.boolean('lora')) return '(LoRA: frozen 16-bit base, Adam on the adapters)';
  const stage = flags.string('zero-stage');
  return stage === undefined
    ? '(no ZeRO: every GPU holds it all; try --zero-stage 2 or 3)'
    : `(ZeRO-${stage} over the GPUs)`;
}

function openModelEstimate(report: DatasetReport, flags: Flags, io: CliIo): number {
  const epochs = flags.whole('epochs', 1) ?? TARGET_EPOCHS;
  const gpus = requiredNumber(flags.whole('gpus', 1), 'gpus', 'how many GPUs train');
  const tflops = requiredNumber(
    flags.positive('gpu-peak-tflops'),
    'gpu-peak-tflops',
    "one GPU's peak TFLOP/s (H100 SXM BF16: 989)",
  );
  const mfu = requiredNumber(flags.positive('mfu'), 'mfu', 'model FLOPs utilisation, 0.3 to 0.5');
  if (mfu > 1) throw flagError('--mfu', 'must be at most 1');
  const estimate = estimateOpenModel({
    parameters: requiredNumber(flags.positive('parameters'), 'parameters', 'e.g. 7e9'),
    tokens: report.stats.tokensPerExample.total,
    epochs,
    gpus,
    gpuPeakFlops: tflops * 1e12,
    mfu,
    method: flags.boolean('lora') ? 'lora' : 'full',
    adapterParameters: flags.positive('adapter-parameters'),
    zeroStage: zeroStage(flags),
    pricePerGpuHour: flags.positive('price-per-gpu-hour'),
  });
  if (flags.boolean('json')) {
    io.stdout.write(`${JSON.stringify({ epochs, ...estimate }, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(
    [
      `${formatCount(estimate.parameters)} parameters on ${gpus} GPUs at ${tflops} TFLOP/s peak, ` +
        `MFU ${mfu}, ${epochs} epochs`,
      ...table([
        ['trained tokens', formatCount(estimate.trainedTokens)],
        ['FLOPs', formatFlops(estimate.flops)],
        ['wall-clock time', formatHours(estimate.hours)],
        ['GPU time', formatHours(estimate.gpuHours)],
        ['model-state memory per GPU', formatGiB(estimate.bytesPerGpu), memoryNote(flags)],
        ...(estimate.cost === undefined
          ? []
          : [['cost', estimate.cost.toFixed(2), '(--price-per-gpu-hour × GPU-hours)'] as const]),
      ]),
      'Memory is weights, gradients and optimizer state only: activations come on top.',
    ].join('\n') + '\n',
  );
  return 0;
}

export async function estimateVerb(flags: Flags, io: CliIo): Promise<number> {
  const file = inputFile(flags, 'the training file (JSONL)');
  const report = await checkFile(file, flags, io);
  if (!report.ok)
    io.stderr.write(
      `${formatCount(report.stats.invalidExamples)} lines with errors are not counted (ai-ft validate lists them)\n`,
    );
  return flags.boolean('open-model')
    ? openModelEstimate(report, flags, io)
    : hostedEstimate(report, flags, io);
}
