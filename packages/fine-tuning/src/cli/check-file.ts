// The validation pass that validate, stats and estimate share: the flags that shape it (format,
// model, validation file, kept errors) and the progress readout over both files.
import type { CliIo, Flags, FlagSpec } from '@repo/core/cli';
import { fileFlag } from './flags.js';
import { DATASET_FORMATS } from '../formats.js';
import { validateDataset, type DatasetReport } from '../dataset/validate-dataset.js';
import { readWithProgress } from './progress.js';

const text = { type: 'string' } as const;
export const CHECK_FLAGS: FlagSpec = {
  format: text,
  model: text,
  validation: text,
  'max-errors': text,
  json: { type: 'boolean' },
};

export async function checkFile(file: string, flags: Flags, io: CliIo): Promise<DatasetReport> {
  const format = flags.choice('format', DATASET_FORMATS);
  const model = flags.string('model');
  const validationFile = fileFlag(flags, 'validation');
  const maxErrors = flags.whole('max-errors', 0);
  const train = readWithProgress(file, io);
  const validation =
    validationFile === undefined ? undefined : readWithProgress(validationFile, io);
  try {
    return await validateDataset(train.source, {
      format,
      model,
      validation: validation?.source,
      maxErrors,
    });
  } finally {
    train.stop();
    validation?.stop();
  }
}

/** The library names its options (maxErrors); say which flag sets them. */
export const FLAG_OF_FIELD: Record<string, string> = {
  format: '--format',
  model: '--model',
  maxErrors: '--max-errors',
  epochs: '--epochs',
  validationFraction: '--validation-fraction',
  'gpus.count': '--gpus',
  'gpus.memoryGiB': '--gpu-memory-gib',
  'model.name': '--model',
  'model.parameters': '--parameters',
  parameters: '--parameters',
  adapterParameters: '--adapter-parameters',
};
