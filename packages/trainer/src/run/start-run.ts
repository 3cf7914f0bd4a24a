// Starts a training run in a worker thread: the caller's event loop stays free (a server keeps
// answering /health while a model trains), progress arrives as events, and cancel() stops the run
// after its current step with a resumable checkpoint.
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InvalidInputError } from '@repo/core';
import {
  resolveTrainConfig,
  type TrainConfig,
  type TrainEvent,
  type TrainResult,
} from '../train/train.js';

export interface RunHandle {
  /** 'event' (TrainEvent) for each step, checkpoint, start and end. */
  readonly events: EventEmitter<{ event: [TrainEvent] }>;
  /** Resolves with the result; rejects with the run's error (an AbortError when cancelled). */
  readonly done: Promise<TrainResult>;
  cancel(): void;
  /** Stops the worker at once, without a checkpoint (what a crash would do). */
  kill(): Promise<void>;
}

// Under Vitest this module is a .ts source and the worker must be the built file.
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? new URL('../../dist/run/run-worker.js', here)
    : new URL('./run-worker.js', here);
}

export function startRun(config: TrainConfig, options: { resume?: boolean } = {}): RunHandle {
  // Check the settings here, so a mistake is an error in the caller's thread, not a failed run.
  if (!options.resume) resolveTrainConfig(config);
  else if (typeof config?.runDir !== 'string')
    throw new InvalidInputError('runDir must be the folder of the run to resume', [
      { field: 'runDir', reason: 'required to resume' },
    ]);
  const events = new EventEmitter<{ event: [TrainEvent] }>();
  const worker = new Worker(fileURLToPath(workerUrl()), {
    workerData: { config, resume: options.resume ?? false },
  });
  const done = new Promise<TrainResult>((resolve, reject) => {
    let settled = false;
    worker.on(
      'message',
      (message: {
        kind: string;
        event?: TrainEvent;
        result?: TrainResult;
        error?: Record<string, unknown>;
      }) => {
        if (message.kind === 'event') events.emit('event', message.event as TrainEvent);
        else if (message.kind === 'result') {
          settled = true;
          resolve(message.result as TrainResult);
        } else if (message.kind === 'error') {
          settled = true;
          const info = message.error ?? {};
          const error =
            info.name === 'InvalidInputError'
              ? new InvalidInputError(String(info.message), (info.details ?? []) as never)
              : Object.assign(new Error(String(info.message)), {
                  name: String(info.name ?? 'Error'),
                });
          if (info.checkpoint) Object.assign(error, { checkpoint: info.checkpoint });
          reject(error);
        }
      },
    );
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled)
        reject(
          Object.assign(new Error(`The training worker stopped (exit code ${code})`), {
            name: 'RunKilledError',
          }),
        );
    });
  });
  done.catch(() => undefined); // the caller may only listen to events; never an unhandled rejection
  return {
    events,
    done,
    cancel: () => worker.postMessage('cancel'),
    kill: async () => {
      await worker.terminate();
    },
  };
}
