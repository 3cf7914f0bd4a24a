// Text that no store can keep is refused at the door, for every body, query and path parameter,
// with the field that holds it: a NUL character (PostgreSQL's text and jsonb reject \u0000) and a
// lone UTF-16 surrogate ("\ud800": not Unicode text; PostgreSQL rejects it, and it would turn
// into U+FFFD elsewhere). Nesting deeper than MAX_DEPTH is refused too: no API here takes it, and
// recursive code further on would overflow its stack. The walk is iterative for the same reason.
import { formatIssuePath } from '@repo/core';
import type { InvalidInputDetail } from '@repo/core';

export const MAX_DEPTH = 64;
const MAX_DETAILS = 5;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Text without a NUL or any surrogate (nearly all of it) has nothing to look at closer. */
const SUSPECT = /[\0\uD800-\uDFFF]/;

function textProblem(text: string): string | undefined {
  if (!SUSPECT.test(text)) return undefined;
  if (text.includes('\0')) return 'must not contain NUL characters (\\u0000)';
  if (LONE_SURROGATE.test(text))
    return 'must be valid Unicode text (it holds a lone UTF-16 surrogate such as \\ud800)';
  return undefined;
}

const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

function escapeText(text: string): string {
  const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return text.replace(/\0/g, hex).replace(LONE_SURROGATES, hex);
}

/** Every problem (up to five) in `value`, each with its field (`messages[0].content`). */
export function findTextProblems(
  value: unknown,
  root: readonly PropertyKey[],
  fallbackField: string,
): InvalidInputDetail[] {
  // Every body, query and path parameter comes through here, and nearly all are clean: a walk
  // that builds no paths answers that; the one below, which names fields, runs only when needed.
  if (!hasTextProblem(value)) return [];
  const problems: InvalidInputDetail[] = [];
  const field = (path: readonly PropertyKey[]) => formatIssuePath(path, fallbackField);
  const pending: Array<{ value: unknown; path: PropertyKey[] }> = [{ value, path: [...root] }];
  while (pending.length > 0 && problems.length < MAX_DETAILS) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      const reason = textProblem(current);
      if (reason) problems.push({ field: field(path), reason });
      continue;
    }
    if (typeof current !== 'object' || current === null || ArrayBuffer.isView(current)) continue;
    if (path.length - root.length >= MAX_DEPTH) {
      problems.push({
        field: field(path),
        reason: `must not nest deeper than ${MAX_DEPTH} levels`,
      });
      continue;
    }
    const entries: Array<[PropertyKey, unknown]> = Array.isArray(current)
      ? current.map((item, index) => [index, item])
      : Object.entries(current);
    for (const [key, item] of entries.reverse()) {
      if (typeof key === 'string') {
        const reason = textProblem(key);
        // The name is echoed with the bad characters escaped, not as they came.
        if (reason)
          problems.push({
            field: field([...path, escapeText(key)]),
            reason: `(its name) ${reason}`,
          });
      }
      pending.push({ value: item, path: [...path, key] });
    }
  }
  return problems.slice(0, MAX_DETAILS);
}

/** The same walk as findTextProblems, only saying whether there is anything to report. */
function hasTextProblem(value: unknown): boolean {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const current = values.pop();
    const depth = depths.pop()!;
    if (typeof current === 'string') {
      if (textProblem(current)) return true;
      continue;
    }
    if (typeof current !== 'object' || current === null || ArrayBuffer.isView(current)) continue;
    if (depth >= MAX_DEPTH) return true;
    if (Array.isArray(current)) {
      for (const item of current as unknown[]) {
        values.push(item);
        depths.push(depth + 1);
      }
      continue;
    }
    for (const key of Object.keys(current)) {
      if (textProblem(key)) return true;
      values.push((current as Record<string, unknown>)[key]);
      depths.push(depth + 1);
    }
  }
  return false;
}
