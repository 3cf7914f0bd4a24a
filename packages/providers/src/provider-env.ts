// The environment variable names of docs/architecture.md "Provider configuration" and the one rule for when
// a provider counts as configured; apps build their zod config from PROVIDER_ENV_VARS.
import { CONFIGURABLE_PROVIDER_NAMES, type ProviderName } from './presets.js';

export interface ProviderEnvVars {
  apiKey: string;
  baseURL: string;
  model: string;
  embeddingModel: string;
}

/** `<P>_API_KEY`, `<P>_BASE_URL`, `<P>_MODEL`, `<P>_EMBEDDING_MODEL` (docs/architecture.md). */
export function providerEnvVars(provider: string): ProviderEnvVars {
  const prefix = provider.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return {
    apiKey: `${prefix}_API_KEY`,
    baseURL: `${prefix}_BASE_URL`,
    model: `${prefix}_MODEL`,
    embeddingModel: `${prefix}_EMBEDDING_MODEL`,
  };
}

/** Every environment variable the registry reads, for apps' zod config schemas. */
export const PROVIDER_ENV_VARS: readonly string[] = [
  'AI_PROVIDER',
  'AI_MODEL',
  'EMBEDDING_PROVIDER',
  'EMBEDDING_MODEL',
  ...CONFIGURABLE_PROVIDER_NAMES.flatMap((name) => Object.values(providerEnvVars(name))),
];

export type Env = Record<string, string | undefined>;

/** A variable's trimmed value; blank counts as unset (a `.env` line `KEY=` sets nothing). */
export function readEnv(env: Env, key: string): string | undefined {
  const value = env[key];
  return value && value.trim() !== '' ? value.trim() : undefined;
}

/** The variables a provider still needs before it counts as configured (empty: configured). */
export function missingProviderVariables(name: ProviderName, env: Env): string[] {
  if (name === 'local') return [];
  const vars = providerEnvVars(name);
  if (name === 'ollama') return readEnv(env, vars.baseURL) ? [] : [vars.baseURL];
  const missing = readEnv(env, vars.apiKey) ? [] : [vars.apiKey];
  if (name === 'doubao' && !readEnv(env, vars.model)) missing.push(vars.model);
  return missing;
}
