// The config variables every app has, as zod fields with the same rules and the same messages
// (PORT, HOST, DATABASE_URL, whole numbers): one definition instead of one per app. Apps compose
// them into the schema they pass to `parseEnvConfig`.
import { z } from 'zod';

const DATABASE_URL_FORMS = /^(memory:\/\/|file:.+|postgres(ql)?:\/\/.+)$/;

/** A whole number from min to max ("must be a number", "must be between 1 and 50"). */
export function wholeNumberVar(min: number, max: number) {
  const range = { error: `must be between ${min} and ${max}` };
  return z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, range)
    .max(max, range);
}

/** PORT: the app's fixed port by default (docs/architecture.md's port table). */
export function portVar(port: number) {
  return wholeNumberVar(0, 65535).default(port);
}

/** HOST: loopback by default, so a demo that spends keys does not listen on workshop Wi-Fi. */
export function hostVar() {
  return z.string().trim().min(1, { error: 'must not be empty' }).default('127.0.0.1');
}

/** DATABASE_URL as @repo/storage reads it: memory://, file:<folder> or postgres://… */
export function databaseUrlVar(defaultUrl: string) {
  return z
    .string()
    .trim()
    .regex(DATABASE_URL_FORMS, { error: 'must be memory://, file:<folder> or postgres://…' })
    .default(defaultUrl);
}
