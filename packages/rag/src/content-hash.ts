// Content-addressed chunk ids: the same chunk of the same source always gets the same id, which is
// what makes ingestion idempotent (a second run finds every id already stored). The SHA-256 is
// written as a UUID (version 8, RFC 9562's "custom" layout, 122 of its bits) because several vector
// stores accept only UUID ids (Qdrant, pgvector tables with a uuid key); the collision odds of 122
// bits are still negligible.
import { createHash } from 'node:crypto';

/** SHA-256 of source and text, hex. The NUL keeps `("ab", "c")` and `("a", "bc")` apart. */
export function contentHash(source: string, text: string): string {
  return createHash('sha256').update(source).update('\u0000').update(text).digest('hex');
}

/** The chunk id: `contentHash` formatted as a version-8 UUID. */
export function contentId(source: string, text: string): string {
  const hex = contentHash(source, text);
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
