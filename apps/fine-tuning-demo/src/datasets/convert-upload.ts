// feedback-demo's exports go straight in: `dpo-openai` is already OpenAI DPO, and a TRL DPO file
// (`prompt`/`chosen`/`rejected`) is converted to OpenAI DPO while it is stored, streamed line by
// line. A row the converter refuses keeps the original file and becomes an issue with its line.
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { InvalidInputError } from '@repo/core';
import { convertLines } from '@repo/fine-tuning';
import type { DatasetSource, IssueJson } from './dataset-json.js';

const lines = (file: string) =>
  createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });

/** True when the first non-blank line is a TRL preference row. */
async function isTrlPreference(file: string): Promise<boolean> {
  const reader = lines(file);
  try {
    for await (const line of reader) {
      if (line.trim() === '') continue;
      const row = JSON.parse(line.replace(/^\uFEFF/, '')) as Record<string, unknown>;
      return ['prompt', 'chosen', 'rejected'].every((key) => Array.isArray(row[key]));
    }
    return false;
  } catch {
    return false;
  } finally {
    reader.close();
  }
}

function conversionIssue(error: unknown): IssueJson {
  const detail = error instanceof InvalidInputError ? error.details[0] : undefined;
  const match = /^line (\d+): (.*)$/.exec(detail?.field ?? '');
  return {
    line: match ? Number(match[1]) : null,
    code: 'conversion_failed',
    severity: 'error',
    ...(match?.[2] ? { field: match[2] } : {}),
    message: `TRL DPO row not converted: ${detail?.reason ?? (error instanceof Error ? error.message : String(error))}`,
  };
}

/** Moves (or converts) the uploaded file to `target`; says which, with the conversion's issue. */
export async function storeUpload(
  upload: string,
  target: string,
): Promise<{ source: DatasetSource; issues: IssueJson[] }> {
  if (await isTrlPreference(upload)) {
    const converting = `${target}.converting`;
    const out = createWriteStream(converting, 'utf8');
    const done = finished(out);
    try {
      for await (const line of convertLines(lines(upload), { from: 'trl', to: 'openai' }))
        if (!out.write(`${line}\n`))
          await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      out.end();
      await done;
      await rename(converting, target);
      await rm(upload, { force: true });
      return { source: 'feedback-dpo-trl converted', issues: [] };
    } catch (error) {
      out.end();
      await done.catch(() => undefined);
      await rm(converting, { force: true });
      await rename(upload, target);
      return { source: 'upload', issues: [conversionIssue(error)] };
    }
  }
  await rename(upload, target);
  return { source: 'upload', issues: [] };
}
