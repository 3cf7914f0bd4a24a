// The worker thread of scan-workers.ts: loads the tokenizer once, then examines each batch of raw
// lines it is sent and posts back their outcomes, in the order the batches arrived.
import { parentPort, workerData } from 'node:worker_threads';
import { loadTokenizer } from './count-tokens.js';
import { examineBatch } from './examine-batch.js';
import type { LineBatch } from './line-batches.js';
import { lineDecoder } from './read-lines.js';
import type { WorkerSetup } from './scan-workers.js';

const port = parentPort;
if (!port) throw new Error('scan-worker.js runs as a worker thread (see scan-workers.ts)');
const { encoding, contextTokens, format, mergeCacheSize } = workerData as WorkerSetup;
const settings = { tokenizer: await loadTokenizer(encoding, { mergeCacheSize }), contextTokens };
const decoder = lineDecoder();
// As one JSON string: the receiver parses it when it folds the batch, so a batch waiting its turn
// is one string, not thousands of small objects that would outlive the young generation.
port.on('message', (batch: LineBatch) =>
  port.postMessage(JSON.stringify(examineBatch(batch, format, settings, decoder))),
);
