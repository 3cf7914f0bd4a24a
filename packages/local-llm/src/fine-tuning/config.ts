// Fine-tuning's settings, read when createLocalLlm runs (a bad value fails the start, naming the
// variable or option): the data folder, the upload size cap and how many jobs train at once.
export const DATA_DIR_VARIABLE = 'LOCAL_LLM_DATA_DIR';
export const MAX_FILE_BYTES_VARIABLE = 'LOCAL_LLM_MAX_FILE_BYTES';
export const CONCURRENCY_VARIABLE = 'LOCAL_LLM_FINE_TUNING_CONCURRENCY';
export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;

export interface FineTuningOptions {
  dataDir?: string;
  maxFileBytes?: number;
  fineTuningConcurrency?: number;
  env?: Record<string, string | undefined>;
}

export interface FineTuningSettings {
  /** Undefined: a temporary folder per instance, made on first use and removed on close. */
  dataDir: string | undefined;
  maxFileBytes: number;
  concurrency: number;
}

function positiveInteger(option: number | undefined, variable: string, raw: string | undefined) {
  const value = option ?? (raw === undefined || raw === '' ? undefined : Number(raw));
  if (value !== undefined && !(Number.isInteger(value) && value >= 1))
    throw new Error(
      `${option === undefined ? variable : 'option'} must be a whole number ≥ 1 (got "${option ?? raw}")`,
    );
  return value;
}

export function fineTuningSettings(options: FineTuningOptions): FineTuningSettings {
  const env = options.env ?? process.env;
  return {
    dataDir: options.dataDir ?? (env[DATA_DIR_VARIABLE] || undefined),
    maxFileBytes:
      positiveInteger(
        options.maxFileBytes,
        MAX_FILE_BYTES_VARIABLE,
        env[MAX_FILE_BYTES_VARIABLE],
      ) ?? DEFAULT_MAX_FILE_BYTES,
    concurrency:
      positiveInteger(
        options.fineTuningConcurrency,
        CONCURRENCY_VARIABLE,
        env[CONCURRENCY_VARIABLE],
      ) ?? 1,
  };
}
