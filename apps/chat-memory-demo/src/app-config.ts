// The app's own settings (docs/conventions.md rule 10), validated at boot in one message; the AI variables
// are validated by AiModule. Storage itself opens on the first request (cold start).
import { databaseUrlVar, type Env, parseEnvConfig, serverVars, wholeNumberVar } from '@repo/nest';
import { z } from 'zod';
import { DEFAULT_DATA_URL } from './data-folder.js';

const STORES = ['sql', 'memory', 'redis'] as const;
export type MemoryStoreKind = (typeof STORES)[number];

const REDIS_URL_FORMS = /^rediss?:\/\/.+/;

const schema = z
  .object({
    ...serverVars(3001),
    MEMORY_STORE: z.enum(STORES, { error: `must be one of ${STORES.join(', ')}` }).default('sql'),
    DATABASE_URL: databaseUrlVar(DEFAULT_DATA_URL),
    REDIS_URL: z
      .string()
      .trim()
      .regex(REDIS_URL_FORMS, { error: 'must be redis://… or rediss://…' })
      .optional(),
    MEMORY_REDIS_KEY_PREFIX: z.string().trim().min(1).default('chat-memory-demo:'),
    MEMORY_MAX_MESSAGES: wholeNumberVar(1, 1000).default(20),
  })
  .superRefine((config, context) => {
    if (config.MEMORY_STORE === 'redis' && config.REDIS_URL === undefined)
      context.addIssue({
        code: 'custom',
        path: ['REDIS_URL'],
        message: 'is required when MEMORY_STORE=redis (e.g. redis://127.0.0.1:6379)',
      });
  });

export type AppConfig = z.infer<typeof schema>;

export function parseAppConfig(env: Env = process.env): AppConfig {
  return parseEnvConfig(schema, env);
}
