import { describe, expect, it } from 'vitest';
import { validateJsonSchema } from './json-checks.js';
import { MetricInputError } from './metrics-errors.js';

const person = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
  required: ['name', 'age'],
  additionalProperties: false,
};

describe('validateJsonSchema', () => {
  it('accepts a matching value', () => {
    expect(validateJsonSchema({ name: 'Ada', age: 36 }, person)).toEqual({
      valid: true,
      errors: [],
    });
  });

  it('reports a wrong type and a missing field, all at once', () => {
    expect(validateJsonSchema({ age: 36.5 }, person)).toEqual({
      valid: false,
      errors: ["/: must have required property 'name'", '/age: must be integer'],
    });
  });

  it('names an extra property', () => {
    expect(validateJsonSchema({ name: 'Ada', age: 36, email: 'a@b.c' }, person).errors).toEqual([
      '/: must NOT have additional properties (email)',
    ]);
  });

  it('points into arrays', () => {
    const schema = { type: 'array', items: { type: 'number' } };
    expect(validateJsonSchema([1, 'two', 3], schema).errors).toEqual(['/1: must be number']);
  });

  it('reuses the compiled validator for the same schema object', () => {
    const schema = { $id: 'https://example.com/answer', type: 'string' };
    expect(validateJsonSchema('yes', schema).valid).toBe(true);
    expect(validateJsonSchema(42, schema).errors).toEqual(['/: must be string']);
    // a second object with the same $id (a suite read again) is compiled, not rejected as a duplicate
    expect(validateJsonSchema(42, { ...schema, type: 'number' }).valid).toBe(true);
  });

  it('uses draft 2020-12 when the schema asks for it', () => {
    const tuple = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'array',
      prefixItems: [{ type: 'string' }, { type: 'number' }],
    };
    expect(validateJsonSchema(['a', 1], tuple).valid).toBe(true);
    expect(validateJsonSchema([1, 'a'], tuple).errors).toEqual([
      '/0: must be string',
      '/1: must be number',
    ]);
  });

  it('throws MetricInputError for an invalid schema', () => {
    expect(() => validateJsonSchema({}, { type: 'strnig' })).toThrow(MetricInputError);
    expect(() => validateJsonSchema({}, { type: 'strnig' })).toThrow(
      /^Invalid JSON schema: schema is invalid: data\/type/,
    );
    // a misspelt keyword is caught too (ajv's strict mode)
    try {
      validateJsonSchema({}, { type: 'object', requried: ['name'] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MetricInputError);
      expect(error).toMatchObject({
        details: [{ field: 'schema', reason: 'strict mode: unknown keyword: "requried"' }],
      });
    }
  });
});

describe('pattern keywords', () => {
  it('run on RE2: a catastrophic pattern checks a long string in linear time', () => {
    const schema = { type: 'string', pattern: '^(a+)+$' };
    expect(validateJsonSchema(`${'a'.repeat(100_000)}!`, schema)).toEqual({
      valid: false,
      errors: ['/: must match pattern "^(a+)+$"'],
    });
    expect(validateJsonSchema('aaaa', schema).valid).toBe(true);
  });

  it('keep each pattern apart, Chinese included', () => {
    const city = { type: 'string', pattern: '^\\p{Han}+市$' };
    const code = { type: 'string', pattern: '^[0-9]{6}$' };
    expect(validateJsonSchema('上海市', city).valid).toBe(true);
    expect(validateJsonSchema('上海市', code).valid).toBe(false);
    expect(validateJsonSchema('200000', code).valid).toBe(true);
    expect(
      validateJsonSchema({ 邮编: '200000' }, { patternProperties: { '^\\p{Han}+$': code } }).valid,
    ).toBe(true);
  });

  it('refuse what RE2 cannot run (lookahead), as an invalid schema', () => {
    expect(() => validateJsonSchema('x', { type: 'string', pattern: 'x(?=y)' })).toThrow(
      /^Invalid JSON schema: invalid regular expression: .*lookahead is not supported/,
    );
  });
});

describe('formats', () => {
  it('checks format keywords such as date and email', () => {
    const schema = {
      type: 'object',
      properties: {
        day: { type: 'string', format: 'date' },
        mail: { type: 'string', format: 'email' },
      },
    };
    expect(validateJsonSchema({ day: '2026-11-30', mail: 'li@example.cn' }, schema)).toEqual({
      valid: true,
      errors: [],
    });
    expect(validateJsonSchema({ day: '30/11/2026', mail: 'nope' }, schema)).toEqual({
      valid: false,
      errors: ['/day: must match format "date"', '/mail: must match format "email"'],
    });
  });
});
