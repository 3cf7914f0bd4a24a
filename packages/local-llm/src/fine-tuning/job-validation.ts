// The `validating_files` step: the training (and validation) file read with the trainer's own
// parsers, so a bad row fails the job with the line and field at fault
// (`line 3: messages[1].role must be system, user or assistant …`) in OpenAI's job error shape.
// The training file is copied into the job's folder: deleting the upload never breaks the job.
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileStore } from './files.js';
import type { JobRecord } from './job-records.js';
import type { TrainerModule } from './trainer-module.js';

export class InvalidFileError extends Error {
  constructor(
    message: string,
    readonly param: 'training_file' | 'validation_file',
  ) {
    super(message);
    this.name = 'InvalidFileError';
  }
}

export const trainingCopy = (jobFolder: string) => path.join(jobFolder, 'training.jsonl');

/** Rows of one file; an InvalidFileError naming the line when a row is bad. */
async function countRows(
  trainer: TrainerModule,
  record: JobRecord,
  files: FileStore,
  param: 'training_file' | 'validation_file',
): Promise<number> {
  const id = record.job[param] as string;
  const text = await readFile(files.pathOf(id), 'utf8').catch(() => {
    throw new InvalidFileError(`The file ${id} no longer exists.`, param);
  });
  const parse =
    record.draft.method === 'dpo' ? trainer.parsePreferenceJsonl : trainer.parseSftJsonl;
  try {
    return parse(text).length;
  } catch (error) {
    const kind = record.draft.method === 'dpo' ? 'preference (DPO)' : 'chat (supervised)';
    const which = param === 'training_file' ? 'training' : 'validation';
    throw new InvalidFileError(
      `The job failed due to an invalid ${which} file ${id} (expected OpenAI ${kind} JSONL): ${(error as Error).message}`,
      param,
    );
  }
}

/** Checks the files and copies the training file into `jobFolder`; returns its row count. */
export async function validateFiles(
  trainer: TrainerModule,
  record: JobRecord,
  files: FileStore,
  jobFolder: string,
): Promise<number> {
  const rows = await countRows(trainer, record, files, 'training_file');
  if (record.job.validation_file !== null)
    await countRows(trainer, record, files, 'validation_file');
  await copyFile(files.pathOf(record.job.training_file), trainingCopy(jobFolder));
  return rows;
}
