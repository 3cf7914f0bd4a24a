// A small JSON-schema checker for tests (types, required, enum, min/max, nested objects, arrays),
// written independently of json-from-schema.ts so the tests do not grade their own homework.
type Schema = Record<string, unknown>;

export function schemaErrors(value: unknown, schema: Schema, path = '$'): string[] {
  const errors: string[] = [];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    errors.push(`${path}: not in enum`);
  const type = schema.type;
  if (type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return [`${path}: not an object`];
    const record = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[])
      if (!(key in record)) errors.push(`${path}.${key}: required`);
    for (const [key, item] of Object.entries(record)) {
      const propertySchema = properties[key];
      if (propertySchema) errors.push(...schemaErrors(item, propertySchema, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${key}: not allowed`);
    }
  } else if (type === 'array') {
    if (!Array.isArray(value)) return [`${path}: not an array`];
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      errors.push(`${path}: too few items`);
    value.forEach((item, i) =>
      errors.push(...schemaErrors(item, (schema.items ?? {}) as Schema, `${path}[${i}]`)),
    );
  } else if (type === 'string') {
    if (typeof value !== 'string') return [`${path}: not a string`];
  } else if (type === 'integer' || type === 'number') {
    if (typeof value !== 'number' || (type === 'integer' && !Number.isInteger(value)))
      return [`${path}: not a ${type}`];
    if (typeof schema.minimum === 'number' && value < schema.minimum)
      errors.push(`${path}: below minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum)
      errors.push(`${path}: above maximum`);
  } else if (type === 'boolean' && typeof value !== 'boolean') {
    errors.push(`${path}: not a boolean`);
  }
  return errors;
}
