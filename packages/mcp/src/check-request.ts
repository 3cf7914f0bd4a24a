// Request checks for the HTTP endpoint that must not leak anything: the token comparison takes
// the same time whatever the guess (both sides hashed first, so even the length stays hidden).
import { createHash, timingSafeEqual } from 'node:crypto';

export type BearerCheck = 'ok' | 'missing' | 'invalid';

export function checkBearerToken(header: string | undefined, expected: string): BearerCheck {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  if (!match?.[1]) return 'missing';
  return timingSafeEqual(sha256(match[1]), sha256(expected)) ? 'ok' : 'invalid';
}

/** Compares the Host header's name (port dropped, IPv6 brackets kept) with the allowed names. */
export function isHostAllowed(host: string | undefined, allowed: readonly string[]): boolean {
  if (!host) return false;
  try {
    return allowed.includes(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
