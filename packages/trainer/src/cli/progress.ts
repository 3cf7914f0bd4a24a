// What a training run shows while it runs: a cli-progress bar on a terminal (step/total, loss,
// the last validation loss, tokens/s, ETA), one line per validation step when the output is a
// file or a pipe, or every event as one JSON line with --json.
import cliProgress from 'cli-progress';
import { formatCount, formatDuration } from '@repo/core/cli';
import type { CliIo } from './cli-io.js';
import { formatMetrics } from './format.js';
import type { TrainEvent } from '../train/train.js';

/** A cli-progress bar on stderr (only where stderr is a terminal). */
export function terminalBar(io: CliIo, format: string): cliProgress.SingleBar {
  return new cliProgress.SingleBar(
    { format, hideCursor: true, stream: io.stderr as NodeJS.WritableStream },
    cliProgress.Presets.shades_classic,
  );
}

export interface Progress {
  onEvent(event: TrainEvent): void;
  /** Clears the bar (before the summary or an error is printed). */
  stop(): void;
}

export function createProgress(io: CliIo, json: boolean): Progress {
  if (json) return { onEvent: (event) => io.stdout.write(JSON.stringify(event) + '\n'), stop() {} };
  return io.stderr.isTTY ? barProgress(io) : lineProgress(io);
}

function startLine(event: Extract<TrainEvent, { type: 'start' }>): string {
  const from = event.startStep > 0 ? `, resuming at step ${event.startStep + 1}` : '';
  return (
    `${event.stage}: ${formatCount(event.parameters.exact)} parameters ` +
    `(12·L·d² = ${formatCount(event.parameters.approximate)}), vocabulary ${event.vocabSize}, ` +
    `${formatCount(event.examples.train)} training / ${formatCount(event.examples.validation)} ` +
    `validation examples, ` +
    `${event.steps} steps${from}\n`
  );
}

function lineProgress(io: CliIo): Progress {
  return {
    onEvent(event) {
      if (event.type === 'start') io.stdout.write(startLine(event));
      else if (event.type === 'checkpoint')
        io.stdout.write(`checkpoint after step ${event.step + 1}: ${event.dir}\n`);
      else if (
        event.type === 'step' &&
        (event.metrics.validationLoss !== undefined || event.step === event.steps - 1)
      )
        io.stdout.write(
          `step ${event.step + 1}/${event.steps}  ${formatMetrics({ loss: event.loss, ...event.metrics })}  ` +
            `${formatCount(event.tokensPerSecond)} tokens/s  ETA ${formatDuration(event.etaMs)}\n`,
        );
    },
    stop() {},
  };
}

function barProgress(io: CliIo): Progress {
  const bar = terminalBar(
    io,
    '{bar} {value}/{total} | loss {loss} | val {val} | {speed} tokens/s | ETA {eta_text}',
  );
  let started = false;
  let validation = '–';
  return {
    onEvent(event) {
      if (event.type === 'start') {
        io.stderr.write(startLine(event));
        bar.start(event.steps, event.startStep, {
          loss: '–',
          val: validation,
          speed: '–',
          eta_text: '…',
        });
        started = true;
      } else if (event.type === 'step' && started) {
        if (event.metrics.validationLoss !== undefined)
          validation = event.metrics.validationLoss.toFixed(4);
        bar.update(event.step + 1, {
          loss: event.loss.toFixed(4),
          val: validation,
          speed: formatCount(event.tokensPerSecond),
          eta_text: formatDuration(event.etaMs),
        });
      }
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
