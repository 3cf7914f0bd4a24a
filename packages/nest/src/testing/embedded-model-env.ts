// The environment a demo's documented outputs need: the embedded model, so no provider key, base
// URL, model choice or AI tuning variable may leak in from the developer's shell, and none of the
// app's own variables that `drop` matches (its data folder, its limits).
import { PROVIDER_ENV_VARS } from '@repo/providers';
import { AI_TUNING_ENV_VARS } from '../ai-config.js';

export function embeddedModelEnv(
  drop?: RegExp,
  env: Record<string, string | undefined> = process.env,
): Record<string, string | undefined> {
  const removed = new Set<string>([...PROVIDER_ENV_VARS, ...AI_TUNING_ENV_VARS]);
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !removed.has(name) && !drop?.test(name)),
  );
}
