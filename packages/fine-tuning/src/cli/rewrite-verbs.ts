// The verbs that rewrite a JSONL file, streaming it line by line: convert (between the four row
// formats), split (a deterministic train/validation split) and dedupe (exact duplicates).
// A row the library refuses fails the verb with its line and reason, exit 1, and no output file.
import { type CliIo, flagError, type Flags, type FlagSpec, formatCount } from '@repo/core/cli';
import { inputFile } from './flags.js';
import { convertLines, ROW_FORMATS } from '../convert/convert-rows.js';
import { createDeduper } from '../convert/dedupe.js';
import { splitSideOf } from '../convert/split-dataset.js';
import { lineTexts, openLineSink, withSinks } from './line-files.js';
import { readWithProgress } from './progress.js';
import { refusedRow } from './refused-row.js';

const text = { type: 'string' } as const;
export const CONVERT_FLAGS: FlagSpec = { from: text, to: text, out: text };
export const SPLIT_FLAGS: FlagSpec = {
  'validation-fraction': text,
  seed: text,
  train: text,
  validation: text,
};
export const DEDUPE_FLAGS: FlagSpec = { out: text, json: { type: 'boolean' } };

/** The summary goes to stderr: stdout may be the converted rows. */
function rewrite(io: CliIo, body: () => Promise<string>): Promise<number> {
  return refusedRow(io, async () => {
    io.stderr.write(`${await body()}\n`);
    return 0;
  });
}

function requiredFormat(flags: Flags, name: 'from' | 'to') {
  const format = flags.choice(name, ROW_FORMATS);
  if (format === undefined)
    throw flagError(`--${name}`, `is required: one of ${ROW_FORMATS.join(', ')}`);
  return format;
}

export async function convertVerb(flags: Flags, io: CliIo): Promise<number> {
  const file = inputFile(flags, 'the JSONL file to convert');
  const from = requiredFormat(flags, 'from');
  const to = requiredFormat(flags, 'to');
  const outPath = flags.string('out');
  const input = readWithProgress(file, io);
  const out = await openLineSink(outPath, io);
  return rewrite(io, () =>
    withSinks([out], async () => {
      let rows = 0;
      try {
        for await (const line of convertLines(lineTexts(input.source), { from, to })) {
          await out.write(line);
          rows += 1;
        }
      } finally {
        input.stop();
      }
      return `converted ${formatCount(rows)} rows from ${from} to ${to}${outPath ? ` into ${outPath}` : ''}`;
    }),
  );
}

export async function splitVerb(flags: Flags, io: CliIo): Promise<number> {
  const file = inputFile(flags, 'the JSONL file to split');
  const fraction = flags.number('validation-fraction');
  if (fraction === undefined || !(fraction > 0 && fraction < 1))
    throw flagError('--validation-fraction', 'is required: a number between 0 and 1, e.g. 0.1');
  const options = { validationFraction: fraction, seed: flags.string('seed') ?? 0 };
  const trainPath = flags.required('train', 'the file for the training rows');
  const validationPath = flags.required('validation', 'the file for the validation rows');
  if (trainPath === validationPath)
    throw flagError('--validation', 'must be another file than --train');
  const input = readWithProgress(file, io);
  const sinks = {
    train: await openLineSink(trainPath, io),
    validation: await openLineSink(validationPath, io),
  };
  return rewrite(io, () =>
    withSinks([sinks.train, sinks.validation], async () => {
      const counts = { train: 0, validation: 0 };
      let line = 0;
      try {
        for await (const text of lineTexts(input.source)) {
          line += 1;
          if (text.trim() === '') continue;
          const side = splitSideOf(text, options, { line });
          await sinks[side].write(text);
          counts[side] += 1;
        }
      } finally {
        input.stop();
      }
      return (
        `${formatCount(counts.train)} rows to ${trainPath}, ` +
        `${formatCount(counts.validation)} to ${validationPath}`
      );
    }),
  );
}

const SHOWN_DUPLICATES = 20;

export async function dedupeVerb(flags: Flags, io: CliIo): Promise<number> {
  const file = inputFile(flags, 'the JSONL file to dedupe');
  const outPath = flags.required('out', 'the file for the rows kept');
  const input = readWithProgress(file, io);
  const out = await openLineSink(outPath, io);
  return rewrite(io, () =>
    withSinks([out], async () => {
      const deduper = createDeduper();
      let line = 0;
      let kept = 0;
      try {
        for await (const text of lineTexts(input.source)) {
          line += 1;
          if (text.trim() === '' || !deduper.keep(text, { line })) continue;
          await out.write(text);
          kept += 1;
        }
      } finally {
        input.stop();
      }
      const { duplicates } = deduper;
      if (flags.boolean('json')) {
        io.stdout.write(`${JSON.stringify({ kept, dropped: duplicates.length, duplicates })}\n`);
      } else {
        const shown = duplicates.slice(0, SHOWN_DUPLICATES);
        for (const d of shown) io.stdout.write(`line ${d.line}  duplicate of line ${d.sameAs}\n`);
        if (duplicates.length > shown.length)
          io.stdout.write(`… ${formatCount(duplicates.length - shown.length)} more\n`);
      }
      return `kept ${formatCount(kept)} rows in ${outPath}, dropped ${formatCount(duplicates.length)} duplicates`;
    }),
  );
}
