// `${VAR}` / `${VAR:-default}` in a server's config, so mcp.json can be committed while API keys
// stay in the environment (the seed committed placeholder secrets in its YAML instead). Runs
// before validation, so a URL or a number of args can come from the environment too.
import type { InvalidInputDetail } from '@repo/core';

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** A deep copy with every placeholder in every string replaced; a detail per missing variable. */
export function interpolateEnv(
  value: unknown,
  env: Readonly<Record<string, string | undefined>>,
  at: readonly string[],
  details: InvalidInputDetail[],
): unknown {
  if (typeof value === 'string')
    return value.replace(PLACEHOLDER, (_match, name: string, fallback: string | undefined) => {
      const found = env[name];
      if (found !== undefined && found !== '') return found;
      if (fallback !== undefined) return fallback;
      // The name only, never a value: this message may end up in logs.
      details.push({ field: at.join('.'), reason: `environment variable ${name} is not set` });
      return '';
    });
  if (Array.isArray(value))
    return value.map((item, index) => interpolateEnv(item, env, [...at, String(index)], details));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        interpolateEnv(item, env, [...at, key], details),
      ]),
    );
  return value;
}
