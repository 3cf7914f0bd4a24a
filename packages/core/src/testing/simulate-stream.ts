// Replays a list of values as an async iterable, with optional delays (vercel/ai's
// simulateReadableStream, as an async iterable because that is what ChatModel.stream returns).
import { AbortedError } from '../ai-errors.js';
import { sleep } from '../sleep.js';

export interface SimulateStreamOptions {
  initialDelayMs?: number;
  chunkDelayMs?: number;
  signal?: AbortSignal;
}

export async function* simulateStream<T>(
  values: Iterable<T>,
  options: SimulateStreamOptions = {},
): AsyncIterable<T> {
  let first = true;
  for (const value of values) {
    const delay = first ? options.initialDelayMs : options.chunkDelayMs;
    first = false;
    if (delay) await sleep(delay, options.signal);
    if (options.signal?.aborted) throw new AbortedError();
    yield value;
  }
}
