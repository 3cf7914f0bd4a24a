// The request fields that choose tools and pass tool context, shared by /api/tools/chat and
// /api/tools/steps. Tool context is Spring AI's ToolContext: values the tools read and the model
// never sees. The keys the tools understand are checked here, so a bad zone is a 400 for the
// caller rather than an error the model would read (and repeat) as a tool result.
import { TIME_ZONE_CONTEXT_KEY } from '@repo/tools';
import { z } from 'zod';
import { TOOL_NAMES } from '../tool-names.js';
import { USER_ID_CONTEXT_KEY } from '../shop-tools.js';

export const toolNamesSchema = z
  .array(z.enum(TOOL_NAMES))
  .min(1)
  .max(TOOL_NAMES.length)
  .meta({ example: ['getCurrentWeather', 'calculate'], description: 'Omit for every tool' });

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const CONTEXT_KEY = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;
const MAX_CONTEXT_KEYS = 20;

export const toolContextSchema = z
  .record(
    z.string().regex(CONTEXT_KEY, { error: 'keys must be identifiers of up to 64 characters' }),
    z.union([z.string().max(1000), z.number(), z.boolean()]),
  )
  .refine((context) => Object.keys(context).length <= MAX_CONTEXT_KEYS, {
    error: `must have at most ${MAX_CONTEXT_KEYS} keys`,
  })
  .superRefine((context, refinement) => {
    const zone = context[TIME_ZONE_CONTEXT_KEY];
    if (zone !== undefined && (typeof zone !== 'string' || !isTimeZone(zone)))
      refinement.addIssue({
        code: 'custom',
        path: [TIME_ZONE_CONTEXT_KEY],
        message: 'must be an IANA time zone, e.g. "Asia/Shanghai"',
      });
    const userId = context[USER_ID_CONTEXT_KEY];
    if (userId !== undefined && (typeof userId !== 'string' || userId === ''))
      refinement.addIssue({
        code: 'custom',
        path: [USER_ID_CONTEXT_KEY],
        message: 'must be a non-empty string',
      });
  })
  .meta({
    example: { timeZone: 'Asia/Shanghai', userId: 'u-42' },
    description: 'Tool context: the tools read it, the model never sees it',
  });

export const messageSchema = z.string().trim().min(1).max(10_000);
