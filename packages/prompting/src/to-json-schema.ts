// zod 4 → a JSON schema providers accept for `response_format` (Spring AI's
// BeanOutputConverter.getJsonSchema): draft 2020-12 without `$schema`, and closed objects.
import { z } from 'zod';
import type { JsonSchema } from '@repo/core';

// Keywords whose values are schemas, or maps/lists of schemas. Nothing else is walked, so
// `default`, `const` and `examples` values are never rewritten.
const SCHEMA_KEYWORDS = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains'];
const SCHEMA_LIST_KEYWORDS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
const SCHEMA_MAP_KEYWORDS = ['properties', '$defs', 'definitions', 'patternProperties'];

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of `schema` with each direct sub-schema replaced by `map(sub)`. */
function mapChildren(schema: JsonSchema, map: (child: JsonSchema) => JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  const mapItem = (item: unknown) => (isSchema(item) ? map(item) : item);
  for (const key of SCHEMA_KEYWORDS) out[key] = mapItem(out[key]);
  for (const key of SCHEMA_LIST_KEYWORDS) {
    const list = out[key];
    if (Array.isArray(list)) out[key] = list.map(mapItem);
  }
  for (const key of SCHEMA_MAP_KEYWORDS) {
    const entries = out[key];
    if (isSchema(entries))
      out[key] = Object.fromEntries(
        Object.entries(entries).map(([name, item]) => [name, mapItem(item)]),
      );
  }
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

function isObjectSchema(schema: JsonSchema): boolean {
  return schema.type === 'object' || isSchema(schema.properties);
}

function closeObjects(schema: JsonSchema): JsonSchema {
  const out = mapChildren(schema, closeObjects);
  // Only objects with declared properties and no stated policy: records and loose objects keep theirs.
  if (isSchema(out.properties) && out.additionalProperties === undefined)
    out.additionalProperties = false;
  return out;
}

/**
 * The JSON schema of what the model must send (zod's input side: `.default()` fields are
 * optional, transforms are applied after parsing).
 */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
  }) as JsonSchema;
  return closeObjects(rest);
}

/**
 * True when every object lists all its properties as required and is closed: what OpenAI's
 * `strict: true` demands. Other schemas are sent with `strict: false`.
 */
export function isStrictCompatible(schema: JsonSchema): boolean {
  if (isObjectSchema(schema)) {
    const properties = isSchema(schema.properties) ? Object.keys(schema.properties) : [];
    const required = Array.isArray(schema.required) ? schema.required : [];
    if (schema.additionalProperties !== false) return false;
    if (properties.some((name) => !required.includes(name))) return false;
  }
  let compatible = true;
  mapChildren(schema, (child) => {
    compatible &&= isStrictCompatible(child);
    return child;
  });
  return compatible;
}
