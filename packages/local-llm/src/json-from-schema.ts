// Builds a value that validates against a JSON schema, filled from the user's words where a
// property's name or type says what it wants (cities, names, numbers, enums, dates…). Used for
// tool-call arguments and for `response_format: json_schema`.
import { isRecord, type JsonSchema } from './chat-request.js';
import type { TextCues } from './text-cues.js';
import { quoteText, toHalfWidth } from './text-utils.js';

export interface FillOptions {
  /** Fill optional properties too (json_schema output); tools fill them only when found. */
  includeOptional: boolean;
  /** Values already known by property name (tool results), used when their type fits. */
  known?: Record<string, unknown>;
}

// Only scalars and arrays of scalars are taken as they are: a known object might not match a
// nested schema, so objects are always built field by field.
function fitsSchema(value: unknown, schema: JsonSchema, type: string): boolean {
  if (Array.isArray(schema.enum)) return schema.enum.includes(value);
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'array') {
    const items = isRecord(schema.items) ? schema.items : {};
    const itemType = typeOf(items);
    return (
      Array.isArray(value) &&
      !['object', 'array'].includes(itemType) &&
      value.every((item) => fitsSchema(item, items, itemType))
    );
  }
  if (type === 'object') return false;
  if (type === 'null') return value === null;
  return typeof value === type;
}

export const PLACE_KEY =
  /city|location|place|town|country|region|address|destination|origin|where|area/i;
const NAME_KEY =
  /name|person|who|user|author|actor|actress|director|writer|artist|singer|character|owner|customer/i;
const FULL_TEXT_KEY = /query|question|prompt|input|text|message|search|keyword/i;
const EXPRESSION_KEY = /expression|formula|equation|calculation/i;
const DATE_KEY = /date|day/i;

interface FillContext {
  root: JsonSchema;
  cues: TextCues;
  numberIndex: number;
  options: FillOptions;
}

function resolve(schema: JsonSchema, root: JsonSchema, depth = 0): JsonSchema {
  if (depth > 20) return {};
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), root);
    return isRecord(target) ? resolve(target, root, depth + 1) : {};
  }
  const options = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (Array.isArray(options)) {
    const first = options.find((o) => isRecord(o) && o.type !== 'null');
    if (isRecord(first))
      return resolve(
        { ...schema, anyOf: undefined, oneOf: undefined, allOf: undefined, ...first },
        root,
        depth + 1,
      );
  }
  return schema;
}

function typeOf(schema: JsonSchema): string {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (typeof type === 'string') return type;
  if (isRecord(schema.properties)) return 'object';
  if (isRecord(schema.items)) return 'array';
  if (Array.isArray(schema.enum)) return typeof schema.enum[0];
  return 'string';
}

function mentionedEnum(values: unknown[], text: string): unknown {
  const lower = text.toLowerCase();
  return values.find(
    (v) =>
      (typeof v === 'string' || typeof v === 'number') && lower.includes(String(v).toLowerCase()),
  );
}

function mathExpression(text: string): string | undefined {
  const runs = toHalfWidth(text).match(/[\d.\s+\-*/^()×÷]+/g) ?? [];
  const run = runs.map((r) => r.trim()).find((r) => /\d\s*[+\-*/^×÷]\s*[\d(]/.test(r));
  return run?.replace(/×/g, '*').replace(/÷/g, '/');
}

/** The string the user's words suggest for this key, or undefined when nothing fits. */
function foundString(key: string, schema: JsonSchema, cues: TextCues): string | undefined {
  const format = schema.format;
  if (format === 'email' || /e-?mail/i.test(key)) return cues.emails[0];
  if (format === 'uri' || format === 'url' || /url|link|website/i.test(key)) return cues.urls[0];
  if (format === 'date' || DATE_KEY.test(key)) return cues.dates[0];
  if (EXPRESSION_KEY.test(key)) return mathExpression(cues.text);
  if (PLACE_KEY.test(key)) return cues.places[0] ?? cues.names[0];
  if (NAME_KEY.test(key)) return cues.names[0] ?? cues.places[0];
  if (FULL_TEXT_KEY.test(key)) return cues.text.trim() === '' ? undefined : quoteText(cues.text);
  return undefined;
}

function fallbackString(schema: JsonSchema, cues: TextCues): string {
  if (schema.format === 'date') return '2025-01-01';
  if (schema.format === 'date-time') return '2025-01-01T00:00:00Z';
  if (schema.format === 'email') return 'user@example.com';
  if (schema.format === 'uri' || schema.format === 'url') return 'https://example.com';
  return cues.phrase || 'local';
}

function fitLength(value: string, schema: JsonSchema): string {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  let chars = [...value];
  while (chars.length < min) chars = chars.concat([...(value || 'x')]);
  return chars.slice(0, max).join('');
}

function fitNumber(value: number, schema: JsonSchema, integer: boolean): number {
  let n = integer ? Math.round(value) : value;
  const step = integer ? 1 : 0.5;
  if (typeof schema.minimum === 'number') n = Math.max(n, schema.minimum);
  if (typeof schema.exclusiveMinimum === 'number' && n <= schema.exclusiveMinimum)
    n = schema.exclusiveMinimum + step;
  if (typeof schema.maximum === 'number') n = Math.min(n, schema.maximum);
  if (typeof schema.exclusiveMaximum === 'number' && n >= schema.exclusiveMaximum)
    n = schema.exclusiveMaximum - step;
  return integer ? Math.ceil(n) : n;
}

/** Returns `undefined` only for optional properties with nothing found (tools mode). */
function fill(key: string, raw: JsonSchema, ctx: FillContext, required: boolean): unknown {
  const schema = resolve(raw, ctx.root);
  const optionalSkip = !required && !ctx.options.includeOptional;
  if ('const' in schema) return schema.const;
  const known = ctx.options.known?.[key];
  if (key !== '' && known !== undefined && fitsSchema(known, schema, typeOf(schema))) return known;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const mentioned = mentionedEnum(schema.enum, ctx.cues.text);
    return (
      mentioned ??
      (optionalSkip ? undefined : (schema.enum.find((v) => v !== null) ?? schema.enum[0]))
    );
  }
  const type = typeOf(schema);
  if (type === 'object') {
    if (optionalSkip) return undefined;
    return fillObject(schema, ctx);
  }
  if (type === 'array') {
    const items = isRecord(schema.items) ? schema.items : {};
    const list = PLACE_KEY.test(key) ? ctx.cues.places : NAME_KEY.test(key) ? ctx.cues.names : [];
    const max = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
    if (list.length > 0 && typeOf(resolve(items, ctx.root)) === 'string') return list.slice(0, max);
    if (optionalSkip) return undefined;
    const count = Math.min(
      max,
      Math.max(1, typeof schema.minItems === 'number' ? schema.minItems : 1),
    );
    return Array.from({ length: count }, () => fill(key, items, ctx, true));
  }
  if (type === 'number' || type === 'integer') {
    const found = ctx.cues.numbers[ctx.numberIndex];
    if (found !== undefined) ctx.numberIndex++;
    else if (optionalSkip) return undefined;
    const base = found ?? (typeof schema.default === 'number' ? schema.default : 0);
    return fitNumber(base, schema, type === 'integer');
  }
  if (type === 'boolean') return optionalSkip ? undefined : false;
  if (type === 'null') return null;
  const found = foundString(key, schema, ctx.cues);
  if (found === undefined && optionalSkip) return undefined;
  return fitLength(found ?? fallbackString(schema, ctx.cues), schema);
}

function fillObject(schema: JsonSchema, ctx: FillContext): Record<string, unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const result: Record<string, unknown> = {};
  for (const [key, propSchema] of Object.entries(properties)) {
    if (!isRecord(propSchema)) continue;
    const value = fill(key, propSchema, ctx, required.has(key));
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/** A value for `schema` (an object schema for tools; any schema for response_format). */
export function valueFromSchema(schema: JsonSchema, cues: TextCues, options: FillOptions): unknown {
  const ctx: FillContext = { root: schema, cues, numberIndex: 0, options };
  return fill('', schema, ctx, true);
}
