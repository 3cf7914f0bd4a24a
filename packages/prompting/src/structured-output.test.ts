import { AiError } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createStructuredOutput, StructuredOutputError, toJsonSchema } from './index.js';

const ActorFilms = z.object({ actor: z.string(), movies: z.array(z.string()) });

describe('createStructuredOutput', () => {
  it('exposes a provider-friendly JSON schema (no $schema, closed objects)', () => {
    const output = createStructuredOutput(ActorFilms, { name: 'actor_films' });
    expect(output.name).toBe('actor_films');
    expect(output.jsonSchema).toEqual({
      type: 'object',
      properties: {
        actor: { type: 'string' },
        movies: { type: 'array', items: { type: 'string' } },
      },
      required: ['actor', 'movies'],
      additionalProperties: false,
    });
  });

  it('builds a json-schema response format, strict only when every property is required', () => {
    const output = createStructuredOutput(ActorFilms, { description: 'An actor and their films' });
    expect(output.responseFormat()).toEqual({
      type: 'json-schema',
      name: 'response',
      schema: output.jsonSchema,
      description: 'An actor and their films',
      strict: true,
    });
    const loose = createStructuredOutput(z.object({ a: z.string().optional() }));
    expect(loose.responseFormat().strict).toBe(false);
    const record = createStructuredOutput(z.object({ scores: z.record(z.string(), z.number()) }));
    expect(record.responseFormat().strict).toBe(false);
  });

  it('closes nested objects, array items and union members, but not records', () => {
    const schema = toJsonSchema(
      z.object({
        items: z.array(z.object({ id: z.number() })),
        either: z.union([z.object({ a: z.string() }), z.string()]),
        tags: z.record(z.string(), z.string()),
      }),
    );
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.items?.items).toMatchObject({ additionalProperties: false });
    expect((properties.either?.anyOf as unknown[])[0]).toMatchObject({
      additionalProperties: false,
    });
    expect(properties.tags?.additionalProperties).toEqual({ type: 'string' });
    expect(schema).not.toHaveProperty('$schema');
  });

  it('writes English instructions with the schema, asking for JSON only', () => {
    const instructions = createStructuredOutput(ActorFilms).formatInstructions();
    expect(instructions).toContain('Answer with a single JSON value');
    expect(instructions).toContain('no Markdown code fences');
    expect(instructions).toContain('Use the property names exactly as written in the schema');
    expect(instructions).toContain(
      JSON.stringify(createStructuredOutput(ActorFilms).jsonSchema, null, 2),
    );
  });

  it('parses tolerant answers into typed values, Chinese included', () => {
    const output = createStructuredOutput(ActorFilms);
    expect(
      output.parse(
        '<think>嗯</think>好的：```json\n{"actor": "周星驰", "movies": ["功夫", "少林足球"]}\n```',
      ),
    ).toEqual({
      actor: '周星驰',
      movies: ['功夫', '少林足球'],
    });
  });

  it('skips a JSON value that does not fit the schema when a later one does', () => {
    const output = createStructuredOutput(ActorFilms);
    expect(output.safeParse('According to [1]: {"actor": "Tom Hanks", "movies": []}')).toEqual({
      success: true,
      value: { actor: 'Tom Hanks', movies: [] },
    });
  });

  it('safeParse reports zod issues with paths, and extraction failures at the root', () => {
    const output = createStructuredOutput(ActorFilms);
    expect(output.safeParse('{"actor": 1, "movies": ["Big", 2]}')).toEqual({
      success: false,
      rawText: '{"actor": 1, "movies": ["Big", 2]}',
      issues: [
        { path: ['actor'], code: 'invalid_type', message: 'must be a string, not a number' },
        { path: ['movies', 1], code: 'invalid_type', message: 'must be a string, not a number' },
      ],
    });
    expect(output.safeParse('no idea')).toEqual({
      success: false,
      rawText: 'no idea',
      issues: [
        { path: [], code: 'no_json', message: 'The answer contains no JSON object or array.' },
      ],
    });
  });

  it('parse throws StructuredOutputError carrying the raw text and the issues', () => {
    const output = createStructuredOutput(ActorFilms);
    const error = (() => {
      try {
        output.parse('Sure! {"actor": "Tom"}');
      } catch (e) {
        return e as StructuredOutputError;
      }
      throw new Error('expected an error');
    })();
    expect(error).toBeInstanceOf(StructuredOutputError);
    expect(error).toBeInstanceOf(AiError);
    expect(error.code).toBe('structured_output_invalid');
    expect(error.rawText).toBe('Sure! {"actor": "Tom"}');
    expect(error.attempts).toBe(1);
    expect(error.issues).toEqual([
      { path: ['movies'], code: 'invalid_type', message: 'is required' },
    ]);
    expect(error.message).toBe(
      "The model's answer is not valid structured output:\n- movies: is required",
    );
  });

  it('applies transforms and defaults after parsing', () => {
    const output = createStructuredOutput(
      z.object({ year: z.string().transform(Number), lang: z.string().default('zh') }),
    );
    expect(output.jsonSchema.required).toEqual(['year']);
    expect(output.parse('{"year": "1994"}')).toEqual({ year: 1994, lang: 'zh' });
  });
});
