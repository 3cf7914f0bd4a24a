// Content hashes for idempotency and grouping. Keys are sorted before hashing so that the same
// body sent twice (by a client that builds its objects in another key order) hashes the same.
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level; `undefined` members are left out, as JSON does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) => {
    if (member === null || typeof member !== 'object' || Array.isArray(member)) return member;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(member).sort()) {
      sorted[key] = (member as Record<string, unknown>)[key];
    }
    return sorted;
  });
}

/** SHA-256 of a value's canonical JSON, hex (64 characters: a small, fixed-size index key). */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
