// The worker thread a run trains in: it runs train() and posts every event to the thread that
// started it, which stays free to answer requests. A 'cancel' message stops the run after the
// current step, with a resumable checkpoint saved.
import { parentPort, workerData } from 'node:worker_threads';
import { train, type TrainConfig } from '../train/train.js';

const port = parentPort;
if (!port) throw new Error('run-worker.js runs as a worker thread (see startRun)');
let cancelled = false;
port.on('message', (message: unknown) => {
  if (message === 'cancel') cancelled = true;
});
const { config, resume } = workerData as { config: TrainConfig; resume: boolean };
train(config, {
  resume,
  onEvent: (event) => port.postMessage({ kind: 'event', event }),
  shouldStop: () => cancelled,
})
  .then((result) => port.postMessage({ kind: 'result', result }))
  .catch((error: Error & { details?: unknown; checkpoint?: string }) =>
    port.postMessage({
      kind: 'error',
      error: {
        name: error.name,
        message: error.message,
        details: error.details,
        checkpoint: error.checkpoint,
      },
    }),
  )
  .finally(() => port.close());
