// What the fine-tuning tests share: slices of the trainer's bundled data (English and Chinese
// rows alike), uploading through the SDK, and following a job until a condition holds.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BUNDLED_DATA_DIR } from '@repo/trainer';
import OpenAI, { toFile } from 'openai';
import type { FineTuningJob, FineTuningJobEvent } from 'openai/resources/fine-tuning/jobs/jobs';

/** Every `every`-th row of a bundled file, `count` rows: both languages, a few seconds to train. */
export async function bundledSlice(
  name: 'sft.jsonl' | 'preferences.jsonl',
  count: number,
  every = 6,
): Promise<string> {
  const rows = (await readFile(path.join(BUNDLED_DATA_DIR, name), 'utf8')).split('\n');
  const picked = rows.filter((row, i) => row.trim() !== '' && i % every === 0).slice(0, count);
  return picked.join('\n') + '\n';
}

export function sdkClient(baseURL: string): OpenAI {
  return new OpenAI({ apiKey: 'test', baseURL, maxRetries: 0 });
}

export async function upload(client: OpenAI, text: string, filename = 'train.jsonl') {
  return client.files.create({
    file: await toFile(Buffer.from(text), filename),
    purpose: 'fine-tune',
  });
}

/** All of a job's events, oldest first (the API pages them newest first). */
export async function allEvents(client: OpenAI, id: string): Promise<FineTuningJobEvent[]> {
  const events: FineTuningJobEvent[] = [];
  for await (const event of client.fineTuning.jobs.listEvents(id, { limit: 50 }))
    events.push(event);
  return events.reverse();
}

export const metricsOf = (events: FineTuningJobEvent[]) =>
  events
    .filter((e) => e.type === 'metrics')
    .map((e) => e.data as { step: number; train_loss: number; valid_loss?: number });

/** Polls the job and its events until `until` holds (the tests' hook timeout bounds it). */
export async function follow(
  client: OpenAI,
  id: string,
  until: (job: FineTuningJob, events: FineTuningJobEvent[]) => boolean,
): Promise<{ job: FineTuningJob; events: FineTuningJobEvent[] }> {
  // A finished job's last events land just after its status: a few more polls before giving up.
  let pollsAfterEnd = 0;
  for (;;) {
    const job = await client.fineTuning.jobs.retrieve(id);
    const events = await allEvents(client, id);
    if (until(job, events)) return { job, events };
    if (['succeeded', 'failed', 'cancelled'].includes(job.status) && ++pollsAfterEnd > 20)
      throw new Error(`Job ${id} ended ${job.status} first: ${JSON.stringify(job.error)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/**
 * Succeeded, with its last event written: the status changes in memory at once and the events
 * are appended just after, so a poll can see `succeeded` a moment before the final events.
 */
export const completed = (job: FineTuningJob, events: FineTuningJobEvent[]) =>
  job.status === 'succeeded' &&
  events.some((event) => event.message === 'The job has successfully completed');

export const finished = (job: FineTuningJob) =>
  ['succeeded', 'failed', 'cancelled'].includes(job.status);
