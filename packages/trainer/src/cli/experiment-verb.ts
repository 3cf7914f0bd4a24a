// `ai-train experiment optimizers|scaling|sft|dpo`: one of the workshop's ready-made experiments
// (src/experiments/), with progress, then its summary and the charts it wrote. Each experiment is
// imported only when asked for.
import path from 'node:path';
import { flagError, type Flags, type FlagSpec } from '@repo/core/cli';
import type { CliIo } from './cli-io.js';
import type { ExperimentOptions, ExperimentResult } from '../experiments/experiment.js';
import { terminalBar } from './progress.js';
import { mustBeCheckpoint } from './train-config.js';

export const EXPERIMENT_FLAGS: FlagSpec = {
  out: { type: 'string' },
  quick: { type: 'boolean' },
  base: { type: 'string' },
};

type Experiment = (
  options: ExperimentOptions & { base?: string },
) => Promise<ExperimentResult<unknown>>;

const EXPERIMENTS: Record<string, () => Promise<Experiment>> = {
  optimizers: async () => (await import('../experiments/optimizers.js')).optimizerExperiment,
  scaling: async () => (await import('../experiments/scaling.js')).scalingExperiment,
  sft: async () => (await import('../experiments/sft.js')).sftExperiment,
  dpo: async () => (await import('../experiments/dpo.js')).dpoExperiment,
};
const TAKES_BASE = ['sft', 'dpo'];

function progressReporter(io: CliIo): {
  onProgress(message: string, fraction: number): void;
  stop(): void;
} {
  if (io.stderr.isTTY) {
    const bar = terminalBar(io, '{bar} {percentage}% | {message}');
    bar.start(100, 0, { message: '' });
    return {
      onProgress: (message, fraction) => bar.update(Math.round(fraction * 100), { message }),
      stop: () => bar.stop(),
    };
  }
  // Not a terminal: a line at each tenth of the way.
  let shown = -1;
  return {
    onProgress(message, fraction) {
      const tenth = Math.floor(fraction * 10);
      if (tenth === shown) return;
      shown = tenth;
      io.stdout.write(`${Math.round(fraction * 100)}% ${message}\n`);
    },
    stop() {},
  };
}

export async function experimentVerb(flags: Flags, io: CliIo): Promise<number> {
  const [name] = flags.positionals;
  const names = Object.keys(EXPERIMENTS).join(', ');
  if (name === undefined) throw flagError('EXPERIMENT', `is required: one of ${names}`);
  const load = EXPERIMENTS[name];
  if (!load) throw flagError('EXPERIMENT', `must be one of ${names} (got "${name}")`);
  flags.atMost(1);
  const base = flags.string('base');
  if (base !== undefined && !TAKES_BASE.includes(name))
    throw flagError('--base', 'applies to the sft and dpo experiments only');
  if (base !== undefined) await mustBeCheckpoint('--base', path.resolve(base));
  const run = await load();
  const outDir = path.resolve(flags.string('out') ?? path.join('experiments', name));
  const progress = progressReporter(io);
  let result: ExperimentResult<unknown>;
  try {
    result = await run({
      outDir,
      quick: flags.boolean('quick'),
      onProgress: progress.onProgress,
      ...(base === undefined ? {} : { base: path.resolve(base) }),
    });
  } finally {
    progress.stop();
  }
  const files = [...result.charts, path.join(result.outDir, 'summary.md')];
  io.stdout.write(
    `${result.summary.trimEnd()}\n\nWritten to ${result.outDir}:\n` +
      files.map((file) => `  ${file}\n`).join(''),
  );
  return 0;
}
