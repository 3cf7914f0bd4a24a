// Option first, environment second, read when the request is made (never at import time), and
// a missing key names the variable to set (docs/conventions.md rule 9, vercel/ai `loadApiKey`).
import { MissingApiKeyError } from './ai-errors.js';

export interface LoadApiKeyOptions {
  apiKey?: string | undefined;
  environmentVariableName: string;
  /** Who needs the key, for the error message, e.g. `DeepSeek`. */
  description: string;
  env?: Record<string, string | undefined>;
}

export function loadApiKey(options: LoadApiKeyOptions): string {
  if (typeof options.apiKey === 'string' && options.apiKey.trim() !== '') return options.apiKey;
  const fromEnv = (options.env ?? process.env)[options.environmentVariableName];
  if (typeof fromEnv === 'string' && fromEnv.trim() !== '') return fromEnv.trim();
  throw new MissingApiKeyError(
    `${options.description} API key is missing. Pass it as the apiKey option or set the ${options.environmentVariableName} environment variable.`,
    options.environmentVariableName,
  );
}
