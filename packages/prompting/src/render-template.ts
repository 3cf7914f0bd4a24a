// Fills parsed placeholders with values. Missing values are collected, not thrown one by one, so
// the error names every variable the caller forgot.
import type { TemplateSegment } from './parse-template.js';
import { TemplateError } from './prompting-errors.js';

export type TemplateValues = Record<string, unknown>;

/** Strings as they are; objects and arrays as compact JSON; Dates as ISO strings. */
export function stringifyValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value !== 'object') return String(value);
  return JSON.stringify(value);
}

/** `user.name` is `values['user.name']` when that key exists, else `values.user.name`. */
export function lookupValue(values: TemplateValues, name: string): unknown {
  if (Object.hasOwn(values, name)) return values[name];
  let current: unknown = values;
  for (const key of name.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key))
      return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Renders the segments; throws one TemplateError naming every missing (undefined) variable. */
export function renderSegments(segments: TemplateSegment[], values: TemplateValues): string {
  const missing = new Set<string>();
  let out = '';
  for (const segment of segments) {
    if (segment.type === 'text') {
      out += segment.text;
      continue;
    }
    const value = lookupValue(values, segment.name);
    if (value === undefined) missing.add(segment.name);
    else out += stringifyValue(value);
  }
  if (missing.size > 0) {
    const names = [...missing];
    throw new TemplateError(
      `Missing template variable${names.length > 1 ? 's' : ''}: ${names.join(', ')}`,
      names.map((field) => ({ field, reason: 'is missing' })),
    );
  }
  return out;
}
