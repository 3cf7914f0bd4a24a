// The settings every app's HTTP server shares, as zod fields (spread into the app's own schema):
// where it listens, the bearer token that guards it beyond loopback, and how much work it admits
// at once. `checkExposure` is the start-up rule: an app that listens beyond loopback spends
// provider keys for anyone who reaches it, so it needs API_TOKEN, or TRUSTED_NETWORK=true to say
// the network is trusted on purpose.
import { InvalidInputError } from '@repo/core';
import { z } from 'zod';
import { hostVar, portVar, wholeNumberVar } from './env-fields.js';

/** Requests handled at once by default; more wait in the queue. */
export const DEFAULT_MAX_IN_FLIGHT = 64;
/** Requests that may wait by default; one more is a 429 with Retry-After. */
export const DEFAULT_MAX_QUEUED = 256;

export interface ServerSettings {
  PORT: number;
  HOST: string;
  /** Bearer token every route but /health and /docs needs; required beyond loopback. */
  API_TOKEN?: string | undefined;
  /** Listen beyond loopback without a token, on purpose. */
  TRUSTED_NETWORK: boolean;
  HTTP_MAX_IN_FLIGHT: number;
  HTTP_MAX_QUEUED: number;
}

/** "true"/"1"/"yes" or "false"/"0"/"no", for switches in .env. */
export function booleanVar() {
  return z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => ['true', '1', 'yes', 'false', '0', 'no'].includes(value), {
      error: 'must be true or false',
    })
    .transform((value) => ['true', '1', 'yes'].includes(value));
}

/** PORT, HOST, API_TOKEN, TRUSTED_NETWORK, HTTP_MAX_IN_FLIGHT, HTTP_MAX_QUEUED. */
export function serverVars(port: number) {
  return {
    PORT: portVar(port),
    HOST: hostVar(),
    API_TOKEN: z
      .string()
      .trim()
      .min(16, { error: 'must be at least 16 characters (a long random string)' })
      .optional(),
    TRUSTED_NETWORK: booleanVar().default(false),
    HTTP_MAX_IN_FLIGHT: wholeNumberVar(1, 10_000).default(DEFAULT_MAX_IN_FLIGHT),
    HTTP_MAX_QUEUED: wholeNumberVar(0, 100_000).default(DEFAULT_MAX_QUEUED),
  };
}

/** The defaults, for tests and apps that configure an app outside `startNestApp`. */
export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  PORT: 0,
  HOST: '127.0.0.1',
  TRUSTED_NETWORK: false,
  HTTP_MAX_IN_FLIGHT: DEFAULT_MAX_IN_FLIGHT,
  HTTP_MAX_QUEUED: DEFAULT_MAX_QUEUED,
};

export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

/** Throws (one clear message) when the app would listen beyond loopback unguarded. */
export function checkExposure(
  settings: Pick<ServerSettings, 'HOST' | 'API_TOKEN' | 'TRUSTED_NETWORK'>,
): void {
  if (isLoopbackHost(settings.HOST) || settings.API_TOKEN || settings.TRUSTED_NETWORK) return;
  throw new InvalidInputError(
    `HOST=${settings.HOST} listens beyond this machine, where anyone who reaches the app can spend ` +
      'its provider keys and write its data. Set API_TOKEN (16+ characters; clients send ' +
      '"Authorization: Bearer <token>"), or TRUSTED_NETWORK=true if the network is trusted.',
    [{ field: 'HOST', reason: 'is beyond loopback: set API_TOKEN or TRUSTED_NETWORK=true' }],
    { code: 'invalid_config' },
  );
}
