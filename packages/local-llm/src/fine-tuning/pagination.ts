// OpenAI's cursor pages: `{object: 'list', data, has_more}`, `limit` items after the item whose id
// is `after` (the SDK asks for the next page with the last id it got). Items come newest first.
import { failInvalid } from '../openai-errors.js';

export interface CursorPage<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
}

export function readLimit(query: URLSearchParams, fallback: number, max: number): number {
  const raw = query.get('limit');
  if (raw === null) return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > max)
    failInvalid(`'limit' must be a whole number from 1 to ${max}.`, 'limit');
  return limit;
}

export function cursorPage<T extends { id: string }>(
  items: readonly T[],
  query: URLSearchParams,
  limits: { fallback: number; max: number },
): CursorPage<T> {
  const limit = readLimit(query, limits.fallback, limits.max);
  const after = query.get('after');
  let start = 0;
  if (after !== null && after !== '') {
    const at = items.findIndex((item) => item.id === after);
    if (at < 0) failInvalid(`No item with id '${after}' to page after.`, 'after');
    start = at + 1;
  }
  const data = items.slice(start, start + limit);
  return { object: 'list', data, has_more: start + limit < items.length };
}
