// A training verb's run: startRun (a worker thread), progress while it trains, Ctrl-C → cancel
// (the run saves a checkpoint; exit 130 with the resume command), and at the end the figures and
// where everything is.
import path from 'node:path';
import { InvalidInputError } from '@repo/core';
import { formatCount, formatDuration, formatFlops } from '@repo/core/cli';
import type { CliIo } from './cli-io.js';
import { formatMetrics } from './format.js';
import { startRun } from '../run/start-run.js';
import type { TrainConfig, TrainResult } from '../train/train.js';
import { createProgress } from './progress.js';

export const INTERRUPTED = 130;

export async function runTraining(
  config: TrainConfig,
  options: { resume: boolean; json: boolean },
  io: CliIo,
): Promise<number> {
  const progress = createProgress(io, options.json);
  const run = startRun(config, { resume: options.resume });
  let stage = config.stage;
  run.events.on('event', (event) => {
    if (event.type === 'start') stage = event.stage;
    progress.onEvent(event);
  });
  let interrupts = 0;
  const stopListening = io.onInterrupt(() => {
    interrupts++;
    progress.stop();
    if (interrupts === 1) {
      io.stderr.write(
        '\nStopping after this step and saving a checkpoint (Ctrl-C again: stop now, without one)…\n',
      );
      run.cancel();
    } else void run.kill();
  });
  const resumeHint = `Continue with: ai-train resume ${config.runDir}\n`;
  try {
    const result = await run.done;
    progress.stop();
    if (!options.json) io.stdout.write(summary(result, stage));
    return 0;
  } catch (error) {
    progress.stop();
    const { name, checkpoint } = error as Error & { checkpoint?: string };
    if (name === 'AbortError') {
      io.stderr.write(
        checkpoint
          ? `Stopped. Checkpoint saved in ${checkpoint}\n${resumeHint}`
          : 'Stopped before the first step: nothing to resume, start the run again.\n',
      );
      return INTERRUPTED;
    }
    if (name === 'RunKilledError' && interrupts > 1) {
      io.stderr.write(`Stopped without a new checkpoint. ${resumeHint}`);
      return INTERRUPTED;
    }
    throw inDataFile(error, config.data);
  } finally {
    stopListening();
  }
}

/** The data parsers name a line or the corpus, not the file: add it. */
function inDataFile(error: unknown, files: string[]): unknown {
  const field = error instanceof InvalidInputError ? (error.details[0]?.field ?? '') : '';
  if (!/^(line \d|file$|corpus$)/.test(field)) return error;
  const { message, details } = error as InvalidInputError;
  return new InvalidInputError(`--data ${files.join(', ')}: ${message}`, details);
}

function summary(result: TrainResult, stage: string): string {
  const model = result.model;
  const lines = [
    `Done: ${stage}, ${result.steps} steps in ${formatDuration(result.seconds * 1000)}, ` +
      `${formatCount(result.tokens)} tokens (${formatCount(result.tokensPerSecond)} tokens/s), ` +
      `${formatFlops(result.flops)} FLOPs on ${formatCount(result.parameters)} parameters` +
      (result.mfu === undefined ? '' : `, MFU ${(result.mfu * 100).toFixed(1)}%`),
    `Final: ${formatMetrics({ loss: result.finalLoss, ...result.metrics })}`,
    `Model:      ${model}`,
    `Loss curve: ${path.join(result.runDir, 'loss.svg')}`,
    `Metrics:    ${path.join(result.runDir, 'metrics.jsonl')} (one line per step)`,
  ];
  if (stage === 'reward')
    lines.push('A reward model scores answers; fine-tune a chat model with `ai-train dpo`.');
  else
    lines.push(
      `Try it:     ai-train sample ${model} "你好"`,
      `Serve it:   LOCAL_LLM_TRAINED_MODELS=my-model=${model} npm run start:local-llm` +
        ' (from the repository root; then ask for model "my-model")',
    );
  return lines.join('\n') + '\n';
}
