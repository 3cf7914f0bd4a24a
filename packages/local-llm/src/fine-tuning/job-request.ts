// POST /v1/fine_tuning/jobs: the body checked field by field in OpenAI's terms (a mistake is a 400
// naming the param), before any file is read. `method.supervised|dpo.hyperparameters` and the
// legacy top-level `hyperparameters` (supervised only) are both taken; the method's win.
import { isRecord } from '../chat-request.js';
import { failInvalid as fail } from '../openai-errors.js';

export type MethodType = 'supervised' | 'dpo';
type Auto = 'auto';

export interface RequestedHyperparameters {
  n_epochs: number | Auto;
  batch_size: number | Auto;
  learning_rate_multiplier: number | Auto;
  /** DPO only. */
  beta: number | Auto;
}

export interface JobDraft {
  model: string;
  training_file: string;
  validation_file: string | null;
  suffix: string | null;
  seed: number | null;
  metadata: Record<string, string> | null;
  method: MethodType;
  hyperparameters: RequestedHyperparameters;
}

/** name → [smallest, largest, whole numbers only]; the smallest is excluded when it is 0. */
const RANGES: Record<keyof RequestedHyperparameters, [number, number, boolean]> = {
  n_epochs: [1, 50, true],
  batch_size: [1, 256, true],
  learning_rate_multiplier: [0, 100, false],
  beta: [0, 2, false],
};

function optionalString(body: Record<string, unknown>, key: string): string | null {
  const value = body[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value === '') fail(`'${key}' must be a non-empty string.`, key);
  return value;
}

function checkMetadata(value: unknown): Record<string, string> | null {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) fail(`'metadata' must be an object of strings.`, 'metadata');
  const entries = Object.entries(value);
  if (entries.length > 16) fail(`'metadata' can hold at most 16 keys.`, 'metadata');
  for (const [key, text] of entries) {
    if (key.length > 64) fail(`metadata keys are at most 64 characters.`, `metadata.${key}`);
    if (typeof text !== 'string' || text.length > 512)
      fail(`metadata values are strings of at most 512 characters.`, `metadata.${key}`);
  }
  return value as Record<string, string>;
}

function checkHyperparameters(
  value: unknown,
  param: string,
  allowed: (keyof RequestedHyperparameters)[],
): Partial<RequestedHyperparameters> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) fail(`'${param}' must be an object.`, param);
  const out: Partial<RequestedHyperparameters> = {};
  for (const [key, raw] of Object.entries(value)) {
    const name = key as keyof RequestedHyperparameters;
    if (!allowed.includes(name))
      fail(`Unknown hyperparameter '${key}' (allowed: ${allowed.join(', ')}).`, `${param}.${key}`);
    if (raw === 'auto' || raw === undefined) continue;
    const [low, high, whole] = RANGES[name];
    const ok =
      typeof raw === 'number' &&
      (whole ? Number.isInteger(raw) && raw >= low : raw > low) &&
      raw <= high;
    if (!ok) {
      const range = whole ? `a whole number from ${low} to ${high}` : `> ${low} and ≤ ${high}`;
      fail(`'${param}.${key}' must be "auto" or ${range}.`, `${param}.${key}`);
    }
    out[name] = raw as number;
  }
  return out;
}

function checkMethod(body: Record<string, unknown>): {
  type: MethodType;
  hyperparameters: Partial<RequestedHyperparameters>;
} {
  const method = body.method;
  const legacy = checkHyperparameters(body.hyperparameters, 'hyperparameters', [
    'n_epochs',
    'batch_size',
    'learning_rate_multiplier',
  ]);
  if (method === undefined || method === null)
    return { type: 'supervised', hyperparameters: legacy };
  if (!isRecord(method)) fail(`'method' must be an object.`, 'method');
  const type = method.type;
  if (type === 'reinforcement')
    fail(
      `method.type "reinforcement" is not supported locally: use supervised or dpo.`,
      'method.type',
    );
  if (type !== 'supervised' && type !== 'dpo')
    fail(`'method.type' must be "supervised" or "dpo".`, 'method.type');
  const settings = method[type];
  if (settings !== undefined && settings !== null && !isRecord(settings))
    fail(`'method.${type}' must be an object.`, `method.${type}`);
  const allowed: (keyof RequestedHyperparameters)[] =
    type === 'dpo'
      ? ['n_epochs', 'batch_size', 'learning_rate_multiplier', 'beta']
      : ['n_epochs', 'batch_size', 'learning_rate_multiplier'];
  const own = checkHyperparameters(
    isRecord(settings) ? settings.hyperparameters : undefined,
    `method.${type}.hyperparameters`,
    allowed,
  );
  if (type === 'dpo' && Object.keys(legacy).length > 0)
    fail(`Put DPO's hyperparameters in method.dpo.hyperparameters.`, 'hyperparameters');
  return { type, hyperparameters: { ...legacy, ...own } };
}

export function parseJobRequest(body: unknown): JobDraft {
  if (!isRecord(body)) fail('The request body must be a JSON object.', 'body');
  if (typeof body.model !== 'string' || body.model === '')
    fail(`'model' must be the id of the model to fine-tune (e.g. "tiny-gpt").`, 'model');
  if (typeof body.training_file !== 'string' || body.training_file === '')
    fail(`'training_file' must be the id of an uploaded file.`, 'training_file');
  const suffix = optionalString(body, 'suffix');
  if (suffix !== null && !/^[A-Za-z0-9._-]{1,64}$/.test(suffix))
    fail(`'suffix' must be 1 to 64 letters, digits, '.', '_' or '-'.`, 'suffix');
  const seed = body.seed ?? null;
  if (
    seed !== null &&
    !(Number.isInteger(seed) && (seed as number) >= 0 && (seed as number) <= 2 ** 31 - 1)
  )
    fail(`'seed' must be a whole number from 0 to 2147483647.`, 'seed');
  const method = checkMethod(body);
  const auto = {
    n_epochs: 'auto',
    batch_size: 'auto',
    learning_rate_multiplier: 'auto',
    beta: 'auto',
  } as const;
  return {
    model: body.model,
    training_file: body.training_file,
    validation_file: optionalString(body, 'validation_file'),
    suffix,
    seed: seed as number | null,
    metadata: checkMetadata(body.metadata),
    method: method.type,
    hyperparameters: { ...auto, ...method.hyperparameters },
  };
}
