// An export written to disk: the JSONL training file and, beside it, the data card as its own JSON
// file (never a line of the training file). Lines are written with backpressure, so a slow disk
// slows the reading of the store instead of buffering the export in memory.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { DataCard, FeedbackExport } from './export-types.js';

export interface WriteExportFilesOptions {
  /** The JSONL file, e.g. `dpo.jsonl`. */
  file: string;
  /** Default: the file's name with `.card.json` for `.jsonl` (`dpo.card.json`). */
  cardFile?: string;
}

export async function writeExportFiles(
  exported: FeedbackExport,
  options: WriteExportFilesOptions,
): Promise<DataCard> {
  const out = createWriteStream(options.file, { encoding: 'utf8' });
  const failed = once(out, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  try {
    for await (const line of exported.lines)
      if (!out.write(`${line}\n`)) await Promise.race([once(out, 'drain'), failed]);
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } finally {
    out.destroy();
  }
  const card = exported.card();
  const cardFile = options.cardFile ?? `${options.file.replace(/\.jsonl$/, '')}.card.json`;
  await writeFile(cardFile, `${JSON.stringify(card, null, 2)}\n`);
  return card;
}
