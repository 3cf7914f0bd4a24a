// `ai-train params`: a GPT-2-shaped model's arithmetic from @repo/training-math: the exact
// parameter count against the 12·L·d² rule, training FLOPs (6·N·D), Chinchilla's tokens, and the
// memory of the model state under each optimizer and precision.
import {
  approxParameters,
  BYTES_PER_PARAMETER,
  chinchillaOptimal,
  gptParameters,
  modelStateBytes,
  trainingFlops,
  type TrainingRegime,
} from '@repo/training-math';
import {
  flagError,
  type Flags,
  type FlagSpec,
  formatBytes,
  formatCount,
  formatFlops,
} from '@repo/core/cli';
import type { CliIo } from './cli-io.js';

const text = { type: 'string' } as const;
export const PARAMS_FLAGS: FlagSpec = {
  layers: text,
  'd-model': text,
  vocab: text,
  context: text,
  tokens: text,
};

const TRAINING_REGIMES = (Object.keys(BYTES_PER_PARAMETER) as TrainingRegime[]).filter(
  (regime) => !regime.startsWith('inference'),
);

function requiredWhole(flags: Flags, name: string): number {
  const value = flags.whole(name, 1);
  if (value === undefined) throw flagError(`--${name}`, 'is required');
  return value;
}

export function paramsVerb(flags: Flags, io: CliIo): number {
  flags.atMost(0);
  const layers = requiredWhole(flags, 'layers');
  const dModel = requiredWhole(flags, 'd-model');
  const vocab = flags.whole('vocab', 1) ?? 50257;
  const context = flags.whole('context', 1) ?? 1024;
  const exact = gptParameters({ layers, dModel, vocab, context });
  const approx = approxParameters({ layers, dModel });
  const perParameter = chinchillaOptimal(1).tokensPerParameter;
  const chosen = flags.whole('tokens', 1);
  const tokens = chosen ?? perParameter * exact;
  const flops = trainingFlops(exact, tokens);
  const pad = (label: string) => `  ${label.padEnd(22)}`;
  const row = (label: string, value: string, note = '') =>
    `${pad(label)}${value.padStart(18)}${note ? `  ${note}` : ''}`;
  const optimum = chosen === undefined ? undefined : chinchillaOptimal(flops);
  const lines = [
    `GPT-2 layout: ${layers} layers, d_model ${dModel}, vocabulary ${formatCount(vocab)}, ` +
      `context ${formatCount(context)}, tied embeddings`,
    'Parameters',
    row('exact', formatCount(exact)),
    row(
      '12·L·d²',
      formatCount(approx),
      `(the blocks' matrices: ${((approx / exact) * 100).toFixed(1)}% of the exact count)`,
    ),
    'Training compute',
    row('Chinchilla tokens', formatCount(perParameter * exact), `(${perParameter} per parameter)`),
    ...(chosen === undefined ? [] : [row('tokens (--tokens)', formatCount(tokens))]),
    row('FLOPs (6·N·D)', formatFlops(flops), `on ${formatCount(tokens)} tokens`),
    ...(optimum
      ? [
          row(
            'compute-optimal N',
            formatCount(optimum.parameters),
            `for these FLOPs, on ${formatCount(optimum.tokens)} tokens`,
          ),
        ]
      : []),
    'Memory of the model state (weights, gradients, optimizer state; activations extra)',
    ...TRAINING_REGIMES.map((regime) =>
      row(
        regime,
        formatBytes(modelStateBytes(exact, regime)),
        `(${BYTES_PER_PARAMETER[regime]} bytes per parameter)`,
      ),
    ),
  ];
  io.stdout.write(lines.join('\n') + '\n');
  return 0;
}
